// SPDX-License-Identifier: GPL-2.0
/*
 * threads: eight threads add to one counter under a mutex, and a ninth
 * waits on a condition variable until all of them are done, then prints
 * the total. Each worker also counts its own additions in a __thread
 * variable. The output is exact:
 *
 *	8 threads x 10000 additions under a mutex
 *	counter = 80000
 *	per-thread counts (__thread) add up to 80000
 *	OK
 *
 *	make -C examples && minos-exec examples/threads/threads.bin
 */
#include <minos.h>

#define WORKERS		8
#define ADDITIONS	10000

static struct minos_mutex lock = MINOS_MUTEX_INIT;
static struct minos_cond all_done = MINOS_COND_INIT;
static long counter;		/* guarded by lock */
static long per_thread_sum;	/* guarded by lock */
static int finished;		/* guarded by lock */

/* How many additions this thread made: each thread has its own. */
static __thread long mine;

static void *worker(void *arg)
{
	int i;

	for (i = 0; i < ADDITIONS; i++) {
		minos_mutex_lock(&lock);
		counter++;
		minos_mutex_unlock(&lock);
		mine++;
		if (i % 1000 == 0)
			minos_sched_yield();	/* mix the threads up */
	}

	minos_mutex_lock(&lock);
	per_thread_sum += mine;
	finished++;
	minos_cond_signal(&all_done);
	minos_mutex_unlock(&lock);
	return arg;
}

/* Waits until every worker is done, prints the total, returns it. */
static void *reporter(void *unused)
{
	long total;

	(void)unused;
	minos_mutex_lock(&lock);
	while (finished < WORKERS)
		minos_cond_wait(&all_done, &lock);
	total = counter;
	minos_mutex_unlock(&lock);

	minos_printf(1, "counter = %ld\n", total);
	return (void *)total;
}

int main(void)
{
	struct minos_thread *workers[WORKERS], *rep;
	void *total, *result;
	long ret;
	int i, bad = 0;

	minos_printf(1, "%d threads x %d additions under a mutex\n", WORKERS,
		     ADDITIONS);
	ret = minos_thread_create(&rep, reporter, (void *)0);
	if (ret) {
		minos_printf(2, "threads: cannot start a thread: %ld\n", ret);
		return 1;
	}
	for (i = 0; i < WORKERS; i++) {
		ret = minos_thread_create(&workers[i], worker, (void *)(long)i);
		if (ret) {
			minos_printf(2, "threads: cannot start a thread: %ld\n",
				     ret);
			minos_exit_group(1);	/* the reporter waits forever */
		}
	}
	for (i = 0; i < WORKERS; i++) {
		minos_thread_join(workers[i], &result);
		if ((long)result != i)
			bad = 1;
	}
	minos_thread_join(rep, &total);

	minos_printf(1, "per-thread counts (__thread) add up to %ld\n",
		     per_thread_sum);
	if (bad || (long)total != WORKERS * ADDITIONS ||
	    per_thread_sum != WORKERS * ADDITIONS || mine != 0) {
		minos_printf(1, "WRONG\n");
		return 1;
	}
	minos_printf(1, "OK\n");
	return 0;
}
