// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the typed descriptor table of a Minos container:
 * allocation order, types, limits, install_at, remove and get_many.
 *
 * The files are anon-inode files of a dummy type. The test keeps one
 * reference of its own to each, so that file_count() shows exactly which
 * references the table took or gave back, and drops it with __fput_sync():
 * the test runs in a kernel thread, where fput() would defer the release.
 */
#include <kunit/test.h>
#include <linux/anon_inodes.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/module.h>

#include "../fdtable.h"

static const struct file_operations minos_fdt_test_fops = {
	.owner	= THIS_MODULE,
};

KUNIT_DEFINE_ACTION_WRAPPER(minos_fdt_test_fput, __fput_sync, struct file *);

static void minos_fdt_test_release(void *fdt)
{
	minos_fdtable_release(fdt);
}

/* A table, released when the test ends. */
static struct minos_fdtable *minos_fdt_test_table(struct kunit *test)
{
	struct minos_fdtable *fdt;
	int ret;

	fdt = kunit_kzalloc(test, sizeof(*fdt), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, fdt);
	minos_fdtable_init(fdt);
	ret = kunit_add_action_or_reset(test, minos_fdt_test_release, fdt);
	KUNIT_ASSERT_EQ(test, 0, ret);
	return fdt;
}

/* A file the test holds one reference to until the test ends. */
static struct file *minos_fdt_test_file(struct kunit *test)
{
	struct file *file;
	int ret;

	file = anon_inode_getfile("[minos-kunit]", &minos_fdt_test_fops, NULL,
				  O_RDWR);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, file);
	ret = kunit_add_action_or_reset(test, minos_fdt_test_fput, file);
	KUNIT_ASSERT_EQ(test, 0, ret);
	return file;
}

#define MINOS_FDT_TEST_LIMIT	1024

/* Install a new reference to @file; the table owns it on success. */
static int minos_fdt_test_add_lim(struct minos_fdtable *fdt, struct file *file,
				  enum minos_fd_type type, unsigned long limit)
{
	int fd = minos_fd_install(fdt, get_file(file), type, limit);

	if (fd < 0)
		__fput_sync(file);
	return fd;
}

static int minos_fdt_test_add(struct minos_fdtable *fdt, struct file *file,
			      enum minos_fd_type type)
{
	return minos_fdt_test_add_lim(fdt, file, type, MINOS_FDT_TEST_LIMIT);
}

static int minos_fdt_test_add_at(struct minos_fdtable *fdt, unsigned int fd,
				 struct file *file, enum minos_fd_type type)
{
	int ret = minos_fd_install_at(fdt, fd, get_file(file), type);

	if (ret)
		__fput_sync(file);
	return ret;
}

/*
 * Look @fd up as @type and drop the reference again: 0 when it is @want,
 * the error of the lookup, or -EXDEV for another file.
 */
static int minos_fdt_test_is(struct minos_fdtable *fdt, unsigned long fd,
			     enum minos_fd_type type, struct file *want)
{
	struct file *got = minos_fd_get(fdt, fd, type);

	if (IS_ERR(got))
		return PTR_ERR(got);
	__fput_sync(got);
	return got == want ? 0 : -EXDEV;
}

/* Remove @fd as @type and drop the table's reference: as above. */
static int minos_fdt_test_rm(struct minos_fdtable *fdt, unsigned long fd,
			     enum minos_fd_type type, struct file *want)
{
	struct file *got = minos_fd_remove(fdt, fd, type);

	if (IS_ERR(got))
		return PTR_ERR(got);
	__fput_sync(got);
	return got == want ? 0 : -EXDEV;
}

