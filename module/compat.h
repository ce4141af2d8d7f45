/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Minos: every difference between the kernel versions Minos builds against
 * lives here and nowhere else. Tested on Debian's 6.12 kernels.
 */
#ifndef _MINOS_COMPAT_H
#define _MINOS_COMPAT_H

#include <linux/task_work.h>

/*
 * The probes run with preemption disabled and take spinlocks, try-lock
 * mutexes and allocate with GFP_NOWAIT: all sleeping locks on PREEMPT_RT.
 */
#ifdef CONFIG_PREEMPT_RT
#error "Minos does not support PREEMPT_RT kernels"
#endif

/*
 * Work queued from a tracepoint probe must not allocate: 6.11 added a flag
 * that keeps KASAN from recording a stack (which allocates) in task_work_add.
 */
#ifdef TWAF_NO_ALLOC
#define MINOS_TWA_SIGNAL	(TWA_SIGNAL | TWAF_NO_ALLOC)
#define MINOS_TWA_NONE		(TWA_NONE | TWAF_NO_ALLOC)
#else
#define MINOS_TWA_SIGNAL	TWA_SIGNAL
#define MINOS_TWA_NONE		TWA_NONE
#endif

#endif /* _MINOS_COMPAT_H */
