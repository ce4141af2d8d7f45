// SPDX-License-Identifier: GPL-2.0
/*
 * tree_test: containers that start containers, through cnew, ckill, wpass
 * and rpass.
 *
 * The container under test is images/tree_agent.bin, which makes the
 * calls the test asks for, one at a time (tree_rpc.h), and starts copies
 * of itself as children, which the test drives the same way through their
 * parent. So every result is checked where it happens, with exact errno
 * values:
 *
 * - cnew: arch_len 0 or > 64 -EINVAL, an unreadable arch -EFAULT, an
 *   unknown arch -ENOEXEC, a code_rfd that is no rfd -EBADF, checked in
 *   that order; code_rfd stays with the caller on failure and is gone on
 *   success; cids are 1, 2, 3, ... per parent and never reused.
 * - ckill: an unknown, released or grandchild cid -ESRCH; a dead child is
 *   a valid cid until ckill releases it; ckill of a child blocked in read,
 *   in write, or still reading its code returns once the child's
 *   descriptors are closed.
 * - wpass/rpass: -ESRCH (checked first) for anything but a live direct
 *   child, -EBADF for a descriptor of the wrong kind or none, -EMFILE for
 *   a full table, the caller keeping the descriptor on every failure;
 *   numbers 0, 1, ... before the start, the lowest free one after.
 * - An empty code stream kills the child before its first instruction.
 * - A container's end kills its whole tree, three levels deep.
 * - A parent that builds a three-stage pipeline gets the right bytes out
 *   (images/tree_pipeline.bin, and examples/pipeline).
 */
#include <limits.h>
#include <sys/resource.h>

#include "tree_rpc.h"
#include "tree_pipeline.h"

/* Store the string @s (at most 64 bytes) at @off of @at's scratch area. */
static long __poke_str(struct __test_metadata *_metadata, struct tree *t,
		       const struct agent *at, long off, const char *s,
		       size_t len)
{
	char buf[72] = { 0 };
	long word;
	size_t i;

	ASSERT_GE(64, len);
	memcpy(buf, s, len);
	for (i = 0; i < len; i += 8) {
		memcpy(&word, buf + i, 8);
		ASSERT_EQ(0, AG2(t, at, AG_POKE, off + i, word));
	}
	return AG_SCRATCH_ADDR + off;
}

#define poke_str(t, at, off, s) \
	__poke_str(_metadata, (t), (at), (off), (s), strlen(s))

/*
 * The pipe @w -> @r of @at still works: one byte @c goes through. Proves
 * that a failed call left both descriptors where they were.
 */
static void __pipe_works(struct __test_metadata *_metadata, struct tree *t,
			 const struct agent *at, long w, long r, char c)
{
	long n = -1, first = -1;

	EXPECT_EQ(0, agent_call(t, at, AG_PUT, w, c, 1, &n));
	EXPECT_EQ(1, n);
	EXPECT_EQ(1, agent_call(t, at, AG_READ, r, 16, 0, &first));
	EXPECT_EQ((unsigned char)c, first);
}

#define pipe_works(t, at, w, r, c) \
	__pipe_works(_metadata, (t), (at), (w), (r), (c))

/* Give the child waiting on @code_w its code (a sleeper) and release it. */
#define finish_child(t, at, code_w, cid) do {				\
	long __done = -1;						\
									\
	EXPECT_EQ(0, agent_call(t, at, AG_SELF, code_w, -1, 0, &__done)); \
	EXPECT_EQ(0, AG1(t, at, AG_WCLOSE, code_w));			\
	EXPECT_EQ(0, AG1(t, at, AG_CKILL, cid));			\
} while (0)

/* Start a root agent for a test, or skip when Minos is not there. */
#define TREE_SETUP(t, cfg) do {						\
	(t)->m.pid = -1;						\
	(t)->cmd = -1;							\
	(t)->data = -1;							\
	MINOS_REQUIRE();						\
	ASSERT_EQ(0, tree_start(t, cfg));				\
	ASSERT_LT(0, (t)->self_size);					\
	ASSERT_EQ(AG_ALIVE, AG0(t, &(t)->root, AG_NOP));		\
} while (0)

static const struct tree_cfg plain_cfg;

FIXTURE(tree) {
	struct tree t;
};

FIXTURE_SETUP(tree)
{
	TREE_SETUP(&self->t, &plain_cfg);
}

FIXTURE_TEARDOWN(tree)
{
	tree_kill(&self->t);
}

/* For tests that start their own root, or none. */
FIXTURE(solo) {
	struct tree t;
};

FIXTURE_SETUP(solo)
{
	self->t.m.pid = -1;
	self->t.cmd = -1;
	self->t.data = -1;
}

FIXTURE_TEARDOWN(solo)
{
	tree_kill(&self->t);
}

/* arch_len must be 1 .. 64; checked before arch and code_rfd. */
TEST_F(tree, cnew_arch_len_out_of_range)
{
	static const long lens[] = {
		0, MINOS_ARCH_NAME_MAX + 1, 4096, -1L, 1L << 32, LONG_MIN
	};
	struct tree *t = &self->t;
	const struct agent *root = &t->root;
	long arch, w, r;
	size_t i;

	agent_pipe(t, root, &w, &r);
	arch = poke_str(t, root, AG_POKE_AREA, MINOS_ARCH_X86_64);
	for (i = 0; i < ARRAY_SIZE(lens); i++) {
		EXPECT_EQ(-EINVAL, agent_call(t, root, AG_CNEW, r, arch,
					      lens[i], NULL))
			TH_LOG("arch_len %ld", lens[i]);
	}
	EXPECT_EQ(-EINVAL, agent_call(t, root, AG_CNEW, 99, 0, 0, NULL));
	EXPECT_EQ(-EINVAL, agent_call(t, root, AG_CNEW, 99, 0,
				      MINOS_ARCH_NAME_MAX + 1, NULL));
	pipe_works(t, root, w, r, 'k');

	/* The first child after all this is cid 1. */
	EXPECT_EQ(1, agent_call(t, root, AG_CNEW, r, arch, 6, NULL));
	finish_child(t, root, w, 1);
	tree_finish(t);
}

