/* SPDX-License-Identifier: GPL-2.0 */
/*
 * images/thread_arch.bin and thread_test: arch_prctl in a container.
 *
 * The image writes "NAME VALUE" lines on wfd 1: the THREAD_ARCH_LINES in
 * order, then one per TC_ARCH_REFUSED code (its result), then the checks
 * that the refused calls had no effect (THREAD_ARCH_AFTER), then
 * "done 0"; then it waits for a byte on rfd 0 (the test reads its maps:
 * no vDSO was mapped) and exits 0.
 */
#ifndef MINOS_SELFTEST_THREAD_ARCH_H
#define MINOS_SELFTEST_THREAD_ARCH_H

#define THREAD_ARCH_GS		0x1234000L
#define THREAD_ARCH_MAGIC	0x6d696e6f73667321L	/* "minosfs!" */
/*
 * Above every user address, with 4- or 5-level paging alike: Linux
 * refuses it as a base with -EPERM.
 */
#define THREAD_ARCH_KERNEL	(long)0xff00000000000000UL

/* L(name, what the test wants) */
#define THREAD_ARCH_LINES(L)						\
	L(fs_at_start, 0)		/* GET_FS: the container's 0 */	\
	L(set_gs, 0)							\
	L(get_gs, 0)							\
	L(gs_is_set, 1)			/* ... and GET_GS returns it */	\
	L(set_fs, 0)			/* to a buffer of the image */	\
	L(fs_is_set, 1)							\
	L(fs_0_reads_buffer, 1)		/* %fs:0 loads its first word */\
	L(gs_0_reads_buffer, 1)		/* the same through GS */	\
	L(set_fs_noncanonical, -EPERM)	/* Linux's: a kernel address */	\
	L(set_gs_noncanonical, -EPERM)					\
	L(get_fs_bad_pointer, -EFAULT)					\
	L(get_gs_bad_pointer, -EFAULT)

/* After the refused codes: nothing changed. */
#define THREAD_ARCH_AFTER(L)						\
	L(fs_unchanged, 1)		/* still the buffer */		\
	L(gs_unchanged, 1)		/* not 0x777000 */		\
	L(cpuid_works, 1)		/* SET_CPUID(0) did not stick */

#endif /* MINOS_SELFTEST_THREAD_ARCH_H */
