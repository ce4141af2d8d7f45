// SPDX-License-Identifier: GPL-2.0
/*
 * Minos: containers, their tree, and their threads.
 *
 * A container is a Linux thread group. It ends when its last thread exits:
 * the end closes its descriptors (so its peers see end of stream or
 * -EPIPE) and kills its children, who in turn kill theirs. Its memory stays
 * while something refers to it: a dead child keeps its cid in the parent's
 * list until ckill() releases it.
 *
 * Each container holds a module reference for as long as its memory lives,
 * so that rmmod cannot pull the code from under it, and, until it ends, a
 * reference to the probes, so that they are registered exactly while live
 * containers exist.
 *
 * Per-thread state is found from the task pointer in an rhashtable: lookups
 * are lock-free and work in the atomic context of the probes.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/file.h>
#include <linux/module.h>
#include <linux/pid.h>
#include <linux/rhashtable.h>
#include <linux/sched/signal.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/task_work.h>

#include "compat.h"
#include "container.h"
#include "personality.h"
#include "spawn.h"

static const struct rhashtable_params minos_thread_params = {
	.key_len = sizeof(struct task_struct *),
	.key_offset = offsetof(struct minos_thread, task),
	.head_offset = offsetof(struct minos_thread, node),
	.automatic_shrinking = true,
};

static struct rhashtable minos_threads;
static atomic_t minos_live = ATOMIC_INIT(0);

/* Own caches, unmerged: /proc/slabinfo shows what containers hold. */
static struct kmem_cache *minos_container_cache;
static struct kmem_cache *minos_thread_cache;

/* First containers (those with no parent), for the debugfs view. */
static LIST_HEAD(minos_roots);
static DEFINE_SPINLOCK(minos_roots_lock);	/* guards minos_roots */

/**
 * minos_container_create() - a new container, with no thread yet
 *
 * The caller holds the one reference, and must either give the container a
 * thread (minos_thread_attach()) or abandon it. The caller must already
 * hold a module reference (it runs module code).
 *
 * Context: process context, may sleep.
 * Return: the container, or an ERR_PTR().
 */
struct minos_container *minos_container_create(void)
{
	struct minos_container *ctr;
	int ret;

	ctr = kmem_cache_zalloc(minos_container_cache, GFP_KERNEL_ACCOUNT);
	if (!ctr)
		return ERR_PTR(-ENOMEM);
	ret = minos_probes_get();
	if (ret) {
		kmem_cache_free(minos_container_cache, ctr);
		return ERR_PTR(ret);
	}
	refcount_set(&ctr->ref, 1);
	mutex_init(&ctr->lock);
	spin_lock_init(&ctr->children_lock);
	INIT_LIST_HEAD(&ctr->children);
	INIT_LIST_HEAD(&ctr->sibling);
	INIT_LIST_HEAD(&ctr->root);
	init_completion(&ctr->ended);
	minos_fdtable_init(&ctr->fdt);
	__module_get(THIS_MODULE);
	atomic_inc(&minos_live);
	return ctr;
}

/**
 * minos_container_put() - drop a reference to a container's memory
 * @ctr: the container, which has ended if this is the last reference
 *
 * Context: any.
 */
void minos_container_put(struct minos_container *ctr)
{
	if (!refcount_dec_and_test(&ctr->ref))
		return;
	WARN_ON_ONCE(!ctr->dead);
	put_pid(ctr->pid);
	spin_lock(&minos_roots_lock);
	list_del(&ctr->root);
	spin_unlock(&minos_roots_lock);
	kmem_cache_free(minos_container_cache, ctr);
	/*
	 * Last: after this, rmmod may proceed, and only the return to our
	 * caller is left to run in module text.
	 */
	module_put(THIS_MODULE);
}

/* The end of a container: runs once, in process context. */
static void minos_container_end(struct minos_container *ctr)
{
	struct minos_container *child, *tmp;
	LIST_HEAD(children);

	mutex_lock(&ctr->lock);
	ctr->dead = true;
	mutex_unlock(&ctr->lock);

	/*
	 * Children first: a child still reading its code stream must die
	 * before the stream ends, rather than start truncated code.
	 */
	spin_lock(&ctr->children_lock);
	list_splice_init(&ctr->children, &children);
	spin_unlock(&ctr->children_lock);
	list_for_each_entry_safe(child, tmp, &children, sibling) {
		list_del_init(&child->sibling);
		if (child->pid)
			kill_pid(child->pid, SIGKILL, 1);
		minos_container_put(child);
	}
	minos_fdtable_release(&ctr->fdt);

	complete_all(&ctr->ended);
	atomic_dec(&minos_live);
	minos_probes_put();
}

