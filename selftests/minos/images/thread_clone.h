/* SPDX-License-Identifier: GPL-2.0 */
/*
 * images/thread_clone.bin and thread_test: clone's flag table and the
 * thread calls outside the Minos table.
 *
 * The image writes "R\n" on wfd 1 and waits for a byte on rfd 0 (the test
 * notes the container's threads, children and Linux descriptors); then,
 * for each case, "ID RESULT RAN CHECKS" (RESULT: 1 for a new thread, or
 * -errno; RAN: how many times the thread function ran; CHECKS: 1 when
 * everything the flags promise held: parent and child tid words, the
 * child's FS base, its gettid). The thread function also writes one byte
 * on wfd THREAD_CLONE_MARK_WFD each time it runs. Then "E ID RESULT" for
 * each call of THREAD_ENOSYS, "0 THREAD_CLONE_DONE", and it waits for one
 * more byte on rfd 0 before it exits 0.
 *
 * Case ids: 0 .. 63 flags = 1 << id; 64 .. 127 required | 1 << (id - 64);
 * then the THREAD_CLONE_EXTRA flag words.
 */
#ifndef MINOS_SELFTEST_THREAD_CLONE_H
#define MINOS_SELFTEST_THREAD_CLONE_H

#define THREAD_CLONE_DONE	20260302
#define THREAD_CLONE_MARK_WFD	3
#define THREAD_CLONE_TLS	0x5a5a5000UL	/* FS base for CLONE_SETTLS */

/* X(name, flags, allowed) */
#define THREAD_CLONE_EXTRA(X)						\
	X(none, 0, 0)							\
	X(sigchld, 17 /* SIGCHLD */, 0)					\
	X(required_sigchld, TC_CLONE_REQUIRED | 17, 0)			\
	X(vm_thread, CLONE_VM | CLONE_THREAD, 0)			\
	X(vm_sighand, CLONE_VM | CLONE_SIGHAND, 0)			\
	X(thread_sighand, CLONE_THREAD | CLONE_SIGHAND, 0)		\
	X(required_only, TC_CLONE_REQUIRED, 1)				\
	X(all_allowed, TC_CLONE_ALLOWED, 1)				\
	X(all_allowed_newns, TC_CLONE_ALLOWED | CLONE_NEWNS, 0)		\
	X(all_allowed_vfork, TC_CLONE_ALLOWED | CLONE_VFORK, 0)		\
	X(all_allowed_high, TC_CLONE_ALLOWED | (1UL << 32), 0)		\
	X(all_bits, ~0UL, 0)

#define THREAD_CLONE_EXTRA_BASE	128

/* Thread and process calls outside the table: E(name, nr). */
#define THREAD_ENOSYS(E)			\
	E(fork, 57)				\
	E(vfork, 58)				\
	E(clone3, 435)				\
	E(set_robust_list, 273)			\
	E(get_robust_list, 274)			\
	E(rseq, 334)				\
	E(futex_waitv, 449)			\
	E(futex_wake, 454)			\
	E(futex_wait, 455)			\
	E(futex_requeue, 456)			\
	E(tkill, 200)				\
	E(tgkill, 234)				\
	E(getpid, 39)				\
	E(getppid, 110)				\
	E(sched_setaffinity, 203)		\
	E(sched_getaffinity, 204)		\
	E(unshare, 272)				\
	E(setns, 308)				\
	E(modify_ldt, 154)			\
	E(prctl, 157)				\
	E(nanosleep, 35)			\
	E(clock_nanosleep, 230)			\
	E(wait4, 61)				\
	E(pidfd_open, 434)			\
	E(rt_sigprocmask, 14)			\
	E(sigaltstack, 131)

#endif /* MINOS_SELFTEST_THREAD_CLONE_H */
