// SPDX-License-Identifier: GPL-2.0
/*
 * Bench image: pipe bandwidth within one container. Writes a chunk into a
 * Minos pipe and reads it back, until params.total bytes went through.
 * Linux twin: linux_pipe_loop() in ../rows.c.
 */
#include "img.h"

int main(void)
{
	char buf[BENCH_MAX_CHUNK];
	struct bench_params p;
	unsigned long done = 0;
	int wfd, rfd;
	long n, ret;

	img_params(&p);
	if (!p.chunk || p.chunk > sizeof(buf))
		img_fail("bad chunk size", (long)p.chunk);
	ret = minos_pipe(&wfd, &rfd);
	if (ret)
		img_fail("pipe", ret);
	minos_memset(buf, 'm', sizeof(buf));

	img_mark(BENCH_MARK_START);
	while (done < p.total) {
		n = minos_write(wfd, buf, p.chunk);
		if (n <= 0)
			img_fail("write", n);
		img_read_full(rfd, buf, (unsigned long)n);
		done += (unsigned long)n;
	}
	img_mark(BENCH_MARK_END);
	return 0;
}
