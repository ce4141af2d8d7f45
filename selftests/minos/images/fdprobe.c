// SPDX-License-Identifier: GPL-2.0
/*
 * fdprobe: which of the descriptors 0 .. 8 are write descriptors? Write
 * the one digit of its number to each, then report the nine results on
 * wfd 9, which the test always hands over (--wfd 9=fd:N).
 */
#include <minos.h>
#include "report.h"

int main(void)
{
	long r[9];

	for (int n = 0; n < 9; n++) {
		char c = (char)('0' + n);

		r[n] = minos_write(n, &c, 1);
	}
	for (int n = 0; n < 9; n++)
		report(9, r[n]);
	return 0;
}
