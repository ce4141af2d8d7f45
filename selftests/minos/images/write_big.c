// SPDX-License-Identifier: GPL-2.0
/*
 * write_big: 256 KiB (four times a pipe's capacity) of a known pattern on
 * wfd 1, with as many writes as it takes; each write's result goes to
 * wfd 2. Exit 0 when all bytes went out, 1 on an error or a 0 result.
 */
#include <minos.h>
#include "report.h"

#define BIG	(256 * 1024)

int main(void)
{
	char buf[BIG];
	unsigned long done = 0;

	for (int i = 0; i < BIG; i++)
		buf[i] = (char)(i * 7 + (i >> 12));
	while (done < BIG) {
		long n = minos_write(1, buf + done, BIG - done);

		report(2, n);
		if (n <= 0)
			return 1;
		done += n;
	}
	return 0;
}
