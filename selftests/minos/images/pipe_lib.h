/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers for the pipe_*, read_* and fd_* images: threads (clone with an
 * mmap'ed stack, joined through CLONE_CHILD_CLEARTID and futex), a flag
 * one thread waits on and another sets, anonymous memory, reads of a
 * whole count. The stream pattern is in pipe_pattern.h.
 *
 * Only for images: it needs the SDK (<minos.h>).
 */
#ifndef MINOS_SELFTEST_PIPE_LIB_H
#define MINOS_SELFTEST_PIPE_LIB_H

#include <minos.h>
#include "report.h"
#include "pipe_pattern.h"

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#endif

#define PL_PAGE		4096UL
#define PL_STACK_SIZE	(256 * 1024UL)

/* The byte every sentinel-filled buffer starts with. */
#define PL_SENTINEL	0xa5

/* Anonymous read-write memory, or NULL. */
static inline void *pl_alloc(unsigned long size)
{
	long p = minos_mmap((void *)0, size, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return minos_is_error(p) ? (void *)0 : (void *)p;
}

/* True when the @n bytes at @buf all hold PL_SENTINEL. */
static inline int pl_untouched(const void *buf, unsigned long n)
{
	const unsigned char *p = buf;

	for (unsigned long i = 0; i < n; i++)
		if (p[i] != PL_SENTINEL)
			return 0;
	return 1;
}

/*
 * A thread. @tid is set by the kernel before the thread runs
 * (CLONE_PARENT_SETTID) and cleared, with a futex wake, when it ends
 * (CLONE_CHILD_CLEARTID); read it with __atomic_load_n().
 */
struct pl_thread {
	int tid;
	void *stack;
};

/* Start @fn(@arg) in a new thread; returns its tid or -errno. */
static inline long pl_thread_start(struct pl_thread *t, int (*fn)(void *),
				   void *arg)
{
	long tid;

	t->stack = pl_alloc(PL_STACK_SIZE);
	if (!t->stack)
		return -ENOMEM;
	tid = minos_clone_thread(MINOS_CLONE_THREAD_FLAGS |
				 CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID,
				 (char *)t->stack + PL_STACK_SIZE,
				 &t->tid, &t->tid, 0, fn, arg);
	if (tid < 0) {
		minos_munmap(t->stack, PL_STACK_SIZE);
		t->stack = (void *)0;
	}
	return tid;
}

/* Wait until the thread has ended, then free its stack. */
static inline void pl_thread_join(struct pl_thread *t)
{
	int tid;

	while ((tid = __atomic_load_n(&t->tid, __ATOMIC_ACQUIRE)) != 0)
		minos_futex(&t->tid, FUTEX_WAIT, tid, (void *)0,
			    (int *)0, 0);
	if (t->stack)
		minos_munmap(t->stack, PL_STACK_SIZE);
	t->stack = (void *)0;
}

/* Set the flag *@f (a futex word) to @v and wake its waiters. */
static inline void pl_flag_set(int *f, int v)
{
	__atomic_store_n(f, v, __ATOMIC_RELEASE);
	minos_futex(f, FUTEX_WAKE, 0x7fffffff, (void *)0, (int *)0, 0);
}

/* Wait until *@f is @v. */
static inline void pl_flag_wait(int *f, int v)
{
	int cur;

	while ((cur = __atomic_load_n(f, __ATOMIC_ACQUIRE)) != v)
		minos_futex(f, FUTEX_WAIT, cur, (void *)0, (int *)0, 0);
}

/* Read until @n bytes or end of stream; returns the count or -errno. */
static inline long pl_read_n(int rfd, void *buf, unsigned long n)
{
	unsigned long done = 0;

	while (done < n) {
		long r = minos_read_one(rfd, (char *)buf + done, n - done);

		if (r < 0)
			return r;
		if (r == 0)
			break;
		done += (unsigned long)r;
	}
	return (long)done;
}

/*
 * Copy everything from @rfd to @wfd until end of stream, in chunks of at
 * most @size bytes through @buf. Returns the count or -errno.
 */
static inline long pl_copy(int rfd, int wfd, void *buf, unsigned long size)
{
	long total = 0;

	for (;;) {
		long n = minos_read_one(rfd, buf, size);

		if (n <= 0)
			return n < 0 ? n : total;
		n = minos_write_all(wfd, buf, (unsigned long)n);
		if (n < 0)
			return n;
		total += n;
	}
}

#endif /* MINOS_SELFTEST_PIPE_LIB_H */
