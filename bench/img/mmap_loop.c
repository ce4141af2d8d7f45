// SPDX-License-Identifier: GPL-2.0
/*
 * Bench image: params.iters times, mmap 4 KiB of anonymous memory and
 * munmap it again, without touching it: two Linux-like calls of the
 * Minos table per iteration, which Linux runs once the module has checked
 * their arguments. Linux twin: linux_mmap_loop() in ../rows.c.
 */
#include "img.h"

#define SIZE	4096UL

int main(void)
{
	struct bench_params p;
	unsigned long i;
	long addr, ret;

	img_params(&p);

	img_mark(BENCH_MARK_START);
	for (i = 0; i < p.iters; i++) {
		addr = minos_mmap((void *)0, SIZE, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (minos_is_error(addr))
			img_fail("mmap", addr);
		ret = minos_munmap((void *)addr, SIZE);
		if (ret)
			img_fail("munmap", ret);
	}
	img_mark(BENCH_MARK_END);
	return 0;
}