/* arch must be readable for arch_len bytes: -EFAULT, before code_rfd. */
TEST_F(tree, cnew_arch_unreadable)
{
	struct tree *t = &self->t;
	const struct agent *root = &t->root;
	long end = AG_SCRATCH_ADDR + AG_SCRATCH_SIZE;
	const long addrs[] = {
		0, 0x1000, 0x7ffffffff000, 0x800000000000, -0x7f000000L,
		end - 3,	/* "x86" then the unmapped page after scratch */
	};
	long w, r;
	size_t i;

	agent_pipe(t, root, &w, &r);
	poke_str(t, root, AG_SCRATCH_SIZE - 8, "-----x86");
	for (i = 0; i < ARRAY_SIZE(addrs); i++) {
		EXPECT_EQ(-EFAULT, agent_call(t, root, AG_CNEW, r, addrs[i],
					      6, NULL))
			TH_LOG("arch at 0x%lx", addrs[i]);
	}
	EXPECT_EQ(-EFAULT, agent_call(t, root, AG_CNEW, 99, 0, 6, NULL));
	EXPECT_EQ(-EFAULT, agent_call(t, root, AG_CNEW, -1, end - 3, 6, NULL));
	pipe_works(t, root, w, r, 'f');
	EXPECT_EQ(1, AG1(t, root, AG_CNEW_X86, r));
	finish_child(t, root, w, 1);
	tree_finish(t);
}

/* Only "x86-64", exactly: -ENOEXEC otherwise, before code_rfd. */
TEST_F(tree, cnew_unknown_arch)
{
	static const char *const names[] = {
		"x86-6", "x86", "X86-64", "x86_64", "x86-64x", "x86-64 ",
		" x86-64", "amd64", "i386",
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	};
	struct tree *t = &self->t;
	const struct agent *root = &t->root;
	long arch, w, r;
	size_t i;

	agent_pipe(t, root, &w, &r);
	for (i = 0; i < ARRAY_SIZE(names); i++) {
		arch = poke_str(t, root, AG_POKE_AREA, names[i]);
		EXPECT_EQ(-ENOEXEC, agent_call(t, root, AG_CNEW, r, arch,
					       strlen(names[i]), NULL))
			TH_LOG("arch \"%s\"", names[i]);
	}
	EXPECT_EQ(64, strlen(names[ARRAY_SIZE(names) - 1]));
	EXPECT_EQ(-ENOEXEC, agent_call(t, root, AG_CNEW, 99, arch, 64, NULL));
	/* A prefix of the right name. */
	arch = poke_str(t, root, AG_POKE_AREA, MINOS_ARCH_X86_64);
	EXPECT_EQ(-ENOEXEC, agent_call(t, root, AG_CNEW, r, arch, 5, NULL));
	pipe_works(t, root, w, r, 'e');
	EXPECT_EQ(1, agent_call(t, root, AG_CNEW, r, arch, 6, NULL));
	finish_child(t, root, w, 1);
	tree_finish(t);
}

/* code_rfd must be a read descriptor of the caller: -EBADF, and it stays. */
TEST_F(tree, cnew_bad_code_rfd)
{
	struct tree *t = &self->t;
	const struct agent *root = &t->root;
	long w, r, w2, r2;
	size_t i;

	agent_pipe(t, root, &w, &r);
	agent_pipe(t, root, &w2, &r2);
	ASSERT_EQ(0, AG1(t, root, AG_RCLOSE, r2));	/* a closed number */
	const long fds[] = {
		99, -1, INT_MAX, 0x80000000L, (1L << 32) | r, w, 1, r2,
		LONG_MIN,
	};

	for (i = 0; i < ARRAY_SIZE(fds); i++) {
		EXPECT_EQ(-EBADF, AG1(t, root, AG_CNEW_X86, fds[i]))
			TH_LOG("code_rfd %ld", fds[i]);
	}
	pipe_works(t, root, w, r, 'b');
	EXPECT_EQ(1, AG1(t, root, AG_CNEW_X86, r));
	finish_child(t, root, w, 1);
	tree_finish(t);
}

/*
 * On success code_rfd is gone from the caller: closing, reading or passing
 * it is -EBADF and its number is free again.
 */
TEST_F(tree, cnew_moves_code_rfd)
{
	struct tree *t = &self->t;
	const struct agent *root = &t->root;
	long w, r, w2, r2, first = -1;

	agent_pipe(t, root, &w, &r);
	ASSERT_EQ(1, AG1(t, root, AG_CNEW_X86, r));
	EXPECT_EQ(-EBADF, AG1(t, root, AG_RCLOSE, r));
	EXPECT_EQ(-EBADF, agent_call(t, root, AG_READ, r, 1, 0, &first));
	EXPECT_EQ(AG_UNTOUCHED, first);
	EXPECT_EQ(-EBADF, AG2(t, root, AG_RPASS, r, 1));
	EXPECT_EQ(-EBADF, AG1(t, root, AG_CNEW_X86, r));
	/* Lowest free first: the new pipe takes the number back. */
	agent_pipe(t, root, &w2, &r2);
	EXPECT_TRUE(w2 == r || r2 == r)
		TH_LOG("code_rfd was %ld, the new pipe is %ld -> %ld", r, w2, r2);
	finish_child(t, root, w, 1);
	tree_finish(t);
}

