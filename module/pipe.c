// SPDX-License-Identifier: GPL-2.0
/*
 * Minos: pipes, one-way byte streams between containers.
 *
 * A pipe is a 64 KiB ring with two ends, each an anon-inode file with its
 * own file_operations: an ordinary, reference-counted, pollable struct file
 * that the rest of Minos uses like any host file. A descriptor is moved,
 * never copied, so each pipe has one read file and one write file; the
 * release of a file is the close of that end.
 *
 * The ring is a single-producer, single-consumer queue: head and tail are
 * free-running byte counts, the writer alone advances head and the reader
 * alone advances tail, each publishing with release and reading the other
 * with acquire. Threads of a container may share an end, so writers are
 * serialised by wlock and readers by rlock; those mutexes are per pipe, so
 * two pipes never contend. Bytes are copied straight between user memory
 * and the ring, outside any spinlock.
 */
#include <linux/anon_inodes.h>
#include <linux/file.h>
#include <linux/poll.h>
#include <linux/slab.h>
#include <minos.h>

#include "pipe.h"

#define MINOS_PIPE_MASK		(MINOS_PIPE_CAPACITY - 1)

/**
 * struct minos_pipe - a pipe
 * @ref:         one per end still open
 * @rlock:       serialises readers; taken around every advance of @tail
 * @wlock:       serialises writers; taken around every advance of @head
 * @rwait:       readers wait here for data or the end of the stream
 * @wwait:       writers wait here for room or the close of the read end
 * @head:        bytes ever written (wraps); written under @wlock
 * @tail:        bytes ever read (wraps); written under @rlock
 * @reader_gone: the read end is closed; written once, at its release
 * @writer_gone: the write end is closed; written once, at its release
 * @buf:         the ring, MINOS_PIPE_CAPACITY bytes
 */
struct minos_pipe {
	refcount_t ref;
	struct mutex rlock;	/* serialises readers */
	struct mutex wlock;	/* serialises writers */
	wait_queue_head_t rwait;
	wait_queue_head_t wwait;
	u32 head;
	u32 tail;
	bool reader_gone;
	bool writer_gone;
	char *buf;
};

static_assert((MINOS_PIPE_CAPACITY & MINOS_PIPE_MASK) == 0);

static const struct file_operations minos_pipe_rfops;
static const struct file_operations minos_pipe_wfops;

/*
 * Own caches: a 64 KiB ring straight from the page allocator (kvmalloc)
 * cost several times a whole Linux pipe; a slab cache of rings reuses
 * them. Unmerged, so that /proc/slabinfo shows what pipes hold.
 */
static struct kmem_cache *minos_pipe_cache;
static struct kmem_cache *minos_ring_cache;

static void minos_pipe_put(struct minos_pipe *pipe)
{
	if (refcount_dec_and_test(&pipe->ref)) {
		kmem_cache_free(minos_ring_cache, pipe->buf);
		kmem_cache_free(minos_pipe_cache, pipe);
	}
}

/**
 * minos_file_is_pipe() - is @file an end of a Minos pipe?
 * @file: any file
 */
bool minos_file_is_pipe(const struct file *file)
{
	return file->f_op == &minos_pipe_rfops ||
	       file->f_op == &minos_pipe_wfops;
}

static int minos_pipe_lock(struct mutex *lock, unsigned int flags)
{
	if (flags & MINOS_PIPE_NONBLOCK)
		return mutex_trylock(lock) ? 0 : -EAGAIN;
	if (flags & MINOS_PIPE_INTR)
		return mutex_lock_interruptible(lock) ? -ERESTARTSYS : 0;
	return mutex_lock_killable(lock) ? -EINTR : 0;
}

/*
 * How a wait for data or room sleeps: a container's call wakes for any
 * signal (and is restarted after a stop), a kernel reader (a child's code
 * stream) only for a kill. Both let the freezer freeze them.
 */
static unsigned int minos_pipe_wait_state(unsigned int flags)
{
	if (flags & MINOS_PIPE_INTR)
		return TASK_INTERRUPTIBLE | TASK_FREEZABLE;
	return TASK_KILLABLE | TASK_FREEZABLE;
}

/* What an interrupted wait returns (see minos_pipe_read()). */
static int minos_pipe_wait_ret(int ret, unsigned int flags)
{
	return ret && !(flags & MINOS_PIPE_INTR) ? -EINTR : ret;
}

