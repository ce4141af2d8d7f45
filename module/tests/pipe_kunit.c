// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for Minos pipes: the ring (wrap-around, full and empty),
 * atomic and partial writes, the end of the stream, broken pipes, and
 * waiting, with and without nonblock.
 *
 * The pipe is driven from kernel buffers through ITER_KVEC iterators. Its
 * ends are real anon-inode files: closing one is dropping the test's
 * reference with __fput_sync(), which releases it at once (the test runs
 * in a kernel thread, where fput() would leave that to a workqueue).
 * Every byte written is the function minos_pipe_test_byte() of its offset
 * in the stream, so that any byte read at the wrong place shows.
 */
#include <kunit/test.h>
#include <linux/anon_inodes.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/file.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/poll.h>
#include <linux/slab.h>
#include <linux/uio.h>
#include <minos.h>

#include "../pipe.h"

#define CAP		MINOS_PIPE_CAPACITY
#define ATOMIC		MINOS_ATOMIC_WRITE

/* How long a waiter is given to (wrongly) finish, or to finish. */
#define MINOS_PIPE_TEST_SETTLE_MS	50
#define MINOS_PIPE_TEST_TIMEOUT		(10 * HZ)

KUNIT_DEFINE_ACTION_WRAPPER(minos_pipe_test_fput, __fput_sync, struct file *);

static const struct file_operations minos_pipe_test_other_fops = {
	.owner	= THIS_MODULE,
};

/**
 * struct minos_pipe_test - a pipe and the stream through it
 * @w:       the write end, or NULL once closed
 * @r:       the read end, or NULL once closed
 * @written: bytes of the stream written so far
 * @read:    bytes of the stream read so far
 * @buf:     scratch, large enough for any one transfer of a test
 */
struct minos_pipe_test {
	struct file *w;
	struct file *r;
	size_t written;
	size_t read;
	u8 *buf;
};

#define MINOS_PIPE_TEST_BUF	(2 * CAP)

/* Not periodic in any power of two: a misplaced byte shows. */
static u8 minos_pipe_test_byte(size_t off)
{
	return off % 251;
}

static void minos_pipe_test_fill(u8 *buf, size_t off, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		buf[i] = minos_pipe_test_byte(off + i);
}

/* Index of the first byte of @buf that is not the stream at @off, or @len. */
static size_t minos_pipe_test_check(const u8 *buf, size_t off, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (buf[i] != minos_pipe_test_byte(off + i))
			break;
	return i;
}

static int minos_pipe_test_init(struct kunit *test)
{
	struct minos_pipe_test *t;
	int ret;

	t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t);
	t->buf = kunit_kmalloc(test, MINOS_PIPE_TEST_BUF, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t->buf);
	KUNIT_ASSERT_EQ(test, 0, minos_pipe_create(&t->w, &t->r));
	ret = kunit_add_action_or_reset(test, minos_pipe_test_fput, t->w);
	if (!ret)
		ret = kunit_add_action_or_reset(test, minos_pipe_test_fput,
						t->r);
	KUNIT_ASSERT_EQ(test, 0, ret);
	test->priv = t;
	return 0;
}

static void minos_pipe_test_close(struct kunit *test, struct file **end)
{
	kunit_release_action(test, minos_pipe_test_fput, *end);
	*end = NULL;
}

/*
 * Write @len bytes of the stream; returns what minos_pipe_write() did and
 * checks that the iterator moved by exactly what was written.
 */
static ssize_t minos_pipe_test_write(struct kunit *test, size_t len,
				     bool nonblock)
{
	struct minos_pipe_test *t = test->priv;
	struct kvec kv = { .iov_base = t->buf, .iov_len = len };
	struct iov_iter from;
	ssize_t ret;

	KUNIT_ASSERT_LE(test, len, MINOS_PIPE_TEST_BUF);
	minos_pipe_test_fill(t->buf, t->written, len);
	iov_iter_kvec(&from, ITER_SOURCE, &kv, 1, len);
	ret = minos_pipe_write(t->w, &from, nonblock);
	KUNIT_EXPECT_EQ(test, iov_iter_count(&from),
			len - (ret > 0 ? ret : 0));
	if (ret > 0)
		t->written += ret;
	return ret;
}

/*
 * Read up to @len bytes; returns what minos_pipe_read() did and checks that
 * the bytes are the next ones of the stream and that the iterator moved by
 * exactly what was read.
 */
