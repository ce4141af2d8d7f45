// SPDX-License-Identifier: GPL-2.0
/*
 * Minos: containers and their threads.
 *
 * A container lives as long as one of its threads does (or something else
 * holds a reference). Each live container holds a reference to the module,
 * so that rmmod cannot pull the code from under it, and a reference to the
 * probes, so that they are registered exactly while containers exist.
 *
 * The per-thread state is found from the task pointer in an rhashtable:
 * lookups are lock-free and work in the atomic context of the probes.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/rhashtable.h>
#include <linux/slab.h>
#include <linux/task_work.h>

#include "compat.h"
#include "container.h"
#include "personality.h"

static const struct rhashtable_params minos_thread_params = {
	.key_len = sizeof(struct task_struct *),
	.key_offset = offsetof(struct minos_thread, task),
	.head_offset = offsetof(struct minos_thread, node),
	.automatic_shrinking = true,
};

static struct rhashtable minos_threads;
static atomic_t minos_live = ATOMIC_INIT(0);

/**
 * minos_container_create() - a new, empty container
 *
 * Takes a module reference and a probe reference for the container's
 * lifetime. The caller must already hold a module reference (it runs
 * module code).
 *
 * Context: process context, may sleep.
 * Return: the container with one reference, or an ERR_PTR().
 */
struct minos_container *minos_container_create(void)
{
	struct minos_container *ctr;
	int ret;

	ctr = kzalloc(sizeof(*ctr), GFP_KERNEL_ACCOUNT);
	if (!ctr)
		return ERR_PTR(-ENOMEM);
	ret = minos_probes_get();
	if (ret) {
		kfree(ctr);
		return ERR_PTR(ret);
	}
	refcount_set(&ctr->ref, 1);
	minos_fdtable_init(&ctr->fdt);
	__module_get(THIS_MODULE);
	atomic_inc(&minos_live);
	return ctr;
}

/**
 * minos_container_put() - drop a reference; the last one ends the container
 * @ctr: the container
 *
 * The end closes every descriptor, so peers see end of stream or -EPIPE.
 *
 * Context: process context, may sleep.
 */
void minos_container_put(struct minos_container *ctr)
{
	might_sleep();
	if (!refcount_dec_and_test(&ctr->ref))
		return;
	minos_fdtable_release(&ctr->fdt);
	kfree(ctr);
	atomic_dec(&minos_live);
	minos_probes_put();
	/*
	 * Last: after this, rmmod may proceed, and only the return to our
	 * caller is left to run in module text.
	 */
	module_put(THIS_MODULE);
}

/**
 * minos_containers_live() - how many containers exist
 */
unsigned int minos_containers_live(void)
{
	return atomic_read(&minos_live);
}

static void minos_thread_exit_work(struct callback_head *work)
{
	minos_thread_detach(container_of(work, struct minos_thread,
					 exit_work));
}

/**
 * minos_thread_attach() - give @task Minos thread state in @ctr
 * @ctr:  the container; the new state takes a reference of its own
 * @task: the thread, which must not have state yet
 *
 * Context: process context, may sleep.
 * Return: the state, or an ERR_PTR().
 */
struct minos_thread *minos_thread_attach(struct minos_container *ctr,
					 struct task_struct *task)
{
	struct minos_thread *thread;
	int ret;

	thread = kzalloc(sizeof(*thread), GFP_KERNEL_ACCOUNT);
	if (!thread)
		return ERR_PTR(-ENOMEM);
	thread->task = task;
	thread->ctr = ctr;
	init_task_work(&thread->exit_work, minos_thread_exit_work);
	ret = rhashtable_lookup_insert_fast(&minos_threads, &thread->node,
					    minos_thread_params);
	if (ret) {
		kfree(thread);
		return ERR_PTR(ret);
	}
	refcount_inc(&ctr->ref);
	return thread;
}

/**
 * minos_thread_reserve() - make sure @task can give state to a new thread
 * @task: a container thread about to clone (current)
 *
 * Called before Linux runs clone: the new thread's state is allocated here,
 * where a failure can still refuse the call with no effect, and handed over
 * in minos_thread_forked().
 *
 * Context: the sys_enter probe; atomic, does not sleep.
 * Return: 0, or -%ENOMEM.
 */
int minos_thread_reserve(struct task_struct *task)
{
	struct minos_thread *thread = minos_thread_find(task);

	if (!thread || thread->spare)
		return 0;
	thread->spare = kzalloc(sizeof(*thread->spare),
				GFP_NOWAIT | __GFP_ACCOUNT | __GFP_NOWARN);
	return thread->spare ? 0 : -ENOMEM;
}

/**
 * minos_thread_forked() - a container thread created a thread
 * @parent: the creator (current)
 * @child:  the new thread, which has not run yet
 *
 * Gives @child the state @parent reserved, before its first instruction.
 * Should that fail (the thread table cannot grow in atomic context), the
 * container is killed: a thread without state could not make Minos calls.
 *
 * Context: the sched_process_fork probe; atomic.
 */
void minos_thread_forked(struct task_struct *parent, struct task_struct *child)
{
	struct minos_thread *creator = minos_thread_find(parent);
	struct minos_thread *thread;

	if (!creator)
		return;
	thread = creator->spare;
	creator->spare = NULL;
	if (!thread)
		goto kill;
	thread->task = child;
	thread->ctr = creator->ctr;
	init_task_work(&thread->exit_work, minos_thread_exit_work);
	if (rhashtable_lookup_insert_fast(&minos_threads, &thread->node,
					  minos_thread_params)) {
		kfree(thread);
		goto kill;
	}
	refcount_inc(&thread->ctr->ref);
	return;
kill:
	pr_warn_ratelimited("no memory for a container thread, killing it\n");
	send_sig(SIGKILL, child, 1);
}

/**
 * minos_thread_detach() - remove and free a thread's state
 * @thread: the state; its container reference is dropped
 *
 * Context: process context, may sleep.
 */
void minos_thread_detach(struct minos_thread *thread)
{
	struct minos_container *ctr = thread->ctr;

	rhashtable_remove_fast(&minos_threads, &thread->node,
			       minos_thread_params);
	kfree(thread->spare);
	kfree_rcu(thread, rcu);
	minos_container_put(ctr);
}

/**
 * minos_thread_find() - the Minos state of @task
 * @task: any task
 *
 * Context: any. The result stays valid while @task cannot exit (for
 * example when @task is current).
 * Return: the state, or NULL when @task is not a container thread.
 */
struct minos_thread *minos_thread_find(struct task_struct *task)
{
	return rhashtable_lookup_fast(&minos_threads, &task, minos_thread_params);
}

/**
 * minos_thread_exiting() - a marked thread is exiting
 * @task: the thread (current)
 *
 * Called from the sched_process_exit probe, in atomic context: queue the
 * teardown, which runs from exit_task_work() a little later, in process
 * context, after the thread's files are gone.
 */
void minos_thread_exiting(struct task_struct *task)
{
	struct minos_thread *thread = minos_thread_find(task);

	if (thread && task_work_add(task, &thread->exit_work, MINOS_TWA_NONE))
		pr_warn_once("cannot queue the end of a container thread\n");
}

int minos_container_init(void)
{
	return rhashtable_init(&minos_threads, &minos_thread_params);
}

void minos_container_exit(void)
{
	/* Every container holds a module reference: none can be left. */
	rhashtable_destroy(&minos_threads);
}