/* Bytes readable at @tail; 0 with *eof set at the end of the stream. */
static u32 minos_pipe_avail(struct minos_pipe *pipe, u32 tail, bool *eof)
{
	/* Pairs with the writer's release: the bytes before head are there. */
	u32 head = smp_load_acquire(&pipe->head);

	*eof = false;
	if (head != tail)
		return head - tail;
	/* The release of the write end comes after its last write. */
	if (smp_load_acquire(&pipe->writer_gone)) {
		head = READ_ONCE(pipe->head);
		*eof = head == tail;
	}
	return head - tail;
}

static bool minos_pipe_readable(struct minos_pipe *pipe, u32 tail)
{
	bool eof;

	return minos_pipe_avail(pipe, tail, &eof) || eof;
}

/**
 * minos_pipe_first_ready() - the first read end, in turn, that is ready
 * @files: read ends of pipes
 * @count: how many, more than 0
 * @start: the index to look at first; the scan wraps around
 *
 * Context: any.
 * Return: the index of the first end with data or at the end of its
 * stream, or -%EAGAIN when none is.
 */
int minos_pipe_first_ready(struct file *const *files, unsigned int count,
			   unsigned int start)
{
	struct minos_pipe *pipe;
	unsigned int i, idx = start;

	for (i = 0; i < count; i++) {
		pipe = files[idx]->private_data;
		if (minos_pipe_readable(pipe, READ_ONCE(pipe->tail)))
			return idx;
		idx = idx + 1 < count ? idx + 1 : 0;
	}
	return -EAGAIN;
}

/**
 * minos_pipe_ready() - would a read of this pipe end return at once?
 * @file: the read end of a pipe
 *
 * Context: any.
 * Return: true when it has data or is at the end of its stream.
 */
bool minos_pipe_ready(struct file *file)
{
	struct minos_pipe *pipe = file->private_data;

	return minos_pipe_readable(pipe, READ_ONCE(pipe->tail));
}

/**
 * minos_pipe_read() - read from the read end of a pipe
 * @file:  the read end
 * @to:    where the bytes go; at most its count is read
 * @flags: %MINOS_PIPE_NONBLOCK: -%EAGAIN instead of waiting (the lock is
 *         only try-locked: fine in atomic context, with page faults off);
 *         %MINOS_PIPE_ALL: copy all there is, or nothing (-%EFAULT);
 *         %MINOS_PIPE_INTR: any signal ends a wait (-%ERESTARTSYS), not
 *         only a kill (-%EINTR)
 *
 * Waits until there is data or the stream has ended, then reads what is
 * there. Bytes are consumed only once copied out.
 *
 * Context: process context; may sleep unless %MINOS_PIPE_NONBLOCK.
 * Return: bytes read, 0 at the end of the stream, -%EFAULT when nothing
 * could be copied, -%EAGAIN, -%ERESTARTSYS or -%EINTR.
 */
ssize_t minos_pipe_read(struct file *file, struct iov_iter *to,
			unsigned int flags)
{
	struct minos_pipe *pipe = file->private_data;
	size_t n, off, first, done;
	ssize_t ret;
	bool eof;
	u32 tail;

	/* The lock is held to look and copy, never while waiting. */
	for (;;) {
		ret = minos_pipe_lock(&pipe->rlock, flags);
		if (ret)
			return ret;
		tail = pipe->tail;
		n = minos_pipe_avail(pipe, tail, &eof);
		ret = 0;
		if (n || eof)
			break;
		mutex_unlock(&pipe->rlock);
		if (flags & MINOS_PIPE_NONBLOCK)
			return -EAGAIN;
		ret = wait_event_state(pipe->rwait,
				       minos_pipe_readable(pipe, READ_ONCE(pipe->tail)),
				       minos_pipe_wait_state(flags));
		if (ret)
			return minos_pipe_wait_ret(ret, flags);
	}
	if (!n)
		goto out;	/* the end of the stream */

	n = min(n, iov_iter_count(to));
	off = tail & MINOS_PIPE_MASK;
	first = min(n, MINOS_PIPE_CAPACITY - off);
	done = copy_to_iter(pipe->buf + off, first, to);
	if (done == first && n > first)
		done += copy_to_iter(pipe->buf, n - first, to);
	ret = -EFAULT;
	if (!done || (done < n && (flags & MINOS_PIPE_ALL)))
		goto out;
	/* Pairs with the writer's acquire: we are done with these bytes. */
	smp_store_release(&pipe->tail, tail + done);
	ret = done;
	if (wq_has_sleeper(&pipe->wwait))
		wake_up_poll(&pipe->wwait, EPOLLOUT | EPOLLWRNORM);
	/*
	 * Bytes left behind: another reader may have found the lock taken
	 * (a multi-read only try-locks) and gone back to sleep.
	 */
	if (done < minos_pipe_avail(pipe, tail, &eof) &&
	    wq_has_sleeper(&pipe->rwait))
		wake_up_poll(&pipe->rwait, EPOLLIN | EPOLLRDNORM);
out:
	mutex_unlock(&pipe->rlock);
	return ret;
}

