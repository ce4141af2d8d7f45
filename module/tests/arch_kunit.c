// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the Minos architecture registry: only exact names match.
 */
#include <kunit/test.h>
#include <linux/string.h>
#include <minos.h>

#include "../arch.h"

static const struct minos_arch *minos_arch_find_str(const char *name)
{
	return minos_arch_find(name, strlen(name));
}

static void minos_arch_test_x86_64(struct kunit *test)
{
	const struct minos_arch *arch = minos_arch_find_str("x86-64");

	KUNIT_ASSERT_NOT_NULL(test, arch);
	KUNIT_EXPECT_STREQ(test, arch->name, MINOS_ARCH_X86_64);
	/* The same row every time: callers may compare pointers. */
	KUNIT_EXPECT_PTR_EQ(test, minos_arch_find_str(MINOS_ARCH_X86_64), arch);
}

/* Names come from user memory without a NUL: only @len bytes count. */
static void minos_arch_test_length(struct kunit *test)
{
	static const char buf[] = "x86-64x86-64";

	KUNIT_EXPECT_NOT_NULL(test, minos_arch_find(buf, 6));
	KUNIT_EXPECT_NOT_NULL(test, minos_arch_find(buf + 6, 6));
	KUNIT_EXPECT_NULL(test, minos_arch_find(buf, 5));
	KUNIT_EXPECT_NULL(test, minos_arch_find(buf, 7));
	KUNIT_EXPECT_NULL(test, minos_arch_find(buf, sizeof(buf)));
}

static void minos_arch_test_unknown(struct kunit *test)
{
	static const char * const names[] = {
		"x86", "x86-645", "", "X86-64", "x86_64", "x86-6", " x86-64",
		"x86-64 ", "amd64", "i386", "aarch64",
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(names); i++)
		KUNIT_EXPECT_NULL_MSG(test, minos_arch_find_str(names[i]),
				      "name \"%s\"", names[i]);
	/* Embedded NUL: the bytes after it still count. */
	KUNIT_EXPECT_NULL(test, minos_arch_find("x86-64\0", 7));
	KUNIT_EXPECT_NULL(test, minos_arch_find("x86\0-64", 7));
}

static struct kunit_case minos_arch_test_cases[] = {
	KUNIT_CASE(minos_arch_test_x86_64),
	KUNIT_CASE(minos_arch_test_length),
	KUNIT_CASE(minos_arch_test_unknown),
	{}
};

static struct kunit_suite minos_arch_test_suite = {
	.name = "minos_arch",
	.test_cases = minos_arch_test_cases,
};

kunit_test_suite(minos_arch_test_suite);
