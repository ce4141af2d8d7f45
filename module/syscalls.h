/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Minos: the system call table of a container.
 */
#ifndef _MINOS_SYSCALLS_H
#define _MINOS_SYSCALLS_H

#include <linux/ptrace.h>

struct minos_thread;

/**
 * struct minos_call - a Minos call (0x4401 ..)
 * @run: carries the call out in process context, may sleep; reads its
 *       arguments from @regs, returns rax and may set @regs->dx
 */
struct minos_call {
	long (*run)(struct minos_thread *thread, struct pt_regs *regs);
};

void minos_syscall_enter(struct pt_regs *regs, long nr);
void minos_syscall_exit(struct pt_regs *regs);

#endif /* _MINOS_SYSCALLS_H */
