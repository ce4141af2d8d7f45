// SPDX-License-Identifier: GPL-2.0
/*
 * Bench image: params.iters times, make a Minos pipe and close both of its
 * ends (wclose, rclose), the two pipes of each cnew in the spawn rows.
 * Linux twin: linux_pipe_new() in ../rows.c, pipe(2) and two close(2).
 */
#include "img.h"

int main(void)
{
	struct bench_params p;
	unsigned long i;
	int w, r;
	long ret;

	img_params(&p);

	img_mark(BENCH_MARK_START);
	for (i = 0; i < p.iters; i++) {
		ret = minos_pipe(&w, &r);
		if (ret)
			img_fail("pipe", ret);
		ret = minos_wclose(w);
		if (ret)
			img_fail("wclose", ret);
		ret = minos_rclose(r);
		if (ret)
			img_fail("rclose", ret);
	}
	img_mark(BENCH_MARK_END);
	return 0;
}
