// SPDX-License-Identifier: GPL-2.0
/*
 * Bench image: bandwidth of the Minos write call on a host pipe. Writes
 * params.total bytes in params.chunk chunks to wfd 1, a Linux pipe that
 * the driver drains. Linux twin: linux_pipe_out() in ../rows.c.
 */
#include "img.h"

int main(void)
{
	char buf[BENCH_MAX_CHUNK];
	struct bench_params p;
	unsigned long done = 0;
	long n;

	img_params(&p);
	if (!p.chunk || p.chunk > sizeof(buf))
		img_fail("bad chunk size", (long)p.chunk);
	minos_memset(buf, 'm', sizeof(buf));

	img_mark(BENCH_MARK_START);
	while (done < p.total) {
		n = minos_write(1, buf, p.chunk);
		if (n <= 0)
			img_fail("write to wfd 1", n);
		done += (unsigned long)n;
	}
	img_mark(BENCH_MARK_END);
	return 0;
}
