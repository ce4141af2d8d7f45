/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Minos: cnew(), the birth of a child container.
 */
#ifndef _MINOS_SPAWN_H
#define _MINOS_SPAWN_H

#include <linux/ptrace.h>
#include <linux/refcount.h>
#include <linux/sched.h>

/*
 * Internal call numbers: a thread in the middle of a cnew() re-issues its
 * syscall instruction with these; for any other thread they are unknown.
 */
#define MINOS_NR_SPAWN_CLONE	0x44f0	/* the parent: becomes clone() */
#define MINOS_NR_SPAWN_EXEC	0x44f1	/* the child: becomes execveat() */

struct minos_arch;
struct minos_container;
struct minos_thread;

/**
 * struct minos_spawn - one cnew() on its way
 * @ref:      the parent's and, once forked, the child's
 * @child:    the new container; the creator's reference, until the parent
 *            links it into its children
 * @thread:   the child's thread state, until the fork hands it over
 * @code:     the code stream (a reference)
 * @arch:     the architecture of the code
 * @code_rfd: the code stream's descriptor in the parent
 * @saved:    the parent's argument registers, put back after the clone
 * @cloning:  the parent is inside the clone
 * @failed:   the child could not be given its state and was killed
 * @work:     the parent's clean-up after a failed clone
 */
struct minos_spawn {
	refcount_t ref;
	struct minos_container *child;
	struct minos_thread *thread;
	struct file *code;
	const struct minos_arch *arch;
	unsigned long code_rfd;
	unsigned long saved[6];
	bool cloning;
	bool failed;
	struct callback_head work;
};

long minos_spawn_prepare(struct minos_thread *thread, struct pt_regs *regs);
bool minos_spawn_clone(struct minos_thread *thread, struct pt_regs *regs);
void minos_spawn_forked(struct minos_thread *creator,
			struct task_struct *child);
bool minos_spawn_exec(struct minos_thread *thread, struct pt_regs *regs);
void minos_spawn_exit(struct minos_thread *thread, struct pt_regs *regs);
void minos_spawn_put(struct minos_spawn *spawn);
void minos_spawn_thread_gone(struct minos_thread *thread);

#endif /* _MINOS_SPAWN_H */
