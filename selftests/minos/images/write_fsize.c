// SPDX-License-Identifier: GPL-2.0
/*
 * write_fsize: wfd 1 is a regular file and RLIMIT_FSIZE is 100 bytes. A
 * write of 150 bytes writes 100, the next write fails with -EFBIG and does
 * not kill the container (no SIGXFSZ), a write of 0 bytes returns 0.
 * Results on wfd 2.
 */
#include <minos.h>
#include "report.h"

int main(void)
{
	char buf[150];
	long r[3];

	for (int i = 0; i < 150; i++)
		buf[i] = (char)('A' + i % 26);
	r[0] = minos_write(1, buf, 150);
	r[1] = minos_write(1, buf, 10);
	r[2] = minos_write(1, buf, 0);
	for (int i = 0; i < 3; i++)
		report(2, r[i]);
	return 0;
}
