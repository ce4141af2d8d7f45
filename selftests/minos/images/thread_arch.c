// SPDX-License-Identifier: GPL-2.0
/*
 * thread_arch: arch_prctl's four codes work as on Linux, every other
 * code is -EINVAL and changes nothing; see thread_arch.h.
 */
#include <minos.h>
#include "thread_cases.h"
#include "thread_arch.h"

static unsigned long buf[8] = { THREAD_ARCH_MAGIC };

static void line(const char *name, long v)
{
	minos_printf(1, "%s %ld\n", name, v);
}

static unsigned long get(int code)
{
	unsigned long v = 0x5555;

	minos_arch_prctl(code, (unsigned long)&v);
	return v;
}

static long raw(long code, long arg)
{
	return minos_syscall2(MINOS_NR_ARCH_PRCTL, code, arg);
}

#define REFUSED(name, code, arg)					\
	line("refused_" #name,						\
	     raw(code, (arg) == TC_ARCH_BUF ? (long)scratch : (long)(arg)));

int main(void)
{
	static unsigned long scratch[64];
	unsigned long v, a, b, c, d;
	char ch;

	line("fs_at_start", (long)get(ARCH_GET_FS));
	line("set_gs", minos_arch_prctl(ARCH_SET_GS, THREAD_ARCH_GS));
	v = 0;
	line("get_gs", minos_arch_prctl(ARCH_GET_GS, (unsigned long)&v));
	line("gs_is_set", v == THREAD_ARCH_GS);
	line("set_fs", minos_arch_prctl(ARCH_SET_FS, (unsigned long)buf));
	line("fs_is_set", get(ARCH_GET_FS) == (unsigned long)buf);
	__asm__ volatile ("movq %%fs:0, %0" : "=r" (v));
	line("fs_0_reads_buffer", v == THREAD_ARCH_MAGIC);
	minos_arch_prctl(ARCH_SET_GS, (unsigned long)buf);
	__asm__ volatile ("movq %%gs:0, %0" : "=r" (v));
	line("gs_0_reads_buffer", v == THREAD_ARCH_MAGIC);
	minos_arch_prctl(ARCH_SET_GS, THREAD_ARCH_GS);
	line("set_fs_noncanonical", raw(ARCH_SET_FS, THREAD_ARCH_KERNEL));
	line("set_gs_noncanonical", raw(ARCH_SET_GS, THREAD_ARCH_KERNEL));
	line("get_fs_bad_pointer", raw(ARCH_GET_FS, 8));
	line("get_gs_bad_pointer", raw(ARCH_GET_GS, 8));

	TC_ARCH_REFUSED(REFUSED)

	line("fs_unchanged", get(ARCH_GET_FS) == (unsigned long)buf);
	line("gs_unchanged", get(ARCH_GET_GS) == THREAD_ARCH_GS);
	a = 0;
	__asm__ volatile ("cpuid" : "=a" (a), "=b" (b), "=c" (c), "=d" (d)
			  : "a" (0UL), "c" (0UL));
	line("cpuid_works", a > 0);	/* a SIGSEGV would end us first */
	line("done", 0);
	minos_read_one(0, &ch, 1);
	minos_arch_prctl(ARCH_SET_FS, 0);
	return 0;
}
