/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Minos: containers, their tree, and their threads.
 */
#ifndef _MINOS_CONTAINER_H
#define _MINOS_CONTAINER_H

#include <linux/completion.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/refcount.h>
#include <linux/rhashtable-types.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

#include "fdtable.h"

struct minos_call;
struct minos_read_cache;
struct minos_spawn;
struct seq_file;

/**
 * struct minos_container - one Minos container (a Linux thread group)
 * @ref:           keeps the memory: one per thread, one for the creator or
 *                 the parent's list, one per temporary holder
 * @threads:       live threads; when the last exits, the container ends
 * @lock:          guards @dead against descriptors moved into @fdt
 * @dead:          the container has ended; its table is closed
 * @children_lock: guards @children, @next_cid and each child's @sibling
 * @children:      child containers, live or dead, that still hold a cid
 * @sibling:       in the parent's @children
 * @root:          in the list of first containers, when it has no parent
 * @cid:           the number the parent knows this container by
 * @next_cid:      the last cid given to a child (cids are never reused)
 * @pid:           the thread group, from its first thread on (a reference
 *                 kept with the memory: signalling an ended one does nothing)
 * @ended:         completed when the container has ended
 * @fdt:           the container's descriptors
 *
 * A container ends exactly once: when its last thread exits, or, for one
 * that never got a thread, when its creation is abandoned. The end closes
 * its descriptors and kills its children.
 */
struct minos_container {
	refcount_t ref;
	atomic_t threads;
	struct mutex lock;		/* @dead vs. moves into @fdt */
	bool dead;
	spinlock_t children_lock;	/* the tree: @children, @next_cid */
	struct list_head children;
	struct list_head sibling;
	struct list_head root;
	long cid;
	long next_cid;
	struct pid *pid;
	struct completion ended;
	struct minos_fdtable fdt;
};

/**
 * struct minos_thread - Minos state of one thread of a container
 * @node:      in the table of threads, keyed by @task
 * @task:      the thread; the entry is removed before the task is freed
 * @ctr:       its container (a counted reference)
 * @call_work: runs the pending Minos call (or a new child's start) in
 *             process context
 * @exit_work: tears this state down once the thread exits
 * @call:      the pending Minos call; written and read by @task only
 * @read_next: where the thread's next multi-read scan starts; @task only
 * @rcache:    the files of the thread's last multi-read; @task only
 * @restart:   Linux is to resume the thread's last call through
 *             restart_syscall, which it may then make once; @task only
 * @spare:     state reserved for the thread @task is creating; @task only
 * @spawn:     the cnew() @task is carrying out; @task only
 * @start:     how this new child container starts; @task only
 * @rcu:       frees the state after concurrent lookups are done
 *
 * Created when the thread starts as a container thread, freed when it
 * exits. Both works are preallocated because the probes that queue them
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
	struct minos_read_cache *rcache;
	bool restart;
	struct minos_thread *spare;
	struct minos_spawn *spawn;
	struct minos_spawn *start;
	struct rcu_head rcu;
};

struct minos_container *minos_container_create(void);
void minos_container_abandon(struct minos_container *ctr);
void minos_container_put(struct minos_container *ctr);
unsigned int minos_containers_live(void);

void minos_container_add_root(struct minos_container *ctr);
void minos_container_show(struct seq_file *m);
void minos_container_link_child(struct minos_container *parent,
				struct minos_container *child);
long minos_container_new_cid(struct minos_container *parent);
struct minos_container *minos_container_get_child(struct minos_container *parent,
						  long cid);
struct minos_container *minos_container_take_child(struct minos_container *parent,
						   long cid);
int minos_container_kill_wait(struct minos_container *ctr);
int minos_container_move_fd(struct minos_container *from, unsigned long fd,
			    enum minos_fd_type type, struct minos_container *to);

struct minos_thread *minos_thread_alloc(gfp_t gfp);
void minos_thread_free(struct minos_thread *thread);
int minos_thread_attach(struct minos_thread *thread,
			struct minos_container *ctr, struct task_struct *task);
void minos_thread_detach(struct minos_thread *thread);
struct minos_thread *minos_thread_find(struct task_struct *task);
int minos_thread_reserve(struct task_struct *task);
void minos_thread_forked(struct task_struct *parent, struct task_struct *child);
void minos_thread_exiting(struct task_struct *task);

int minos_container_init(void);
void minos_container_exit(void);

#endif /* _MINOS_CONTAINER_H */