/**
 * minos_container_abandon() - end and release a container that never ran
 * @ctr: the container; the caller's reference is dropped
 *
 * Context: process context, may sleep.
 */
void minos_container_abandon(struct minos_container *ctr)
{
	WARN_ON_ONCE(atomic_read(&ctr->threads));
	minos_container_end(ctr);
	minos_container_put(ctr);
}

/**
 * minos_containers_live() - how many containers exist and have not ended
 */
unsigned int minos_containers_live(void)
{
	return atomic_read(&minos_live);
}

/**
 * minos_container_new_cid() - the next cid of @parent
 * @parent: the container creating a child
 *
 * Return: a positive number @parent never got before.
 */
long minos_container_new_cid(struct minos_container *parent)
{
	long cid;

	spin_lock(&parent->children_lock);
	cid = ++parent->next_cid;
	spin_unlock(&parent->children_lock);
	return cid;
}

/**
 * minos_container_add_root() - list a first container for the debugfs view
 * @ctr: a container with no parent
 */
void minos_container_add_root(struct minos_container *ctr)
{
	spin_lock(&minos_roots_lock);
	list_add_tail(&ctr->root, &minos_roots);
	spin_unlock(&minos_roots_lock);
}

/* The view recurses, and lockdep nests at most 8 levels of one lock. */
#define MINOS_SHOW_DEPTH	8

static void minos_container_show_one(struct seq_file *m,
				     struct minos_container *ctr, int depth)
{
	struct minos_container *child;
	unsigned long fd;
	void *entry;

	seq_printf(m, "%*scontainer cid %ld pid %d threads %d%s\n", 2 * depth,
		   "", ctr->cid, pid_vnr(ctr->pid), atomic_read(&ctr->threads),
		   ctr->dead ? " dead" : "");
	xa_lock(&ctr->fdt.xa);
	xa_for_each(&ctr->fdt.xa, fd, entry) {
		seq_printf(m, "%*s%s %lu: %pD\n", 2 * depth + 2, "",
			   xa_pointer_tag(entry) == MINOS_RFD ? "rfd" : "wfd",
			   fd, xa_untag_pointer(entry));
	}
	xa_unlock(&ctr->fdt.xa);
	spin_lock_nested(&ctr->children_lock, depth);
	list_for_each_entry(child, &ctr->children, sibling) {
		if (depth + 1 < MINOS_SHOW_DEPTH) {
			minos_container_show_one(m, child, depth + 1);
			continue;
		}
		seq_printf(m, "%*s(deeper containers not shown)\n",
			   2 * depth + 2, "");
		break;
	}
	spin_unlock(&ctr->children_lock);
}

/**
 * minos_container_show() - print every container tree with its descriptors
 * @m: the debugfs file
 *
 * Context: process context; takes spinlocks down the tree.
 */
void minos_container_show(struct seq_file *m)
{
	struct minos_container *ctr;

	seq_printf(m, "live containers: %d\n", atomic_read(&minos_live));
	spin_lock(&minos_roots_lock);
	list_for_each_entry(ctr, &minos_roots, root)
		minos_container_show_one(m, ctr, 0);
	spin_unlock(&minos_roots_lock);
}

/**
 * minos_container_link_child() - make @child known to @parent by its cid
 * @parent: the parent
 * @child:  the child, whose @cid is set; the caller's reference moves to
 *          the parent's list
 *
 * Context: any; takes a spinlock.
 */
void minos_container_link_child(struct minos_container *parent,
				struct minos_container *child)
{
	spin_lock(&parent->children_lock);
	list_add_tail(&child->sibling, &parent->children);
	spin_unlock(&parent->children_lock);
}

static struct minos_container *minos_container_find_child(struct minos_container *parent,
							  long cid)
{
	struct minos_container *child;

	lockdep_assert_held(&parent->children_lock);
	list_for_each_entry(child, &parent->children, sibling) {
		if (child->cid == cid)
			return child;
	}
	return NULL;
}

