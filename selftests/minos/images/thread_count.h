/* SPDX-License-Identifier: GPL-2.0 */
/*
 * images/thread_count.bin and thread_test: SDK threads in a container.
 *
 * Writes "NAME VALUE" lines on wfd 1 (THREAD_COUNT_LINES, in order); at
 * "alive N" it has THREAD_COUNT_MANY threads blocked on a condition
 * variable and waits for a byte on rfd 0 (the test counts the threads in
 * /proc), then releases and joins them. Exits 0.
 */
#ifndef MINOS_SELFTEST_THREAD_COUNT_H
#define MINOS_SELFTEST_THREAD_COUNT_H

#define THREAD_COUNT_THREADS	8
#define THREAD_COUNT_ADDS	20000
#define THREAD_COUNT_MANY	64
#define THREAD_COUNT_TLS_INIT	1234	/* a __thread variable's initial value */

/* L(name, what the test wants; -1: checked apart) */
#define THREAD_COUNT_LINES(L)						\
	L(main_tid, -1)			/* == the container's pid */	\
	L(set_tid_address, -1)		/* returns the tid too */	\
	L(sched_yield, 0)						\
	L(total, THREAD_COUNT_THREADS * THREAD_COUNT_ADDS)		\
	L(raw_futex_total, THREAD_COUNT_THREADS * THREAD_COUNT_ADDS)	\
	L(distinct_tids, THREAD_COUNT_THREADS)				\
	L(tid_matches_gettid, THREAD_COUNT_THREADS)			\
	L(self_is_fs_base, THREAD_COUNT_THREADS)			\
	L(tls_initial_value, THREAD_COUNT_THREADS)			\
	L(tls_private, THREAD_COUNT_THREADS)				\
	L(main_tls_untouched, 1)					\
	L(results_joined, THREAD_COUNT_THREADS)				\
	L(alive, THREAD_COUNT_MANY)	/* then the pause */		\
	L(many_joined, THREAD_COUNT_MANY)				\
	L(pipe_from_thread, 1)		/* a thread's pipe, used by main */ \
	L(thread_uses_main_pipe, 1)	/* and the other way round */

#endif /* MINOS_SELFTEST_THREAD_COUNT_H */
