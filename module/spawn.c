// SPDX-License-Identifier: GPL-2.0
/*
 * Minos: cnew(), the birth of a child container.
 *
 * Linux itself creates the child, so that it inherits the parent's
 * credentials, cgroups, namespaces, rlimits and LSM labels by
 * construction; a clean exec through the Minos binary format then leaves
 * nothing of the parent in it. A module cannot call fork or exec, so the
 * tasks are steered into making those calls themselves:
 *
 * 1. cnew() runs as a Minos call (task_work, may sleep): it checks the
 *    arguments, creates the child container and its thread state, and
 *    rewinds the parent to issue its syscall instruction again, as
 *    MINOS_NR_SPAWN_CLONE.
 * 2. The sys_enter probe turns that into clone(CLONE_VM | CLONE_VFORK):
 *    no memory is copied, so the cost does not grow with the parent.
 * 3. The sched_process_fork probe gives the child its thread state and
 *    queues its start work, which runs before the child's first
 *    instruction: it installs the key file and rewinds the child to
 *    issue MINOS_NR_SPAWN_EXEC, which the probe turns into
 *    execveat(key, "", argv, NULL, AT_EMPTY_PATH).
 * 4. The binary format (image.c) recognises the child by its state and
 *    starts the container. The vfork parent resumes at the child's point
 *    of no return, before the code is read: a parent that writes the code
 *    after cnew() returns does not deadlock.
 * 5. The sys_exit probe of the parent's clone puts its registers back and
 *    returns the cid; orig_ax becomes cnew's number, so that a clone that
 *    Linux restarts re-issues cnew() from the start.
 *
 * A child that cannot be started is killed before its first instruction.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fcntl.h>
#include <linux/file.h>
#include <linux/sched/signal.h>
#include <linux/sched/task_stack.h>
#include <linux/slab.h>
#include <linux/task_work.h>
#include <asm/syscall.h>
#include <minos.h>

#include "arch.h"
#include "compat.h"
#include "container.h"
#include "image.h"
#include "spawn.h"

/* The child's exec arguments go this far below its stack pointer. */
#define MINOS_SPAWN_SCRATCH	256

/**
 * minos_spawn_put() - drop a reference to a cnew() in progress
 * @spawn: the cnew(); its child and thread must have been handed over
 *
 * Context: any.
 */
void minos_spawn_put(struct minos_spawn *spawn)
{
	if (!refcount_dec_and_test(&spawn->ref))
		return;
	fput(spawn->code);
	kfree(spawn);
}

/* The parent's side of a cnew() that will not happen. Sleeps. */
static void minos_spawn_drop(struct minos_spawn *spawn)
{
	if (spawn->child)
		minos_container_abandon(spawn->child);
	minos_thread_free(spawn->thread);
	minos_spawn_put(spawn);
}

static void minos_spawn_drop_work(struct callback_head *work)
{
	minos_spawn_drop(container_of(work, struct minos_spawn, work));
}

/**
 * minos_spawn_prepare() - cnew(code_rfd, arch, arch_len), first step
 * @thread: the calling thread
 * @regs:   rdi = code_rfd, rsi = arch, rdx = arch_len
 *
 * Return: %MINOS_NR_SPAWN_CLONE with the thread rewound to issue it; or
 * -%EINVAL when arch_len is not 1 .. %MINOS_ARCH_NAME_MAX; -%EFAULT when
 * arch cannot be read; -%ENOEXEC for an unknown architecture; -%EBADF when
 * code_rfd is not a read descriptor; -%ENOMEM.
 */
