/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Minos: pipes, one-way byte streams between containers.
 */
#ifndef _MINOS_PIPE_H
#define _MINOS_PIPE_H

#include <linux/fs.h>
#include <linux/uio.h>

int minos_pipe_create(struct file **wfile, struct file **rfile);
bool minos_file_is_pipe(const struct file *file);
ssize_t minos_pipe_read(struct file *file, struct iov_iter *to,
			bool nonblock);
ssize_t minos_pipe_write(struct file *file, struct iov_iter *from,
			 bool nonblock);
bool minos_pipe_ready(struct file *file);
ssize_t minos_pipe_try_read(struct file *file, struct iov_iter *to);
ssize_t minos_pipe_try_write(struct file *file, struct iov_iter *from);

#endif /* _MINOS_PIPE_H */