/**
 * minos_container_get_child() - a child of @parent by cid
 * @parent: the parent
 * @cid:    the cid, as the container passed it
 *
 * Return: the child with a new reference (put it), dead or live, or NULL
 * when @parent has no child with that cid.
 */
struct minos_container *minos_container_get_child(struct minos_container *parent,
						  long cid)
{
	struct minos_container *child;

	spin_lock(&parent->children_lock);
	child = minos_container_find_child(parent, cid);
	if (child)
		refcount_inc(&child->ref);
	spin_unlock(&parent->children_lock);
	return child;
}

/**
 * minos_container_take_child() - release a cid of @parent
 * @parent: the parent
 * @cid:    the cid
 *
 * Return: the child, with the reference the list held, or NULL.
 */
struct minos_container *minos_container_take_child(struct minos_container *parent,
						   long cid)
{
	struct minos_container *child;

	spin_lock(&parent->children_lock);
	child = minos_container_find_child(parent, cid);
	if (child)
		list_del_init(&child->sibling);
	spin_unlock(&parent->children_lock);
	return child;
}

/**
 * minos_container_kill_wait() - kill a container and wait for its end
 * @ctr: the container
 *
 * Its children are killed by its end. When this returns 0, @ctr has ended
 * and its descriptors are closed.
 *
 * Context: process context, sleeps.
 * Return: 0, or -%EINTR when the caller is being killed.
 */
int minos_container_kill_wait(struct minos_container *ctr)
{
	kill_pid(ctr->pid, SIGKILL, 1);
	if (wait_for_completion_state(&ctr->ended,
				      TASK_KILLABLE | TASK_FREEZABLE))
		return -EINTR;
	return 0;
}

/* RLIMIT_NOFILE of a container, read from its thread group. */
static unsigned long minos_container_nofile(struct minos_container *ctr)
{
	struct task_struct *task;
	unsigned long limit = 0;

	rcu_read_lock();
	task = pid_task(ctr->pid, PIDTYPE_TGID);
	if (task)
		limit = task_rlimit(task, RLIMIT_NOFILE);
	rcu_read_unlock();
	return limit;
}

/**
 * minos_container_move_fd() - move a descriptor into a child
 * @from: the caller's container
 * @fd:   the descriptor, as the container passed it
 * @type: the type the call expects it to be
 * @to:   the child
 *
 * The descriptor leaves @from and takes the lowest free number in @to.
 * On failure it stays in @from, under its number.
 *
 * Context: process context, may sleep.
 * Return: the number in @to; -%ESRCH when @to has ended; -%EBADF when @fd
 * is not a descriptor of type @type; -%EMFILE when @to has no room.
 */
int minos_container_move_fd(struct minos_container *from, unsigned long fd,
			    enum minos_fd_type type, struct minos_container *to)
{
	struct file *file, *moved;
	int ret;

	/* Under to->lock, @to cannot end, so its table stays. */
	mutex_lock(&to->lock);
	ret = -ESRCH;
	if (to->dead)
		goto out;
	file = minos_fd_get(&from->fdt, fd, type);
	ret = PTR_ERR(file);
	if (IS_ERR(file))
		goto out;
	ret = minos_fd_install(&to->fdt, file, type,
			       minos_container_nofile(to));
	if (ret < 0) {
		fput(file);
		goto out;
	}
	/*
	 * Installed under a reference of its own: now drop the caller's.
	 * Should another thread of the caller have closed or moved it in
	 * the meantime, the move stands all the same: taking it back out of
	 * the child is not safe (a lone child uses its table without file
	 * references), and no descriptor is lost or duplicated.
	 */
	moved = minos_fd_remove_file(&from->fdt, fd, type, file);
	if (!IS_ERR(moved))
		fput(moved);
out:
	mutex_unlock(&to->lock);
	return ret;
}

static void minos_thread_exit_work(struct callback_head *work)
{
	minos_thread_detach(container_of(work, struct minos_thread,
					 exit_work));
}

/**
 * minos_thread_alloc() - thread state, not attached yet
 * @gfp: allocation flags; charged to the caller's memory cgroup
 *
 * Return: the state, or NULL.
 */
struct minos_thread *minos_thread_alloc(gfp_t gfp)
{
	return kmem_cache_zalloc(minos_thread_cache, gfp | __GFP_ACCOUNT);
}

