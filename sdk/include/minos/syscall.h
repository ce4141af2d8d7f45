/* SPDX-License-Identifier: MIT */
/*
 * Minos SDK: raw system calls (x86-64).
 *
 * MIT licensed so that any program may be built with it: see <minos.h>.
 *
 * Number in rax, arguments in rdi, rsi, rdx, r10, r8, r9; result in rax
 * (and the second result of pipe and read in rdx); rcx and r11 are
 * clobbered by the syscall instruction. A result in -4095 .. -1 is -errno.
 */
#ifndef MINOS_SDK_SYSCALL_H
#define MINOS_SDK_SYSCALL_H

/* The ABI numbers, constants and limits (MINOS_NR_*, MINOS_PIPE_CAPACITY). */
#include "../../../uapi/minos.h"
/* Linux errno values, as returned negated by every call. */
#include <linux/errno.h>

/* Largest errno a call can return, negated: -4095 .. -1 are errors. */
#define MINOS_MAX_ERRNO		4095

/* True when @ret, the result of a call, is an error (-errno). */
static inline int minos_is_error(long ret)
{
	return (unsigned long)ret >= (unsigned long)-MINOS_MAX_ERRNO;
}

static inline long minos_syscall0(long nr)
{
	long ret;

	__asm__ volatile ("syscall"
			  : "=a" (ret)
			  : "a" (nr)
			  : "rcx", "r11", "memory");
	return ret;
}

static inline long minos_syscall1(long nr, long a1)
{
	long ret;

	__asm__ volatile ("syscall"
			  : "=a" (ret)
			  : "a" (nr), "D" (a1)
			  : "rcx", "r11", "memory");
	return ret;
}

static inline long minos_syscall2(long nr, long a1, long a2)
{
	long ret;

	__asm__ volatile ("syscall"
			  : "=a" (ret)
			  : "a" (nr), "D" (a1), "S" (a2)
			  : "rcx", "r11", "memory");
	return ret;
}

static inline long minos_syscall3(long nr, long a1, long a2, long a3)
{
	long ret;

	__asm__ volatile ("syscall"
			  : "=a" (ret)
			  : "a" (nr), "D" (a1), "S" (a2), "d" (a3)
			  : "rcx", "r11", "memory");
	return ret;
}

static inline long minos_syscall4(long nr, long a1, long a2, long a3, long a4)
{
	register long r10 __asm__("r10") = a4;
	long ret;

	__asm__ volatile ("syscall"
			  : "=a" (ret)
			  : "a" (nr), "D" (a1), "S" (a2), "d" (a3), "r" (r10)
			  : "rcx", "r11", "memory");
	return ret;
}

static inline long minos_syscall5(long nr, long a1, long a2, long a3, long a4,
				  long a5)
{
	register long r10 __asm__("r10") = a4;
	register long r8 __asm__("r8") = a5;
	long ret;

	__asm__ volatile ("syscall"
			  : "=a" (ret)
			  : "a" (nr), "D" (a1), "S" (a2), "d" (a3), "r" (r10),
			    "r" (r8)
			  : "rcx", "r11", "memory");
	return ret;
}

static inline long minos_syscall6(long nr, long a1, long a2, long a3, long a4,
				  long a5, long a6)
{
	register long r10 __asm__("r10") = a4;
	register long r8 __asm__("r8") = a5;
	register long r9 __asm__("r9") = a6;
	long ret;

	__asm__ volatile ("syscall"
			  : "=a" (ret)
			  : "a" (nr), "D" (a1), "S" (a2), "d" (a3), "r" (r10),
			    "r" (r8), "r" (r9)
			  : "rcx", "r11", "memory");
	return ret;
}

/*
 * The two results of a call that returns a pair: rax in @a, rdx in @b.
 * As a return value this struct travels in rax:rdx itself (SysV ABI).
 */
struct minos_pair {
	long a;
	long b;
};

/* A call with up to four arguments whose result is a pair (pipe, read). */
static inline struct minos_pair minos_syscall_pair4(long nr, long a1, long a2,
						    long a3, long a4)
{
	register long r10 __asm__("r10") = a4;
	struct minos_pair r;
	long rax, rdx = a3;

	__asm__ volatile ("syscall"
			  : "=a" (rax), "+d" (rdx)
			  : "a" (nr), "D" (a1), "S" (a2), "r" (r10)
			  : "rcx", "r11", "memory");
	r.a = rax;
	r.b = rdx;
	return r;
}

#endif /* MINOS_SDK_SYSCALL_H */
