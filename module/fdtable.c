// SPDX-License-Identifier: GPL-2.0
/*
 * Minos: the typed descriptor table of a container.
 *
 * Entries are &struct file pointers tagged with their type, so that an rfd
 * given where a wfd is expected is told apart without another lookup.
 */
#include <linux/file.h>

#include "fdtable.h"

void minos_fdtable_init(struct minos_fdtable *fdt)
{
	xa_init_flags(&fdt->xa, XA_FLAGS_ALLOC);
}

/**
 * minos_fdtable_release() - close every descriptor of a dead container
 * @fdt: the table; empty and unusable afterwards
 *
 * The files are released before this returns (not at the caller's next
 * return to user space, as fput() would): ckill() promises that the
 * peers of a killed container already see end of stream or -EPIPE.
 *
 * Context: process context, may sleep.
 */
void minos_fdtable_release(struct minos_fdtable *fdt)
{
	unsigned long fd;
	void *entry;

	/* Out of the table first: debugfs may be printing it meanwhile. */
	xa_for_each(&fdt->xa, fd, entry) {
		xa_erase(&fdt->xa, fd);
		__fput_sync(xa_untag_pointer(entry));
	}
	xa_destroy(&fdt->xa);
}

/**
 * minos_fd_install() - add a file under the lowest free number
 * @fdt:   the table
 * @file:  the file; on success the table owns the caller's reference
 * @type:  %MINOS_RFD or %MINOS_WFD
 * @limit: numbers must stay below this (the owner's RLIMIT_NOFILE)
 *
 * Context: may sleep.
 * Return: the new number, -%EMFILE when the table is full, or -%ENOMEM.
 */
int minos_fd_install(struct minos_fdtable *fdt, struct file *file,
		     enum minos_fd_type type, unsigned long limit)
{
	u32 fd;
	int ret;

	if (!limit)
		return -EMFILE;
	limit = min_t(unsigned long, limit, INT_MAX);
	ret = xa_alloc(&fdt->xa, &fd, xa_tag_pointer(file, type),
		       XA_LIMIT(0, limit - 1), GFP_KERNEL_ACCOUNT);
	if (ret == -EBUSY)
		return -EMFILE;
	return ret ? ret : fd;
}

/**
 * minos_fd_install_at() - add a file under a chosen number
 * @fdt:  the table
 * @fd:   the number, which must be free
 * @file: the file; on success the table owns the caller's reference
 * @type: %MINOS_RFD or %MINOS_WFD
 *
 * Context: may sleep.
 * Return: 0, -%EBUSY when @fd is taken, or -%ENOMEM.
 */
int minos_fd_install_at(struct minos_fdtable *fdt, unsigned int fd,
			struct file *file, enum minos_fd_type type)
{
	if (fd > INT_MAX)
		return -EBADF;
	return xa_insert(&fdt->xa, fd, xa_tag_pointer(file, type),
			 GFP_KERNEL_ACCOUNT);
}

static void *minos_fd_entry(struct minos_fdtable *fdt, unsigned long fd,
			    enum minos_fd_type type)
{
	void *entry;

	if (fd > INT_MAX)
		return NULL;
	entry = xa_load(&fdt->xa, fd);
	if (!entry || xa_pointer_tag(entry) != type)
		return NULL;
	return entry;
}

/**
 * minos_fd_get() - look up a descriptor of a given type
 * @fdt:  the table
 * @fd:   the number, as the container passed it
 * @type: the type the call expects
 *
 * Context: any; takes a spinlock.
 * Return: the file with a new reference (fput() it), or ERR_PTR(-%EBADF)
 * when @fd is not a descriptor of type @type.
 */
struct file *minos_fd_get(struct minos_fdtable *fdt, unsigned long fd,
			  enum minos_fd_type type)
{
	struct file *file = ERR_PTR(-EBADF);
	void *entry;

	xa_lock(&fdt->xa);
	entry = minos_fd_entry(fdt, fd, type);
	if (entry)
		file = get_file(xa_untag_pointer(entry));
	xa_unlock(&fdt->xa);
	return file;
}

/**
 * minos_fd_remove() - take a descriptor of a given type out of the table
 * @fdt:  the table
 * @fd:   the number
 * @type: the type the call expects
 *
 * Context: any; takes a spinlock.
 * Return: the file with the table's reference, now the caller's, or
 * ERR_PTR(-%EBADF).
 */
struct file *minos_fd_remove(struct minos_fdtable *fdt, unsigned long fd,
			     enum minos_fd_type type)
{
	return minos_fd_remove_file(fdt, fd, type, NULL);
}