static u32 minos_pipe_room(struct minos_pipe *pipe, u32 head)
{
	/* Pairs with the reader's release: bytes before tail are free. */
	return MINOS_PIPE_CAPACITY - (head - smp_load_acquire(&pipe->tail));
}

static bool minos_pipe_writable(struct minos_pipe *pipe, u32 head, u32 need)
{
	return READ_ONCE(pipe->reader_gone) || minos_pipe_room(pipe, head) >= need;
}

/**
 * minos_pipe_write() - write to the write end of a pipe
 * @file:  the write end
 * @from:  the bytes; its count is more than 0
 * @flags: as for minos_pipe_read(); with %MINOS_PIPE_ALL, every byte that
 *         fits is written, or none
 *
 * Waits until at least one byte fits (all of them, for a write of at most
 * %MINOS_ATOMIC_WRITE bytes, which is atomic), then writes as much as fits.
 *
 * Context: process context; may sleep unless %MINOS_PIPE_NONBLOCK.
 * Return: bytes written, -%EPIPE once the read end is closed, -%EFAULT
 * when nothing could be copied, -%EAGAIN, -%ERESTARTSYS or -%EINTR.
 */
ssize_t minos_pipe_write(struct file *file, struct iov_iter *from,
			 unsigned int flags)
{
	struct minos_pipe *pipe = file->private_data;
	size_t size = iov_iter_count(from);
	u32 need = size <= MINOS_ATOMIC_WRITE ? size : 1;
	size_t n, off, first, done;
	ssize_t ret;
	u32 head;

	/* The lock is held to look and copy, never while waiting. */
	for (;;) {
		ret = minos_pipe_lock(&pipe->wlock, flags);
		if (ret)
			return ret;
		head = pipe->head;
		ret = -EPIPE;
		if (READ_ONCE(pipe->reader_gone))
			goto out;
		n = minos_pipe_room(pipe, head);
		if (n >= need)
			break;
		mutex_unlock(&pipe->wlock);
		if (flags & MINOS_PIPE_NONBLOCK)
			return -EAGAIN;
		ret = wait_event_state(pipe->wwait,
				       minos_pipe_writable(pipe, READ_ONCE(pipe->head),
							   need),
				       minos_pipe_wait_state(flags));
		if (ret)
			return minos_pipe_wait_ret(ret, flags);
	}

	n = min(n, size);
	off = head & MINOS_PIPE_MASK;
	first = min(n, MINOS_PIPE_CAPACITY - off);
	done = copy_from_iter(pipe->buf + off, first, from);
	if (done == first && n > first)
		done += copy_from_iter(pipe->buf, n - first, from);
	ret = -EFAULT;
	if (!done || (done < n && (flags & MINOS_PIPE_ALL)))
		goto out;
	/* Pairs with the reader's acquire: publish the copied bytes. */
	smp_store_release(&pipe->head, head + done);
	ret = done;
	if (wq_has_sleeper(&pipe->rwait))
		wake_up_poll(&pipe->rwait, EPOLLIN | EPOLLRDNORM);
out:
	mutex_unlock(&pipe->wlock);
	return ret;
}

/* Kernel readers and writers (the code stream of a new child) wait killably. */
static unsigned int minos_iocb_flags(const struct kiocb *iocb)
{
	if ((iocb->ki_flags & IOCB_NOWAIT) ||
	    (iocb->ki_filp->f_flags & O_NONBLOCK))
		return MINOS_PIPE_NONBLOCK;
	return 0;
}

static ssize_t minos_pipe_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	if (!iov_iter_count(to))
		return 0;
	return minos_pipe_read(iocb->ki_filp, to, minos_iocb_flags(iocb));
}

static ssize_t minos_pipe_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	if (!iov_iter_count(from))
		return 0;
	return minos_pipe_write(iocb->ki_filp, from, minos_iocb_flags(iocb));
}

static __poll_t minos_pipe_rpoll(struct file *file, poll_table *pt)
{
	struct minos_pipe *pipe = file->private_data;
	__poll_t mask = 0;
	bool eof;

	poll_wait(file, &pipe->rwait, pt);
	if (minos_pipe_avail(pipe, READ_ONCE(pipe->tail), &eof))
		mask |= EPOLLIN | EPOLLRDNORM;
	/* Pairs with the release in minos_pipe_wrelease(). */
	if (smp_load_acquire(&pipe->writer_gone))
		mask |= EPOLLHUP;
	return mask;
}