static ssize_t minos_pipe_test_read(struct kunit *test, size_t len,
				    bool nonblock)
{
	struct minos_pipe_test *t = test->priv;
	struct kvec kv = { .iov_base = t->buf, .iov_len = len };
	struct iov_iter to;
	ssize_t ret;

	KUNIT_ASSERT_LE(test, len, MINOS_PIPE_TEST_BUF);
	memset(t->buf, 0xa5, len);
	iov_iter_kvec(&to, ITER_DEST, &kv, 1, len);
	ret = minos_pipe_read(t->r, &to, nonblock);
	KUNIT_EXPECT_EQ(test, iov_iter_count(&to),
			len - (ret > 0 ? ret : 0));
	if (ret > 0) {
		KUNIT_EXPECT_EQ_MSG(test, (size_t)ret,
				    minos_pipe_test_check(t->buf, t->read, ret),
				    "stream offset %zu", t->read);
		t->read += ret;
	}
	return ret;
}

/* Read everything in the pipe and check that it was all there was. */
static void minos_pipe_test_drain(struct kunit *test)
{
	struct minos_pipe_test *t = test->priv;

	if (t->written > t->read)
		KUNIT_EXPECT_EQ(test, t->written - t->read,
				minos_pipe_test_read(test, MINOS_PIPE_TEST_BUF,
						     true));
	KUNIT_EXPECT_EQ(test, -EAGAIN, minos_pipe_test_read(test, 1, true));
	KUNIT_EXPECT_EQ(test, t->written, t->read);
}

static __poll_t minos_pipe_test_poll(struct file *file)
{
	return vfs_poll(file, NULL);
}

static void minos_pipe_test_ends(struct kunit *test)
{
	struct minos_pipe_test *t = test->priv;
	struct file *other;

	KUNIT_EXPECT_TRUE(test, minos_file_is_pipe(t->w));
	KUNIT_EXPECT_TRUE(test, minos_file_is_pipe(t->r));
	KUNIT_EXPECT_PTR_NE(test, t->w, t->r);
	KUNIT_EXPECT_TRUE(test, t->w->f_mode & FMODE_WRITE);
	KUNIT_EXPECT_FALSE(test, t->w->f_mode & FMODE_READ);
	KUNIT_EXPECT_TRUE(test, t->r->f_mode & FMODE_READ);
	KUNIT_EXPECT_FALSE(test, t->r->f_mode & FMODE_WRITE);
	KUNIT_EXPECT_EQ(test, 1, file_count(t->w));
	KUNIT_EXPECT_EQ(test, 1, file_count(t->r));

	other = anon_inode_getfile("[minos-kunit]", &minos_pipe_test_other_fops,
				   NULL, O_RDWR);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, other);
	KUNIT_EXPECT_FALSE(test, minos_file_is_pipe(other));
	__fput_sync(other);
}

static void minos_pipe_test_empty(struct kunit *test)
{
	struct minos_pipe_test *t = test->priv;

	KUNIT_EXPECT_EQ(test, -EAGAIN, minos_pipe_test_read(test, 1, true));
	KUNIT_EXPECT_EQ(test, -EAGAIN, minos_pipe_test_read(test, CAP, true));
	KUNIT_EXPECT_EQ(test, 0, minos_pipe_test_poll(t->r));
	KUNIT_EXPECT_EQ(test, EPOLLOUT | EPOLLWRNORM,
			minos_pipe_test_poll(t->w));
}

static void minos_pipe_test_short_reads(struct kunit *test)
{
	struct minos_pipe_test *t = test->priv;

	KUNIT_EXPECT_EQ(test, 100, minos_pipe_test_write(test, 100, true));
	KUNIT_EXPECT_EQ(test, EPOLLIN | EPOLLRDNORM,
			minos_pipe_test_poll(t->r));
	/* At most the count asked for; the rest stays. */
	KUNIT_EXPECT_EQ(test, 1, minos_pipe_test_read(test, 1, true));
	KUNIT_EXPECT_EQ(test, 39, minos_pipe_test_read(test, 39, true));
	/* At most what is there, without waiting for more. */
	KUNIT_EXPECT_EQ(test, 60, minos_pipe_test_read(test, 1000, false));
	KUNIT_EXPECT_EQ(test, 0, minos_pipe_test_poll(t->r));
	/* Two writes are read as one stream. */
	KUNIT_EXPECT_EQ(test, 10, minos_pipe_test_write(test, 10, true));
	KUNIT_EXPECT_EQ(test, 20, minos_pipe_test_write(test, 20, false));
	KUNIT_EXPECT_EQ(test, 30, minos_pipe_test_read(test, 4096, true));
	minos_pipe_test_drain(test);
}

