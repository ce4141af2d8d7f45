/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A raw system call with up to six arguments, for the case tables that
 * build both as a freestanding image (with the SDK) and in a hosted test
 * program (mem_cases.h, thread_cases.h): no libc, no errno; the result is
 * the kernel's, -errno on failure.
 */
#ifndef MINOS_SELFTEST_RAW_SYSCALL_H
#define MINOS_SELFTEST_RAW_SYSCALL_H

static inline long raw_sys6(long nr, long a1, long a2, long a3, long a4,
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

#endif /* MINOS_SELFTEST_RAW_SYSCALL_H */
