// SPDX-License-Identifier: GPL-2.0
/* exit_255: main returns 255, which becomes the container's exit status. */
#include <minos.h>

int main(void)
{
	return 255;
}
