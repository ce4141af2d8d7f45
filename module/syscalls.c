// SPDX-License-Identifier: GPL-2.0
/*
 * Minos: the system call table of a container, and every Minos call.
 *
 * The sys_enter probe hands each system call of a marked task to
 * minos_syscall_enter(), in atomic context. It decides on the registers
 * alone:
 *
 * - a Linux-like call of the table whose arguments pass its check is left
 *   to Linux, which runs it as usual;
 * - a Minos call is queued as task_work on the calling thread and skipped
 *   (orig_ax = -1); the work runs on the way back to user space, where it
 *   may sleep, and leaves its results in rax (and rdx);
 * - anything else, and every entry other than the 64-bit syscall
 *   instruction (int $0x80, sysenter, the x32 bit), fails with -ENOSYS, or
 *   with the error of a failed check, and has no effect.
 */
#include <linux/file.h>
#include <linux/sched/task_stack.h>
#include <linux/task_work.h>
#include <asm/syscall.h>
#include <asm/unistd.h>
#include <minos.h>

#include "compat.h"
#include "container.h"
#include "fdtable.h"
#include "file.h"
#include "syscalls.h"

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
	struct file *file;
	long ret = 0;

	file = minos_fd_get(&thread->ctr->fdt, regs->di, MINOS_WFD);
	if (IS_ERR(file))
		return PTR_ERR(file);
	if (size)
		ret = minos_file_write(file, buf, size);
	fput(file);
	return ret;
}

/* Minos calls, by number - MINOS_NR_BASE. */
static const struct minos_call minos_calls[MINOS_NR_LAST - MINOS_NR_BASE + 1] = {
	[MINOS_NR_WRITE - MINOS_NR_BASE] = { .run = minos_sys_write },
};

/* Linux-like calls, by Linux number; what is not here is not allowed. */
static const struct minos_linux_call minos_linux_calls[] = {
	[__NR_exit]		= { .allowed = true },
	[__NR_exit_group]	= { .allowed = true },
};

/* Runs the pending Minos call on the way back to user space. */
static void minos_call_work(struct callback_head *work)
{
	struct minos_thread *thread = container_of(work, struct minos_thread,
						   call_work);
	struct pt_regs *regs = current_pt_regs();
	long ret = thread->call->run(thread, regs);

	/*
	 * The call was skipped (orig_ax = -1), so Linux never restarts it:
	 * an interrupted wait must not leak a restart code to user space.
	 */
	if (ret >= -ERESTART_RESTARTBLOCK && ret <= -ERESTARTSYS)
		ret = -EINTR;
	regs->ax = ret;
}

static bool minos_call_queue(struct pt_regs *regs, const struct minos_call *call)
{
	struct minos_thread *thread = minos_thread_find(current);

	if (!thread)
		return false;
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
	long ret = -ENOSYS;

	if (in_ia32_syscall() || (nr & __X32_SYSCALL_BIT))
		goto refuse;

	if ((unsigned long)nr < ARRAY_SIZE(minos_linux_calls)) {
		linux_call = &minos_linux_calls[nr];
		if (!linux_call->allowed)
			goto refuse;
		if (linux_call->check) {
			ret = linux_call->check(regs);
			if (ret)
				goto refuse;
		}
		return;
	}

	if (nr > MINOS_NR_BASE && nr <= MINOS_NR_LAST) {
		call = &minos_calls[nr - MINOS_NR_BASE];
		if (call->run && minos_call_queue(regs, call))
			return;
	}
refuse:
	regs->orig_ax = -1;
	regs->ax = ret;
}
