// SPDX-License-Identifier: GPL-2.0
/*
 * read_rr: which descriptor a multi-read serves. The scan of rfds starts
 * just after the index the calling thread's previous read served, so
 * ready descriptors are served in turn. Reports on wfd 2, one per line:
 *
 *   30 indices served by reads of 1 byte over { A, B, C }, all three
 *      ready all along, then 1 if each byte came from the pipe served
 *   1 if a read over { D } served D; then the index served over
 *      { A, B, C } (1: the previous read served index 0); 1 if another
 *      thread's read over { D } served D; then the index served over
 *      { A, B, C } again (2: the other thread's read does not count)
 *   8 indices served over { E, F, G, H } with only F and H ready
 *   the count and index of a read over { E, I }: E empty, I at end of
 *      stream (0 and 1: end of stream is ready)
 *   the count and index of a read over { E, G, J }, all empty, when
 *      another thread then writes 4 bytes to J (4 and 2)
 */
#include <minos.h>
#include "pipe_lib.h"

enum { A, B, C, D, E, F, G, H, I, J, NPIPES };

static int w[NPIPES], r[NPIPES];
static int flag;
static long res[2];

static int index_of(const int *arr, int n, int rfd)
{
	for (int i = 0; i < n; i++)
		if (arr[i] == rfd)
			return i;
	return -1;
}

static int read_d(void *arg)
{
	int served = -1;
	char c;

	(void)arg;
	res[0] = minos_read(&r[D], 1, &c, 1, &served) == 1 && served == r[D];
	return 0;
}

static int write_j(void *arg)
{
	(void)arg;
	pl_flag_wait(&flag, 1);
	for (int i = 0; i < 50; i++)
		minos_sched_yield();
	minos_write(w[J], "late", 4);
	return 0;
}

/* One byte over @arr; returns the index served, or -100 - error. */
static long one(const int *arr, int n, char *c)
{
	int served = -1;
	long got = minos_read(arr, (unsigned int)n, c, 1, &served);

	if (got != 1)
		return -100 + (got < 0 ? got : 0);
	return index_of(arr, n, served);
}

int main(void)
{
	int abc[3], efgh[4], ei[2], egj[3];
	struct pl_thread t;
	int ok = 1, served = -1;
	char c, buf[8];
	long n;

	for (int i = 0; i < NPIPES; i++)
		if (minos_pipe(&w[i], &r[i]))
			return 10;
	abc[0] = r[A];
	abc[1] = r[B];
	abc[2] = r[C];
	for (int i = 0; i < 1000; i++)
		minos_write(w[A], "a", 1);
	for (int i = 0; i < 100; i++) {
		minos_write(w[B], "b", 1);
		minos_write(w[C], "c", 1);
	}

	for (int k = 0; k < 30; k++) {
		long idx = one(abc, 3, &c);

		report(2, idx);
		if (idx < 0 || c != "abc"[idx])
			ok = 0;
	}
	report(2, ok);

	minos_write(w[D], "d", 1);
	report(2, one(&r[D], 1, &c) == 0 && c == 'd');
	report(2, one(abc, 3, &c));
	minos_write(w[D], "d", 1);
	res[0] = -1;
	if (pl_thread_start(&t, read_d, (void *)0) < 0)
		return 11;
	pl_thread_join(&t);
	report(2, res[0]);
	report(2, one(abc, 3, &c));

	efgh[0] = r[E];
	efgh[1] = r[F];
	efgh[2] = r[G];
	efgh[3] = r[H];
	minos_write(w[F], "ffffffffff", 10);
	minos_write(w[H], "hhhhhhhhhh", 10);
	for (int k = 0; k < 8; k++)
		report(2, one(efgh, 4, &c));

	ei[0] = r[E];
	ei[1] = r[I];
	minos_wclose(w[I]);
	n = minos_read(ei, 2, buf, sizeof(buf), &served);
	report(2, n);
	report(2, n < 0 ? -1 : index_of(ei, 2, served));

	egj[0] = r[E];
	egj[1] = r[G];
	egj[2] = r[J];
	if (pl_thread_start(&t, write_j, (void *)0) < 0)
		return 12;
	pl_flag_set(&flag, 1);
	n = minos_read(egj, 3, buf, sizeof(buf), &served);
	pl_thread_join(&t);
	report(2, n);
	report(2, n < 0 ? -1 : index_of(egj, 3, served));
	return 0;
}
