// SPDX-License-Identifier: GPL-2.0
/*
 * Bench image: the child of pair.bin in the two-container bandwidth rows.
 * Reads its parameters from rfd 0, says it is ready with a start marker
 * on wfd 3 (a pipe to its parent), reads params.total bytes from rfd 0,
 * then writes the end marker to wfd 3.
 */
#include "img.h"

int main(void)
{
	char buf[BENCH_MAX_CHUNK];
	struct bench_params p;
	unsigned long got = 0;
	long n;

	img_params(&p);
	minos_memset(buf, 0, sizeof(buf));

	img_mark(BENCH_MARK_START);
	while (got < p.total) {
		n = minos_read_one(0, buf, sizeof(buf));
		if (n <= 0)
			img_fail("read rfd 0", n);
		got += (unsigned long)n;
	}
	img_mark(BENCH_MARK_END);
	return 0;
}
