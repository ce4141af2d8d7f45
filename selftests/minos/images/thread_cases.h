/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The thread calls that thread_test checks, shared by the images and the
 * test:
 *
 * - the futex table (tc_futex_run), run in a container by
 *   images/thread_futex.bin and natively by thread_test: every operation
 *   0 .. 15 (and two with bits above the 32 of Linux's int op), each
 *   without and with FUTEX_PRIVATE_FLAG and FUTEX_CLOCK_REALTIME. The
 *   arguments make each call return at once on Linux (a value that does
 *   not match, no waiters), and the futex words it could change are
 *   reported after it. The allowed operations must give Linux's results
 *   and effects, the PI and unknown ones -EINVAL and none.
 * - the clone flags the ABI allows, and the arch_prctl codes.
 *
 * Like mem_cases.h, it makes its system calls itself, so that it builds
 * both in a freestanding image and in the hosted test.
 */
#ifndef MINOS_SELFTEST_THREAD_CASES_H
#define MINOS_SELFTEST_THREAD_CASES_H

#include <linux/futex.h>
#include <linux/sched.h>

#include "raw_syscall.h"

/* clone: the required bits, and all the bits allowed (abi.rst). */
#define TC_CLONE_REQUIRED	(CLONE_VM | CLONE_THREAD | CLONE_SIGHAND)
#define TC_CLONE_ALLOWED	(TC_CLONE_REQUIRED | CLONE_FS | CLONE_FILES | \
				 CLONE_SYSVSEM | CLONE_SETTLS | \
				 CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | \
				 CLONE_CHILD_CLEARTID)

/* futex: the operations allowed, as bits of their numbers. */
#define TC_FUTEX_ALLOWED	((1UL << FUTEX_WAIT) | (1UL << FUTEX_WAKE) | \
				 (1UL << FUTEX_REQUEUE) | \
				 (1UL << FUTEX_CMP_REQUEUE) | \
				 (1UL << FUTEX_WAKE_OP) | \
				 (1UL << FUTEX_WAIT_BITSET) | \
				 (1UL << FUTEX_WAKE_BITSET))

/* Operations 0 .. 15, then WAKE and LOCK_PI with bit 32 of op set. */
#define TC_FUTEX_OPS		18
#define TC_FUTEX_HIGH_WAKE	16
#define TC_FUTEX_HIGH_LOCK_PI	17
#define TC_FUTEX_FLAGSETS	4	/* 0, PRIVATE, CLOCK_REALTIME, both */
#define TC_FUTEX_CASES		(TC_FUTEX_OPS * TC_FUTEX_FLAGSETS)

/* The state of the words before every call (see tc_futex_state()). */
#define TC_FUTEX_STATE0		3

static inline int tc_futex_op_allowed(int op)
{
	if (op == TC_FUTEX_HIGH_WAKE)
		return 1;
	return op < 64 && ((TC_FUTEX_ALLOWED >> op) & 1);
}

#define TC_NR_GETTID	186
#define TC_NR_FUTEX	202

/*
 * The words a call may touch: @lock (0, free, for the PI lock operations),
 * @val (1, the value WAIT and CMP_REQUEUE see), @other (0, uaddr2; WAKE_OP
 * sets it to 7) and @owned (the caller's tid, for UNLOCK_PI).
 */
struct tc_futex_words {
	int lock;
	int val;
	int other;
	int owned;
};

/*
 * The words after a call, as one number that does not depend on the tid:
 * lock (0 free, 1 ours, 2 other) + 3 * owned (0 free, 1 ours, 2 other) +
 * 9 * other.
 */
static inline long tc_futex_state(const struct tc_futex_words *w, int tid)
{
	long lock = w->lock == 0 ? 0 : (w->lock & FUTEX_TID_MASK) == tid ? 1 : 2;
	long owned = w->owned == 0 ? 0 :
		     (w->owned & FUTEX_TID_MASK) == tid ? 1 : 2;

	return lock + 3 * owned + 9 * w->other;
}

static inline int tc_futex_flags(int set)
{
	return (set & 1 ? FUTEX_PRIVATE_FLAG : 0) |
	       (set & 2 ? FUTEX_CLOCK_REALTIME : 0);
}

/*
 * One call of the table: operation @op with flag set @set. Stores the
 * state of the words in *@state and returns the result.
 */
