// SPDX-License-Identifier: GPL-2.0
/*
 * fd_block_write: blocked for good in a write to wfd 3, a host file (a
 * Linux pipe the test never reads). Writes 'R' on wfd 1 first, then 1 MiB
 * to wfd 3. The test kills the container from outside. Exit 3 if the
 * writes ever end.
 */
#include <minos.h>
#include "pipe_lib.h"

int main(void)
{
	unsigned char *buf = pl_alloc(1 << 20);

	if (!buf)
		return 10;
	minos_write(1, "R", 1);
	minos_write_all(3, buf, 1 << 20);
	return 3;
}
