// SPDX-License-Identifier: GPL-2.0
/*
 * Minos: the system call table of a container, and every Minos call.
 *
 * The sys_enter probe hands each system call of a marked task to
 * minos_syscall_enter(), in atomic context. It decides on the registers
 * alone:
 *
 * - a Linux-like call of the table whose arguments keep its rules
 *   (linux_calls.c) is left to Linux, which runs it as usual;
 * - a Minos call is skipped (orig_ax = -1) and carried out by Minos: in
 *   the probe itself when it cannot sleep (a pipe write that fits, a read
 *   of a ready pipe: the fast paths below), else as task_work queued on
 *   the calling thread, which runs on the way back to user space, where
 *   it may sleep; either leaves its results in rax (and rdx);
 * - anything else, and every entry other than the 64-bit syscall
 *   instruction (int $0x80, sysenter, the x32 bit), fails with -ENOSYS, or
 *   with the error of a failed check, and has no effect.
 */
#include <linux/file.h>
#include <linux/sched/signal.h>
#include <linux/sched/task_stack.h>
#include <linux/task_work.h>
#include <asm/syscall.h>
#include <asm/unistd.h>
#include <minos.h>

#include "compat.h"
#include "container.h"
#include "fdtable.h"
#include "file.h"
#include "linux_calls.h"
#include "pipe.h"
#include "spawn.h"
#include "syscalls.h"

/* A read over at most this many descriptors needs no allocation. */
#define MINOS_READ_ONSTACK	8

/* A read over at most this many descriptors may take the fast path. */
#define MINOS_FAST_READ_MAX	64

/**
 * struct minos_read_cache - the files of a lone thread's last multi-read
 * @gen:   the table's generation they were looked up in
 * @count: how many (0: none)
 * @fds:   the descriptor numbers
 * @files: their files, all Minos pipes, borrowed from the table
 *
 * A thread that reads the same set of pipes again and again (an event
 * loop) need not look each one up every time while the table is unchanged.
 */
struct minos_read_cache {
	unsigned long gen;
	unsigned int count;
	u32 fds[MINOS_FAST_READ_MAX];
	struct file *files[MINOS_FAST_READ_MAX];
};

/*
 * The only thread of a container is the only one that can remove entries
 * from its table (others only add to it): it may use them without taking
 * references, which saves atomic operations on every call, as fdget()
 * does for a lone task. It cannot gain a thread during one of its calls.
 */
static bool minos_alone(struct minos_thread *thread)
{
	return atomic_read(&thread->ctr->threads) == 1;
}

/* A descriptor's file: borrowed when @alone, else with a new reference. */
static struct file *minos_fd_use(struct minos_thread *thread, unsigned long fd,
				 enum minos_fd_type type, bool alone)
{
	struct minos_fdtable *fdt = &thread->ctr->fdt;

	if (alone)
		return minos_fd_peek(fdt, fd, type) ?: ERR_PTR(-EBADF);
	return minos_fd_get(fdt, fd, type);
}

/* Done with a file from minos_fd_use(). */
static void minos_fd_done(struct file *file, bool alone)
{
	if (!alone)
		fput(file);
}

/**
 * minos_sys_pipe() - pipe()
 * @thread: the calling thread
 * @regs:   no arguments
 *
 * Return: the write descriptor in rax and the read descriptor in rdx;
 * -%EMFILE when the table has no room for both; -%ENOMEM, -%ENFILE.
 */
static long minos_sys_pipe(struct minos_thread *thread, struct pt_regs *regs)
{
	struct minos_fdtable *fdt = &thread->ctr->fdt;
	unsigned long limit = rlimit(RLIMIT_NOFILE);
	struct file *wfile, *rfile;
	int wfd, rfd, ret;

	ret = minos_pipe_create(&wfile, &rfile);
	if (ret)
		return ret;
	wfd = minos_fd_install(fdt, wfile, MINOS_WFD, limit);
	if (wfd < 0) {
		ret = wfd;
		goto err_files;
	}
	rfd = minos_fd_install(fdt, rfile, MINOS_RFD, limit);
	if (rfd < 0) {
		/*
		 * Take the write end back, unless another thread already
		 * closed or moved it: then the table no longer owns it.
		 */
		wfile = minos_fd_remove_file(fdt, wfd, MINOS_WFD, wfile);
		if (!IS_ERR(wfile))
			fput(wfile);
		fput(rfile);
		return rfd;
	}
	regs->dx = rfd;
	return wfd;

err_files:
	fput(wfile);
	fput(rfile);
	return ret;
}

