// SPDX-License-Identifier: GPL-2.0
/*
 * pipe_atomic: writes of at most 4096 bytes are atomic. Four writer
 * threads make the writes of pipe_atomic.h into one pipe, each byte of a
 * write the same, and each write's value differs from that writer's
 * previous and from every other writer's. The main thread reads in small
 * odd-sized pieces (so the free space the writers see grows by less than
 * 4096 at a time) and cuts the stream into runs of equal bytes: each run
 * must be one whole write, the next one of its writer, of the size that
 * writer's generator gives. A write split by another writer's bytes
 * shows as a short run.
 *
 * Reports on wfd 2, one per line:
 *   total bytes read; runs checked; runs that were not the expected
 *   write; then for the first such run: its writer, the write it should
 *   have been, its length and the expected one (or four -1)
 *   per writer: writes seen in the stream, writes that did not return
 *   their full size (the writer then writes the rest)
 *   the last read's result (0: the last writer to end closes the wfd)
 */
#include <minos.h>
#include "pipe_lib.h"
#include "pipe_atomic.h"

static int wfd, rfd;
static int live = PA_WRITERS;
static long short_writes[PA_WRITERS];
static struct pl_thread threads[PA_WRITERS];

static int writer(void *arg)
{
	unsigned int w = (unsigned int)(long)arg;
	unsigned int seed = pa_seed(w);
	unsigned char block[4096];

	for (unsigned int k = 0; k < PA_WRITES; k++) {
		unsigned long n = pa_next_size(&seed);
		long got;

		minos_memset(block, (int)((w << 6) | (k % PL_PERIOD)), n);
		got = minos_write(wfd, block, n);
		if (got != (long)n) {
			short_writes[w]++;
			if (got > 0)
				got = minos_write_all(wfd, block + got,
						      n - (unsigned long)got);
		}
		if (got <= 0)
			break;
	}
	if (__atomic_sub_fetch(&live, 1, __ATOMIC_ACQ_REL) == 0)
		minos_wclose(wfd);
	return 0;
}

static struct {
	unsigned int seed[PA_WRITERS];
	unsigned int next[PA_WRITERS];
	long runs, bad;
	long first[4];
} chk;

/* One whole run of @len bytes @b: is it the next write of its writer? */
static void check_run(unsigned char b, long len)
{
	unsigned int w = b >> 6;
	unsigned int k = chk.next[w]++;
	long want = k < PA_WRITES ? (long)pa_next_size(&chk.seed[w]) : -1;

	chk.runs++;
	if ((b & 63) == k % PL_PERIOD && len == want)
		return;
	if (!chk.bad++) {
		chk.first[0] = w;
		chk.first[1] = k;
		chk.first[2] = len;
		chk.first[3] = want;
	}
}

int main(void)
{
	static const unsigned long sizes[] = { 1000, 3333, 7, 2048, 999 };
	unsigned char buf[4096];
	long total = 0, run = 0, n;
	unsigned char cur = 0;
	unsigned int i = 0;

	for (int w = 0; w < PA_WRITERS; w++)
		chk.seed[w] = pa_seed((unsigned int)w);
	for (int j = 0; j < 4; j++)
		chk.first[j] = -1;
	if (minos_pipe(&wfd, &rfd))
		return 10;
	for (long w = 0; w < PA_WRITERS; w++)
		if (pl_thread_start(&threads[w], writer, (void *)w) < 0)
			return 11;
	/* Until end of stream: the last writer to end closes the wfd. */
	for (;;) {
		n = minos_read_one(rfd, buf, sizes[i++ % 5]);
		if (n <= 0)
			break;
		for (long j = 0; j < n; j++) {
			if (run && buf[j] == cur) {
				run++;
				continue;
			}
			if (run)
				check_run(cur, run);
			cur = buf[j];
			run = 1;
		}
		total += n;
	}
	for (int w = 0; w < PA_WRITERS; w++)
		pl_thread_join(&threads[w]);
	if (run)
		check_run(cur, run);

	report(2, total);
	report(2, chk.runs);
	report(2, chk.bad);
	for (int j = 0; j < 4; j++)
		report(2, chk.first[j]);
	for (int w = 0; w < PA_WRITERS; w++) {
		report(2, (long)chk.next[w]);
		report(2, short_writes[w]);
	}
	report(2, n);
	return 0;
}