/**
 * minos_fd_remove_file() - take a descriptor out, if it is still @expect
 * @fdt:    the table
 * @fd:     the number
 * @type:   the type the call expects
 * @expect: the file the number must still refer to, or NULL for any
 *
 * Context: any; takes a spinlock.
 * Return: the file with the table's reference, now the caller's, or
 * ERR_PTR(-%EBADF).
 */
struct file *minos_fd_remove_file(struct minos_fdtable *fdt, unsigned long fd,
				  enum minos_fd_type type,
				  const struct file *expect)
{
	struct file *file = ERR_PTR(-EBADF);
	void *entry;

	xa_lock(&fdt->xa);
	entry = minos_fd_entry(fdt, fd, type);
	if (entry && (!expect || xa_untag_pointer(entry) == expect)) {
		__xa_erase(&fdt->xa, fd);
		WRITE_ONCE(fdt->gen, fdt->gen + 1);
		file = xa_untag_pointer(entry);
	}
	xa_unlock(&fdt->xa);
	return file;
}

/**
 * minos_fd_peek() - look up a descriptor without taking a reference
 * @fdt:  the table
 * @fd:   the number
 * @type: the type the call expects
 *
 * For a caller that knows nobody can remove the descriptor meanwhile: the
 * only thread of the container that owns @fdt, in one of its calls. Only
 * that container's threads remove descriptors from its table.
 *
 * Context: any; lock-free.
 * Return: the file, or NULL.
 */
struct file *minos_fd_peek(struct minos_fdtable *fdt, unsigned long fd,
			   enum minos_fd_type type)
{
	void *entry = minos_fd_entry(fdt, fd, type);

	return entry ? xa_untag_pointer(entry) : NULL;
}

/**
 * minos_fd_get_many() - look up several descriptors of one type at once
 * @fdt:   the table
 * @fds:   the numbers
 * @count: how many
 * @type:  the type the call expects of each
 * @files: set to the files, each with a new reference
 *
 * Context: any; takes a spinlock.
 * Return: 0, or -%EBADF (and no reference taken) when any number is not a
 * descriptor of type @type.
 */
int minos_fd_get_many(struct minos_fdtable *fdt, const u32 *fds,
		      unsigned int count, enum minos_fd_type type,
		      struct file **files)
{
	unsigned int i;
	void *entry;

	xa_lock(&fdt->xa);
	for (i = 0; i < count; i++) {
		entry = minos_fd_entry(fdt, fds[i], type);
		if (!entry)
			break;
		files[i] = get_file(xa_untag_pointer(entry));
	}
	xa_unlock(&fdt->xa);
	if (i == count)
		return 0;
	while (i--)
		fput(files[i]);
	return -EBADF;
}

/**
 * minos_fd_pick() - choose one of several descriptors, in turn
 * @fdt:   the table
 * @fds:   the numbers
 * @count: how many, more than 0
 * @start: the index to consider first; the scan wraps around
 * @type:  the type the call expects of each
 * @pick:  says of a file: > 0 take it, 0 pass it, < 0 give up the scan
 * @file:  set to the file taken, with a new reference unless @peek
 * @peek:  look up without lock or reference, as minos_fd_peek() may
 *
 * Every number is checked, even past the one taken.
 *
 * Context: any; takes a spinlock (unless @peek), under which @pick runs.
 * Return: the index taken; -%EBADF when any number is not a descriptor of
 * type @type; -%EAGAIN when none was taken or @pick gave up.
 */
int minos_fd_pick(struct minos_fdtable *fdt, const u32 *fds,
		  unsigned int count, unsigned int start,
		  enum minos_fd_type type, int (*pick)(struct file *file),
		  struct file **file, bool peek)
{
	unsigned int i, idx;
	int ret = -EAGAIN, pick_ret;
	void *entry;

	if (!peek)
		xa_lock(&fdt->xa);
	for (i = 0; i < count; i++) {
		idx = start + i < count ? start + i : start + i - count;
		entry = minos_fd_entry(fdt, fds[idx], type);
		if (!entry) {
			ret = -EBADF;
			break;
		}
		if (ret >= 0)
			continue;
		pick_ret = pick(xa_untag_pointer(entry));
		if (pick_ret < 0)
			break;
		if (pick_ret > 0)
			ret = idx;
	}
	if (ret >= 0) {
		*file = xa_untag_pointer(xa_load(&fdt->xa, fds[ret]));
		if (!peek)
			get_file(*file);
	}
	if (!peek)
		xa_unlock(&fdt->xa);
	return ret;
}