/**
 * minos_sys_write() - write(wfd, addr, size)
 * @thread: the calling thread
 * @regs:   rdi = wfd, rsi = addr, rdx = size
 *
 * Return: the count written; -%EBADF when wfd is not a write descriptor;
 * 0 when size is 0; -%EFAULT when nothing could be read from addr;
 * -%EPIPE when the read side is closed (no signal); -%EINTR when the
 * container is being killed; or the error of the host file.
 */
static long minos_sys_write(struct minos_thread *thread, struct pt_regs *regs)
{
	const char __user *buf = (const char __user *)regs->si;
	size_t size = regs->dx;
	bool alone = minos_alone(thread);
	struct file *file;
	long ret = 0;

	file = minos_fd_use(thread, regs->di, MINOS_WFD, alone);
	if (IS_ERR(file))
		return PTR_ERR(file);
	if (size)
		ret = minos_file_write(file, buf, size);
	minos_fd_done(file, alone);
	return ret;
}

/**
 * minos_sys_read() - read(rfds, rfdcount, addr, size)
 * @thread: the calling thread
 * @regs:   rdi = rfds (32-bit numbers), rsi = rfdcount, rdx = addr,
 *          r10 = size
 *
 * Return: the count read in rax and the descriptor it came from in rdx;
 * -%EINVAL when rfdcount is not 1 .. %MINOS_READ_MAX_FDS or size is 0;
 * -%EFAULT when rfds cannot be read, or nothing could be written to addr;
 * -%EBADF when any of rfds is not a read descriptor; -%EINTR when the
 * container is being killed; or the error of a host file.
 */
static long minos_sys_read(struct minos_thread *thread, struct pt_regs *regs)
{
	const u32 __user *urfds = (const u32 __user *)regs->di;
	char __user *buf = (char __user *)regs->dx;
	unsigned long count = regs->si;
	size_t size = regs->r10;
	struct file *files_onstack[MINOS_READ_ONSTACK];
	u32 rfds_onstack[MINOS_READ_ONSTACK];
	struct file **files = files_onstack;
	u32 *rfds = rfds_onstack;
	unsigned int i, next;
	long ret;

	if (!count || count > MINOS_READ_MAX_FDS || !size)
		return -EINVAL;
	if (count > MINOS_READ_ONSTACK) {
		files = kmalloc_array(count, sizeof(*files) + sizeof(*rfds),
				      GFP_KERNEL_ACCOUNT);
		if (!files)
			return -ENOMEM;
		rfds = (u32 *)(files + count);
	}
	ret = -EFAULT;
	if (copy_from_user(rfds, urfds, count * sizeof(*rfds)))
		goto out;
	ret = minos_fd_get_many(&thread->ctr->fdt, rfds, count, MINOS_RFD,
				files);
	if (ret)
		goto out;

	next = thread->read_next;
	ret = minos_file_read_any(files, count, &next, buf, size);
	if (ret >= 0) {
		thread->read_next = next;
		regs->dx = rfds[next - 1];
	}
	for (i = 0; i < count; i++)
		fput(files[i]);
out:
	if (files != files_onstack)
		kfree(files);
	return ret;
}

/* wclose(wfd) and rclose(rfd): drop a descriptor of the given type. */
static long minos_sys_close(struct minos_thread *thread, unsigned long fd,
			    enum minos_fd_type type)
{
	struct file *file = minos_fd_remove(&thread->ctr->fdt, fd, type);

	if (IS_ERR(file))
		return PTR_ERR(file);
	fput(file);
	return 0;
}

/**
 * minos_sys_wclose() - wclose(wfd)
 * @thread: the calling thread
 * @regs:   rdi = wfd
 *
 * When the last write end of a pipe closes, its reader sees the end of the
 * stream after the data.
 *
 * Return: 0, or -%EBADF when wfd is not a write descriptor.
 */
static long minos_sys_wclose(struct minos_thread *thread, struct pt_regs *regs)
{
	return minos_sys_close(thread, regs->di, MINOS_WFD);
}