/* cids count 1, 2, 3, ... per parent; a released one never comes back. */
TEST_F(tree, cid_numbering_never_reused)
{
	struct tree *t = &self->t;
	const struct agent *root = &t->root;
	struct agent k;

	EXPECT_EQ(1, sleeper_spawn(t, root));
	EXPECT_EQ(2, sleeper_spawn(t, root));
	EXPECT_EQ(3, sleeper_spawn(t, root));
	EXPECT_EQ(0, AG1(t, root, AG_CKILL, 2));
	EXPECT_EQ(4, sleeper_spawn(t, root));
	EXPECT_EQ(0, AG1(t, root, AG_CKILL, 4));
	EXPECT_EQ(0, AG1(t, root, AG_CKILL, 1));
	EXPECT_EQ(0, AG1(t, root, AG_CKILL, 3));
	/* Every cid released: still no reuse. */
	EXPECT_EQ(5, sleeper_spawn(t, root));

	/* A child numbers its own children from 1. */
	kid_spawn(t, root, &k);
	EXPECT_EQ(6, k.cid);
	EXPECT_EQ(1, sleeper_spawn(t, &k));
	EXPECT_EQ(2, sleeper_spawn(t, &k));
	EXPECT_EQ(7, sleeper_spawn(t, root));
	/* The root, its children 5, 6 (k) and 7, and k's two. */
	EXPECT_EQ(t->base + 1 + 3 + 2, read_long_file(MINOS_SYS_CONTAINERS));
	tree_finish(t);
}

/* ckill of anything but a child the caller holds a cid of: -ESRCH. */
TEST_F(tree, ckill_unknown_cid)
{
	static const long cids[] = {
		0, -1, 2, 99, (1L << 32) | 1, LONG_MIN, LONG_MAX
	};
	struct tree *t = &self->t;
	const struct agent *root = &t->root;
	size_t i;

	ASSERT_EQ(1, sleeper_spawn(t, root));
	for (i = 0; i < ARRAY_SIZE(cids); i++) {
		EXPECT_EQ(-ESRCH, AG1(t, root, AG_CKILL, cids[i]))
			TH_LOG("cid %ld", cids[i]);
	}
	EXPECT_EQ(t->base + 2, read_long_file(MINOS_SYS_CONTAINERS));
	EXPECT_EQ(0, AG1(t, root, AG_CKILL, 1));
	EXPECT_EQ(-ESRCH, AG1(t, root, AG_CKILL, 1));
	EXPECT_EQ(t->base + 1, read_long_file(MINOS_SYS_CONTAINERS));
	tree_finish(t);
}

/* A grandchild's cid means nothing to its grandparent. */
TEST_F(tree, ckill_grandchild_cid)
{
	struct tree *t = &self->t;
	const struct agent *root = &t->root;
	struct agent k;

	kid_spawn(t, root, &k);
	ASSERT_EQ(1, k.cid);
	ASSERT_EQ(1, sleeper_spawn(t, &k));
	ASSERT_EQ(2, sleeper_spawn(t, &k));
	EXPECT_EQ(-ESRCH, AG1(t, root, AG_CKILL, 2));
	EXPECT_EQ(t->base + 4, read_long_file(MINOS_SYS_CONTAINERS));
	EXPECT_EQ(0, AG1(t, &k, AG_CKILL, 2));
	EXPECT_EQ(t->base + 3, read_long_file(MINOS_SYS_CONTAINERS));
	tree_finish(t);
}

/*
 * wpass/rpass of a descriptor that is not one of the right kind: -EBADF,
 * the caller keeps it, the child gets nothing. The cid is checked first.
 */
TEST_F(tree, pass_bad_descriptor)
{
	struct tree *t = &self->t;
	const struct agent *root = &t->root;
	struct agent k;
	long w, r, cid, buf;

	kid_spawn(t, root, &k);
	cid = k.cid;
	agent_pipe(t, root, &w, &r);
	EXPECT_EQ(-EBADF, AG2(t, root, AG_WPASS, r, cid));
	EXPECT_EQ(-EBADF, AG2(t, root, AG_RPASS, w, cid));
	EXPECT_EQ(-EBADF, AG2(t, root, AG_WPASS, 0, cid));	/* stdin */
	EXPECT_EQ(-EBADF, AG2(t, root, AG_RPASS, 1, cid));	/* stdout */
	EXPECT_EQ(-EBADF, AG2(t, root, AG_WPASS, 99, cid));
	EXPECT_EQ(-EBADF, AG2(t, root, AG_RPASS, 99, cid));
	EXPECT_EQ(-EBADF, AG2(t, root, AG_WPASS, -1, cid));
	EXPECT_EQ(-EBADF, AG2(t, root, AG_RPASS, -1, cid));
	EXPECT_EQ(-EBADF, AG2(t, root, AG_WPASS, (1L << 32) | w, cid));
	EXPECT_EQ(-EBADF, AG2(t, root, AG_RPASS, (1L << 32) | r, cid));
	EXPECT_EQ(-EBADF, AG2(t, root, AG_WPASS, k.cmd + 0x100000000L, cid));
	/* The cid is checked before the descriptor. */
	EXPECT_EQ(-ESRCH, AG2(t, root, AG_WPASS, 99, 99));
	EXPECT_EQ(-ESRCH, AG2(t, root, AG_RPASS, w, 99));

	pipe_works(t, root, w, r, 'p');
	/* The kid still has only rfd 0 and wfd 1. */
	buf = AG0(t, &k, AG_BUF);
	EXPECT_EQ(-EBADF, agent_call(t, &k, AG_WRITE, 2, buf, 0, NULL));
	EXPECT_EQ(-EBADF, AG1(t, &k, AG_RCLOSE, 2));
	EXPECT_EQ(-EBADF, AG1(t, &k, AG_WCLOSE, 2));
	EXPECT_EQ(AG_ALIVE, AG0(t, &k, AG_NOP));
	tree_finish(t);
}

/*
 * wpass/rpass to anything but a live direct child: -ESRCH, and the caller
 * keeps the descriptor. A grandchild's cid, a sibling's, the caller's own.
 */
