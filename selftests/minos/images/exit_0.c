// SPDX-License-Identifier: GPL-2.0
/* exit_0: main returns 0, which becomes the container's exit status. */
#include <minos.h>

int main(void)
{
	return 0;
}