static void minos_pipe_test_full(struct kunit *test)
{
	struct minos_pipe_test *t = test->priv;

	/* Exactly the capacity fits, in one write. */
	KUNIT_EXPECT_EQ(test, CAP, minos_pipe_test_write(test, CAP, true));
	KUNIT_EXPECT_EQ(test, 0, minos_pipe_test_poll(t->w) & EPOLLOUT);
	KUNIT_EXPECT_EQ(test, -EAGAIN, minos_pipe_test_write(test, 1, true));
	KUNIT_EXPECT_EQ(test, -EAGAIN, minos_pipe_test_write(test, ATOMIC + 1,
							     true));

	/* One byte of room takes one byte. */
	KUNIT_EXPECT_EQ(test, 1, minos_pipe_test_read(test, 1, true));
	KUNIT_EXPECT_EQ(test, EPOLLOUT | EPOLLWRNORM,
			minos_pipe_test_poll(t->w));
	KUNIT_EXPECT_EQ(test, 1, minos_pipe_test_write(test, 1, true));
	KUNIT_EXPECT_EQ(test, -EAGAIN, minos_pipe_test_write(test, 1, true));

	/* Full to empty in one read, across the end of the ring. */
	KUNIT_EXPECT_EQ(test, CAP, minos_pipe_test_read(test, 2 * CAP, true));
	minos_pipe_test_drain(test);

	/* More than the capacity: the capacity. */
	KUNIT_EXPECT_EQ(test, CAP, minos_pipe_test_write(test, CAP + 1, true));
	minos_pipe_test_drain(test);
}

/* Fill the pipe until exactly @room bytes are free. */
static void minos_pipe_test_leave(struct kunit *test, size_t room)
{
	struct minos_pipe_test *t = test->priv;
	size_t used = t->written - t->read;
	ssize_t want = CAP - room - used;

	KUNIT_ASSERT_GE(test, want, 0);
	while (want > 0) {
		ssize_t n = minos_pipe_test_write(test, min_t(size_t, want, 1000),
						  true);

		KUNIT_ASSERT_GT(test, n, 0);
		want -= n;
	}
}

static void minos_pipe_test_atomic(struct kunit *test)
{
	struct minos_pipe_test *t = test->priv;

	/* Up to ATOMIC bytes: all of them or nothing. */
	minos_pipe_test_leave(test, ATOMIC - 1);
	KUNIT_EXPECT_EQ(test, -EAGAIN, minos_pipe_test_write(test, ATOMIC,
							     true));
	KUNIT_EXPECT_EQ(test, CAP - (ATOMIC - 1), t->written - t->read);
	KUNIT_EXPECT_EQ(test, ATOMIC - 1,
			minos_pipe_test_write(test, ATOMIC - 1, true));

	/* Room for 100 bytes: a write of 101 does not tear. */
	KUNIT_EXPECT_EQ(test, 100, minos_pipe_test_read(test, 100, true));
	KUNIT_EXPECT_EQ(test, -EAGAIN, minos_pipe_test_write(test, 101, true));
	KUNIT_EXPECT_EQ(test, 100, minos_pipe_test_write(test, 100, true));

	/* Exactly ATOMIC bytes of room: ATOMIC bytes go in whole. */
	KUNIT_EXPECT_EQ(test, ATOMIC, minos_pipe_test_read(test, ATOMIC, true));
	KUNIT_EXPECT_EQ(test, ATOMIC, minos_pipe_test_write(test, ATOMIC,
							    true));
	KUNIT_EXPECT_EQ(test, CAP, t->written - t->read);
	minos_pipe_test_drain(test);
}