TEST_F(tree, pass_not_a_child)
{
	static const long cids[] = {
		0, -1, 2, 99, (1L << 32) | 1, LONG_MIN, LONG_MAX
	};
	struct tree *t = &self->t;
	const struct agent *root = &t->root;
	struct agent k1, k2;
	long w, r, kw, kr;
	size_t i;

	kid_spawn(t, root, &k1);
	ASSERT_EQ(1, k1.cid);
	agent_pipe(t, root, &w, &r);
	for (i = 0; i < ARRAY_SIZE(cids); i++) {
		EXPECT_EQ(-ESRCH, AG2(t, root, AG_WPASS, w, cids[i]))
			TH_LOG("cid %ld", cids[i]);
		EXPECT_EQ(-ESRCH, AG2(t, root, AG_RPASS, r, cids[i]))
			TH_LOG("cid %ld", cids[i]);
	}
	/* k1's children are 1 and 2 for k1, not for the root. */
	ASSERT_EQ(1, sleeper_spawn(t, &k1));
	ASSERT_EQ(2, sleeper_spawn(t, &k1));
	EXPECT_EQ(-ESRCH, AG2(t, root, AG_WPASS, w, 2));
	EXPECT_EQ(-ESRCH, AG2(t, root, AG_RPASS, r, 2));
	pipe_works(t, root, w, r, 's');

	/* k2 (cid 2) has no child: not its sibling 1, not itself 2. */
	kid_spawn(t, root, &k2);
	ASSERT_EQ(2, k2.cid);
	agent_pipe(t, &k2, &kw, &kr);
	EXPECT_EQ(-ESRCH, AG2(t, &k2, AG_WPASS, kw, 1));
	EXPECT_EQ(-ESRCH, AG2(t, &k2, AG_RPASS, kr, 1));
	EXPECT_EQ(-ESRCH, AG2(t, &k2, AG_WPASS, kw, 2));
	EXPECT_EQ(-ESRCH, AG2(t, &k2, AG_RPASS, kr, 2));
	pipe_works(t, &k2, kw, kr, 'S');
	tree_finish(t);
}

/*
 * Before the child starts, passed descriptors get 0, 1, 2, ... in the
 * order passed, and it starts with exactly those: each one is the very
 * pipe end that was passed.
 */
TEST_F(tree, pass_order_before_start)
{
	struct tree *t = &self->t;
	const struct agent *root = &t->root;
	long w[4], r[4], code_w, first, n, buf;
	struct agent k;
	int i;

	kid_create(t, root, &k, &code_w);	/* rfd 0, wfd 1 */
	for (i = 0; i < 4; i++)
		agent_pipe(t, root, &w[i], &r[i]);
	/* Something to read in the two pipes whose rfd goes to the kid. */
	EXPECT_EQ(0, agent_call(t, root, AG_PUT, w[0], 'A', 1, NULL));
	EXPECT_EQ(0, agent_call(t, root, AG_PUT, w[2], 'C', 1, NULL));
	EXPECT_EQ(2, AG2(t, root, AG_RPASS, r[0], k.cid));
	EXPECT_EQ(3, AG2(t, root, AG_WPASS, w[1], k.cid));
	EXPECT_EQ(4, AG2(t, root, AG_RPASS, r[2], k.cid));
	EXPECT_EQ(5, AG2(t, root, AG_WPASS, w[3], k.cid));
	/* Gone from the root. */
	EXPECT_EQ(-EBADF, AG1(t, root, AG_RCLOSE, r[0]));
	EXPECT_EQ(-EBADF, AG1(t, root, AG_WCLOSE, w[1]));
	kid_start(t, &k, code_w);

	EXPECT_EQ(1, agent_call(t, &k, AG_READ, 2, 16, 0, &first));
	EXPECT_EQ('A', first);
	EXPECT_EQ(1, agent_call(t, &k, AG_READ, 4, 16, 0, &first));
	EXPECT_EQ('C', first);
	EXPECT_EQ(0, agent_call(t, &k, AG_PUT, 3, 'b', 1, &n));
	EXPECT_EQ(0, agent_call(t, &k, AG_PUT, 5, 'd', 1, &n));
	EXPECT_EQ(1, agent_call(t, root, AG_READ, r[1], 16, 0, &first));
	EXPECT_EQ('b', first);
	EXPECT_EQ(1, agent_call(t, root, AG_READ, r[3], 16, 0, &first));
	EXPECT_EQ('d', first);
	/* Of the right kind, and nothing more. */
	buf = AG0(t, &k, AG_BUF);
	EXPECT_EQ(-EBADF, agent_call(t, &k, AG_WRITE, 2, buf, 0, NULL));
	EXPECT_EQ(0, agent_call(t, &k, AG_WRITE, 3, buf, 0, NULL));
	EXPECT_EQ(-EBADF, agent_call(t, &k, AG_WRITE, 6, buf, 0, NULL));
	EXPECT_EQ(-EBADF, AG1(t, &k, AG_RCLOSE, 6));
	tree_finish(t);
}

