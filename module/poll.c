// SPDX-License-Identifier: GPL-2.0
/*
 * Minos: waiting on the readiness of one or many files.
 *
 * The pattern of poll(2): scan every file with ->poll(), which on the first
 * scan also puts us on the file's wait queues; if none is ready, sleep until
 * one of those queues wakes us, then scan again (without queueing twice).
 * Works the same for Minos pipes and for host files (ttys, pipes, sockets,
 * regular files), through their own ->poll().
 */
#include <linux/sched/signal.h>
#include <linux/slab.h>

#include "poll.h"

static int minos_poll_wake(wait_queue_entry_t *wait, unsigned int mode,
			   int sync, void *key)
{
	struct minos_poll_entry *entry = container_of(wait,
						      struct minos_poll_entry,
						      wait);

	/* Pairs with the barrier of set_current_state() in the sleeper. */
	smp_store_release(&entry->poll->triggered, true);
	return default_wake_function(wait, mode, sync, key);
}

static void minos_poll_queue(struct file *file, wait_queue_head_t *head,
			     poll_table *pt)
{
	struct minos_poll *p = container_of(pt, struct minos_poll, pt);
	struct minos_poll_entry *entry;

	if (p->nr == p->max) {
		/* No room to wait here: never sleep, rescan instead. */
		p->overflow = true;
		return;
	}
	entry = &p->entries[p->nr++];
	entry->head = head;
	entry->poll = p;
	init_waitqueue_func_entry(&entry->wait, minos_poll_wake);
	entry->wait.private = current;
	add_wait_queue(head, &entry->wait);
}

/**
 * minos_poll_init() - prepare to wait on up to @nr_files files
 * @p:        the waiter
 * @nr_files: how many files will be scanned
 *
 * Context: process context, may sleep.
 * Return: 0 or -%ENOMEM.
 */
int minos_poll_init(struct minos_poll *p, unsigned int nr_files)
{
	/* Most files use one wait queue, a few (ttys) two. */
	unsigned int max = 2 * nr_files;

	init_poll_funcptr(&p->pt, minos_poll_queue);
	p->triggered = false;
	p->overflow = false;
	p->nr = 0;
	p->entries = p->inline_entries;
	p->max = MINOS_POLL_INLINE;
	if (max > MINOS_POLL_INLINE) {
		p->entries = kvmalloc_array(max, sizeof(*p->entries),
					    GFP_KERNEL_ACCOUNT);
		if (!p->entries)
			return -ENOMEM;
		p->max = max;
	}
	return 0;
}

/**
 * minos_poll_sleep() - sleep until a scanned file may have become ready
 * @p: the waiter, after a scan of all its files found none ready
 *
 * Later scans do not queue again.
 *
 * Any signal ends the sleep; the Minos call is then restarted after the
 * signal is dealt with (a container has no handlers: a stop or a kill).
 *
 * Return: 0 (scan again), or -%ERESTARTSYS when a signal is pending.
 */
int minos_poll_sleep(struct minos_poll *p)
{
	p->pt._qproc = NULL;
	if (unlikely(p->overflow)) {
		cond_resched();
		return signal_pending(current) ? -ERESTARTSYS : 0;
	}
	set_current_state(TASK_INTERRUPTIBLE);
	/* Pairs with the release in minos_poll_wake(). */
	if (!smp_load_acquire(&p->triggered) && !signal_pending(current))
		schedule();
	__set_current_state(TASK_RUNNING);
	/*
	 * Consumed. The full barrier orders the store before the next scan's
	 * reads of file state, so that a wake-up racing with the scan is
	 * either seen by the scan or sets triggered again.
	 */
	smp_store_mb(p->triggered, false);
	return signal_pending(current) ? -ERESTARTSYS : 0;
}

/**
 * minos_poll_release() - stop waiting and free the waiter's entries
 * @p: the waiter
 */
void minos_poll_release(struct minos_poll *p)
{
	unsigned int i;

	for (i = 0; i < p->nr; i++)
		remove_wait_queue(p->entries[i].head, &p->entries[i].wait);
	if (p->entries != p->inline_entries)
		kvfree(p->entries);
}