static __poll_t minos_pipe_wpoll(struct file *file, poll_table *pt)
{
	struct minos_pipe *pipe = file->private_data;
	__poll_t mask = 0;

	poll_wait(file, &pipe->wwait, pt);
	if (minos_pipe_room(pipe, READ_ONCE(pipe->head)))
		mask |= EPOLLOUT | EPOLLWRNORM;
	if (READ_ONCE(pipe->reader_gone))
		mask |= EPOLLERR;
	return mask;
}

static int minos_pipe_rrelease(struct inode *inode, struct file *file)
{
	struct minos_pipe *pipe = file->private_data;

	WRITE_ONCE(pipe->reader_gone, true);
	wake_up_poll(&pipe->wwait, EPOLLERR);
	minos_pipe_put(pipe);
	return 0;
}

static int minos_pipe_wrelease(struct inode *inode, struct file *file)
{
	struct minos_pipe *pipe = file->private_data;

	/* Ordered after the last write: readers see its bytes, then EOF. */
	smp_store_release(&pipe->writer_gone, true);
	wake_up_poll(&pipe->rwait, EPOLLHUP);
	minos_pipe_put(pipe);
	return 0;
}

static const struct file_operations minos_pipe_rfops = {
	.owner		= THIS_MODULE,
	.read_iter	= minos_pipe_read_iter,
	.poll		= minos_pipe_rpoll,
	.release	= minos_pipe_rrelease,
};

static const struct file_operations minos_pipe_wfops = {
	.owner		= THIS_MODULE,
	.write_iter	= minos_pipe_write_iter,
	.poll		= minos_pipe_wpoll,
	.release	= minos_pipe_wrelease,
};

/**
 * minos_pipe_create() - a new, empty pipe
 * @wfile: set to its write end
 * @rfile: set to its read end
 *
 * The ring is charged to the caller's memory cgroup.
 *
 * Context: process context, may sleep.
 * Return: 0, or -%ENOMEM, -%ENFILE.
 */
int minos_pipe_create(struct file **wfile, struct file **rfile)
{
	struct minos_pipe *pipe;
	struct file *w, *r;
	int ret = -ENOMEM;

	pipe = kmem_cache_zalloc(minos_pipe_cache, GFP_KERNEL_ACCOUNT);
	if (!pipe)
		return -ENOMEM;
	pipe->buf = kmem_cache_alloc(minos_ring_cache, GFP_KERNEL_ACCOUNT);
	if (!pipe->buf)
		goto err_pipe;
	refcount_set(&pipe->ref, 2);
	mutex_init(&pipe->rlock);
	mutex_init(&pipe->wlock);
	init_waitqueue_head(&pipe->rwait);
	init_waitqueue_head(&pipe->wwait);

	w = anon_inode_getfile("[minos-pipe]", &minos_pipe_wfops, pipe,
			       O_WRONLY);
	if (IS_ERR(w)) {
		ret = PTR_ERR(w);
		goto err_buf;
	}
	r = anon_inode_getfile("[minos-pipe]", &minos_pipe_rfops, pipe,
			       O_RDONLY);
	if (IS_ERR(r)) {
		ret = PTR_ERR(r);
		/* Its release drops one reference; drop the other here. */
		fput(w);
		minos_pipe_put(pipe);
		return ret;
	}
	*wfile = w;
	*rfile = r;
	return 0;

err_buf:
	kmem_cache_free(minos_ring_cache, pipe->buf);
err_pipe:
	kmem_cache_free(minos_pipe_cache, pipe);
	return ret;
}

/**
 * minos_pipe_init() - create the caches pipes come from
 *
 * Return: 0 or -%ENOMEM.
 */
int minos_pipe_init(void)
{
	minos_pipe_cache = KMEM_CACHE(minos_pipe, SLAB_ACCOUNT | SLAB_NO_MERGE);
	/* Bytes go between user memory and all of a ring: whitelist it. */
	minos_ring_cache = kmem_cache_create_usercopy("minos_pipe_ring",
						      MINOS_PIPE_CAPACITY, 0,
						      SLAB_ACCOUNT |
						      SLAB_NO_MERGE, 0,
						      MINOS_PIPE_CAPACITY,
						      NULL);
	if (minos_pipe_cache && minos_ring_cache)
		return 0;
	minos_pipe_exit();
	return -ENOMEM;
}

/**
 * minos_pipe_exit() - destroy the caches; every pipe must be gone
 */
void minos_pipe_exit(void)
{
	kmem_cache_destroy(minos_ring_cache);
	kmem_cache_destroy(minos_pipe_cache);
	minos_ring_cache = NULL;
	minos_pipe_cache = NULL;
}