/**
 * minos_sys_rclose() - rclose(rfd)
 * @thread: the calling thread
 * @regs:   rdi = rfd
 *
 * When the read end of a pipe closes, its writers get -%EPIPE.
 *
 * Return: 0, or -%EBADF when rfd is not a read descriptor.
 */
static long minos_sys_rclose(struct minos_thread *thread, struct pt_regs *regs)
{
	return minos_sys_close(thread, regs->di, MINOS_RFD);
}

/**
 * minos_sys_ckill() - ckill(cid)
 * @thread: the calling thread
 * @regs:   rdi = cid
 *
 * Kills the child and, through its end, all its descendants, and releases
 * the cid. When it returns, the child has ended and its descriptors are
 * closed.
 *
 * Return: 0; -%ESRCH when cid is not a child of the caller; -%EINTR when
 * the caller is being killed.
 */
static long minos_sys_ckill(struct minos_thread *thread, struct pt_regs *regs)
{
	struct minos_container *child;
	long ret;

	child = minos_container_take_child(thread->ctr, regs->di);
	if (!child)
		return -ESRCH;
	ret = minos_container_kill_wait(child);
	minos_container_put(child);
	return ret;
}

/* wpass(wfd, cid) and rpass(rfd, cid): move a descriptor into a child. */
static long minos_sys_pass(struct minos_thread *thread, struct pt_regs *regs,
			   enum minos_fd_type type)
{
	struct minos_container *child;
	long ret;

	child = minos_container_get_child(thread->ctr, regs->si);
	if (!child)
		return -ESRCH;
	ret = minos_container_move_fd(thread->ctr, regs->di, type, child);
	minos_container_put(child);
	return ret;
}

/**
 * minos_sys_wpass() - wpass(wfd, cid)
 * @thread: the calling thread
 * @regs:   rdi = wfd, rsi = cid
 *
 * Return: the descriptor's number in the child, the lowest free there (a
 * child that has not started gets 0, 1, ... in the order passed);
 * -%EBADF when wfd is not a write descriptor; -%ESRCH when cid is not a
 * live child of the caller; -%EMFILE when the child's table is full. On
 * failure the caller keeps the descriptor.
 */
static long minos_sys_wpass(struct minos_thread *thread, struct pt_regs *regs)
{
	return minos_sys_pass(thread, regs, MINOS_WFD);
}

/**
 * minos_sys_rpass() - rpass(rfd, cid)
 * @thread: the calling thread
 * @regs:   rdi = rfd, rsi = cid
 *
 * Return: as minos_sys_wpass(), for a read descriptor.
 */
static long minos_sys_rpass(struct minos_thread *thread, struct pt_regs *regs)
{
	return minos_sys_pass(thread, regs, MINOS_RFD);
}

/* Minos calls, by number - MINOS_NR_BASE. */
static const struct minos_call minos_calls[MINOS_NR_LAST - MINOS_NR_BASE + 1] = {
	[MINOS_NR_CNEW - MINOS_NR_BASE]		= { .run = minos_spawn_prepare },
	[MINOS_NR_CKILL - MINOS_NR_BASE]	= { .run = minos_sys_ckill },
	[MINOS_NR_PIPE - MINOS_NR_BASE]		= { .run = minos_sys_pipe },
	[MINOS_NR_WRITE - MINOS_NR_BASE]	= { .run = minos_sys_write },
	[MINOS_NR_READ - MINOS_NR_BASE]		= { .run = minos_sys_read },
	[MINOS_NR_WCLOSE - MINOS_NR_BASE]	= { .run = minos_sys_wclose },
	[MINOS_NR_RCLOSE - MINOS_NR_BASE]	= { .run = minos_sys_rclose },
	[MINOS_NR_WPASS - MINOS_NR_BASE]	= { .run = minos_sys_wpass },
	[MINOS_NR_RPASS - MINOS_NR_BASE]	= { .run = minos_sys_rpass },
};

/*
 * Fast paths, in the atomic context of the probe, with page faults off: a
 * write to a pipe with room, or a read of pipes one of which is ready,
 * completes here and saves the trip through task_work. Anything else (a
 * host file, a wait, a page not present) takes the slow path, which does
 * the whole call again from its registers.
 */

