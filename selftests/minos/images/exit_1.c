// SPDX-License-Identifier: GPL-2.0
/* exit_1: main returns 1, which becomes the container's exit status. */
#include <minos.h>

int main(void)
{
	return 1;
}
