/* SPDX-License-Identifier: MIT */
/*
 * Minos SDK: one wrapper per call of the Minos table (minos-abi.md).
 *
 * MIT licensed so that any program may be built with it: see <minos.h>.
 *
 * Every wrapper returns the call's result or -errno (see minos_is_error()).
 * The Linux-like calls keep their Linux numbers, arguments and constants;
 * the constants come from the Linux uapi headers, which are freestanding.
 */
#ifndef MINOS_SDK_CALLS_H
#define MINOS_SDK_CALLS_H

#include "syscall.h"

#include <linux/mman.h>		/* PROT_*, MAP_*, MREMAP_* */
#include <linux/sched.h>	/* CLONE_* */
#include <linux/futex.h>	/* FUTEX_* */
#include <asm/prctl.h>		/* ARCH_SET_FS, ARCH_GET_FS, ... */

/* Linux x86-64 numbers of the Linux-like calls of the Minos table. */
#define MINOS_NR_MMAP			9
#define MINOS_NR_MPROTECT		10
#define MINOS_NR_MUNMAP			11
#define MINOS_NR_SCHED_YIELD		24
#define MINOS_NR_MREMAP			25
#define MINOS_NR_CLONE			56
#define MINOS_NR_EXIT			60
#define MINOS_NR_ARCH_PRCTL		158
#define MINOS_NR_GETTID			186
#define MINOS_NR_FUTEX			202
#define MINOS_NR_SET_TID_ADDRESS	218
#define MINOS_NR_EXIT_GROUP		231

/* The flags every thread clone() needs, and the usual optional ones. */
#define MINOS_CLONE_THREAD_REQUIRED	(CLONE_VM | CLONE_THREAD | CLONE_SIGHAND)
#define MINOS_CLONE_THREAD_FLAGS	(MINOS_CLONE_THREAD_REQUIRED |	\
					 CLONE_FS | CLONE_FILES |	\
					 CLONE_SYSVSEM)

/* --- Minos calls --------------------------------------------------- */

/*
 * Create a child container that reads its code from @code_rfd (which moves
 * into the kernel on success). @arch names the architecture in @arch_len
 * bytes, no NUL needed: MINOS_ARCH_X86_64. Returns the child's cid.
 */
static inline long minos_cnew(int code_rfd, const char *arch,
			      unsigned long arch_len)
{
	return minos_syscall3(MINOS_NR_CNEW, code_rfd, (long)arch,
			      (long)arch_len);
}

/* minos_cnew() for native x86-64 code. */
static inline long minos_cnew_native(int code_rfd)
{
	return minos_cnew(code_rfd, MINOS_ARCH_X86_64,
			  sizeof(MINOS_ARCH_X86_64) - 1);
}

/* Kill child @cid and its descendants, and release @cid. */
static inline long minos_ckill(long cid)
{
	return minos_syscall1(MINOS_NR_CKILL, cid);
}

/*
 * A new pipe: stores its write end in *@wfd and its read end in *@rfd
 * (either pointer may be NULL) and returns 0; or stores -1 in both and
 * returns -errno.
 */
static inline long minos_pipe(int *wfd, int *rfd)
{
	struct minos_pair r = minos_syscall_pair4(MINOS_NR_PIPE, 0, 0, 0, 0);
	int ok = r.a >= 0;

	if (wfd)
		*wfd = ok ? (int)r.a : -1;
	if (rfd)
		*rfd = ok ? (int)r.b : -1;
	return ok ? 0 : r.a;
}

/* Write up to @size bytes; returns the count written (see write_all). */
static inline long minos_write(int wfd, const void *buf, unsigned long size)
{
	return minos_syscall3(MINOS_NR_WRITE, wfd, (long)buf, (long)size);
}

/*
 * Read up to @size bytes from the first ready descriptor of the @rfdcount
 * descriptors at @rfds. Returns the count (0: that descriptor is at end of
 * stream) and, when @rfd is not NULL and the call succeeded, stores the
 * descriptor served in *@rfd.
 */
static inline long minos_read(const int *rfds, unsigned int rfdcount,
			      void *buf, unsigned long size, int *rfd)
{
	struct minos_pair r;

	r = minos_syscall_pair4(MINOS_NR_READ, (long)rfds, (long)rfdcount,
				(long)buf, (long)size);
	if (r.a >= 0 && rfd)
		*rfd = (int)r.b;
	return r.a;
}

/* minos_read() from the single descriptor @rfd. */
static inline long minos_read_one(int rfd, void *buf, unsigned long size)
{
	return minos_read(&rfd, 1, buf, size, (int *)0);
}