static bool minos_fast_write(struct minos_thread *thread, struct pt_regs *regs)
{
	bool alone = minos_alone(thread);
	struct iov_iter iter;
	struct file *file;
	ssize_t ret;

	if (!regs->dx)
		return false;
	file = minos_fd_use(thread, regs->di, MINOS_WFD, alone);
	if (IS_ERR(file))
		return false;
	ret = -EAGAIN;
	if (minos_file_is_pipe(file)) {
		iov_iter_ubuf(&iter, ITER_SOURCE, (void __user *)regs->si,
			      min_t(size_t, regs->dx, MAX_RW_COUNT));
		pagefault_disable();
		ret = minos_pipe_write(file, &iter,
				       MINOS_PIPE_NONBLOCK | MINOS_PIPE_ALL);
		pagefault_enable();
	}
	minos_fd_done(file, alone);
	if (ret == -EAGAIN || ret == -EFAULT)
		return false;
	regs->ax = ret;
	return true;
}

/* For minos_fd_pick(): take a ready pipe, give up at a host file. */
static int minos_fast_pick(struct file *file)
{
	if (!minos_file_is_pipe(file))
		return -1;
	return minos_pipe_ready(file);
}

/* Bring a lone thread's read cache up to date with @rfds. */
static bool minos_fast_cache(struct minos_thread *thread, const u32 *rfds,
			     unsigned int count)
{
	struct minos_fdtable *fdt = &thread->ctr->fdt;
	struct minos_read_cache *rc = thread->rcache;
	unsigned int i;

	if (rc->count == count && rc->gen == READ_ONCE(fdt->gen) &&
	    !memcmp(rc->fds, rfds, count * sizeof(*rfds)))
		return true;
	rc->count = 0;
	for (i = 0; i < count; i++) {
		rc->files[i] = minos_fd_peek(fdt, rfds[i], MINOS_RFD);
		if (!rc->files[i] || !minos_file_is_pipe(rc->files[i]))
			return false;
	}
	memcpy(rc->fds, rfds, count * sizeof(*rfds));
	rc->gen = READ_ONCE(fdt->gen);
	rc->count = count;
	return true;
}

static bool minos_fast_read(struct minos_thread *thread, struct pt_regs *regs)
{
	bool alone = minos_alone(thread);
	unsigned long count = regs->si;
	u32 rfds[MINOS_FAST_READ_MAX];
	struct iov_iter iter;
	struct file *file;
	ssize_t ret;
	int idx;

	if (!count || count > MINOS_FAST_READ_MAX || !regs->r10)
		return false;
	if (copy_from_user_nofault(rfds, (const void __user *)regs->di,
				   count * sizeof(*rfds)))
		return false;
	/* A lone thread reading several pipes over and over: cache them. */
	if (alone && count > 1 && !thread->rcache)
		thread->rcache = kzalloc(sizeof(*thread->rcache), GFP_NOWAIT |
					 __GFP_ACCOUNT | __GFP_NOWARN);
	if (alone && thread->rcache) {
		if (!minos_fast_cache(thread, rfds, count))
			return false;
		idx = minos_pipe_first_ready(thread->rcache->files, count,
					     thread->read_next % count);
		if (idx >= 0)
			file = thread->rcache->files[idx];
	} else {
		idx = minos_fd_pick(&thread->ctr->fdt, rfds, count,
				    thread->read_next % count, MINOS_RFD,
				    minos_fast_pick, &file, alone);
	}
	if (idx < 0)
		return false;
	iov_iter_ubuf(&iter, ITER_DEST, (void __user *)regs->dx,
		      min_t(size_t, regs->r10, MAX_RW_COUNT));
	pagefault_disable();
	ret = minos_pipe_read(file, &iter, MINOS_PIPE_NONBLOCK | MINOS_PIPE_ALL);
	pagefault_enable();
	minos_fd_done(file, alone);
	if (ret == -EAGAIN || ret == -EFAULT)
		return false;
	thread->read_next = idx + 1;
	regs->ax = ret;
	regs->dx = rfds[idx];
	return true;
}

