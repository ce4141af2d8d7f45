// SPDX-License-Identifier: GPL-2.0
/*
 * thread_read: a thread blocked in a Minos read does not block the others.
 *
 * The reader thread writes "reader TID" and blocks reading a pipe of the
 * container; a writer thread writes "ping" into it and exits; main then
 * writes "pong" into the same pipe (the descriptor outlived the thread
 * that used it). The reader, having both, writes "got ping pong" and
 * blocks again, reading rfd 0 (the test's pipe). Meanwhile main writes
 * "blocked", then "tick N" lines, one every 20 ms, until the reader is
 * done: the test counts ticks while the reader sleeps, then writes "go"
 * on rfd 0. The reader writes "got go" and main exits 0 after it.
 */
#include <minos.h>

static int wfd, rfd;
static volatile int reading, done;

static void *reader(void *arg)
{
	char buf[16];
	long n, m;

	(void)arg;
	minos_printf(1, "reader %d\n", minos_thread_tid());
	__atomic_store_n(&reading, 1, __ATOMIC_RELEASE);
	n = minos_read_one(rfd, buf, 4);
	m = n == 4 ? minos_read_one(rfd, buf + 4, 4) : -1;
	if (n != 4 || m != 4 || memcmp(buf, "pingpong", 8))
		return (void *)1;
	minos_puts(1, "got ping pong\n");
	__atomic_store_n(&reading, 2, __ATOMIC_RELEASE);
	n = minos_read_one(0, buf, sizeof(buf));
	if (n < 2 || memcmp(buf, "go", 2))
		return (void *)2;
	minos_puts(1, "got go\n");
	__atomic_store_n(&done, 1, __ATOMIC_RELEASE);
	return (void *)0;
}

static void *writer(void *arg)
{
	(void)arg;
	return (void *)minos_write(wfd, "ping", 4);
}

int main(void)
{
	struct minos_thread *r, *w;
	void *res;
	int tick = 0;

	if (minos_pipe(&wfd, &rfd))
		return 2;
	if (minos_thread_create(&r, reader, (void *)0))
		return 3;
	while (!__atomic_load_n(&reading, __ATOMIC_ACQUIRE))
		minos_sleep_ns(1000000);
	minos_sleep_ns(50000000);	/* let it block */
	if (minos_thread_create(&w, writer, (void *)0))
		return 4;
	minos_thread_join(w, &res);
	if ((long)res != 4)
		return 5;
	if (minos_write(wfd, "pong", 4) != 4)
		return 6;
	while (__atomic_load_n(&reading, __ATOMIC_ACQUIRE) != 2)
		minos_sleep_ns(1000000);
	minos_sleep_ns(50000000);
	minos_puts(1, "blocked\n");
	while (!__atomic_load_n(&done, __ATOMIC_ACQUIRE) && tick < 100000) {
		minos_printf(1, "tick %d\n", tick++);
		minos_sleep_ns(20000000);
	}
	minos_thread_join(r, &res);
	return (int)(long)res;
}
