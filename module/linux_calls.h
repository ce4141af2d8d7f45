/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Minos: the Linux-like rows of the Minos table, and their argument rules.
 */
#ifndef _MINOS_LINUX_CALLS_H
#define _MINOS_LINUX_CALLS_H

#include <linux/types.h>

/* How a rule tests the masked value of its argument. */
enum minos_rule_kind {
	MINOS_RULE_FLAGS,	/* only bits of @allowed, all bits of @required */
	MINOS_RULE_ONE_OF,	/* a value below 64 whose bit is in @allowed */
	MINOS_RULE_RANGE,	/* @required <= value <= @allowed */
	MINOS_RULE_EQUALS,	/* value == @allowed */
};

/**
 * struct minos_arg_rule - what one argument of a Linux-like call may be
 * @arg:      the argument, 0 .. 5 (rdi, rsi, rdx, r10, r8, r9)
 * @kind:     the test, &enum minos_rule_kind
 * @mask:     the bits of the argument the test looks at
 * @allowed:  see @kind
 * @required: see @kind
 */
struct minos_arg_rule {
	u8 arg;
	u8 kind;
	unsigned long mask;
	unsigned long allowed;
	unsigned long required;
};

#define MINOS_MAX_RULES	4

/**
 * struct minos_linux_call - a Linux call containers may make
 * @name:  for messages
 * @rules: what its arguments may be; an argument without a rule is free
 * @nr_rules: entries in @rules
 *
 * A call whose arguments break a rule fails with -EINVAL and has no effect.
 */
struct minos_linux_call {
	const char *name;
	u8 nr_rules;
	struct minos_arg_rule rules[MINOS_MAX_RULES];
};

const struct minos_linux_call *minos_linux_call_find(unsigned long nr);
int minos_linux_call_check(const struct minos_linux_call *call,
			   const unsigned long args[6]);

#endif /* _MINOS_LINUX_CALLS_H */
