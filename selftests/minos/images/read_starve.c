// SPDX-License-Identifier: GPL-2.0
/*
 * read_starve: a multi-read over { A, B, C } where A never stops being
 * readable (a thread keeps it full) still serves B and C. B holds 4800
 * bytes and is at end of stream from the start; C gets 300 messages of 16
 * bytes from a thread that yields between them, then its end. The main
 * thread reads 16 bytes at a time until it has seen the end of both B and
 * C, then closes A, which ends A's writer with -EPIPE.
 *
 * With the scan starting after the previous read's index, each read of A
 * is followed by a read of B, which is always ready (data, then end of
 * stream): A cannot get more than one read more than B.
 *
 * Reports on wfd 2, one per line: reads served by A, B and C until both
 * ends were seen; bytes from B and C; 1 if B's and C's bytes are right;
 * A's writer's last result (-EPIPE).
 */
#include <minos.h>
#include "pipe_lib.h"

#define MSG	16
#define NMSG	300

static int aw, ar, bw, br, cw, cr;
static int a_full;
static long a_last;

static int feed_a(void *arg)
{
	static char chunk[4096];
	long total = 0;

	(void)arg;
	minos_memset(chunk, 'a', sizeof(chunk));
	for (;;) {
		long n = minos_write(aw, chunk, sizeof(chunk));

		if (n <= 0) {
			a_last = n;
			return 0;
		}
		total += n;
		if (total >= MINOS_PIPE_CAPACITY &&
		    !__atomic_load_n(&a_full, __ATOMIC_RELAXED))
			pl_flag_set(&a_full, 1);
	}
}

static int feed_c(void *arg)
{
	unsigned char msg[MSG];

	(void)arg;
	for (unsigned long i = 0; i < NMSG; i++) {
		pl_pattern_fill(msg, MSG, 2, i * MSG);
		if (minos_write_all(cw, msg, MSG) != MSG)
			break;
		for (int k = 0; k < 3; k++)
			minos_sched_yield();
	}
	minos_wclose(cw);
	return 0;
}

int main(void)
{
	static unsigned char bdata[NMSG * MSG];
	struct pl_thread ta, tc;
	long reads[3] = { 0, 0, 0 }, bytes[3] = { 0, 0, 0 };
	int ok[3] = { 1, 1, 1 }, ended[3] = { 0, 0, 0 };
	int arr[3];
	unsigned char buf[MSG];

	if (minos_pipe(&aw, &ar) || minos_pipe(&bw, &br) ||
	    minos_pipe(&cw, &cr))
		return 10;
	pl_pattern_fill(bdata, sizeof(bdata), 1, 0);
	if (minos_write_all(bw, bdata, sizeof(bdata)) != sizeof(bdata))
		return 11;
	minos_wclose(bw);
	if (pl_thread_start(&ta, feed_a, (void *)0) < 0)
		return 12;
	pl_flag_wait(&a_full, 1);
	if (pl_thread_start(&tc, feed_c, (void *)0) < 0)
		return 13;

	arr[0] = ar;
	arr[1] = br;
	arr[2] = cr;
	while (!ended[1] || !ended[2]) {
		int served = -1, i;
		long n = minos_read(arr, 3, buf, MSG, &served);

		for (i = 0; i < 3 && arr[i] != served; i++)
			;
		if (n < 0 || i == 3)
			return 14;
		reads[i]++;
		if (n == 0) {
			ended[i] = 1;
			continue;
		}
		if (i && pl_pattern_check(buf, (unsigned long)n, (unsigned int)i,
					  (unsigned long)bytes[i]) != (unsigned long)n)
			ok[i] = 0;
		bytes[i] += n;
	}
	minos_rclose(ar);
	pl_thread_join(&ta);
	pl_thread_join(&tc);

	for (int i = 0; i < 3; i++)
		report(2, reads[i]);
	report(2, bytes[1]);
	report(2, bytes[2]);
	report(2, ok[1]);
	report(2, ok[2]);
	report(2, a_last);
	return 0;
}
