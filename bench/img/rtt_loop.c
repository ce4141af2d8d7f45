// SPDX-License-Identifier: GPL-2.0
/*
 * Bench image: 1-byte round trips over two Minos pipes within one
 * container: write a byte to pipe A, read it, write it to pipe B, read it;
 * params.iters times. Linux twin: linux_rtt_loop() in ../rows.c.
 */
#include "img.h"

int main(void)
{
	struct bench_params p;
	int wa, ra, wb, rb;
	unsigned long i;
	char c = 'r';
	long ret;

	img_params(&p);
	ret = minos_pipe(&wa, &ra);
	if (ret)
		img_fail("pipe A", ret);
	ret = minos_pipe(&wb, &rb);
	if (ret)
		img_fail("pipe B", ret);

	img_mark(BENCH_MARK_START);
	for (i = 0; i < p.iters; i++) {
		ret = minos_write(wa, &c, 1);
		if (ret != 1)
			img_fail("write A", ret);
		ret = minos_read_one(ra, &c, 1);
		if (ret != 1)
			img_fail("read A", ret);
		ret = minos_write(wb, &c, 1);
		if (ret != 1)
			img_fail("write B", ret);
		ret = minos_read_one(rb, &c, 1);
		if (ret != 1)
			img_fail("read B", ret);
	}
	img_mark(BENCH_MARK_END);
	return 0;
}
