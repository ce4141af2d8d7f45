// SPDX-License-Identifier: GPL-2.0
/*
 * pipe_midstream: the peer of a Minos pipe is killed mid-stream. The
 * child containers run images/pipe_child_writer.bin and
 * pipe_child_reader.bin, whose code the test hands over as rfd 3 and
 * rfd 4; each child gets its pipe ends by wpass/rpass before its code
 * is written.
 *
 * When ckill returns, the child has ended and its descriptors are closed:
 * its peers already see end of stream or -EPIPE. After a ckill the reads
 * check that the data pipe is ready (data or end of stream) at once: each
 * is a multi-read over { decoy, data } whose scan starts at data (the
 * thread's previous read served index 0), with the decoy always ready; a
 * read that serves the decoy counts as "not ready" and is followed by a
 * plain read of the data pipe.
 *
 * Four cases, each reported on wfd 2, one number per line:
 *
 * 1. ckill of a writer while it streams: read PC_READ_BEFORE_KILL bytes,
 *    ckill, then read to the end. Reports: ckill's result; bytes read in
 *    all (at least PC_READ_BEFORE_KILL; -1 if a read failed); 1 if they
 *    were the right ones; reads that found the pipe not ready (0); one
 *    more read (0: the end stays).
 * 2. The same writer killed from outside: after PC_READ_BEFORE_KILL
 *    bytes, write 'K' on wfd 1 and read on; the test SIGKILLs the child.
 *    Reports: bytes (-1 if a read failed), 1 if right, one more read
 *    (0); then ckill of the dead child's cid (0).
 * 3. ckill of a reader blocked in read, then a write to the pipe it read,
 *    PC_ROUNDS times. Reports: ckills that did not return 0; writes that
 *    did not return -EPIPE; the first such write's result (else -EPIPE).
 * 4. ckill of a writer that filled the pipe (nobody reads until then):
 *    after its 'A', ckill, then read everything. Reports: ckill's result;
 *    bytes (at least PC_FIRST; -1 if a read failed); 1 if right; reads
 *    that found the pipe not ready (0).
 */
#include <minos.h>
#include "pipe_lib.h"
#include "pipe_child.h"

#define CODE_MAX	(256 * 1024)

static unsigned char *code[2];
static long code_len[2];
static unsigned char buf[65536];

static void load(int i, int rfd)
{
	code[i] = pl_alloc(CODE_MAX);
	if (!code[i])
		minos_exit_group(10);
	code_len[i] = pl_read_n(rfd, code[i], CODE_MAX);
	if (code_len[i] <= 0 || code_len[i] == CODE_MAX)
		minos_exit_group(11);
	minos_rclose(rfd);
}

/*
 * A child running code @i with, in this order, descriptor @d0 (an rfd if
 * @d0_read, else a wfd) and wfd @ack. Returns the cid.
 */
static long child(int i, int d0, int d0_read, int ack)
{
	int cw, cr;
	long cid;

	if (minos_pipe(&cw, &cr))
		minos_exit_group(12);
	cid = minos_cnew_native(cr);
	if (cid <= 0)
		minos_exit_group(13);
	if ((d0_read ? minos_rpass(d0, cid) : minos_wpass(d0, cid)) != 0 ||
	    minos_wpass(ack, cid) != 1)
		minos_exit_group(14);
	if (minos_write_all(cw, code[i], (unsigned long)code_len[i]) !=
	    code_len[i])
		minos_exit_group(15);
	minos_wclose(cw);
	return cid;
}

/*
 * Check @n bytes just read at *@pos of the writer's stream.
 */
static void check(long n, long *pos, int *ok)
{
	if (pl_pattern_check(buf, (unsigned long)n, PC_WRITER,
			     (unsigned long)*pos) != (unsigned long)n)
		*ok = 0;
	*pos += n;
}

/* Read @rfd until @limit bytes in all; returns the last read's result. */
static long drain(int rfd, long *pos, long limit, int *ok)
{
	long n = 0;

	while (*pos < limit) {
		unsigned long want = sizeof(buf);

		if ((unsigned long)(limit - *pos) < want)
			want = (unsigned long)(limit - *pos);
		n = minos_read_one(rfd, buf, want);
		if (n <= 0)
			break;
		check(n, pos, ok);
	}
	return n;
}