static void minos_pipe_test_partial(struct kunit *test)
{
	struct minos_pipe_test *t = test->priv;

	/* Above ATOMIC bytes: as much as fits. */
	minos_pipe_test_leave(test, 100);
	KUNIT_EXPECT_EQ(test, 100, minos_pipe_test_write(test, ATOMIC + 1,
							 true));
	KUNIT_EXPECT_EQ(test, CAP, t->written - t->read);

	minos_pipe_test_leave(test, 0);
	KUNIT_EXPECT_EQ(test, 5000, minos_pipe_test_read(test, 5000, true));
	KUNIT_EXPECT_EQ(test, 5000, minos_pipe_test_write(test, 3 * ATOMIC,
							  true));

	/* A blocking write returns as soon as some of it is in. */
	KUNIT_EXPECT_EQ(test, 1, minos_pipe_test_read(test, 1, true));
	KUNIT_EXPECT_EQ(test, 1, minos_pipe_test_write(test, CAP, false));
	minos_pipe_test_drain(test);
}

/*
 * Push a long stream through in chunks that never line up with the ring,
 * keeping it partly full, so that reads and writes split at its end in
 * every position.
 */
static void minos_pipe_test_wrap(struct kunit *test)
{
	static const size_t wsize[] = { 60000, 10000, 4093, 1, 12345, 65535 };
	static const size_t rsize[] = { 60000, 7, 10000, 65536, 3000, 4095 };
	struct minos_pipe_test *t = test->priv;
	unsigned int i;

	/* The simplest wrap: 10000 bytes from offset 60000 of the ring. */
	KUNIT_EXPECT_EQ(test, 60000, minos_pipe_test_write(test, 60000, true));
	KUNIT_EXPECT_EQ(test, 60000, minos_pipe_test_read(test, 60000, true));
	KUNIT_EXPECT_EQ(test, 10000, minos_pipe_test_write(test, 10000, true));
	KUNIT_EXPECT_EQ(test, 10000, minos_pipe_test_read(test, 10000, true));

	for (i = 0; t->written < 20 * CAP && test->status == KUNIT_SUCCESS;
	     i++) {
		ssize_t n;

		n = minos_pipe_test_write(test, wsize[i % ARRAY_SIZE(wsize)],
					  true);
		KUNIT_ASSERT_TRUE(test, n > 0 || n == -EAGAIN);
		n = minos_pipe_test_read(test, rsize[i % ARRAY_SIZE(rsize)],
					 true);
		KUNIT_ASSERT_TRUE(test, n > 0 || n == -EAGAIN);
	}
	minos_pipe_test_drain(test);
}

static void minos_pipe_test_eof(struct kunit *test)
{
	struct minos_pipe_test *t = test->priv;

	KUNIT_EXPECT_EQ(test, 10, minos_pipe_test_write(test, 10, true));
	minos_pipe_test_close(test, &t->w);

	/* What was written before the close is read first. */
	KUNIT_EXPECT_EQ(test, EPOLLIN | EPOLLRDNORM | EPOLLHUP,
			minos_pipe_test_poll(t->r));
	KUNIT_EXPECT_EQ(test, 4, minos_pipe_test_read(test, 4, true));
	KUNIT_EXPECT_EQ(test, 6, minos_pipe_test_read(test, 100, false));

	/* Then 0, again and again, without waiting. */
	KUNIT_EXPECT_EQ(test, EPOLLHUP, minos_pipe_test_poll(t->r));
	KUNIT_EXPECT_EQ(test, 0, minos_pipe_test_read(test, 100, true));
	KUNIT_EXPECT_EQ(test, 0, minos_pipe_test_read(test, 100, false));
	KUNIT_EXPECT_EQ(test, 0, minos_pipe_test_read(test, 1, false));
}

static void minos_pipe_test_eof_empty(struct kunit *test)
{
	struct minos_pipe_test *t = test->priv;

	minos_pipe_test_close(test, &t->w);
	KUNIT_EXPECT_EQ(test, 0, minos_pipe_test_read(test, 1, true));
	KUNIT_EXPECT_EQ(test, 0, minos_pipe_test_read(test, 1, false));
}

static void minos_pipe_test_epipe(struct kunit *test)
{
	struct minos_pipe_test *t = test->priv;

	KUNIT_EXPECT_EQ(test, 10, minos_pipe_test_write(test, 10, true));
	minos_pipe_test_close(test, &t->r);

	/* Room or not, blocking or not: -EPIPE, and nothing written. */
	KUNIT_EXPECT_EQ(test, EPOLLOUT | EPOLLWRNORM | EPOLLERR,
			minos_pipe_test_poll(t->w));
	KUNIT_EXPECT_EQ(test, -EPIPE, minos_pipe_test_write(test, 1, true));
	KUNIT_EXPECT_EQ(test, -EPIPE, minos_pipe_test_write(test, 1, false));
	KUNIT_EXPECT_EQ(test, -EPIPE, minos_pipe_test_write(test, CAP + 1,
							    false));
	KUNIT_EXPECT_EQ(test, 10, t->written);
}

