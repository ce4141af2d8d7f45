// SPDX-License-Identifier: GPL-2.0
/*
 * Bench image: the parent of a two-container row. The driver hands it
 * rfd 4, the child's image file, and wfd 5, a standard error for the
 * child. It starts the child with cnew and gives it, in this order:
 *
 *	rfd 0	pipe A, from the parent (parameters, then the data)
 *	wfd 1	pipe B, to the parent (the replies of a round trip)
 *	wfd 2	wfd 5 of the parent, the child's standard error
 *	wfd 3	pipe R, to the parent: the child's start and end markers
 *
 * then waits for the child's start marker, so that starting the child is
 * not measured, and runs the row with it:
 *
 *	params.arg == BENCH_PAIR_STREAM: write params.total bytes into A in
 *	params.chunk chunks; the end is when the child has read them all
 *	(its end marker). Child: pipe_in.bin.
 *
 *	params.arg == BENCH_PAIR_PING: params.iters times, a byte into A and
 *	the child's echo back from B. Child: rtt_echo.bin.
 *
 * Linux twin: linux_pair() in ../rows.c.
 */
#include "img.h"

#define CHILD_IMAGE_RFD		4
#define CHILD_STDERR_WFD	5

/* Start the child: cnew, pass its descriptors, copy its code. */
static long start_child(int ar, int bw, int rw)
{
	static const char *const what[] = {
		"rpass A", "wpass B", "wpass stderr", "wpass R",
	};
	char buf[4096];
	int cw, cr, i;
	long cid, ret, n;

	ret = minos_pipe(&cw, &cr);
	if (ret)
		img_fail("code pipe", ret);
	cid = minos_cnew_native(cr);
	if (cid < 0)
		img_fail("cnew", cid);
	for (i = 0; i < 4; i++) {
		if (i == 0)
			ret = minos_rpass(ar, cid);
		else
			ret = minos_wpass(i == 1 ? bw : i == 2 ?
					  CHILD_STDERR_WFD : rw, cid);
		if (ret != i)
			img_fail(what[i], ret);
	}
	for (;;) {
		n = minos_read_one(CHILD_IMAGE_RFD, buf, sizeof(buf));
		if (n < 0)
			img_fail("read the child's image", n);
		if (!n)
			break;
		ret = minos_write_all(cw, buf, (unsigned long)n);
		if (ret < 0)
			img_fail("write the child's code", ret);
	}
	minos_wclose(cw);
	minos_rclose(CHILD_IMAGE_RFD);
	return cid;
}

/* Wait for marker @want from the child on @rr. */
static void child_mark(int rr, char want)
{
	char c;
	long n = minos_read_one(rr, &c, 1);

	if (n != 1 || c != want)
		img_fail("the child's marker", n == 1 ? c : n);
}

int main(void)
{
	char buf[BENCH_MAX_CHUNK];
	int aw, ar, bw, br, rw, rr;
	struct bench_params p;
	unsigned long i, done = 0;
	char c = 'p';
	long n;

	img_params(&p);
	if (p.arg == BENCH_PAIR_STREAM &&
	    (!p.chunk || p.chunk > sizeof(buf)))
		img_fail("bad chunk size", (long)p.chunk);
	if (minos_pipe(&aw, &ar) || minos_pipe(&bw, &br) ||
	    minos_pipe(&rw, &rr))
		img_fail("pipe", -1);
	start_child(ar, bw, rw);
	n = minos_write_all(aw, &p, sizeof(p));
	if (n < 0)
		img_fail("write the child's parameters", n);
	minos_memset(buf, 'm', sizeof(buf));
	child_mark(rr, BENCH_MARK_START);

	img_mark(BENCH_MARK_START);
	if (p.arg == BENCH_PAIR_STREAM) {
		while (done < p.total) {
			n = minos_write(aw, buf, p.chunk);
			if (n <= 0)
				img_fail("write A", n);
			done += (unsigned long)n;
		}
		child_mark(rr, BENCH_MARK_END);
	} else {
		for (i = 0; i < p.iters; i++) {
			n = minos_write(aw, &c, 1);
			if (n != 1)
				img_fail("write A", n);
			n = minos_read_one(br, &c, 1);
			if (n != 1)
				img_fail("read B", n);
		}
	}
	img_mark(BENCH_MARK_END);
	return 0;
}
