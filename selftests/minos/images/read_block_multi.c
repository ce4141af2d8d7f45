// SPDX-License-Identifier: GPL-2.0
/*
 * read_block_multi: blocked for good in a multi-read over an empty Minos
 * pipe (whose write end it keeps) and rfd 0, a host file the test never
 * writes. Writes 'R' on wfd 1 first. The test kills the container from
 * outside. Exit 3 if the read ever returns.
 */
#include <minos.h>

int main(void)
{
	int arr[2] = { -1, 0 };
	int wfd;
	char c;

	if (minos_pipe(&wfd, &arr[0]))
		return 10;
	minos_write(1, "R", 1);
	minos_read(arr, 2, &c, 1, (int *)0);
	return 3;
}