static inline long tc_futex_case(int op, int set, long *state)
{
	struct tc_futex_words w;
	int tid = (int)raw_sys6(TC_NR_GETTID, 0, 0, 0, 0, 0, 0);
	long uaddr = (long)&w.val, val = 0, val2 = 0, uaddr2 = 0, val3 = 0;
	long cmd = op, r;

	w.lock = 0;
	w.val = 1;
	w.other = 0;
	w.owned = tid;

	if (op == TC_FUTEX_HIGH_WAKE)
		cmd = (1L << 32) | FUTEX_WAKE;
	else if (op == TC_FUTEX_HIGH_LOCK_PI)
		cmd = (1L << 32) | FUTEX_LOCK_PI;

	switch (op) {
	case FUTEX_WAIT:		/* 1 != 0: -EAGAIN */
		break;
	case FUTEX_WAKE:
	case TC_FUTEX_HIGH_WAKE:
	case FUTEX_WAKE_BITSET:
		val = 1;
		val3 = ~0L & 0xffffffff;
		break;
	case FUTEX_REQUEUE:
	case FUTEX_CMP_REQUEUE:
	case FUTEX_CMP_REQUEUE_PI:
		val = 1;
		val2 = op == FUTEX_CMP_REQUEUE_PI ? 0 : 1;
		uaddr2 = op == FUTEX_CMP_REQUEUE_PI ? (long)&w.lock :
						      (long)&w.other;
		val3 = 1;		/* == w.val */
		break;
	case FUTEX_WAKE_OP:		/* other = 7, wake the waiters of both */
		val = 1;
		val2 = 1;
		uaddr2 = (long)&w.other;
		val3 = FUTEX_OP(FUTEX_OP_SET, 7, FUTEX_OP_CMP_EQ, 0);
		break;
	case FUTEX_LOCK_PI:
	case FUTEX_TRYLOCK_PI:
	case FUTEX_LOCK_PI2:
	case TC_FUTEX_HIGH_LOCK_PI:
		uaddr = (long)&w.lock;	/* free: Linux would take it */
		break;
	case FUTEX_UNLOCK_PI:
		uaddr = (long)&w.owned;	/* ours: Linux would release it */
		break;
	case FUTEX_WAIT_BITSET:		/* 1 != 0: -EAGAIN */
		val3 = ~0L & 0xffffffff;
		break;
	case FUTEX_WAIT_REQUEUE_PI:	/* 1 != 0: -EAGAIN */
		uaddr2 = (long)&w.lock;
		break;
	default:			/* FUTEX_FD, 14, 15 */
		break;
	}
	r = raw_sys6(TC_NR_FUTEX, uaddr, cmd | tc_futex_flags(set), val,
		     val2, uaddr2, val3);
	*state = tc_futex_state(&w, tid);
	return r;
}

struct tc_out {
	void (*put)(void *ctx, int id, long result, long state);
	void *ctx;
};

static inline void tc_futex_run(const struct tc_out *o)
{
	int op, set;
	long state, r;

	for (op = 0; op < TC_FUTEX_OPS; op++) {
		for (set = 0; set < TC_FUTEX_FLAGSETS; set++) {
			r = tc_futex_case(op, set, &state);
			o->put(o->ctx, op * TC_FUTEX_FLAGSETS + set, r, state);
		}
	}
}

/* --- arch_prctl --------------------------------------------------------- */

/* Codes Linux knows beyond the four allowed ones, and a few it does not. */
#define TC_ARCH_REFUSED(R)					\
	R(zero, 0x0, 0)						\
	R(one, 0x1, 0)						\
	R(below_set_gs, 0x1000, 0)				\
	R(above_get_gs, 0x1005, 0)				\
	R(get_cpuid, 0x1011, 0)					\
	R(set_cpuid_0, 0x1012, 0)				\
	R(get_xcomp_supp, 0x1021, TC_ARCH_BUF)			\
	R(get_xcomp_perm, 0x1022, TC_ARCH_BUF)			\
	R(req_xcomp_perm, 0x1023, 18)				\
	R(get_xcomp_guest_perm, 0x1024, TC_ARCH_BUF)		\
	R(req_xcomp_guest_perm, 0x1025, 18)			\
	R(map_vdso_x32, 0x2001, TC_ARCH_VDSO)			\
	R(map_vdso_32, 0x2002, TC_ARCH_VDSO)			\
	R(map_vdso_64, 0x2003, TC_ARCH_VDSO)			\
	R(get_untag_mask, 0x4001, TC_ARCH_BUF)			\
	R(enable_tagged_addr, 0x4002, 6)			\
	R(get_max_tag_bits, 0x4003, TC_ARCH_BUF)		\
	R(force_tagged_sva, 0x4004, 0)				\
	R(shstk_enable, 0x5001, 1)				\
	R(shstk_disable, 0x5002, 1)				\
	R(shstk_lock, 0x5003, 1)				\
	R(shstk_unlock, 0x5004, 1)				\
	R(shstk_status, 0x5005, TC_ARCH_BUF)			\
	R(minus_one, -1L, 0)					\
	R(u32_max, 0xffffffffL, 0)				\
	R(set_fs_high_bits, 0x100001002L, TC_ARCH_BUF)		\
	R(set_gs_high_bits, 0x100001001L, 0x777000)		\
	R(get_fs_high_bits, 0x100001003L, TC_ARCH_BUF)

/* The arguments: a buffer of the image, an address for a vDSO. */
#define TC_ARCH_BUF		1
#define TC_ARCH_VDSO		0x200000000000L

#endif /* MINOS_SELFTEST_THREAD_CASES_H */
