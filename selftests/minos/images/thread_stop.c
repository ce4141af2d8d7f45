// SPDX-License-Identifier: GPL-2.0
/*
 * thread_stop: blocking calls that a stop signal (SIGSTOP, then SIGCONT)
 * interrupts must go on as on Linux. Reads one scenario letter on rfd 0,
 * writes "R" on wfd 1 once it is about to block, then its result:
 *
 *   t  FUTEX_WAIT with a 2 s timeout that nobody wakes: "-110"
 *      (-ETIMEDOUT; Linux restarts the wait after SIGCONT)
 *   w  FUTEX_WAIT without a timeout, woken by another thread after 1.5 s
 *      (FUTEX_WAKE): "0"
 *   r  a Minos read of rfd 0, which the test then writes "x" to: "1 x"
 */
#include <minos.h>
#include <linux/time_types.h>

static int word;

static void *waker(void *arg)
{
	int i;

	(void)arg;
	/* 1.5 s in short sleeps: a stop must not shorten the whole. */
	for (i = 0; i < 150; i++)
		minos_sleep_ns(10000000);
	__atomic_store_n(&word, 1, __ATOMIC_RELEASE);
	minos_futex(&word, FUTEX_WAKE_PRIVATE, 1, (void *)0, (int *)0, 0);
	return (void *)0;
}

int main(void)
{
	struct __kernel_timespec ts = { .tv_sec = 2 };
	struct minos_thread *t;
	char c = 0, buf[4];
	long r;

	if (minos_read_one(0, &c, 1) != 1)
		return 3;
	switch (c) {
	case 't':
		minos_puts(1, "R");
		r = minos_futex(&word, FUTEX_WAIT_PRIVATE, 0, &ts, (int *)0, 0);
		minos_printf(1, "%ld\n", r);
		return 0;
	case 'w':
		if (minos_thread_create(&t, waker, (void *)0))
			return 2;
		minos_puts(1, "R");
		r = minos_futex(&word, FUTEX_WAIT_PRIVATE, 0, (void *)0,
				(int *)0, 0);
		minos_printf(1, "%ld\n", r);
		minos_thread_join(t, (void **)0);
		return 0;
	case 'r':
		minos_puts(1, "R");
		r = minos_read_one(0, buf, sizeof(buf));
		minos_printf(1, "%ld %c\n", r, r > 0 ? buf[0] : '-');
		return 0;
	}
	return 3;
}
