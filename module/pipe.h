/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Minos: pipes, one-way byte streams between containers.
 */
#ifndef _MINOS_PIPE_H
#define _MINOS_PIPE_H

#include <linux/bits.h>
#include <linux/fs.h>
#include <linux/uio.h>

/* How a pipe read or write may proceed; see minos_pipe_read(). */
#define MINOS_PIPE_NONBLOCK	BIT(0)	/* -EAGAIN rather than wait */
#define MINOS_PIPE_ALL		BIT(1)	/* copy all or nothing (-EFAULT) */
#define MINOS_PIPE_INTR		BIT(2)	/* any signal ends a wait */

int minos_pipe_create(struct file **wfile, struct file **rfile);
int minos_pipe_init(void);
void minos_pipe_exit(void);
bool minos_file_is_pipe(const struct file *file);
ssize_t minos_pipe_read(struct file *file, struct iov_iter *to,
			unsigned int flags);
ssize_t minos_pipe_write(struct file *file, struct iov_iter *from,
			 unsigned int flags);
bool minos_pipe_ready(struct file *file);
int minos_pipe_first_ready(struct file *const *files, unsigned int count,
			   unsigned int start);

#endif /* _MINOS_PIPE_H */
