// SPDX-License-Identifier: GPL-2.0
/*
 * Bench image: the child of spawn.bin in the spawn rows. Writes one byte
 * to wfd 0, a pipe to its parent, and exits. Its Linux counterpart is
 * ../byte-linux.S, a static Linux program that writes one byte to fd 1.
 */
#include "img.h"

int main(void)
{
	char c = 'b';

	return minos_write(0, &c, 1) == 1 ? 0 : 1;
}
