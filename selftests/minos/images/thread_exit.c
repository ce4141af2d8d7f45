// SPDX-License-Identifier: GPL-2.0
/*
 * thread_exit: how threads and the container end. Reads one scenario
 * letter on rfd 0 (which the test keeps open, so a read of it blocks):
 *
 *   a  a worker calls exit(5): main goes on, writes "main goes on" and
 *      returns 0
 *   b  main calls exit(7) while a worker runs; the worker writes "worker
 *      goes on" 200 ms later and calls exit(3): the container ends with
 *      the worker, with the status Linux gives such a process (that of
 *      the last thread, 3, on Linux 6.12)
 *   c  a worker calls exit_group(42) while main is blocked reading rfd 0,
 *      one worker blocked reading a pipe, one in FUTEX_WAIT, one spinning
 *   d  main calls exit_group(43) while workers are blocked the same ways
 *
 * Each thread writes "ready NAME" before it blocks or spins, and the one
 * that ends it all writes "exiting" first.
 */
#include <minos.h>

static int wfd, rfd;
static int never;		/* nobody wakes a FUTEX_WAIT on it */
static volatile int started;

static void ready(const char *name)
{
	minos_printf(1, "ready %s\n", name);
	__atomic_add_fetch(&started, 1, __ATOMIC_SEQ_CST);
}

static void *blocked_read(void *arg)
{
	char c;

	(void)arg;
	ready("pipe-reader");
	minos_read_one(rfd, &c, 1);
	minos_puts(1, "pipe reader woke up\n");
	return (void *)0;
}

static void *blocked_futex(void *arg)
{
	(void)arg;
	ready("futex-waiter");
	minos_futex(&never, FUTEX_WAIT_PRIVATE, 0, (void *)0, (int *)0, 0);
	minos_puts(1, "futex waiter woke up\n");
	return (void *)0;
}

static void *spinner(void *arg)
{
	volatile unsigned long n = 0;

	(void)arg;
	ready("spinner");
	for (;;)
		n++;
	return (void *)0;
}

static void *exit5(void *arg)
{
	(void)arg;
	minos_exit(5);
}

static void *late_worker(void *arg)
{
	(void)arg;
	minos_sleep_ns(200000000);
	minos_puts(1, "worker goes on\n");
	minos_exit(3);
}

static void *group_exit(void *arg)
{
	(void)arg;
	while (__atomic_load_n(&started, __ATOMIC_SEQ_CST) < 3)
		minos_sleep_ns(1000000);
	minos_sleep_ns(100000000);	/* main is in its read by now */
	minos_puts(1, "exiting\n");
	minos_exit_group(42);
}

static void start(void *(*fn)(void *))
{
	struct minos_thread *t;

	if (minos_thread_create(&t, fn, (void *)0))
		minos_exit_group(2);
}

int main(void)
{
	struct minos_thread *t;
	char c = 0;

	if (minos_read_one(0, &c, 1) != 1 || minos_pipe(&wfd, &rfd))
		return 3;
	switch (c) {
	case 'a':
		if (minos_thread_create(&t, exit5, (void *)0))
			return 2;
		minos_thread_join(t, (void **)0);
		minos_puts(1, "main goes on\n");
		return 0;
	case 'b':
		start(late_worker);
		minos_exit(7);
	case 'c':
		start(blocked_read);
		start(blocked_futex);
		start(spinner);
		start(group_exit);
		ready("main");
		minos_read_one(0, &c, 1);
		minos_puts(1, "main woke up\n");
		return 1;
	case 'd':
		start(blocked_read);
		start(blocked_futex);
		start(spinner);
		while (__atomic_load_n(&started, __ATOMIC_SEQ_CST) < 3)
			minos_sleep_ns(1000000);
		minos_sleep_ns(100000000);
		minos_puts(1, "exiting\n");
		minos_exit_group(43);
	}
	return 3;
}