/* Runs the pending Minos call on the way back to user space. */
static void minos_call_work(struct callback_head *work)
{
	struct minos_thread *thread = container_of(work, struct minos_thread,
						   call_work);
	struct pt_regs *regs = current_pt_regs();
	long ret = thread->call->run(thread, regs);

	/*
	 * A host file's wait was interrupted by a signal (a stop, say: a
	 * container has no handlers). The call was skipped (orig_ax = -1), so
	 * make Linux restart it, as itself, once the signal is dealt with:
	 * this work runs before signal delivery. A container being killed
	 * just gets -EINTR.
	 */
	if (ret >= -ERESTART_RESTARTBLOCK && ret <= -ERESTARTSYS) {
		if (fatal_signal_pending(current)) {
			ret = -EINTR;
		} else {
			regs->orig_ax = MINOS_NR_BASE + (thread->call - minos_calls);
			ret = -ERESTARTNOINTR;
		}
	}
	regs->ax = ret;
}

static bool minos_call_queue(struct pt_regs *regs, long nr,
			     const struct minos_call *call)
{
	struct minos_thread *thread = minos_thread_find(current);

	if (!thread)
		return false;
	if ((nr == MINOS_NR_WRITE && minos_fast_write(thread, regs)) ||
	    (nr == MINOS_NR_READ && minos_fast_read(thread, regs))) {
		regs->orig_ax = -1;
		return true;
	}
	thread->call = call;
	init_task_work(&thread->call_work, minos_call_work);
	if (task_work_add(current, &thread->call_work, MINOS_TWA_SIGNAL))
		return false;
	regs->orig_ax = -1;
	regs->ax = -EINTR;
	return true;
}

/**
 * minos_syscall_enter() - route one system call of a container
 * @regs: the caller's registers
 * @nr:   the system call number as Linux read it
 *
 * Context: the sys_enter tracepoint of a marked task; atomic.
 */
void minos_syscall_enter(struct pt_regs *regs, long nr)
{
	const struct minos_linux_call *linux_call;
	const struct minos_call *call;
	struct minos_thread *thread;
	unsigned long args[6];
	long ret = -ENOSYS;

	if (in_ia32_syscall() || (nr & __X32_SYSCALL_BIT))
		goto refuse;

	if (nr == __NR_restart_syscall) {
		/*
		 * Not in the table, but Linux's own way to resume an allowed
		 * call (a timed futex wait a stop signal interrupted): allowed
		 * once after such a call, and only then.
		 */
		thread = minos_thread_find(current);
		if (thread && thread->restart) {
			thread->restart = false;
			return;
		}
		goto refuse;
	}

	linux_call = minos_linux_call_find(nr);
	if (linux_call) {
		syscall_get_arguments(current, regs, args);
		ret = minos_linux_call_check(linux_call, args);
		if (!ret && nr == __NR_clone)
			ret = minos_thread_reserve(current);
		if (ret)
			goto refuse;
		return;	/* Linux runs it. */
	}

	if (nr > MINOS_NR_BASE && nr <= MINOS_NR_LAST) {
		call = &minos_calls[nr - MINOS_NR_BASE];
		if (call->run && minos_call_queue(regs, nr, call))
			return;
	} else if (nr == MINOS_NR_SPAWN_CLONE || nr == MINOS_NR_SPAWN_EXEC) {
		thread = minos_thread_find(current);
		if (thread && (nr == MINOS_NR_SPAWN_CLONE ?
			       minos_spawn_clone(thread, regs) :
			       minos_spawn_exec(thread, regs)))
			return;	/* Linux runs the clone or exec. */
	}
refuse:
	regs->orig_ax = -1;
	regs->ax = ret;
}

/**
 * minos_syscall_exit() - a system call of a container returns
 * @regs: the caller's registers, rax holding the result
 *
 * A clone or an exec can be part of a cnew(); a call that Linux will
 * resume through restart_syscall lets the thread make that call once.
 * Every other call returns untouched.
 *
 * Context: the sys_exit tracepoint of a marked task; atomic.
 */
void minos_syscall_exit(struct pt_regs *regs)
{
	struct minos_thread *thread;

	if (regs->ax == -ERESTART_RESTARTBLOCK) {
		thread = minos_thread_find(current);
		if (thread)
			thread->restart = true;
		return;
	}
	if (regs->orig_ax != __NR_clone && regs->orig_ax != __NR_execveat)
		return;
	thread = minos_thread_find(current);
	if (thread)
		minos_spawn_exit(thread, regs);
}
