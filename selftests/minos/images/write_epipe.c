// SPDX-License-Identifier: GPL-2.0
/*
 * write_epipe: wfd 1 is a Linux pipe whose read end the test has closed.
 * Two writes must both return -EPIPE and raise no signal: the container
 * lives on to report both results on wfd 2 and exit 0.
 */
#include <minos.h>
#include "report.h"

int main(void)
{
	long r0 = minos_write(1, "abc", 3);
	long r1 = minos_write(1, "defgh", 5);

	report(2, r0);
	report(2, r1);
	return 0;
}
