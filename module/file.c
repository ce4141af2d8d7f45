// SPDX-License-Identifier: GPL-2.0
/*
 * Minos: I/O on the file behind a descriptor.
 *
 * A descriptor's file is a Minos pipe end, used through the pipe's own
 * functions, or a host file handed over by minos-exec (a tty, pipe, socket
 * or regular file), used through its own ->read_iter(), ->write_iter() and
 * ->poll(), with file positions kept as read(2) and write(2) keep them.
 */
#include <linux/sched/signal.h>
#include <linux/uio.h>

#include "file.h"
#include "pipe.h"
#include "poll.h"

/* Wait until @file reports one of @events, an error or a hang-up. */
static int minos_file_wait(struct file *file, __poll_t events)
{
	struct minos_poll p;
	int ret;

	ret = minos_poll_init(&p, 1);
	if (ret)
		return ret;
	while (!(vfs_poll(file, &p.pt) & (events | EPOLLERR | EPOLLHUP))) {
		ret = minos_poll_sleep(&p);
		if (ret)
			break;
	}
	minos_poll_release(&p);
	return ret;
}

/* One read or write of a host file, at its file position. */
static ssize_t minos_file_rw(struct file *file, struct iov_iter *iter)
{
	bool lock = file->f_mode & FMODE_ATOMIC_POS;
	bool write = iov_iter_rw(iter) == WRITE;
	loff_t pos, *ppos = NULL;
	ssize_t ret;

	if (!(file->f_mode & FMODE_STREAM)) {
		if (lock)
			mutex_lock(&file->f_pos_lock);
		pos = file->f_pos;
		ppos = &pos;
	}
	if (write)
		ret = vfs_iter_write(file, iter, ppos, 0);
	else
		ret = vfs_iter_read(file, iter, ppos, 0);
	if (ppos) {
		if (ret >= 0)
			file->f_pos = pos;
		if (lock)
			mutex_unlock(&file->f_pos_lock);
	}
	return ret;
}

/*
 * Read or write @file, waiting for it as long as it says -EAGAIN: a host
 * file opened O_NONBLOCK still blocks as the ABI says.
 */
static ssize_t minos_file_io(struct file *file, struct iov_iter *iter)
{
	__poll_t events = iov_iter_rw(iter) == WRITE ? EPOLLOUT : EPOLLIN;
	ssize_t ret;

	if (minos_file_is_pipe(file)) {
		if (iov_iter_rw(iter) == WRITE)
			return minos_pipe_write(file, iter, MINOS_PIPE_INTR);
		return minos_pipe_read(file, iter, MINOS_PIPE_INTR);
	}
	for (;;) {
		ret = minos_file_rw(file, iter);
		if (ret != -EAGAIN)
			return ret;
		ret = minos_file_wait(file, events);
		if (ret)
			return ret;
		/* A file whose poll says ready while it keeps saying -EAGAIN. */
		if (signal_pending(current))
			return -ERESTARTSYS;
		cond_resched();
	}
}

/**
 * minos_file_write() - write(2) on a descriptor's file, as the ABI has it
 * @file: the file
 * @buf:  user memory
 * @size: bytes to write, more than 0
 *
 * Blocks until the file takes at least one byte. Errors are the file's own;
 * a write to a broken pipe is -%EPIPE and raises no signal, because
 * containers ignore SIGPIPE.
 *
 * Context: process context, may sleep.
 * Return: bytes written, or a negative errno.
 */
ssize_t minos_file_write(struct file *file, const char __user *buf,
			 size_t size)
{
	struct iov_iter iter;

	iov_iter_ubuf(&iter, ITER_SOURCE, (char __user *)buf,
		      min_t(size_t, size, MAX_RW_COUNT));
	return minos_file_io(file, &iter);
}

/*
 * Read from @file, known to be ready. A pipe another thread drained in the
 * meantime says -EAGAIN rather than block; a host file is read as read(2)
 * would.
 */
static ssize_t minos_file_read_ready(struct file *file, char __user *buf,
				     size_t size)
{
	struct iov_iter iter;

	iov_iter_ubuf(&iter, ITER_DEST, buf, min_t(size_t, size, MAX_RW_COUNT));
	if (minos_file_is_pipe(file))
		return minos_pipe_read(file, &iter, MINOS_PIPE_NONBLOCK);
	return minos_file_rw(file, &iter);
}

/**
 * minos_file_read_any() - read from the first of several files to be ready
 * @files: the files, in the order the container gave their descriptors
 * @count: how many, 1 .. %MINOS_READ_MAX_FDS
 * @next:  in: the index to start the scan at (the one after the index the
 *         thread's previous read served); out: the index after the one
 *         served now. This is what keeps a busy file from starving others.
 * @buf:   user memory
 * @size:  bytes to read at most, more than 0
 *
 * Blocks until one file has data or is at the end of its stream.
 *
 * Context: process context, may sleep.
 * Return: the count read (0 only at the end of that file's stream) with
 * *@next one past the file served, or a negative errno.
 */
ssize_t minos_file_read_any(struct file **files, unsigned int count,
			    unsigned int *next, char __user *buf, size_t size)
{
	const __poll_t ready = EPOLLIN | EPOLLHUP | EPOLLERR | EPOLLRDHUP;
	unsigned int start = *next % count, i, idx;
	struct minos_poll p;
	poll_table *pt = NULL;
	ssize_t ret;

	if (count == 1) {
		struct iov_iter iter;

		iov_iter_ubuf(&iter, ITER_DEST, buf,
			      min_t(size_t, size, MAX_RW_COUNT));
		*next = 1;
		return minos_file_io(files[0], &iter);
	}

	/* The first scan only looks; later ones wait on every file. */
	for (;;) {
		for (i = 0; i < count; i++) {
			idx = start + i < count ? start + i : start + i - count;
			if (!(vfs_poll(files[idx], pt) & ready))
				continue;
			ret = minos_file_read_ready(files[idx], buf, size);
			if (ret == -EAGAIN)
				continue;
			*next = idx + 1;
			goto out;
		}
		if (!pt) {
			ret = minos_poll_init(&p, count);
			if (ret)
				return ret;
			pt = &p.pt;
			continue;
		}
		ret = minos_poll_sleep(&p);
		if (ret)
			goto out;
	}
out:
	if (pt)
		minos_poll_release(&p);
	return ret;
}