/* After the start, a passed descriptor takes the lowest free number. */
TEST_F(tree, pass_lowest_free_after_start)
{
	struct tree *t = &self->t;
	const struct agent *root = &t->root;
	long w[5], r[5], first;
	struct agent k;
	int i;

	kid_spawn(t, root, &k);
	for (i = 0; i < 5; i++)
		agent_pipe(t, root, &w[i], &r[i]);
	EXPECT_EQ(2, AG2(t, root, AG_RPASS, r[0], k.cid));
	EXPECT_EQ(3, AG2(t, root, AG_WPASS, w[1], k.cid));
	EXPECT_EQ(4, AG2(t, root, AG_RPASS, r[2], k.cid));
	EXPECT_EQ(0, AG1(t, &k, AG_RCLOSE, 2));
	EXPECT_EQ(0, AG1(t, &k, AG_WCLOSE, 3));
	EXPECT_EQ(2, AG2(t, root, AG_WPASS, w[3], k.cid));
	EXPECT_EQ(3, AG2(t, root, AG_RPASS, r[4], k.cid));
	EXPECT_EQ(5, AG2(t, root, AG_WPASS, w[4], k.cid));
	EXPECT_EQ(0, agent_call(t, root, AG_PUT, w[2], 'x', 1, NULL));
	EXPECT_EQ(1, agent_call(t, &k, AG_READ, 4, 16, 0, &first));
	EXPECT_EQ('x', first);
	EXPECT_EQ(0, agent_call(t, &k, AG_PUT, 2, 'y', 1, NULL));
	EXPECT_EQ(1, agent_call(t, root, AG_READ, r[3], 16, 0, &first));
	EXPECT_EQ('y', first);
	EXPECT_EQ(0, agent_call(t, &k, AG_PUT, 5, 'z', 1, NULL));
	EXPECT_EQ(1, agent_call(t, &k, AG_READ, 3, 16, 0, &first));
	EXPECT_EQ('z', first);
	tree_finish(t);
}

/*
 * A child that ended stays a valid cid, as a dead child: passing to it is
 * -ESRCH (the caller keeps the descriptor) until ckill releases it (0),
 * then ckill is -ESRCH too. Its cid is not given again.
 */
TEST_F(tree, dead_child_keeps_cid_until_ckill)
{
	struct tree *t = &self->t;
	const struct agent *root = &t->root;
	long w, r, bytes = -1;
	struct agent k;

	kid_spawn(t, root, &k);
	agent_send(t, &k, AG_EXIT, 0, 0, 0);
	/* Its end closed its reply pipe: end of stream, no reply. */
	EXPECT_EQ(0, agent_call(t, root, AG_DRAIN, k.reply, 0, 0, &bytes));
	EXPECT_EQ(0, bytes);
	EXPECT_EQ(t->base + 1, wait_for_value(MINOS_SYS_CONTAINERS, t->base + 1,
					      TREE_SETTLE_MS));

	agent_pipe(t, root, &w, &r);
	EXPECT_EQ(-ESRCH, AG2(t, root, AG_WPASS, w, k.cid));
	EXPECT_EQ(-ESRCH, AG2(t, root, AG_RPASS, r, k.cid));
	pipe_works(t, root, w, r, 'd');
	EXPECT_EQ(0, AG1(t, root, AG_CKILL, k.cid));
	/* After ckill, all of its descriptors are closed. */
	EXPECT_EQ(-EPIPE, agent_call(t, root, AG_WRITE, k.cmd,
				     AG_SCRATCH_ADDR, 1, NULL));
	EXPECT_EQ(-ESRCH, AG1(t, root, AG_CKILL, k.cid));
	EXPECT_EQ(-ESRCH, AG2(t, root, AG_WPASS, w, k.cid));
	EXPECT_EQ(k.cid + 1, sleeper_spawn(t, root));
	tree_finish(t);
}

/*
 * The child's end is reported to its parent: ckill returns 0 once the
 * child has ended and its descriptors are closed, so at once a write to
 * the pipe it read is -EPIPE and the pipe it wrote is at end of stream.
 * The cid is released.
 */
static void __check_killed(struct __test_metadata *_metadata, struct tree *t,
			   const struct agent *k, long drained)
{
	const struct agent *root = &t->root;
	long bytes = -1;

	EXPECT_EQ(0, AG1(t, root, AG_CKILL, k->cid));
	EXPECT_EQ(-EPIPE, agent_call(t, root, AG_WRITE, k->cmd,
				     AG_SCRATCH_ADDR, 1, NULL));
	EXPECT_EQ(0, agent_call(t, root, AG_DRAIN, k->reply, 0, 0, &bytes));
	EXPECT_EQ(drained, bytes);
	EXPECT_EQ(-ESRCH, AG1(t, root, AG_CKILL, k->cid));
	EXPECT_EQ(-ESRCH, AG2(t, root, AG_WPASS, k->cmd, k->cid));
	EXPECT_EQ(0, wait_gone(&k->pid, 1, TREE_SETTLE_MS));
}

#define check_killed(t, k, drained) \
	__check_killed(_metadata, (t), (k), (drained))

/* A child asleep in read (of its command pipe). */
TEST_F(tree, ckill_child_blocked_in_read)
{
	struct tree *t = &self->t;
	struct agent k;

	kid_spawn(t, &t->root, &k);
	/* After its reply to the first command, it only reads: asleep. */
	ASSERT_EQ('S', wait_sleeping(k.pid, TREE_SETTLE_MS));
	check_killed(t, &k, 0);
	tree_finish(t);
}

/*
 * A child asleep in write, to a full pipe: its 4096-byte writes are
 * atomic, so with one byte taken out it stays blocked with 65535 bytes in
 * the pipe, and those are all that can be read after ckill.
 */
TEST_F(tree, ckill_child_blocked_in_write)
{
	struct tree *t = &self->t;
	const struct agent *root = &t->root;
	long fw, fr, code_w, first = -1, bytes = -1;
	struct agent k;

	kid_create(t, root, &k, &code_w);
	agent_pipe(t, root, &fw, &fr);
	ASSERT_EQ(2, AG2(t, root, AG_WPASS, fw, k.cid));
	kid_start(t, &k, code_w);
	agent_send(t, &k, AG_PUT, 2, 'f', 1L << 20);
	/* It is writing: then its only sleep is in a write. */
	EXPECT_EQ(1, agent_call(t, root, AG_READ, fr, 1, 0, &first));
	EXPECT_EQ('f', first);
	ASSERT_EQ('S', wait_sleeping(k.pid, TREE_SETTLE_MS));
	check_killed(t, &k, 0);
	EXPECT_EQ(0, agent_call(t, root, AG_DRAIN, fr, 0, 0, &bytes));
	EXPECT_EQ(MINOS_PIPE_CAPACITY - 1, bytes);
	tree_finish(t);
}

