// SPDX-License-Identifier: GPL-2.0
/*
 * read_hostwait: a multi-read over { rfd 0, rfd 4, an empty Minos pipe }
 * that must block until the test writes to rfd 0 (a Linux pipe) or rfd 4
 * (a socket). Writes 'R' on wfd 1 first. Reports on wfd 2, one per line:
 * the count, the index served, 1 if the bytes are "data".
 */
#include <minos.h>
#include "pipe_lib.h"

int main(void)
{
	int arr[3] = { 0, 4, -1 };
	int wfd, served = -1, idx;
	char buf[16];
	long n;

	if (minos_pipe(&wfd, &arr[2]))
		return 10;
	minos_write(1, "R", 1);
	n = minos_read(arr, 3, buf, sizeof(buf), &served);
	for (idx = 0; idx < 3 && arr[idx] != served; idx++)
		;
	report(2, n);
	report(2, n < 0 ? -1 : idx);
	report(2, n == 4 && !minos_memcmp(buf, "data", 4));
	return 0;
}