/**
 * minos_thread_free() - free thread state that was never attached
 * @thread: the state, or NULL
 */
void minos_thread_free(struct minos_thread *thread)
{
	if (thread)
		kmem_cache_free(minos_thread_cache, thread);
}

static void minos_thread_free_rcu(struct rcu_head *rcu)
{
	minos_thread_free(container_of(rcu, struct minos_thread, rcu));
}

/**
 * minos_thread_attach() - give @task the Minos thread state @thread in @ctr
 * @thread: from minos_thread_alloc(); freed on failure
 * @ctr:    the container; the thread takes a reference of its own
 * @task:   the thread, which must not have state yet
 *
 * Context: any (the table grows in atomic context if it must).
 * Return: 0, or a negative errno.
 */
int minos_thread_attach(struct minos_thread *thread,
			struct minos_container *ctr, struct task_struct *task)
{
	int ret;

	thread->task = task;
	thread->ctr = ctr;
	init_task_work(&thread->exit_work, minos_thread_exit_work);
	ret = rhashtable_lookup_insert_fast(&minos_threads, &thread->node,
					    minos_thread_params);
	if (ret) {
		minos_thread_free(thread);
		return ret;
	}
	refcount_inc(&ctr->ref);
	if (atomic_inc_return(&ctr->threads) == 1)
		ctr->pid = get_pid(task_tgid(task));
	return 0;
}

/**
 * minos_thread_detach() - remove and free a thread's state
 * @thread: the state; its container reference is dropped, and the
 *          container ends if this was its last thread
 *
 * Context: process context, may sleep.
 */
void minos_thread_detach(struct minos_thread *thread)
{
	struct minos_container *ctr = thread->ctr;

	rhashtable_remove_fast(&minos_threads, &thread->node,
			       minos_thread_params);
	minos_thread_free(thread->spare);
	kfree(thread->rcache);
	minos_spawn_thread_gone(thread);
	call_rcu(&thread->rcu, minos_thread_free_rcu);
	if (atomic_dec_and_test(&ctr->threads))
		minos_container_end(ctr);
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
	thread->spare = minos_thread_alloc(GFP_NOWAIT | __GFP_NOWARN);
	return thread->spare ? 0 : -ENOMEM;
}

/**
 * minos_thread_forked() - a container thread created a task
 * @parent: the creator (current)
 * @child:  the new task, which has not run yet
 *
 * A new thread gets the state @parent reserved, before its first
 * instruction. Should that fail (the thread table cannot grow in atomic
 * context), the container is killed: a thread without state could not make
 * Minos calls. A new process is the child container of a cnew().
 *
 * Context: the sched_process_fork probe; atomic.
 */
void minos_thread_forked(struct task_struct *parent, struct task_struct *child)
{
	struct minos_thread *creator = minos_thread_find(parent);
	struct minos_thread *thread;

	if (!creator)
		return;
	if (!same_thread_group(parent, child)) {
		minos_spawn_forked(creator, child);
		return;
	}
	thread = creator->spare;
	creator->spare = NULL;
	if (thread && !minos_thread_attach(thread, creator->ctr, child))
		return;
	pr_warn_ratelimited("no memory for a container thread, killing it\n");
	send_sig(SIGKILL, child, 1);
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
	int ret;

	minos_container_cache = KMEM_CACHE(minos_container,
					   SLAB_ACCOUNT | SLAB_NO_MERGE);
	minos_thread_cache = KMEM_CACHE(minos_thread,
					SLAB_ACCOUNT | SLAB_NO_MERGE);
	ret = -ENOMEM;
	if (!minos_container_cache || !minos_thread_cache)
		goto err;
	ret = rhashtable_init(&minos_threads, &minos_thread_params);
	if (ret)
		goto err;
	return 0;
err:
	kmem_cache_destroy(minos_thread_cache);
	kmem_cache_destroy(minos_container_cache);
	return ret;
}

void minos_container_exit(void)
{
	/* Every container holds a module reference: none can be left. */
	rhashtable_destroy(&minos_threads);
	rcu_barrier();	/* thread states freed after a grace period */
	kmem_cache_destroy(minos_thread_cache);
	kmem_cache_destroy(minos_container_cache);
}