/*
 * A child killed before its code stream is complete (none of it, or part
 * of it): it never runs, its descriptors close, its cid is released, and
 * the code stream loses its reader (writes to it end with -EPIPE).
 */
FIXTURE(early) {
	struct tree t;
};

FIXTURE_VARIANT(early) {
	long code_bytes;
};

FIXTURE_VARIANT_ADD(early, no_code) { 0 };
FIXTURE_VARIANT_ADD(early, part_of_the_code) { 100 };

FIXTURE_SETUP(early)
{
	TREE_SETUP(&self->t, &plain_cfg);
}

FIXTURE_TEARDOWN(early)
{
	tree_kill(&self->t);
}

TEST_F(early, ckill_before_code_complete)
{
	struct tree *t = &self->t;
	const struct agent *root = &t->root;
	long code_w, done = -1, bytes = -1;
	struct agent k;
	pid_t pid;

	kid_create(t, root, &k, &code_w);
	if (variant->code_bytes) {
		EXPECT_EQ(0, agent_call(t, root, AG_SELF, code_w,
					variant->code_bytes, 0, &done));
		EXPECT_EQ(variant->code_bytes, done);
		/* The child process exists and waits for the rest. */
		ASSERT_EQ(1, children_of(t->m.pid, &pid, 1));
		EXPECT_EQ('S', wait_sleeping(pid, TREE_SETTLE_MS));
	}
	EXPECT_EQ(0, AG1(t, root, AG_CKILL, k.cid));
	EXPECT_EQ(-EPIPE, agent_call(t, root, AG_WRITE, k.cmd,
				     AG_SCRATCH_ADDR, 1, NULL));
	EXPECT_EQ(0, agent_call(t, root, AG_DRAIN, k.reply, 0, 0, &bytes));
	EXPECT_EQ(0, bytes);
	EXPECT_EQ(-ESRCH, AG1(t, root, AG_CKILL, k.cid));
	/* Well past what the pipe holds: the reader must be gone. */
	EXPECT_EQ(-EPIPE, agent_call(t, root, AG_PUT, code_w, 0x90,
				     2 * MINOS_PIPE_CAPACITY, &bytes));
	EXPECT_GE(MINOS_PIPE_CAPACITY, bytes);
	EXPECT_EQ(0, wait_scan(t->m.pid, NULL, (uid_t)-1, 0, TREE_SETTLE_MS));
	tree_finish(t);
}

/*
 * The same, many times in a row: each ckill must return only after the
 * descriptors are closed, never just before.
 */
TEST_F_TIMEOUT(tree, ckill_closes_before_returning_repeatedly, 300)
{
	struct tree *t = &self->t;
	const struct agent *root = &t->root;
	long r0, bytes;
	struct agent k;
	int i;

	for (i = 0; i < 20; i++) {
		kid_spawn(t, root, &k);
		ASSERT_EQ(0, AG1(t, root, AG_CKILL, k.cid));
		r0 = agent_call(t, root, AG_WRITE, k.cmd, AG_SCRATCH_ADDR, 1,
				NULL);
		EXPECT_EQ(-EPIPE, r0) TH_LOG("round %d", i);
		EXPECT_EQ(0, agent_call(t, root, AG_DRAIN, k.reply, 0, 0,
					&bytes));
		EXPECT_EQ(0, AG1(t, root, AG_WCLOSE, k.cmd));
		EXPECT_EQ(0, AG1(t, root, AG_RCLOSE, k.reply));
		if (r0 != -EPIPE)
			break;
	}
	tree_finish(t);
}

/*
 * An empty code stream: the child is killed before its first instruction;
 * the parent sees it as the end of the stream of a pipe it passed to it,
 * and the dead child keeps its cid until ckill.
 */
TEST_F(tree, empty_code_stream_kills_child)
{
	struct tree *t = &self->t;
	const struct agent *root = &t->root;
	long code_w, code_r, w, r, cid, bytes = -1;

	agent_pipe(t, root, &code_w, &code_r);
	agent_pipe(t, root, &w, &r);
	cid = AG1(t, root, AG_CNEW_X86, code_r);
	ASSERT_EQ(1, cid);
	ASSERT_EQ(0, AG2(t, root, AG_WPASS, w, cid));
	ASSERT_EQ(0, AG1(t, root, AG_WCLOSE, code_w));
	EXPECT_EQ(0, agent_call(t, root, AG_DRAIN, r, 0, 0, &bytes));
	EXPECT_EQ(0, bytes);
	EXPECT_EQ(t->base + 1, wait_for_value(MINOS_SYS_CONTAINERS, t->base + 1,
					      TREE_SETTLE_MS));
	agent_pipe(t, root, &w, &r);
	EXPECT_EQ(-ESRCH, AG2(t, root, AG_WPASS, w, cid));
	EXPECT_EQ(0, AG1(t, root, AG_CKILL, cid));
	EXPECT_EQ(-ESRCH, AG1(t, root, AG_CKILL, cid));
	EXPECT_EQ(0, wait_scan(t->m.pid, NULL, (uid_t)-1, 0, TREE_SETTLE_MS));
	tree_finish(t);
}

/*
 * wpass/rpass to a child whose table is full (RLIMIT_NOFILE, which
 * containers inherit): -EMFILE, and the caller keeps the descriptor.
 */
#define NOFILE_LIMIT	32

static int nofile_prep(void *arg)
{
	struct rlimit rl = { NOFILE_LIMIT, NOFILE_LIMIT };

	return setrlimit(RLIMIT_NOFILE, &rl) ? errno : 0;
}

