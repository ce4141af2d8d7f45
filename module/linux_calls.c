// SPDX-License-Identifier: GPL-2.0
/*
 * Minos: the Linux-like rows of the Minos table, and their argument rules.
 *
 * Memory and thread calls keep their Linux numbers and their Linux
 * semantics, restricted to what a sandboxed container needs: anonymous
 * memory only, threads only, no PI futexes. Each restriction is a row of
 * the table below; minos_linux_call_check() applies them to the registers
 * before Linux sees the call, in the atomic context of the probe.
 */
#include <linux/bits.h>
#include <uapi/linux/futex.h>
#include <linux/kernel.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <asm/prctl.h>
#include <asm/unistd.h>

#include "linux_calls.h"

#define MINOS_PROT		(PROT_READ | PROT_WRITE | PROT_EXEC)

/* mmap: anonymous memory, any sharing type, the usual placement flags. */
#define MINOS_MMAP_FLAGS	(MAP_TYPE | MAP_FIXED | MAP_ANONYMOUS | \
				 MAP_32BIT | MAP_GROWSDOWN | MAP_LOCKED | \
				 MAP_NORESERVE | MAP_POPULATE | MAP_NONBLOCK | \
				 MAP_STACK | MAP_HUGETLB | \
				 MAP_FIXED_NOREPLACE | \
				 ((unsigned long)MAP_HUGE_MASK << MAP_HUGE_SHIFT))

#define MINOS_MREMAP_FLAGS	(MREMAP_MAYMOVE | MREMAP_FIXED | \
				 MREMAP_DONTUNMAP)

/* clone: a thread of the same container, nothing else. */
#define MINOS_CLONE_REQUIRED	(CLONE_VM | CLONE_THREAD | CLONE_SIGHAND)
#define MINOS_CLONE_FLAGS	(MINOS_CLONE_REQUIRED | CLONE_FS | \
				 CLONE_FILES | CLONE_SYSVSEM | CLONE_SETTLS | \
				 CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | \
				 CLONE_CHILD_CLEARTID)

/* futex: every operation but the priority-inheritance ones. */
#define MINOS_FUTEX_OPS		(BIT(FUTEX_WAIT) | BIT(FUTEX_WAKE) | \
				 BIT(FUTEX_REQUEUE) | BIT(FUTEX_CMP_REQUEUE) | \
				 BIT(FUTEX_WAKE_OP) | BIT(FUTEX_WAIT_BITSET) | \
				 BIT(FUTEX_WAKE_BITSET))

#define RULE(a, k, m, allow, req) \
	{ .arg = (a), .kind = MINOS_RULE_##k, .mask = (m), \
	  .allowed = (allow), .required = (req) }

static const struct minos_linux_call minos_linux_calls[] = {
	[__NR_mmap] = { "mmap", 4, {
		RULE(2, FLAGS, ~0UL, MINOS_PROT, 0),
		RULE(3, FLAGS, ~0UL, MINOS_MMAP_FLAGS, MAP_ANONYMOUS),
		RULE(4, EQUALS, U32_MAX, U32_MAX, 0),	/* fd = -1 */
		RULE(5, EQUALS, ~0UL, 0, 0),		/* offset 0 */
	} },
	[__NR_mprotect] = { "mprotect", 1, {
		RULE(2, FLAGS, ~0UL, MINOS_PROT, 0),
	} },
	[__NR_munmap] = { "munmap" },
	[__NR_sched_yield] = { "sched_yield" },
	[__NR_mremap] = { "mremap", 1, {
		RULE(3, FLAGS, ~0UL, MINOS_MREMAP_FLAGS, 0),
	} },
	[__NR_clone] = { "clone", 1, {
		RULE(0, FLAGS, ~0UL, MINOS_CLONE_FLAGS, MINOS_CLONE_REQUIRED),
	} },
	[__NR_exit] = { "exit" },
	[__NR_arch_prctl] = { "arch_prctl", 1, {
		RULE(0, RANGE, ~0UL, ARCH_GET_GS, ARCH_SET_GS),
	} },
	[__NR_gettid] = { "gettid" },
	[__NR_futex] = { "futex", 1, {
		/* The option flags (private, realtime clock) are all allowed. */
		RULE(1, ONE_OF, FUTEX_CMD_MASK & U32_MAX, MINOS_FUTEX_OPS, 0),
	} },
	[__NR_set_tid_address] = { "set_tid_address" },
	[__NR_exit_group] = { "exit_group" },
};

/* The arch_prctl range holds exactly the four FS/GS codes. */
static_assert(ARCH_SET_GS + 1 == ARCH_SET_FS && ARCH_SET_FS + 1 == ARCH_GET_FS &&
	      ARCH_GET_FS + 1 == ARCH_GET_GS);

/**
 * minos_linux_call_find() - the row of a Linux number in the Minos table
 * @nr: a Linux x86-64 system call number
 *
 * Return: the row, or NULL when containers may not make that call.
 */
const struct minos_linux_call *minos_linux_call_find(unsigned long nr)
{
	if (nr >= ARRAY_SIZE(minos_linux_calls) || !minos_linux_calls[nr].name)
		return NULL;
	return &minos_linux_calls[nr];
}

static bool minos_rule_holds(const struct minos_arg_rule *rule,
			     unsigned long value)
{
	value &= rule->mask;
	switch (rule->kind) {
	case MINOS_RULE_FLAGS:
		return !(value & ~rule->allowed) &&
		       (value & rule->required) == rule->required;
	case MINOS_RULE_ONE_OF:
		return value < BITS_PER_LONG && (rule->allowed & BIT(value));
	case MINOS_RULE_RANGE:
		return value >= rule->required && value <= rule->allowed;
	case MINOS_RULE_EQUALS:
		return value == rule->allowed;
	}
	return false;
}

/**
 * minos_linux_call_check() - do a call's arguments keep its rules?
 * @call: the row
 * @args: the six argument registers
 *
 * Context: any; used in the atomic context of the sys_enter probe.
 * Return: 0 when they do, -%EINVAL when any rule is broken.
 */
int minos_linux_call_check(const struct minos_linux_call *call,
			   const unsigned long args[6])
{
	unsigned int i;

	for (i = 0; i < call->nr_rules; i++) {
		if (!minos_rule_holds(&call->rules[i], args[call->rules[i].arg]))
			return -EINVAL;
	}
	return 0;
}
