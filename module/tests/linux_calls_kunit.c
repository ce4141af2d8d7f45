// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the argument rules of the Linux-like calls: each row
 * of the table lets exactly the allowed arguments through.
 */
#include <kunit/test.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <uapi/linux/futex.h>
#include <asm/prctl.h>
#include <asm/unistd.h>

#include "../linux_calls.h"

/* Check call @nr with these six arguments. */
static int minos_check(struct kunit *test, unsigned long nr,
		       unsigned long a0, unsigned long a1, unsigned long a2,
		       unsigned long a3, unsigned long a4, unsigned long a5)
{
	const unsigned long args[6] = { a0, a1, a2, a3, a4, a5 };
	const struct minos_linux_call *call = minos_linux_call_find(nr);

	KUNIT_ASSERT_NOT_NULL(test, call);
	return minos_linux_call_check(call, args);
}

#define MINOS_ANON	(MAP_PRIVATE | MAP_ANONYMOUS)
#define MINOS_RW	(PROT_READ | PROT_WRITE)

static void minos_linux_calls_test_table(struct kunit *test)
{
	static const unsigned long allowed[] = {
		__NR_mmap, __NR_mprotect, __NR_munmap, __NR_mremap,
		__NR_sched_yield, __NR_clone, __NR_exit, __NR_arch_prctl,
		__NR_gettid, __NR_futex, __NR_set_tid_address,
		__NR_exit_group,
	};
	static const unsigned long refused[] = {
		__NR_read, __NR_write, __NR_open, __NR_openat, __NR_close,
		__NR_brk, __NR_madvise, __NR_fork, __NR_vfork, __NR_execve,
		__NR_execveat, __NR_kill, __NR_ptrace, __NR_clone3,
		__NR_restart_syscall, __NR_getpid, __NR_personality,
		__NR_rt_sigaction, __NR_prctl, __NR_seccomp, 1000, ~0UL,
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(allowed); i++)
		KUNIT_EXPECT_NOT_NULL_MSG(test, minos_linux_call_find(allowed[i]),
					  "nr %lu", allowed[i]);
	for (i = 0; i < ARRAY_SIZE(refused); i++)
		KUNIT_EXPECT_NULL_MSG(test, minos_linux_call_find(refused[i]),
				      "nr %lu", refused[i]);
}

static void minos_linux_calls_test_mmap(struct kunit *test)
{
	unsigned int bit;

	KUNIT_EXPECT_EQ(test, 0, minos_check(test, __NR_mmap, 0, 4096,
					     MINOS_RW, MINOS_ANON, -1, 0));
	KUNIT_EXPECT_EQ(test, 0, minos_check(test, __NR_mmap, 0, 4096,
					     PROT_READ | PROT_WRITE | PROT_EXEC,
					     MAP_SHARED | MAP_ANONYMOUS |
					     MAP_FIXED_NOREPLACE, -1, 0));
	/* fd -1 as a 32-bit value, whatever the upper half. */
	KUNIT_EXPECT_EQ(test, 0, minos_check(test, __NR_mmap, 0, 4096,
					     MINOS_RW, MINOS_ANON, U32_MAX, 0));
	/* Anonymous only, fd -1 only, offset 0 only. */
	KUNIT_EXPECT_EQ(test, -EINVAL, minos_check(test, __NR_mmap, 0, 4096,
						   MINOS_RW, MAP_PRIVATE, -1,
						   0));
	KUNIT_EXPECT_EQ(test, -EINVAL, minos_check(test, __NR_mmap, 0, 4096,
						   MINOS_RW, MINOS_ANON, 3, 0));
	KUNIT_EXPECT_EQ(test, -EINVAL, minos_check(test, __NR_mmap, 0, 4096,
						   MINOS_RW, MINOS_ANON, -1,
						   4096));
	KUNIT_EXPECT_EQ(test, -EINVAL, minos_check(test, __NR_mmap, 0, 4096,
						   PROT_READ | PROT_SEM,
						   MINOS_ANON, -1, 0));
	KUNIT_EXPECT_EQ(test, -EINVAL, minos_check(test, __NR_mmap, 0, 4096,
						   MINOS_RW, MINOS_ANON | MAP_SYNC,
						   -1, 0));
	/*
	 * (MAP_UNINITIALIZED is bit 26, one of the huge page size bits,
	 * which are allowed; kernels with an MMU ignore it.)
	 */
	/* No flag above bit 31 (the huge-page size bits end at 31). */
	for (bit = 32; bit < BITS_PER_LONG; bit++)
		KUNIT_EXPECT_EQ_MSG(test, -EINVAL,
				    minos_check(test, __NR_mmap, 0, 4096,
						MINOS_RW, MINOS_ANON | BIT(bit),
						-1, 0), "bit %u", bit);
	KUNIT_EXPECT_EQ(test, 0, minos_check(test, __NR_mmap, 0, SZ_2M,
					     MINOS_RW, MINOS_ANON | MAP_HUGETLB |
					     MAP_HUGE_2MB, -1, 0));
}

static void minos_linux_calls_test_mprotect_mremap(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, 0, minos_check(test, __NR_mprotect, 0, 4096,
					     PROT_NONE, 0, 0, 0));
	KUNIT_EXPECT_EQ(test, -EINVAL, minos_check(test, __NR_mprotect, 0,
						   4096, PROT_GROWSDOWN, 0, 0,
						   0));
	KUNIT_EXPECT_EQ(test, 0, minos_check(test, __NR_mremap, 0, 4096, 8192,
					     MREMAP_MAYMOVE | MREMAP_FIXED,
					     0, 0));
	KUNIT_EXPECT_EQ(test, 0, minos_check(test, __NR_mremap, 0, 4096, 4096,
					     MREMAP_MAYMOVE | MREMAP_DONTUNMAP,
					     0, 0));
	KUNIT_EXPECT_EQ(test, -EINVAL, minos_check(test, __NR_mremap, 0, 4096,
						   8192, BIT(3), 0, 0));
}