TEST_F_TIMEOUT(solo, pass_to_full_table_emfile, 120)
{
	static const struct tree_cfg cfg = { .prep = nofile_prep };
	struct tree *t = &self->t;
	const struct agent *root = &t->root;
	long w, r, n;
	struct agent k;
	int i;

	TREE_SETUP(t, &cfg);
	kid_spawn(t, root, &k);
	for (i = 2; i < NOFILE_LIMIT; i++) {
		agent_pipe(t, root, &w, &r);
		n = AG2(t, root, i % 2 ? AG_WPASS : AG_RPASS, i % 2 ? w : r,
			k.cid);
		ASSERT_EQ(i, n);
		EXPECT_EQ(0, AG1(t, root, i % 2 ? AG_RCLOSE : AG_WCLOSE,
				 i % 2 ? r : w));
	}
	agent_pipe(t, root, &w, &r);
	EXPECT_EQ(-EMFILE, AG2(t, root, AG_WPASS, w, k.cid));
	EXPECT_EQ(-EMFILE, AG2(t, root, AG_RPASS, r, k.cid));
	pipe_works(t, root, w, r, 'm');
	/* Room again after a close in the kid. */
	EXPECT_EQ(0, AG1(t, &k, AG_RCLOSE, 6));
	EXPECT_EQ(6, AG2(t, root, AG_RPASS, r, k.cid));
	EXPECT_EQ(-EMFILE, AG2(t, root, AG_WPASS, w, k.cid));
	EXPECT_EQ(0, agent_call(t, root, AG_PUT, w, 'M', 1, NULL));
	EXPECT_EQ(1, agent_call(t, &k, AG_READ, 6, 16, 0, &n));
	EXPECT_EQ('M', n);
	tree_finish(t);
}

/*
 * A three-level tree: the root, two kids, two sleepers under each. The
 * root's end, by SIGKILL, exit_group or the exit of its last thread, ends
 * all seven, and nothing of them is left: no "minos" process, no live
 * container.
 */
FIXTURE(three_levels) {
	struct tree t;
	struct agent k[2];
	pid_t pids[7];
	int minos_before;	/* "minos" processes before the root */
};

enum root_end { ROOT_KILLED, ROOT_EXIT_GROUP, ROOT_LAST_THREAD_EXITS };

FIXTURE_VARIANT(three_levels) {
	enum root_end end;
};

FIXTURE_VARIANT_ADD(three_levels, root_killed) { ROOT_KILLED };
FIXTURE_VARIANT_ADD(three_levels, root_exit_group) { ROOT_EXIT_GROUP };
FIXTURE_VARIANT_ADD(three_levels, root_thread_exits) {
	ROOT_LAST_THREAD_EXITS
};

FIXTURE_SETUP(three_levels)
{
	struct tree *t = &self->t;
	char comm[32];
	long n, err;
	int i, j;

	self->minos_before = proc_scan(0, "minos", (uid_t)-1, NULL, 0);
	TREE_SETUP(t, &plain_cfg);
	self->pids[0] = t->m.pid;
	for (i = 0; i < 2; i++) {
		kid_spawn(t, &t->root, &self->k[i]);
		self->pids[1 + i] = self->k[i].pid;
		n = agent_call(t, &self->k[i], AG_SLEEPERS, 2, 0, 0, &err);
		ASSERT_EQ(2, n) TH_LOG("AG_SLEEPERS: %ld", err);
		ASSERT_EQ(2, children_of(self->k[i].pid, &self->pids[3 + 2 * i],
					 2));
	}
	ASSERT_EQ(t->base + 7, read_long_file(MINOS_SYS_CONTAINERS));
	for (i = 0; i < 7; i++) {
		ASSERT_EQ('S', wait_sleeping(self->pids[i], TREE_SETTLE_MS))
			TH_LOG("container %d (pid %d)", i, self->pids[i]);
		proc_stat(self->pids[i], NULL, comm, sizeof(comm));
		EXPECT_STREQ("minos", comm) TH_LOG("pid %d", self->pids[i]);
		for (j = 0; j < i; j++)
			ASSERT_NE(self->pids[i], self->pids[j]);
	}
}

FIXTURE_TEARDOWN(three_levels)
{
	tree_kill(&self->t);
}

TEST_F(three_levels, root_end_ends_all)
{
	struct ag_cmd cmd = { .op = AG_EXIT, .a = 7 };
	struct tree *t = &self->t;
	int left;

	switch (variant->end) {
	case ROOT_KILLED:
		EXPECT_KILLED_BY(mx_kill(&t->m), SIGKILL);
		break;
	case ROOT_LAST_THREAD_EXITS:
		cmd.op = AG_EXIT_THREAD;
		/* fall through */
	case ROOT_EXIT_GROUP:
		ASSERT_EQ(0, tree_write(t->cmd, &cmd, sizeof(cmd)));
		EXPECT_EXITED(mx_wait(&t->m), 7);
		break;
	}
	left = wait_gone(self->pids, 7, TREE_SETTLE_MS);
	EXPECT_EQ(0, left);
	EXPECT_EQ(t->base, wait_for_value(MINOS_SYS_CONTAINERS, t->base,
					  TREE_SETTLE_MS))
		log_containers(_metadata);
	EXPECT_EQ(self->minos_before,
		  proc_scan(0, "minos", (uid_t)-1, NULL, 0));
}

/* ckill of a kid ends its subtree and nothing else. */
TEST_F(three_levels, ckill_ends_subtree_only)
{
	struct tree *t = &self->t;

	EXPECT_EQ(0, AG1(t, &t->root, AG_CKILL, self->k[0].cid));
	EXPECT_EQ(0, wait_gone(&self->pids[1], 1, TREE_SETTLE_MS));
	EXPECT_EQ(0, wait_gone(&self->pids[3], 2, TREE_SETTLE_MS));
	EXPECT_EQ(t->base + 4, wait_for_value(MINOS_SYS_CONTAINERS,
					      t->base + 4, TREE_SETTLE_MS));
	EXPECT_EQ(7 - 3, wait_gone(self->pids, 7, 0));
	EXPECT_EQ(AG_ALIVE, AG0(t, &self->k[1], AG_NOP));
	EXPECT_EQ(2, children_of(self->k[1].pid, NULL, 0));
	tree_finish(t);
	EXPECT_EQ(0, wait_gone(self->pids, 7, TREE_SETTLE_MS));
}