static void minos_fdt_test_lowest_free(struct kunit *test)
{
	struct minos_fdtable *fdt = minos_fdt_test_table(test);
	struct file *f[5];
	int i;

	for (i = 0; i < ARRAY_SIZE(f); i++)
		f[i] = minos_fdt_test_file(test);

	for (i = 0; i < 4; i++)
		KUNIT_EXPECT_EQ(test, i, minos_fdt_test_add(fdt, f[i], MINOS_RFD));

	/* A hole is filled before the numbers above the highest. */
	KUNIT_EXPECT_EQ(test, 0, minos_fdt_test_rm(fdt, 1, MINOS_RFD, f[1]));
	KUNIT_EXPECT_EQ(test, 1, minos_fdt_test_add(fdt, f[4], MINOS_WFD));

	/* Of two holes, the lower first. */
	KUNIT_EXPECT_EQ(test, 0, minos_fdt_test_rm(fdt, 2, MINOS_RFD, f[2]));
	KUNIT_EXPECT_EQ(test, 0, minos_fdt_test_rm(fdt, 0, MINOS_RFD, f[0]));
	KUNIT_EXPECT_EQ(test, 0, minos_fdt_test_add(fdt, f[0], MINOS_RFD));
	KUNIT_EXPECT_EQ(test, 2, minos_fdt_test_add(fdt, f[2], MINOS_RFD));
	KUNIT_EXPECT_EQ(test, 4, minos_fdt_test_add(fdt, f[1], MINOS_RFD));

	/* Numbers below a chosen one are still allocated in order. */
	KUNIT_EXPECT_EQ(test, 0, minos_fdt_test_add_at(fdt, 9, f[3], MINOS_RFD));
	KUNIT_EXPECT_EQ(test, 5, minos_fdt_test_add(fdt, f[4], MINOS_RFD));
}

static void minos_fdt_test_types(struct kunit *test)
{
	struct minos_fdtable *fdt = minos_fdt_test_table(test);
	struct file *r = minos_fdt_test_file(test);
	struct file *w = minos_fdt_test_file(test);
	struct file *got;

	KUNIT_ASSERT_EQ(test, 0, minos_fdt_test_add(fdt, r, MINOS_RFD));
	KUNIT_ASSERT_EQ(test, 1, minos_fdt_test_add(fdt, w, MINOS_WFD));
	KUNIT_EXPECT_EQ(test, 2, file_count(r));
	KUNIT_EXPECT_EQ(test, 2, file_count(w));

	/* Asked as the other type: -EBADF, and no reference taken. */
	KUNIT_EXPECT_EQ(test, -EBADF, minos_fdt_test_is(fdt, 0, MINOS_WFD, r));
	KUNIT_EXPECT_EQ(test, -EBADF, minos_fdt_test_is(fdt, 1, MINOS_RFD, w));
	KUNIT_EXPECT_EQ(test, 2, file_count(r));
	KUNIT_EXPECT_EQ(test, 2, file_count(w));

	/* Not removed either. */
	KUNIT_EXPECT_EQ(test, -EBADF, minos_fdt_test_rm(fdt, 0, MINOS_WFD, r));
	KUNIT_EXPECT_EQ(test, -EBADF, minos_fdt_test_rm(fdt, 1, MINOS_RFD, w));

	/* Asked as its own type: the file, with a new reference. */
	got = minos_fd_get(fdt, 0, MINOS_RFD);
	KUNIT_ASSERT_PTR_EQ(test, got, r);
	KUNIT_EXPECT_EQ(test, 3, file_count(r));
	__fput_sync(got);
	KUNIT_EXPECT_EQ(test, 0, minos_fdt_test_is(fdt, 1, MINOS_WFD, w));
	KUNIT_EXPECT_EQ(test, 2, file_count(r));
	KUNIT_EXPECT_EQ(test, 2, file_count(w));
}