static int decoy_w, decoy_r;

/*
 * After a ckill: read @rfd to its end, each read first trying { decoy,
 * @rfd } with the scan starting at @rfd. Returns the bytes read in all,
 * or -1 if a read failed; counts in *@lagged the reads that found @rfd
 * neither readable nor at its end.
 */
static long drain_after_kill(int rfd, long *pos, int *ok, long *lagged)
{
	int arr[2] = { decoy_r, rfd };

	for (;;) {
		int served = -1;
		char d;
		long n;

		/* The decoy holds a byte for each of the two reads. */
		minos_write(decoy_w, "dd", 2);
		if (minos_read(&decoy_r, 1, &d, 1, (int *)0) != 1)
			return -1;
		n = minos_read(arr, 2, buf, sizeof(buf), &served);
		if (n > 0 && served == decoy_r) {
			(*lagged)++;
			n = minos_read_one(rfd, buf, sizeof(buf));
		} else if (served == decoy_r) {
			return -1;
		}
		if (n < 0)
			return -1;
		if (n == 0)
			return *pos;
		check(n, pos, ok);
	}
}

static void wait_ack(int ar)
{
	char c = 0;

	if (minos_read_one(ar, &c, 1) != 1 || c != 'A')
		minos_exit_group(16);
}

int main(void)
{
	int dw, dr, aw, ar, ok;
	long cid, pos, lagged, bad_ckill, not_epipe, first_bad;

	load(0, PC_WRITER_IMAGE_FD);
	load(1, PC_READER_IMAGE_FD);
	if (minos_pipe(&decoy_w, &decoy_r))
		return 17;

	/* 1 */
	if (minos_pipe(&dw, &dr) || minos_pipe(&aw, &ar))
		return 18;
	cid = child(0, dw, 0, aw);
	ok = 1;
	pos = 0;
	lagged = 0;
	drain(dr, &pos, PC_READ_BEFORE_KILL, &ok);
	report(2, minos_ckill(cid));
	report(2, drain_after_kill(dr, &pos, &ok, &lagged));
	report(2, ok);
	report(2, lagged);
	report(2, minos_read_one(dr, buf, sizeof(buf)));
	minos_rclose(dr);
	minos_rclose(ar);

	/* 2 */
	if (minos_pipe(&dw, &dr) || minos_pipe(&aw, &ar))
		return 19;
	cid = child(0, dw, 0, aw);
	ok = 1;
	pos = 0;
	drain(dr, &pos, PC_READ_BEFORE_KILL, &ok);
	minos_write(1, "K", 1);
	report(2, drain(dr, &pos, 1L << 40, &ok) == 0 ? pos : -1);
	report(2, ok);
	report(2, minos_read_one(dr, buf, sizeof(buf)));
	report(2, minos_ckill(cid));
	minos_rclose(dr);
	minos_rclose(ar);

	/* 3 */
	bad_ckill = 0;
	not_epipe = 0;
	first_bad = -EPIPE;
	for (int round = 0; round < PC_ROUNDS; round++) {
		long w;

		if (minos_pipe(&dw, &dr) || minos_pipe(&aw, &ar))
			return 20;
		cid = child(1, dr, 1, aw);
		wait_ack(ar);
		if (minos_ckill(cid))
			bad_ckill++;
		w = minos_write(dw, "x", 1);
		if (w != -EPIPE && !not_epipe++)
			first_bad = w;
		minos_wclose(dw);
		minos_rclose(ar);
	}
	report(2, bad_ckill);
	report(2, not_epipe);
	report(2, first_bad);

	/* 4 */
	if (minos_pipe(&dw, &dr) || minos_pipe(&aw, &ar))
		return 21;
	cid = child(0, dw, 0, aw);
	wait_ack(ar);
	for (int i = 0; i < 50; i++)
		minos_sched_yield();
	report(2, minos_ckill(cid));
	ok = 1;
	pos = 0;
	lagged = 0;
	report(2, drain_after_kill(dr, &pos, &ok, &lagged));
	report(2, ok);
	report(2, lagged);
	minos_rclose(dr);
	minos_rclose(ar);
	return 0;
}