/* --- Pipelines ----------------------------------------------------- */

/* Value of "name value" line @name in @text; @missing if there is none. */
static long kv_get(const char *text, const char *name, long missing)
{
	size_t len = strlen(name);
	const char *p = text;

	while (p && *p) {
		if (!strncmp(p, name, len) && p[len] == ' ')
			return strtol(p + len + 1, NULL, 10);
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return missing;
}

#define KV_MISSING	LONG_MIN

static char tp_upper_rot13(char c)
{
	c = toupper((unsigned char)c);
	if (c >= 'A' && c <= 'Z')
		c = 'A' + (c - 'A' + 13) % 26;
	return c;
}

/* The input of tree_pipeline.h into @in; returns its length. */
static size_t tp_input(char *in)
{
	unsigned int state = TP_SEED;
	size_t len = 0;
	int i;

	for (i = 0; i < TP_LINES; i++)
		len += tp_line(&state, i, in + len);
	return len;
}

/* What upper | reverse lines | rot13 makes of @in, into @out. */
static void tp_transform(const char *in, size_t len, char *out)
{
	size_t start = 0, end, k;

	while (start < len) {
		for (end = start; end < len && in[end] != '\n'; end++)
			;
		for (k = start; k < end; k++)
			out[k] = tp_upper_rot13(in[start + end - 1 - k]);
		if (end < len)
			out[end++] = '\n';
		start = end;
	}
}

static unsigned long fnv1a(const char *p, size_t len)
{
	unsigned long h = 0xcbf29ce484222325UL;

	while (len--)
		h = (h ^ (unsigned char)*p++) * 0x100000001b3UL;
	return h;
}

static struct mx_result res;

/*
 * images/tree_pipeline.bin: three children from its own image, wired with
 * pipes; it checks the bytes that come out itself, and the test checks
 * its report and the hash of what came out.
 */
TEST_F_TIMEOUT(solo, pipeline_of_three_children, 120)
{
	static char in[TP_INPUT_MAX], out[TP_INPUT_MAX];
	const char *args[] = { mx_image("tree_pipeline.bin"), NULL };
	long base;
	size_t len;
	int i;

	MINOS_REQUIRE();
	base = read_long_file(MINOS_SYS_CONTAINERS);
	len = tp_input(in);
	tp_transform(in, len, out);
	ASSERT_EQ(0, mx_run_args(args, &res));
	EXPECT_EXITED(res.status, 0);
	EXPECT_STREQ("", res.err);
	for (i = 0; i < 3; i++) {
		char name[16];

		snprintf(name, sizeof(name), "cid%d", i);
		EXPECT_EQ(i + 1, kv_get(res.out, name, KV_MISSING));
		snprintf(name, sizeof(name), "in%d", i);
		EXPECT_EQ(0, kv_get(res.out, name, KV_MISSING));
		snprintf(name, sizeof(name), "out%d", i);
		EXPECT_EQ(1, kv_get(res.out, name, KV_MISSING));
		snprintf(name, sizeof(name), "code%d", i);
		EXPECT_EQ(0, kv_get(res.out, name, KV_MISSING));
		snprintf(name, sizeof(name), "ckill%d", i);
		EXPECT_EQ(0, kv_get(res.out, name, KV_MISSING));
	}
	EXPECT_EQ((long)len, kv_get(res.out, "in_len", KV_MISSING));
	EXPECT_EQ((long)len, kv_get(res.out, "wrote", KV_MISSING));
	EXPECT_EQ((long)len, kv_get(res.out, "out_len", KV_MISSING));
	EXPECT_EQ(0, kv_get(res.out, "read_end", KV_MISSING));
	EXPECT_EQ(-1, kv_get(res.out, "mismatch", KV_MISSING));
	EXPECT_EQ((long)fnv1a(out, len), kv_get(res.out, "hash", KV_MISSING));
	EXPECT_EQ(-ESRCH, kv_get(res.out, "ckill_again", KV_MISSING));
	EXPECT_EQ(base, wait_for_value(MINOS_SYS_CONTAINERS, base,
				       TREE_SETTLE_MS));
	if (_metadata->exit_code)
		TH_LOG("report:\n%s", res.out);
}

/*
 * examples/pipeline: standard input through its children (upper case,
 * lines reversed, lines numbered) to standard output.
 */
TEST_F_TIMEOUT(solo, pipeline_example, 120)
{
	static const char input[] = "hello, world\nMinos\n\nabc";
	static const char want[] =
		"     1\tDLROW ,OLLEH\n"
		"     2\tSONIM\n"
		"     3\t\n"
		"     4\tCBA";
	const char *image = mx_example("pipeline.bin");
	const char *args[] = { image, NULL };
	struct mx_fd fds[] = { { 0, -1 }, MX_FD_END };
	struct mx_cfg cfg = { .args = args, .fds = fds };
	int fd;

	MINOS_REQUIRE();
	if (access(image, R_OK))
		SKIP(return, "%s is missing (examples not built?)", image);
	fd = open("/tmp/tree_pipeline.in", O_RDWR | O_CREAT | O_TRUNC, 0600);
	ASSERT_LE(0, fd);
	ASSERT_EQ(sizeof(input) - 1, write(fd, input, sizeof(input) - 1));
	ASSERT_EQ(0, lseek(fd, 0, SEEK_SET));
	fds[0].fd = fd;
	ASSERT_EQ(0, mx_run(&cfg, &res));
	close(fd);
	unlink("/tmp/tree_pipeline.in");
	EXPECT_EXITED(res.status, 0);
	EXPECT_STREQ(want, res.out);
	EXPECT_STREQ("", res.err);
}

TEST_HARNESS_MAIN
