// SPDX-License-Identifier: GPL-2.0
/*
 * Minos: I/O on the file behind a descriptor.
 *
 * A descriptor's file is used through its own ->write_iter() and ->poll(),
 * whatever it is: a host tty, pipe, socket or regular file handed over by
 * minos-exec. File positions are kept as write(2) keeps them.
 */
#include <linux/uio.h>

#include "file.h"
#include "poll.h"

/* Wait until @file reports one of @events, an error or a hang-up. */
static int minos_file_wait(struct file *file, __poll_t events)
{
	struct minos_poll p;
	int ret;

	ret = minos_poll_init(&p, 1);
	if (ret)
		return ret;
	while (!(minos_poll_file(&p, file) & (events | EPOLLERR | EPOLLHUP))) {
		ret = minos_poll_sleep(&p);
		if (ret)
			break;
	}
	minos_poll_release(&p);
	return ret;
}

static ssize_t minos_file_write_once(struct file *file,
				     const char __user *buf, size_t size)
{
	bool lock = file->f_mode & FMODE_ATOMIC_POS;
	struct iov_iter iter;
	ssize_t ret;
	loff_t pos;

	iov_iter_ubuf(&iter, ITER_SOURCE, (char __user *)buf, size);
	if (file->f_mode & FMODE_STREAM)
		return vfs_iter_write(file, &iter, NULL, 0);

	if (lock)
		mutex_lock(&file->f_pos_lock);
	pos = file->f_pos;
	ret = vfs_iter_write(file, &iter, &pos, 0);
	if (ret >= 0)
		file->f_pos = pos;
	if (lock)
		mutex_unlock(&file->f_pos_lock);
	return ret;
}

/**
 * minos_file_write() - write(2) on a descriptor's file, as the ABI has it
 * @file: the file
 * @buf:  user memory
 * @size: bytes to write, more than 0
 *
 * Blocks until the file takes at least one byte, even when the host file
 * was opened %O_NONBLOCK. Errors are the file's own; a write to a broken
 * pipe is -%EPIPE and raises no signal, because containers ignore SIGPIPE.
 *
 * Context: process context, may sleep.
 * Return: bytes written, or a negative errno.
 */
ssize_t minos_file_write(struct file *file, const char __user *buf,
			 size_t size)
{
	ssize_t ret;

	size = min_t(size_t, size, MAX_RW_COUNT);
	for (;;) {
		ret = minos_file_write_once(file, buf, size);
		if (ret != -EAGAIN)
			return ret;
		ret = minos_file_wait(file, EPOLLOUT);
		if (ret)
			return ret;
	}
}