static void minos_pipe_test_epipe_full(struct kunit *test)
{
	struct minos_pipe_test *t = test->priv;

	minos_pipe_test_leave(test, 0);
	minos_pipe_test_close(test, &t->r);
	/* A full pipe with no reader does not wait for room. */
	KUNIT_EXPECT_EQ(test, -EPIPE, minos_pipe_test_write(test, 1, false));
	KUNIT_EXPECT_EQ(test, -EPIPE, minos_pipe_test_write(test, ATOMIC,
							    false));
}

/**
 * struct minos_pipe_test_io - one read or write, done by another thread
 * @ref:   the thread's and the test's; the last one frees it
 * @file:  the end, with a reference of its own
 * @write: write @len bytes of @buf, else read up to @len into it
 * @len:   the count
 * @ret:   what the call returned, once @done
 * @done:  the call has returned
 * @buf:   the bytes
 *
 * The thread holds references to the end and to this structure, so that a
 * test that gives up on a thread stuck in a wait frees nothing under it.
 */
struct minos_pipe_test_io {
	refcount_t ref;
	struct file *file;
	bool write;
	size_t len;
	ssize_t ret;
	struct completion done;
	u8 buf[] __counted_by(len);
};

static void minos_pipe_test_io_put(struct minos_pipe_test_io *io)
{
	if (refcount_dec_and_test(&io->ref)) {
		__fput_sync(io->file);
		kfree(io);
	}
}

static int minos_pipe_test_io_thread(void *data)
{
	struct minos_pipe_test_io *io = data;
	struct kvec kv = { .iov_base = io->buf, .iov_len = io->len };
	struct iov_iter iter;

	iov_iter_kvec(&iter, io->write ? ITER_SOURCE : ITER_DEST, &kv, 1,
		      io->len);
	if (io->write)
		io->ret = minos_pipe_write(io->file, &iter, false);
	else
		io->ret = minos_pipe_read(io->file, &iter, false);
	complete(&io->done);
	minos_pipe_test_io_put(io);
	return 0;
}

/*
 * Start a blocking write of the next @len bytes of the stream (or a read of
 * up to @len bytes) in a thread of its own, and check that it is still
 * waiting a while later.
 */
static struct minos_pipe_test_io *
minos_pipe_test_io_start(struct kunit *test, bool write, size_t len)
{
	struct minos_pipe_test *t = test->priv;
	struct minos_pipe_test_io *io;
	struct task_struct *task;

	io = kzalloc(struct_size(io, buf, len), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, io);
	io->len = len;
	refcount_set(&io->ref, 2);
	io->write = write;
	io->file = get_file(write ? t->w : t->r);
	init_completion(&io->done);
	if (write)
		minos_pipe_test_fill(io->buf, t->written, len);
	task = kthread_run(minos_pipe_test_io_thread, io, "minos-kunit-io");
	if (IS_ERR(task)) {
		__fput_sync(io->file);
		kfree(io);
		KUNIT_FAIL_AND_ABORT(test, "kthread_run: %ld", PTR_ERR(task));
	}
	msleep(MINOS_PIPE_TEST_SETTLE_MS);
	KUNIT_EXPECT_FALSE_MSG(test, completion_done(&io->done),
			       "returned %zd without waiting", io->ret);
	return io;
}

static bool minos_pipe_test_io_waiting(struct minos_pipe_test_io *io)
{
	msleep(MINOS_PIPE_TEST_SETTLE_MS);
	return !completion_done(&io->done);
}

/* Wait for the thread's call to return; what it returned, or -ETIME. */
static ssize_t minos_pipe_test_io_end(struct kunit *test,
				      struct minos_pipe_test_io *io)
{
	struct minos_pipe_test *t = test->priv;
	ssize_t ret = -ETIME;

