// SPDX-License-Identifier: GPL-2.0
/*
 * pipe_wake: a thread blocked in read or write is woken by what another
 * thread does to the pipe. A helper thread says it is about to block, then
 * calls; the main thread then acts. The helper may not have blocked yet
 * when the main thread acts: the result must be the same either way.
 * Reports on wfd 2, one per line:
 *   writer: fills an empty pipe, then a 4096-byte write that must wait;
 *   the main thread rcloses: the first write's result (65536), then the
 *   second's (-EPIPE)
 *   reader of an empty pipe; the main thread wcloses: the result (0)
 *   reader of an empty pipe; the main thread writes 4 bytes: the count
 *   (4), and 1 if they are the right ones
 *   writer of 256 KiB in writes of 100000 bytes, then wclose, while the
 *   main thread reads 1000 bytes at a time to the end: the bytes written,
 *   the smallest write result, the bytes read, and 1 if they are right
 *   a write of 4096 bytes where exactly 4096 are free: its result (4096)
 *   writer of 4096 bytes where only 100 are free: it must wait, writing
 *   nothing (atomic); the main thread rcloses: the result (-EPIPE, where
 *   a write that is not atomic would have returned 100)
 */
#include <minos.h>
#include "pipe_lib.h"

#define BIG	(256 * 1024)

static int wfd, rfd;
static int flag;
static long res[2];
static unsigned char *buf;
static struct pl_thread helper;

static int fill_then_write(void *arg)
{
	(void)arg;
	res[0] = minos_write(wfd, buf, MINOS_PIPE_CAPACITY);
	pl_flag_set(&flag, 1);
	res[1] = minos_write(wfd, buf, MINOS_ATOMIC_WRITE);
	return 0;
}

static int read_some(void *arg)
{
	(void)arg;
	pl_flag_set(&flag, 1);
	res[0] = minos_read_one(rfd, buf, 16);
	return 0;
}

static int write_atomic(void *arg)
{
	(void)arg;
	pl_flag_set(&flag, 1);
	res[0] = minos_write(wfd, buf, MINOS_ATOMIC_WRITE);
	return 0;
}

static int write_big(void *arg)
{
	unsigned long done = 0;
	long least = BIG;

	(void)arg;
	pl_flag_set(&flag, 1);
	while (done < BIG) {
		unsigned long n = BIG - done < 100000 ? BIG - done : 100000;
		long w = minos_write(wfd, buf + done, n);

		if (w < least)
			least = w;
		if (w <= 0)
			break;
		done += (unsigned long)w;
	}
	res[0] = (long)done;
	res[1] = least;
	minos_wclose(wfd);	/* the reader reads to the end */
	return 0;
}

/* Start a helper running @fn; returns once it is about to call. */
static void start_on(int (*fn)(void *))
{
	flag = 0;
	res[0] = -1000;
	res[1] = -1000;
	if (pl_thread_start(&helper, fn, (void *)0) < 0)
		minos_exit_group(11);
	pl_flag_wait(&flag, 1);
	/* Only makes the blocked case the usual one. */
	for (int i = 0; i < 50; i++)
		minos_sched_yield();
}

/* A new pipe and a helper running @fn; returns once it is about to call. */
static void start(int (*fn)(void *))
{
	if (minos_pipe(&wfd, &rfd))
		minos_exit_group(10);
	start_on(fn);
}

/* A new pipe holding @held bytes, and a helper writing 4096 more. */
static void start_full(unsigned long held)
{
	if (minos_pipe(&wfd, &rfd))
		minos_exit_group(10);
	if (minos_write(wfd, buf, held) != (long)held)
		minos_exit_group(13);
	start_on(write_atomic);
}

int main(void)
{
	unsigned char *in;
	long got = 0;
	int ok = 1;

	buf = pl_alloc(BIG);
	in = pl_alloc(1000);
	if (!buf || !in)
		return 12;

	pl_pattern_fill(buf, BIG, 1, 0);
	start(fill_then_write);
	minos_rclose(rfd);
	pl_thread_join(&helper);
	report(2, res[0]);
	report(2, res[1]);
	minos_wclose(wfd);

	start(read_some);
	minos_wclose(wfd);
	pl_thread_join(&helper);
	report(2, res[0]);
	minos_rclose(rfd);

	start(read_some);
	minos_write(wfd, "wake", 4);
	pl_thread_join(&helper);
	report(2, res[0]);
	report(2, res[0] == 4 && !minos_memcmp(buf, "wake", 4));
	minos_wclose(wfd);
	minos_rclose(rfd);

	pl_pattern_fill(buf, BIG, 2, 0);
	start(write_big);
	for (;;) {
		long n = minos_read_one(rfd, in, 1000);

		if (n <= 0)
			break;
		if (pl_pattern_check(in, (unsigned long)n, 2, (unsigned long)got) !=
		    (unsigned long)n)
			ok = 0;
		got += n;
	}
	pl_thread_join(&helper);
	report(2, res[0]);
	report(2, res[1]);
	report(2, got);
	report(2, ok);
	minos_rclose(rfd);

	if (minos_pipe(&wfd, &rfd) ||
	    minos_write(wfd, buf, MINOS_PIPE_CAPACITY - MINOS_ATOMIC_WRITE) !=
	    MINOS_PIPE_CAPACITY - MINOS_ATOMIC_WRITE)
		return 14;
	report(2, minos_write(wfd, buf, MINOS_ATOMIC_WRITE));
	minos_wclose(wfd);
	minos_rclose(rfd);

	start_full(MINOS_PIPE_CAPACITY - 100);
	minos_rclose(rfd);
	pl_thread_join(&helper);
	report(2, res[0]);
	minos_wclose(wfd);
	return 0;
}
