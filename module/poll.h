/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Minos: waiting on the readiness of one or many files.
 */
#ifndef _MINOS_POLL_H
#define _MINOS_POLL_H

#include <linux/poll.h>
#include <linux/wait.h>

struct minos_poll;

/* One wait queue a polled file put us on. */
struct minos_poll_entry {
	wait_queue_entry_t wait;
	wait_queue_head_t *head;
	struct minos_poll *poll;
};

#define MINOS_POLL_INLINE	4

/**
 * struct minos_poll - a waiter on many files, as poll(2) does it
 * @pt:        passed to each file's ->poll(); queues us on its wait queues
 * @triggered: set by a wake-up; tested before sleeping so none is lost
 * @overflow:  a file used more wait queues than @max: never sleep
 * @nr:        entries in use
 * @max:       entries available
 * @entries:   @inline_entries, or an array allocated for many files
 * @inline_entries: enough for one file
 *
 * Owned by one task: the one that scans and sleeps.
 */
struct minos_poll {
	poll_table pt;
	bool triggered;
	bool overflow;
	unsigned int nr;
	unsigned int max;
	struct minos_poll_entry *entries;
	struct minos_poll_entry inline_entries[MINOS_POLL_INLINE];
};

int minos_poll_init(struct minos_poll *p, unsigned int nr_files);
int minos_poll_sleep(struct minos_poll *p);
void minos_poll_release(struct minos_poll *p);

#endif /* _MINOS_POLL_H */