static void minos_linux_calls_test_clone(struct kunit *test)
{
	const unsigned long thread = CLONE_VM | CLONE_THREAD | CLONE_SIGHAND;
	const unsigned long optional = CLONE_FS | CLONE_FILES | CLONE_SYSVSEM |
		CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID |
		CLONE_CHILD_CLEARTID;
	unsigned int bit;

	KUNIT_EXPECT_EQ(test, 0, minos_check(test, __NR_clone, thread, 0, 0,
					     0, 0, 0));
	KUNIT_EXPECT_EQ(test, 0, minos_check(test, __NR_clone,
					     thread | optional, 0, 0, 0, 0, 0));
	/* Each required flag is required; no exit signal; nothing else. */
	KUNIT_EXPECT_EQ(test, -EINVAL, minos_check(test, __NR_clone,
						   CLONE_VM | CLONE_SIGHAND,
						   0, 0, 0, 0, 0));
	KUNIT_EXPECT_EQ(test, -EINVAL, minos_check(test, __NR_clone,
						   thread & ~CLONE_VM, 0, 0, 0,
						   0, 0));
	KUNIT_EXPECT_EQ(test, -EINVAL, minos_check(test, __NR_clone,
						   thread | SIGCHLD, 0, 0, 0,
						   0, 0));
	for (bit = 0; bit < BITS_PER_LONG; bit++) {
		if ((thread | optional) & BIT(bit))
			continue;
		KUNIT_EXPECT_EQ_MSG(test, -EINVAL,
				    minos_check(test, __NR_clone,
						thread | BIT(bit), 0, 0, 0, 0,
						0), "bit %u", bit);
	}
}

static void minos_linux_calls_test_futex(struct kunit *test)
{
	static const int allowed[] = {
		FUTEX_WAIT, FUTEX_WAKE, FUTEX_REQUEUE, FUTEX_CMP_REQUEUE,
		FUTEX_WAKE_OP, FUTEX_WAIT_BITSET, FUTEX_WAKE_BITSET,
	};
	static const int refused[] = {
		FUTEX_FD, FUTEX_LOCK_PI, FUTEX_UNLOCK_PI, FUTEX_TRYLOCK_PI,
		FUTEX_WAIT_REQUEUE_PI, FUTEX_CMP_REQUEUE_PI, FUTEX_LOCK_PI2,
		14, 63, 64, 4096,
	};
	const int flags = FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(allowed); i++) {
		KUNIT_EXPECT_EQ(test, 0, minos_check(test, __NR_futex, 0,
						     allowed[i], 0, 0, 0, 0));
		KUNIT_EXPECT_EQ(test, 0, minos_check(test, __NR_futex, 0,
						     allowed[i] | flags, 0, 0,
						     0, 0));
	}
	for (i = 0; i < ARRAY_SIZE(refused); i++)
		KUNIT_EXPECT_EQ_MSG(test, -EINVAL,
				    minos_check(test, __NR_futex, 0,
						refused[i] | FUTEX_PRIVATE_FLAG,
						0, 0, 0, 0), "op %d", refused[i]);
}

static void minos_linux_calls_test_arch_prctl(struct kunit *test)
{
	static const unsigned long refused[] = {
		0, ARCH_SET_GS - 1, ARCH_GET_GS + 1, ARCH_GET_CPUID,
		ARCH_SET_CPUID, ARCH_MAP_VDSO_64, ~0UL,
		ARCH_SET_FS | (1UL << 32),
	};
	unsigned int i;

	KUNIT_EXPECT_EQ(test, 0, minos_check(test, __NR_arch_prctl,
					     ARCH_SET_FS, 0, 0, 0, 0, 0));
	KUNIT_EXPECT_EQ(test, 0, minos_check(test, __NR_arch_prctl,
					     ARCH_GET_FS, 0, 0, 0, 0, 0));
	KUNIT_EXPECT_EQ(test, 0, minos_check(test, __NR_arch_prctl,
					     ARCH_SET_GS, 0, 0, 0, 0, 0));
	KUNIT_EXPECT_EQ(test, 0, minos_check(test, __NR_arch_prctl,
					     ARCH_GET_GS, 0, 0, 0, 0, 0));
	for (i = 0; i < ARRAY_SIZE(refused); i++)
		KUNIT_EXPECT_EQ_MSG(test, -EINVAL,
				    minos_check(test, __NR_arch_prctl,
						refused[i], 0, 0, 0, 0, 0),
				    "code %#lx", refused[i]);
}

static struct kunit_case minos_linux_calls_test_cases[] = {
	KUNIT_CASE(minos_linux_calls_test_table),
	KUNIT_CASE(minos_linux_calls_test_mmap),
	KUNIT_CASE(minos_linux_calls_test_mprotect_mremap),
	KUNIT_CASE(minos_linux_calls_test_clone),
	KUNIT_CASE(minos_linux_calls_test_futex),
	KUNIT_CASE(minos_linux_calls_test_arch_prctl),
	{}
};

static struct kunit_suite minos_linux_calls_test_suite = {
	.name = "minos_linux_calls",
	.test_cases = minos_linux_calls_test_cases,
};

kunit_test_suite(minos_linux_calls_test_suite);
