// SPDX-License-Identifier: GPL-2.0
/*
 * Minos: the personality mark and the tracepoint probes.
 *
 * A container's system calls are seen by a probe on the sys_enter
 * tracepoint (and, for cnew(), on sys_exit), its new tasks by one on
 * sched_process_fork and its threads' ends by one on sched_process_exit.
 * Neither tracepoint is exported, so they are found by name. Registering a
 * sys_enter probe makes every task in the system take the slow syscall
 * entry path, so the probes are registered only while at least one
 * container exists: the first container takes them, the last one's end
 * drops them. While they are registered, and Minos is the only user of the
 * syscall tracepoints, unmarked tasks are taken off the slow path again
 * (see minos_unmark_others()).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/mutex.h>
#include <linux/tracepoint.h>

#include "container.h"
#include "personality.h"
#include "syscalls.h"

static struct tracepoint *tp_sys_enter;
static struct tracepoint *tp_sys_exit;
static struct tracepoint *tp_process_exit;
static struct tracepoint *tp_process_fork;

/* Guards probe_users and the registration state of both probes. */
static DEFINE_MUTEX(probe_lock);
static unsigned int probe_users;

/* Runs on every system call of every task while registered: keep it short. */
static void minos_probe_sys_enter(void *data, struct pt_regs *regs, long id)
{
	if (likely(!minos_task_marked(current)))
		return;
	minos_syscall_enter(regs, id);
}

static void minos_probe_sys_exit(void *data, struct pt_regs *regs, long ret)
{
	if (likely(!minos_task_marked(current)))
		return;
	minos_syscall_exit(regs);
}

static void minos_probe_process_fork(void *data, struct task_struct *parent,
				     struct task_struct *child)
{
	if (likely(!minos_task_marked(parent)))
		return;
	minos_thread_forked(parent, child);
}

static void minos_probe_process_exit(void *data, struct task_struct *task)
{
	if (likely(!minos_task_marked(task)))
		return;
	minos_thread_exiting(task);
}

/* Does anyone (perf, ftrace, BPF) use the syscall tracepoints right now? */
static bool minos_syscall_tracing(void)
{
	return static_key_enabled(&tp_sys_enter->key) ||
	       static_key_enabled(&tp_sys_exit->key);
}

/*
 * Registering the first syscall tracepoint probe set SYSCALL_TRACEPOINT on
 * every task. Only containers need it: clear it on every other task, and
 * their children inherit the clear flag. A task that becomes a container
 * sets it again (minos_mark_current()); container threads and children
 * inherit it. A task forked during this walk may keep the flag, which costs
 * it time, never correctness. The price: a syscall tracer started while
 * containers exist sees only containers until the last one ends (then
 * minos_probes_put() gives it every task back).
 */
static void minos_unmark_others(void)
{
	struct task_struct *p, *t;

	rcu_read_lock();
	for_each_process_thread(p, t) {
		if (!minos_task_marked(t))
			clear_task_syscall_work(t, SYSCALL_TRACEPOINT);
	}
	rcu_read_unlock();
}

/* Put every task back on the slow path, for the tracer that remains. */
static void minos_remark_all(void)
{
	struct task_struct *p, *t;

	rcu_read_lock();
	for_each_process_thread(p, t)
		set_task_syscall_work(t, SYSCALL_TRACEPOINT);
	rcu_read_unlock();
}

/**
 * minos_mark_current() - make current a container thread
 *
 * Sets the personality and puts current on the syscall path that runs the
 * probe.
 */
void minos_mark_current(void)
{
	current->personality = PER_MINOS;
	set_task_syscall_work(current, SYSCALL_TRACEPOINT);
}

/**
 * minos_probes_get() - register the probes for one more user
 *
 * Context: process context, may sleep.
 * Return: 0, or a negative errno when a probe cannot be registered.
 */
int minos_probes_get(void)
{
	int ret = 0;

	bool alone;

	mutex_lock(&probe_lock);
	if (probe_users++)
		goto out;
	alone = !minos_syscall_tracing();
	ret = tracepoint_probe_register(tp_process_exit,
					minos_probe_process_exit, NULL);
	if (ret)
		goto err;
	ret = tracepoint_probe_register(tp_process_fork,
					minos_probe_process_fork, NULL);
	if (ret)
		goto err_exit_probe;
	ret = tracepoint_probe_register(tp_sys_exit, minos_probe_sys_exit,
					NULL);
	if (ret)
		goto err_fork_probe;
	ret = tracepoint_probe_register(tp_sys_enter, minos_probe_sys_enter,
					NULL);
	if (ret)
		goto err_exit_syscall_probe;
	if (alone)
		minos_unmark_others();
	goto out;

err_exit_syscall_probe:
	tracepoint_probe_unregister(tp_sys_exit, minos_probe_sys_exit, NULL);
err_fork_probe:
	tracepoint_probe_unregister(tp_process_fork, minos_probe_process_fork,
				    NULL);
err_exit_probe:
	tracepoint_probe_unregister(tp_process_exit, minos_probe_process_exit,
				    NULL);
err:
	probe_users--;
	pr_err("cannot register tracepoint probes: %d\n", ret);
out:
	mutex_unlock(&probe_lock);
	return ret;
}

/**
 * minos_probes_put() - drop one user; the last one unregisters the probes
 *
 * Context: process context, may sleep.
 */
void minos_probes_put(void)
{
	mutex_lock(&probe_lock);
	if (!WARN_ON_ONCE(!probe_users) && !--probe_users) {
		tracepoint_probe_unregister(tp_sys_enter, minos_probe_sys_enter,
					    NULL);
		tracepoint_probe_unregister(tp_sys_exit, minos_probe_sys_exit,
					    NULL);
		tracepoint_probe_unregister(tp_process_fork,
					    minos_probe_process_fork, NULL);
		tracepoint_probe_unregister(tp_process_exit,
					    minos_probe_process_exit, NULL);
		if (minos_syscall_tracing())
			minos_remark_all();
	}
	mutex_unlock(&probe_lock);
}

/**
 * minos_probes_active() - are the probes registered right now?
 */
bool minos_probes_active(void)
{
	return READ_ONCE(probe_users) != 0;
}

static void minos_find_tracepoint(struct tracepoint *tp, void *priv)
{
	if (!strcmp(tp->name, "sys_enter"))
		tp_sys_enter = tp;
	else if (!strcmp(tp->name, "sys_exit"))
		tp_sys_exit = tp;
	else if (!strcmp(tp->name, "sched_process_exit"))
		tp_process_exit = tp;
	else if (!strcmp(tp->name, "sched_process_fork"))
		tp_process_fork = tp;
}

int minos_personality_init(void)
{
	for_each_kernel_tracepoint(minos_find_tracepoint, NULL);
	if (!tp_sys_enter || !tp_sys_exit || !tp_process_exit ||
	    !tp_process_fork) {
		pr_err("a tracepoint Minos needs is missing\n");
		return -ENOENT;
	}
	return 0;
}

void minos_personality_exit(void)
{
	/* No probe may still be running module code after this. */
	tracepoint_synchronize_unregister();
}
