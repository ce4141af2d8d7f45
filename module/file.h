/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Minos: I/O on the file behind a descriptor.
 */
#ifndef _MINOS_FILE_H
#define _MINOS_FILE_H

#include <linux/fs.h>

ssize_t minos_file_write(struct file *file, const char __user *buf,
			 size_t size);
ssize_t minos_file_read_any(struct file **files, unsigned int count,
			    unsigned int *next, char __user *buf, size_t size);

#endif /* _MINOS_FILE_H */
