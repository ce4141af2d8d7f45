/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Minos: containers and their threads.
 */
#ifndef _MINOS_CONTAINER_H
#define _MINOS_CONTAINER_H

#include <linux/refcount.h>
#include <linux/rhashtable-types.h>
#include <linux/sched.h>

#include "fdtable.h"

struct minos_call;

/**
 * struct minos_container - one Minos container (a Linux thread group)
 * @ref: one reference per thread state and per other holder; the last
 *       put closes the descriptors and releases the probes and the module
 * @fdt: the container's descriptors
 */
struct minos_container {
	refcount_t ref;
	struct minos_fdtable fdt;
};

/**
 * struct minos_thread - Minos state of one thread of a container
 * @node:      in the table of threads, keyed by @task
 * @task:      the thread; the entry is removed before the task is freed
 * @ctr:       its container (a counted reference)
 * @call_work: runs the pending Minos call in process context
 * @exit_work: tears this state down once the thread exits
 * @call:      the pending Minos call; written and read by @task only
 * @read_next: where the thread's next multi-read scan starts; @task only
 * @spare:     state reserved for the thread @task is creating; @task only
 * @rcu:       frees the state after concurrent lookups are done
 *
 * Created when the thread starts as a container thread, freed when it
 * exits. Both works are preallocated because the probe that queues them
 * may not allocate.
 */
struct minos_thread {
	struct rhash_head node;
	struct task_struct *task;
	struct minos_container *ctr;
	struct callback_head call_work;
	struct callback_head exit_work;
	const struct minos_call *call;
	unsigned int read_next;
	struct minos_thread *spare;
	struct rcu_head rcu;
};

struct minos_container *minos_container_create(void);
void minos_container_put(struct minos_container *ctr);
unsigned int minos_containers_live(void);

struct minos_thread *minos_thread_attach(struct minos_container *ctr,
					 struct task_struct *task);
void minos_thread_detach(struct minos_thread *thread);
int minos_thread_reserve(struct task_struct *task);
void minos_thread_forked(struct task_struct *parent, struct task_struct *child);
struct minos_thread *minos_thread_find(struct task_struct *task);
void minos_thread_exiting(struct task_struct *task);

int minos_container_init(void);
void minos_container_exit(void);

#endif /* _MINOS_CONTAINER_H */