/* Numbers that are no descriptor, of either type. */
static void minos_fdt_test_bad_numbers(struct kunit *test)
{
	static const unsigned long bad[] = {
		1, 2, 1000, INT_MAX, (unsigned long)INT_MAX + 1, UINT_MAX,
		ULONG_MAX,
	};
	struct minos_fdtable *fdt = minos_fdt_test_table(test);
	struct file *f = minos_fdt_test_file(test);
	int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		KUNIT_EXPECT_EQ(test, -EBADF,
				minos_fdt_test_is(fdt, bad[i], MINOS_RFD, f));
		KUNIT_EXPECT_EQ(test, -EBADF,
				minos_fdt_test_rm(fdt, bad[i], MINOS_WFD, f));
	}
	KUNIT_ASSERT_EQ(test, 0, minos_fdt_test_add(fdt, f, MINOS_RFD));
	/* 2^32 is not 0: the number is not truncated on the way. */
	if (BITS_PER_LONG > 32)
		KUNIT_EXPECT_EQ(test, -EBADF,
				minos_fdt_test_is(fdt, (u64)1 << 32,
						  MINOS_RFD, f));
	KUNIT_EXPECT_EQ(test, 2, file_count(f));
}

static void minos_fdt_test_limit(struct kunit *test)
{
	struct minos_fdtable *fdt = minos_fdt_test_table(test);
	struct file *f = minos_fdt_test_file(test);
	int i;

	/* RLIMIT_NOFILE 0: no descriptor at all. */
	KUNIT_EXPECT_EQ(test, -EMFILE,
			minos_fdt_test_add_lim(fdt, f, MINOS_RFD, 0));

	for (i = 0; i < 3; i++)
		KUNIT_EXPECT_EQ(test, i,
				minos_fdt_test_add_lim(fdt, f, MINOS_RFD, 3));
	KUNIT_EXPECT_EQ(test, -EMFILE,
			minos_fdt_test_add_lim(fdt, f, MINOS_WFD, 3));
	/* The failed install took no reference: 1 + 3 installed. */
	KUNIT_EXPECT_EQ(test, 4, file_count(f));

	/* A number freed below the limit is usable again. */
	KUNIT_EXPECT_EQ(test, 0, minos_fdt_test_rm(fdt, 1, MINOS_RFD, f));
	KUNIT_EXPECT_EQ(test, 1, minos_fdt_test_add_lim(fdt, f, MINOS_WFD, 3));
	KUNIT_EXPECT_EQ(test, -EMFILE,
			minos_fdt_test_add_lim(fdt, f, MINOS_WFD, 3));

	/* A limit lowered below what is open stops new numbers only. */
	KUNIT_EXPECT_EQ(test, -EMFILE,
			minos_fdt_test_add_lim(fdt, f, MINOS_WFD, 2));
	KUNIT_EXPECT_EQ(test, 0, minos_fdt_test_is(fdt, 2, MINOS_RFD, f));

	/* A limit too large for an int is clamped, not wrapped. */
	KUNIT_EXPECT_EQ(test, 3,
			minos_fdt_test_add_lim(fdt, f, MINOS_RFD, ULONG_MAX));
	KUNIT_EXPECT_EQ(test, 4,
			minos_fdt_test_add_lim(fdt, f, MINOS_RFD, UINT_MAX));
	KUNIT_EXPECT_EQ(test, 6, file_count(f));
}

