/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Minos: the typed descriptor table of a container.
 */
#ifndef _MINOS_FDTABLE_H
#define _MINOS_FDTABLE_H

#include <linux/fs.h>
#include <linux/xarray.h>

/*
 * What a descriptor may be used for, stored as the tag of its entry. The
 * XArray allows pointer tags 0, 1 and 3 (2 marks its internal entries).
 */
enum minos_fd_type {
	MINOS_RFD = 1,
	MINOS_WFD = 3,
};

/**
 * struct minos_fdtable - the descriptors of one container
 * @xa:  descriptor number -> tagged &struct file pointer (tag: type).
 *       The xarray's own lock guards every entry; a looked-up file is
 *       pinned with a file reference taken under that lock.
 * @gen: bumped (under the xarray's lock) whenever an entry is removed, so
 *       that a lone thread may keep borrowed files of unchanged entries
 *
 * Each entry holds one reference to its file. Numbers are allocated lowest
 * free first, below the owner's RLIMIT_NOFILE.
 */
struct minos_fdtable {
	struct xarray xa;
	unsigned long gen;
};

void minos_fdtable_init(struct minos_fdtable *fdt);
void minos_fdtable_release(struct minos_fdtable *fdt);
int minos_fd_install(struct minos_fdtable *fdt, struct file *file,
		     enum minos_fd_type type, unsigned long limit);
int minos_fd_install_at(struct minos_fdtable *fdt, unsigned int fd,
			struct file *file, enum minos_fd_type type);
struct file *minos_fd_get(struct minos_fdtable *fdt, unsigned long fd,
			  enum minos_fd_type type);
int minos_fd_get_many(struct minos_fdtable *fdt, const u32 *fds,
		      unsigned int count, enum minos_fd_type type,
		      struct file **files);
int minos_fd_pick(struct minos_fdtable *fdt, const u32 *fds,
		  unsigned int count, unsigned int start,
		  enum minos_fd_type type, int (*pick)(struct file *file),
		  struct file **file, bool peek);
struct file *minos_fd_peek(struct minos_fdtable *fdt, unsigned long fd,
			   enum minos_fd_type type);
struct file *minos_fd_remove(struct minos_fdtable *fdt, unsigned long fd,
			     enum minos_fd_type type);
struct file *minos_fd_remove_file(struct minos_fdtable *fdt, unsigned long fd,
				  enum minos_fd_type type,
				  const struct file *expect);

#endif /* _MINOS_FDTABLE_H */
