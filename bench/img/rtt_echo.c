// SPDX-License-Identifier: GPL-2.0
/*
 * Bench image: the container's half of a 1-byte round trip with the
 * driver. Reads a byte from rfd 0 (a host pipe from the driver) and writes
 * it back to wfd 1 (a host pipe to the driver), params.iters times.
 * Linux twin: linux_rtt_echo() in ../rows.c.
 */
#include "img.h"

int main(void)
{
	struct bench_params p;
	unsigned long i;
	char c;
	long ret;

	img_params(&p);

	img_mark(BENCH_MARK_START);
	for (i = 0; i < p.iters; i++) {
		ret = minos_read_one(0, &c, 1);
		if (ret != 1)
			img_fail("read rfd 0", ret);
		ret = minos_write(1, &c, 1);
		if (ret != 1)
			img_fail("write wfd 1", ret);
	}
	img_mark(BENCH_MARK_END);
	return 0;
}