long minos_spawn_prepare(struct minos_thread *thread, struct pt_regs *regs)
{
	struct minos_container *ctr = thread->ctr;
	char name[MINOS_ARCH_NAME_MAX];
	const struct minos_arch *arch;
	struct minos_spawn *spawn;
	unsigned long len = regs->dx;
	long ret;

	if (!len || len > MINOS_ARCH_NAME_MAX)
		return -EINVAL;
	if (copy_from_user(name, (const char __user *)regs->si, len))
		return -EFAULT;
	arch = minos_arch_find(name, len);
	if (!arch)
		return -ENOEXEC;

	if (thread->spawn) {
		minos_spawn_drop(thread->spawn);
		thread->spawn = NULL;
	}
	spawn = kzalloc(sizeof(*spawn), GFP_KERNEL_ACCOUNT);
	if (!spawn)
		return -ENOMEM;
	refcount_set(&spawn->ref, 1);
	spawn->arch = arch;
	spawn->code_rfd = regs->di;
	spawn->code = minos_fd_get(&ctr->fdt, spawn->code_rfd, MINOS_RFD);
	if (IS_ERR(spawn->code)) {
		ret = PTR_ERR(spawn->code);
		kfree(spawn);
		return ret;
	}
	spawn->thread = minos_thread_alloc(GFP_KERNEL);
	if (!spawn->thread) {
		ret = -ENOMEM;
		goto err;
	}
	spawn->child = minos_container_create();
	if (IS_ERR(spawn->child)) {
		ret = PTR_ERR(spawn->child);
		spawn->child = NULL;
		goto err;
	}
	spawn->child->cid = minos_container_new_cid(ctr);

	thread->spawn = spawn;
	regs->ip -= 2;		/* the syscall instruction, once more */
	return MINOS_NR_SPAWN_CLONE;

err:
	minos_spawn_drop(spawn);
	return ret;
}

/**
 * minos_spawn_clone() - turn the parent's MINOS_NR_SPAWN_CLONE into clone()
 * @thread: the calling thread
 * @regs:   its registers
 *
 * Context: the sys_enter probe; atomic.
 * Return: true when Linux is to run the clone, false when the thread has no
 * cnew() to carry out.
 */
bool minos_spawn_clone(struct minos_thread *thread, struct pt_regs *regs)
{
	struct minos_spawn *spawn = thread->spawn;

	if (!spawn || spawn->cloning)
		return false;
	syscall_get_arguments(current, regs, spawn->saved);
	spawn->cloning = true;
	regs->orig_ax = __NR_clone;
	regs->di = CLONE_VM | CLONE_VFORK | SIGCHLD;
	regs->si = 0;		/* same stack: the parent waits */
	regs->dx = 0;
	regs->r10 = 0;
	regs->r8 = 0;
	return true;
}

/*
 * The child's first work, before its first instruction: make it issue
 * execveat(key, "", {"", NULL}, NULL, AT_EMPTY_PATH) from the syscall
 * instruction it came out of. The strings go below the red zone of the
 * parent's stack, which is scratch while the parent waits for the vfork.
 */
static void minos_spawn_start_work(struct callback_head *work)
{
	struct pt_regs *regs = current_pt_regs();
	struct {
		unsigned long argv[2];
		char empty[16];
	} frame = {};
	unsigned long sp;
	u16 insn;
	int key;

	if (get_user(insn, (u16 __user *)(regs->ip - 2)) || insn != 0x050f)
		goto kill;
	key = minos_image_install_key();
	if (key < 0)
		goto kill;
	sp = (regs->sp - MINOS_SPAWN_SCRATCH - sizeof(frame)) & ~15UL;
	frame.argv[0] = sp + offsetof(typeof(frame), empty);
	if (copy_to_user((void __user *)sp, &frame, sizeof(frame)))
		goto kill;

	regs->di = key;
	regs->si = frame.argv[0];
	regs->dx = sp;
	regs->r10 = 0;
	regs->r8 = AT_EMPTY_PATH;
	regs->ip -= 2;
	regs->ax = MINOS_NR_SPAWN_EXEC;
	return;
kill:
	force_sig(SIGKILL);
}

/**
 * minos_spawn_forked() - the parent's clone created the child process
 * @creator: the parent's thread
 * @child:   the child, which has not run yet
 *
 * Context: the sched_process_fork probe; atomic.
 */
