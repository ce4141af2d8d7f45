/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Minos: the personality mark and the tracepoint probes that route a marked
 * task's system calls.
 */
#ifndef _MINOS_PERSONALITY_H
#define _MINOS_PERSONALITY_H

#include <linux/personality.h>
#include <linux/sched.h>
#include <minos.h>

/**
 * minos_task_marked() - is @task a Minos container?
 * @task: any task
 *
 * A task is a container when the low byte of its personality is
 * %PER_MINOS. Only the Minos binary format sets it.
 */
static inline bool minos_task_marked(const struct task_struct *task)
{
	return (READ_ONCE(task->personality) & PER_MASK) == PER_MINOS;
}

void minos_mark_current(void);
int minos_probes_get(void);
void minos_probes_put(void);
bool minos_probes_active(void);

int minos_personality_init(void);
void minos_personality_exit(void);

#endif /* _MINOS_PERSONALITY_H */
