// SPDX-License-Identifier: GPL-2.0
/*
 * Bench image: one Minos read over params.npipes pipes of which one, index
 * params.arg, has data: write a byte to that pipe, then read it through a
 * read of all the rfds; params.iters times. Linux twin (epoll_wait, then
 * read): linux_multiread() in ../rows.c.
 */
#include "img.h"

int main(void)
{
	int wfds[BENCH_MAX_PIPES], rfds[BENCH_MAX_PIPES];
	struct bench_params p;
	unsigned long i;
	int active, rfd;
	char c = 'p';
	long ret;

	img_params(&p);
	if (!p.npipes || p.npipes > BENCH_MAX_PIPES || p.arg >= p.npipes)
		img_fail("bad pipe count or active index", (long)p.npipes);
	for (i = 0; i < p.npipes; i++) {
		ret = minos_pipe(&wfds[i], &rfds[i]);
		if (ret)
			img_fail("pipe", ret);
	}
	active = (int)p.arg;

	img_mark(BENCH_MARK_START);
	for (i = 0; i < p.iters; i++) {
		ret = minos_write(wfds[active], &c, 1);
		if (ret != 1)
			img_fail("write", ret);
		ret = minos_read(rfds, p.npipes, &c, 1, &rfd);
		if (ret != 1)
			img_fail("read", ret);
		if (rfd != rfds[active])
			img_fail("read served the wrong rfd", rfd);
	}
	img_mark(BENCH_MARK_END);
	return 0;
}