static inline long minos_wclose(int wfd)
{
	return minos_syscall1(MINOS_NR_WCLOSE, wfd);
}

static inline long minos_rclose(int rfd)
{
	return minos_syscall1(MINOS_NR_RCLOSE, rfd);
}

/* Move @wfd to child @cid; returns its number in the child. */
static inline long minos_wpass(int wfd, long cid)
{
	return minos_syscall2(MINOS_NR_WPASS, wfd, cid);
}

/* Move @rfd to child @cid; returns its number in the child. */
static inline long minos_rpass(int rfd, long cid)
{
	return minos_syscall2(MINOS_NR_RPASS, rfd, cid);
}

/* --- Linux-like calls ---------------------------------------------- */

/*
 * Anonymous memory only: @flags must hold MAP_ANONYMOUS, @fd must be -1
 * and @off 0. Returns the address, or -errno (test with minos_is_error()).
 */
static inline long minos_mmap(void *addr, unsigned long len, int prot,
			      int flags, int fd, long off)
{
	return minos_syscall6(MINOS_NR_MMAP, (long)addr, (long)len, prot,
			      flags, fd, off);
}

static inline long minos_munmap(void *addr, unsigned long len)
{
	return minos_syscall2(MINOS_NR_MUNMAP, (long)addr, (long)len);
}

static inline long minos_mprotect(void *addr, unsigned long len, int prot)
{
	return minos_syscall3(MINOS_NR_MPROTECT, (long)addr, (long)len, prot);
}

/* MREMAP_MAYMOVE, MREMAP_FIXED (with @new_addr), MREMAP_DONTUNMAP. */
static inline long minos_mremap(void *old, unsigned long old_len,
				unsigned long new_len, int flags,
				void *new_addr)
{
	return minos_syscall5(MINOS_NR_MREMAP, (long)old, (long)old_len,
			      (long)new_len, flags, (long)new_addr);
}

static inline long minos_sched_yield(void)
{
	return minos_syscall0(MINOS_NR_SCHED_YIELD);
}

/*
 * The raw clone call, in Linux x86-64 argument order. Threads only:
 * @flags must hold MINOS_CLONE_THREAD_REQUIRED and no exit signal.
 *
 * The new thread returns from this call with 0 in rax and its stack
 * pointer at @stack: compiled C cannot safely go on from there, since the
 * caller's frame is not on that stack. From C, use minos_clone_thread().
 */
static inline long minos_clone(unsigned long flags, void *stack, int *ptid,
			       int *ctid, unsigned long tls)
{
	return minos_syscall5(MINOS_NR_CLONE, (long)flags, (long)stack,
			      (long)ptid, (long)ctid, (long)tls);
}

/*
 * Start a thread that runs @fn(@arg) on the stack whose top (highest
 * address, exclusive) is @stack_top, then exits with @fn's return value.
 * @flags, @ptid, @ctid and @tls are those of minos_clone(); @flags would
 * usually be MINOS_CLONE_THREAD_FLAGS. Returns the new thread's tid to the
 * caller, or -errno. Implemented in the SDK's start code.
 */
long minos_clone_thread(unsigned long flags, void *stack_top, int *ptid,
			int *ctid, unsigned long tls, int (*fn)(void *),
			void *arg);

/* Ends the calling thread only. */
static inline __attribute__((noreturn)) void minos_exit(int status)
{
	minos_syscall1(MINOS_NR_EXIT, status);
	for (;;)
		__asm__ volatile ("ud2");
}

/* Ends the whole container, with exit status @status. */
static inline __attribute__((noreturn)) void minos_exit_group(int status)
{
	minos_syscall1(MINOS_NR_EXIT_GROUP, status);
	for (;;)
		__asm__ volatile ("ud2");
}

/*
 * ARCH_SET_FS, ARCH_SET_GS: @addr is the new base; ARCH_GET_FS,
 * ARCH_GET_GS: @addr points to an unsigned long that receives it.
 */
static inline long minos_arch_prctl(int code, unsigned long addr)
{
	return minos_syscall2(MINOS_NR_ARCH_PRCTL, code, (long)addr);
}

static inline long minos_gettid(void)
{
	return minos_syscall0(MINOS_NR_GETTID);
}

static inline long minos_futex(int *uaddr, int op, int val,
			       const void *timeout, int *uaddr2, int val3)
{
	return minos_syscall6(MINOS_NR_FUTEX, (long)uaddr, op, val,
			      (long)timeout, (long)uaddr2, val3);
}

static inline long minos_set_tid_address(int *tidptr)
{
	return minos_syscall1(MINOS_NR_SET_TID_ADDRESS, (long)tidptr);
}

#endif /* MINOS_SDK_CALLS_H */
