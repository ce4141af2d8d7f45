// SPDX-License-Identifier: GPL-2.0
/*
 * Bench image: the parent of the spawn rows, cnew to the child's first
 * byte. The driver hands it rfd 4, the child's image file (byte.bin),
 * which it reads once into memory. It then maps params.total bytes of
 * anonymous memory and writes to every page of it, so that it has that
 * much memory of its own when it starts its children, and params.iters
 * times, between its markers:
 *
 *	makes a pipe for the child's byte and one for its code, cnew() on the
 *	code pipe, passes the byte pipe's write end (the child's wfd 0),
 *	writes the code and closes the code pipe, reads the child's byte,
 *	closes the byte pipe and ckill()s the child (which has ended or is
 *	ending: ckill returns when it has).
 *
 * Linux twins: linux_spawn_posix() and linux_spawn_fork() in ../rows.c.
 */
#include "img.h"

#define CHILD_IMAGE_RFD		4
#define CODE_MAX		(1UL << 20)
#define PAGE			4096UL

static void *map(unsigned long size)
{
	long addr = minos_mmap((void *)0, size, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (minos_is_error(addr))
		img_fail("mmap", addr);
	return (void *)addr;
}

/* The child's whole image, from rfd 4, into @code; returns its size. */
static unsigned long read_code(char *code)
{
	unsigned long size = 0;
	long n;

	for (;;) {
		if (size == CODE_MAX)
			img_fail("the child's image is too large", size);
		n = minos_read_one(CHILD_IMAGE_RFD, code + size,
				   CODE_MAX - size);
		if (n < 0)
			img_fail("read the child's image", n);
		if (!n)
			break;
		size += (unsigned long)n;
	}
	minos_rclose(CHILD_IMAGE_RFD);
	if (!size)
		img_fail("the child's image is empty", 0);
	return size;
}

static void spawn_one(const char *code, unsigned long size)
{
	int cw, cr, bw, br;
	long cid, ret;
	char c;

	ret = minos_pipe(&bw, &br);
	if (ret)
		img_fail("byte pipe", ret);
	ret = minos_pipe(&cw, &cr);
	if (ret)
		img_fail("code pipe", ret);
	cid = minos_cnew_native(cr);
	if (cid < 0)
		img_fail("cnew", cid);
	ret = minos_wpass(bw, cid);
	if (ret != 0)
		img_fail("wpass", ret);
	ret = minos_write_all(cw, code, size);
	if (ret < 0)
		img_fail("write the child's code", ret);
	minos_wclose(cw);
	ret = minos_read_one(br, &c, 1);
	if (ret != 1)
		img_fail("read the child's byte", ret);
	minos_rclose(br);
	ret = minos_ckill(cid);
	if (ret)
		img_fail("ckill", ret);
}

int main(void)
{
	struct bench_params p;
	unsigned long size, off, i;
	char *code, *mem;

	img_params(&p);
	code = map(CODE_MAX);
	size = read_code(code);
	if (p.total) {
		mem = map(p.total);
		for (off = 0; off < p.total; off += PAGE)
			mem[off] = 'm';
	}

	img_mark(BENCH_MARK_START);
	for (i = 0; i < p.iters; i++)
		spawn_one(code, size);
	img_mark(BENCH_MARK_END);
	return 0;
}