static void minos_fdt_test_install_at(struct kunit *test)
{
	struct minos_fdtable *fdt = minos_fdt_test_table(test);
	struct file *a = minos_fdt_test_file(test);
	struct file *b = minos_fdt_test_file(test);

	KUNIT_EXPECT_EQ(test, 0, minos_fdt_test_add_at(fdt, 5, a, MINOS_RFD));
	/* Taken: -EBUSY, the entry and its type unchanged. */
	KUNIT_EXPECT_EQ(test, -EBUSY,
			minos_fdt_test_add_at(fdt, 5, b, MINOS_WFD));
	KUNIT_EXPECT_EQ(test, 1, file_count(b));
	KUNIT_EXPECT_EQ(test, 0, minos_fdt_test_is(fdt, 5, MINOS_RFD, a));

	/* Taken by the allocator: -EBUSY too. */
	KUNIT_EXPECT_EQ(test, 0, minos_fdt_test_add(fdt, b, MINOS_WFD));
	KUNIT_EXPECT_EQ(test, -EBUSY,
			minos_fdt_test_add_at(fdt, 0, a, MINOS_RFD));

	/* The largest number there is, and past it. */
	KUNIT_EXPECT_EQ(test, 0,
			minos_fdt_test_add_at(fdt, INT_MAX, b, MINOS_WFD));
	KUNIT_EXPECT_EQ(test, 0,
			minos_fdt_test_is(fdt, INT_MAX, MINOS_WFD, b));
	KUNIT_EXPECT_EQ(test, -EBADF,
			minos_fdt_test_add_at(fdt, (unsigned int)INT_MAX + 1,
					      a, MINOS_RFD));
	KUNIT_EXPECT_EQ(test, -EBADF,
			minos_fdt_test_add_at(fdt, UINT_MAX, a, MINOS_RFD));
	KUNIT_EXPECT_EQ(test, 2, file_count(a));
	KUNIT_EXPECT_EQ(test, 3, file_count(b));
}

static void minos_fdt_test_remove_reuse(struct kunit *test)
{
	struct minos_fdtable *fdt = minos_fdt_test_table(test);
	struct file *a = minos_fdt_test_file(test);
	struct file *b = minos_fdt_test_file(test);
	struct file *got;

	KUNIT_ASSERT_EQ(test, 0, minos_fdt_test_add(fdt, a, MINOS_RFD));
	KUNIT_ASSERT_EQ(test, 1, minos_fdt_test_add(fdt, b, MINOS_RFD));

	/* The table's reference becomes the caller's. */
	got = minos_fd_remove(fdt, 0, MINOS_RFD);
	KUNIT_ASSERT_PTR_EQ(test, got, a);
	KUNIT_EXPECT_EQ(test, 2, file_count(a));
	__fput_sync(got);

	/* Gone: every operation on it says -EBADF. */
	KUNIT_EXPECT_EQ(test, -EBADF, minos_fdt_test_is(fdt, 0, MINOS_RFD, a));
	KUNIT_EXPECT_EQ(test, -EBADF, minos_fdt_test_rm(fdt, 0, MINOS_RFD, a));

	/* Reused, for a file of the other type. */
	KUNIT_EXPECT_EQ(test, 0, minos_fdt_test_add(fdt, b, MINOS_WFD));
	KUNIT_EXPECT_EQ(test, -EBADF, minos_fdt_test_is(fdt, 0, MINOS_RFD, b));
	KUNIT_EXPECT_EQ(test, 0, minos_fdt_test_is(fdt, 0, MINOS_WFD, b));

	/* Reused by install_at as well. */
	KUNIT_EXPECT_EQ(test, 0, minos_fdt_test_rm(fdt, 1, MINOS_RFD, b));
	KUNIT_EXPECT_EQ(test, 0, minos_fdt_test_add_at(fdt, 1, a, MINOS_RFD));
	KUNIT_EXPECT_EQ(test, 2, file_count(a));
	KUNIT_EXPECT_EQ(test, 2, file_count(b));
}