void minos_spawn_forked(struct minos_thread *creator, struct task_struct *child)
{
	struct minos_spawn *spawn = creator->spawn;
	struct minos_thread *thread;

	/* A container creates processes only through cnew(). */
	if (!spawn || !spawn->cloning || !spawn->thread)
		goto kill;
	thread = spawn->thread;
	spawn->thread = NULL;
	if (minos_thread_attach(thread, spawn->child, child)) {
		/* The child container never got a thread: the parent drops it. */
		spawn->failed = true;
		goto kill;
	}
	refcount_inc(&spawn->ref);
	thread->start = spawn;
	init_task_work(&thread->call_work, minos_spawn_start_work);
	/* Cannot fail on a task that has not run; killing it ends the child. */
	if (!task_work_add(child, &thread->call_work, MINOS_TWA_SIGNAL))
		return;
kill:
	pr_warn_ratelimited("cannot start a child container\n");
	send_sig(SIGKILL, child, 1);
}

/**
 * minos_spawn_exec() - turn the child's MINOS_NR_SPAWN_EXEC into execveat()
 * @thread: the calling thread
 * @regs:   its registers, prepared by the start work
 *
 * Context: the sys_enter probe; atomic.
 * Return: true when Linux is to run the exec.
 */
bool minos_spawn_exec(struct minos_thread *thread, struct pt_regs *regs)
{
	if (!thread->start)
		return false;
	regs->orig_ax = __NR_execveat;
	return true;
}

/**
 * minos_spawn_exit() - a container thread returns from clone or execveat
 * @thread: the thread
 * @regs:   its registers, rax holding the result
 *
 * For the parent of a cnew(): put the registers back and return the cid,
 * or the error. For a child whose exec failed before its point of no
 * return: kill it, rather than let it run on in its parent's code.
 *
 * Context: the sys_exit probe; atomic.
 */
void minos_spawn_exit(struct minos_thread *thread, struct pt_regs *regs)
{
	struct minos_spawn *spawn = thread->spawn;
	long ret = regs->ax;
	struct file *code;

	if (thread->start && regs->orig_ax == __NR_execveat) {
		force_sig(SIGKILL);
		return;
	}
	if (!spawn || !spawn->cloning)
		return;

	thread->spawn = NULL;
	regs->di = spawn->saved[0];
	regs->si = spawn->saved[1];
	regs->dx = spawn->saved[2];
	regs->r10 = spawn->saved[3];
	regs->r8 = spawn->saved[4];
	regs->r9 = spawn->saved[5];
	regs->orig_ax = MINOS_NR_CNEW;

	if (ret > 0 && !spawn->failed) {
		/*
		 * The code stream moves into the kernel: the child has it.
		 * Should another thread have closed it meanwhile, a new
		 * descriptor under the same number is left alone.
		 */
		code = minos_fd_remove_file(&thread->ctr->fdt, spawn->code_rfd,
					    MINOS_RFD, spawn->code);
		if (!IS_ERR(code))
			fput(code);
		regs->ax = spawn->child->cid;
		minos_container_link_child(thread->ctr, spawn->child);
		spawn->child = NULL;
		minos_spawn_put(spawn);
		return;
	}

	/* Failed: the error stays in rax; clean up where we may sleep. */
	if (ret > 0)
		regs->ax = -ENOMEM;
	init_task_work(&spawn->work, minos_spawn_drop_work);
	if (task_work_add(current, &spawn->work, MINOS_TWA_SIGNAL))
		pr_warn_once("leaking a failed cnew\n");
}

/**
 * minos_spawn_thread_gone() - a thread's state is being freed
 * @thread: the state
 *
 * Drops what the thread held of a cnew() in progress.
 *
 * Context: process context, may sleep.
 */
void minos_spawn_thread_gone(struct minos_thread *thread)
{
	if (thread->spawn)
		minos_spawn_drop(thread->spawn);
	if (thread->start)
		minos_spawn_put(thread->start);
}
