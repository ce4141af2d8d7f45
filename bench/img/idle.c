// SPDX-License-Identifier: GPL-2.0
/*
 * Bench image: a container that exists and does nothing. Marks its start,
 * then blocks in a read of rfd 0 until the driver closes that pipe, then
 * marks its end and exits. Used by the rows that measure what a live
 * container costs the ordinary processes around it.
 */
#include "img.h"

int main(void)
{
	struct bench_params p;
	char buf[64];
	long n;

	img_params(&p);

	img_mark(BENCH_MARK_START);
	do {
		n = minos_read_one(0, buf, sizeof(buf));
	} while (n > 0);
	if (n < 0)
		img_fail("read rfd 0", n);
	img_mark(BENCH_MARK_END);
	return 0;
}