static void minos_fdt_test_get_many(struct kunit *test)
{
	static const u32 all[] = { 2, 0, 1 };
	static const u32 twice[] = { 1, 1 };
	static const u32 absent[] = { 0, 7, 1 };
	static const u32 mixed[] = { 0, 1, 3 };
	static const u32 huge[] = { 0, 0x80000000u };
	struct minos_fdtable *fdt = minos_fdt_test_table(test);
	struct file *files[4], *got[4];
	enum minos_fd_type type;
	int i;

	for (i = 0; i < 4; i++) {
		files[i] = minos_fdt_test_file(test);
		type = i < 3 ? MINOS_RFD : MINOS_WFD;
		KUNIT_ASSERT_EQ(test, i, minos_fdt_test_add(fdt, files[i], type));
	}

	/* All there: each file in the order asked, with a new reference. */
	memset(got, 0, sizeof(got));
	KUNIT_ASSERT_EQ(test, 0,
			minos_fd_get_many(fdt, all, 3, MINOS_RFD, got));
	for (i = 0; i < 3; i++) {
		KUNIT_EXPECT_PTR_EQ(test, got[i], files[all[i]]);
		KUNIT_EXPECT_EQ(test, 3, file_count(files[all[i]]));
	}
	for (i = 0; i < 3; i++)
		__fput_sync(got[i]);

	/* The same number twice: two references. */
	KUNIT_ASSERT_EQ(test, 0,
			minos_fd_get_many(fdt, twice, 2, MINOS_RFD, got));
	KUNIT_EXPECT_EQ(test, 4, file_count(files[1]));
	__fput_sync(got[0]);
	__fput_sync(got[1]);

	/* Any number missing, of the wrong type or out of range: none. */
	KUNIT_EXPECT_EQ(test, -EBADF,
			minos_fd_get_many(fdt, absent, 3, MINOS_RFD, got));
	KUNIT_EXPECT_EQ(test, -EBADF,
			minos_fd_get_many(fdt, mixed, 3, MINOS_RFD, got));
	KUNIT_EXPECT_EQ(test, -EBADF,
			minos_fd_get_many(fdt, huge, 2, MINOS_RFD, got));
	KUNIT_EXPECT_EQ(test, -EBADF,
			minos_fd_get_many(fdt, all, 3, MINOS_WFD, got));
	for (i = 0; i < 4; i++)
		KUNIT_EXPECT_EQ(test, 2, file_count(files[i]));

	/* The write end alone, as a wfd. */
	KUNIT_EXPECT_EQ(test, 0,
			minos_fd_get_many(fdt, &mixed[2], 1, MINOS_WFD, got));
	KUNIT_EXPECT_PTR_EQ(test, got[0], files[3]);
	__fput_sync(got[0]);
}

/* Releasing the table drops exactly the references it held. */
static void minos_fdt_test_release_all(struct kunit *test)
{
	struct minos_fdtable *fdt = minos_fdt_test_table(test);
	struct file *a = minos_fdt_test_file(test);
	struct file *b = minos_fdt_test_file(test);

	KUNIT_ASSERT_EQ(test, 0, minos_fdt_test_add(fdt, a, MINOS_RFD));
	KUNIT_ASSERT_EQ(test, 1, minos_fdt_test_add(fdt, a, MINOS_WFD));
	KUNIT_ASSERT_EQ(test, 0, minos_fdt_test_add_at(fdt, 100, b, MINOS_WFD));
	KUNIT_EXPECT_EQ(test, 3, file_count(a));
	KUNIT_EXPECT_EQ(test, 2, file_count(b));

	/* fput() drops the count at once even where it defers the rest. */
	kunit_release_action(test, minos_fdt_test_release, fdt);
	KUNIT_EXPECT_EQ(test, 1, file_count(a));
	KUNIT_EXPECT_EQ(test, 1, file_count(b));
}

static struct kunit_case minos_fdt_test_cases[] = {
	KUNIT_CASE(minos_fdt_test_lowest_free),
	KUNIT_CASE(minos_fdt_test_types),
	KUNIT_CASE(minos_fdt_test_bad_numbers),
	KUNIT_CASE(minos_fdt_test_limit),
	KUNIT_CASE(minos_fdt_test_install_at),
	KUNIT_CASE(minos_fdt_test_remove_reuse),
	KUNIT_CASE(minos_fdt_test_get_many),
	KUNIT_CASE(minos_fdt_test_release_all),
	{}
};

static struct kunit_suite minos_fdt_test_suite = {
	.name = "minos_fdtable",
	.test_cases = minos_fdt_test_cases,
};

kunit_test_suite(minos_fdt_test_suite);
