// SPDX-License-Identifier: GPL-2.0
/*
 * Bench image: params.iters times, wclose() a descriptor number that is
 * not open, which fails with -EBADF and does nothing else: the bare cost
 * of a Minos call, queued as task work by the probe and run on the way
 * back to user space. Linux twin: linux_bad_close() in ../rows.c, close(2)
 * of a number that is not open.
 */
#include "img.h"

int main(void)
{
	struct bench_params p;
	unsigned long i;
	long ret;

	img_params(&p);

	img_mark(BENCH_MARK_START);
	for (i = 0; i < p.iters; i++) {
		ret = minos_wclose(BENCH_BAD_FD);
		if (ret != -EBADF)
			img_fail("wclose of a bad descriptor", ret);
	}
	img_mark(BENCH_MARK_END);
	return 0;
}