	if (wait_for_completion_timeout(&io->done, MINOS_PIPE_TEST_TIMEOUT)) {
		ret = io->ret;
		if (ret > 0 && io->write) {
			t->written += ret;
		} else if (ret > 0) {
			KUNIT_EXPECT_EQ(test, (size_t)ret,
					minos_pipe_test_check(io->buf, t->read,
							      ret));
			t->read += ret;
		}
	}
	minos_pipe_test_io_put(io);
	return ret;
}

static void minos_pipe_test_wait_read(struct kunit *test)
{
	struct minos_pipe_test *t = test->priv;
	struct minos_pipe_test_io *io;

	/* A reader waits for data and takes what the write brings. */
	io = minos_pipe_test_io_start(test, false, 1000);
	KUNIT_EXPECT_EQ(test, 300, minos_pipe_test_write(test, 300, true));
	KUNIT_EXPECT_EQ(test, 300, minos_pipe_test_io_end(test, io));

	/* A reader waits for the end of the stream. */
	io = minos_pipe_test_io_start(test, false, 1000);
	minos_pipe_test_close(test, &t->w);
	KUNIT_EXPECT_EQ(test, 0, minos_pipe_test_io_end(test, io));
}

static void minos_pipe_test_wait_write(struct kunit *test)
{
	struct minos_pipe_test *t = test->priv;
	struct minos_pipe_test_io *io;

	/* A writer of a full pipe waits for room... */
	minos_pipe_test_leave(test, 0);
	io = minos_pipe_test_io_start(test, true, ATOMIC);
	/* ...for room for all of an atomic write... */
	KUNIT_EXPECT_EQ(test, 100, minos_pipe_test_read(test, 100, true));
	KUNIT_EXPECT_TRUE(test, minos_pipe_test_io_waiting(io));
	KUNIT_EXPECT_EQ(test, ATOMIC - 100,
			minos_pipe_test_read(test, ATOMIC - 100, true));
	KUNIT_EXPECT_EQ(test, ATOMIC, minos_pipe_test_io_end(test, io));
	KUNIT_EXPECT_EQ(test, CAP, t->written - t->read);

	/* ...and for one byte of room for a larger one. */
	io = minos_pipe_test_io_start(test, true, 2 * ATOMIC);
	KUNIT_EXPECT_EQ(test, 1, minos_pipe_test_read(test, 1, true));
	KUNIT_EXPECT_EQ(test, 1, minos_pipe_test_io_end(test, io));

	/* A writer of a full pipe is told when the reader goes. */
	io = minos_pipe_test_io_start(test, true, 1);
	minos_pipe_test_close(test, &t->r);
	KUNIT_EXPECT_EQ(test, -EPIPE, minos_pipe_test_io_end(test, io));
}

static struct kunit_case minos_pipe_test_cases[] = {
	KUNIT_CASE(minos_pipe_test_ends),
	KUNIT_CASE(minos_pipe_test_empty),
	KUNIT_CASE(minos_pipe_test_short_reads),
	KUNIT_CASE(minos_pipe_test_full),
	KUNIT_CASE(minos_pipe_test_atomic),
	KUNIT_CASE(minos_pipe_test_partial),
	KUNIT_CASE(minos_pipe_test_wrap),
	KUNIT_CASE(minos_pipe_test_eof),
	KUNIT_CASE(minos_pipe_test_eof_empty),
	KUNIT_CASE(minos_pipe_test_epipe),
	KUNIT_CASE(minos_pipe_test_epipe_full),
	KUNIT_CASE(minos_pipe_test_wait_read),
	KUNIT_CASE(minos_pipe_test_wait_write),
	{}
};

/*
 * Linked into Minos (CONFIG_MINOS), the module's init made the pipe caches;
 * built with only the portable parts, the suite makes them.
 */
static int minos_pipe_test_suite_init(struct kunit_suite *suite)
{
	return IS_ENABLED(CONFIG_MINOS) ? 0 : minos_pipe_init();
}

static void minos_pipe_test_suite_exit(struct kunit_suite *suite)
{
	if (!IS_ENABLED(CONFIG_MINOS))
		minos_pipe_exit();
}

static struct kunit_suite minos_pipe_test_suite = {
	.name = "minos_pipe",
	.suite_init = minos_pipe_test_suite_init,
	.suite_exit = minos_pipe_test_suite_exit,
	.init = minos_pipe_test_init,
	.test_cases = minos_pipe_test_cases,
};

kunit_test_suite(minos_pipe_test_suite);
