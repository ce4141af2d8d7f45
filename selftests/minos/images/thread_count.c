// SPDX-License-Identifier: GPL-2.0
/*
 * thread_count: eight SDK threads add to one counter under a futex mutex,
 * and to another under a lock made here of raw FUTEX_WAIT / FUTEX_WAKE;
 * their tids, TCBs and __thread variables; 64 threads alive at once; a
 * descriptor table shared by all threads. See thread_count.h.
 */
#include <minos.h>
#include "thread_count.h"

static struct minos_mutex lock = MINOS_MUTEX_INIT;
static long total;
static int raw_lock;		/* 0 free, 1 taken */
static long raw_total;

static __thread long tls_value = THREAD_COUNT_TLS_INIT;

struct worker {
	struct minos_thread *t;
	int tid;
	int gettid;
	int self_is_fs;
	int tls_init;
	int tls_private;
};

static struct worker workers[THREAD_COUNT_THREADS];

static void line(const char *name, long v)
{
	minos_printf(1, "%s %ld\n", name, v);
}

/* The simplest futex lock: spin on the exchange, sleep while taken. */
static void raw_take(void)
{
	while (__atomic_exchange_n(&raw_lock, 1, __ATOMIC_ACQUIRE))
		minos_futex(&raw_lock, FUTEX_WAIT_PRIVATE, 1, (void *)0,
			    (int *)0, 0);
}

static void raw_release(void)
{
	__atomic_store_n(&raw_lock, 0, __ATOMIC_RELEASE);
	minos_futex(&raw_lock, FUTEX_WAKE_PRIVATE, 1, (void *)0, (int *)0, 0);
}

static void *work(void *arg)
{
	struct worker *w = arg;
	unsigned long fs = 0;
	int i;

	w->tls_init = tls_value == THREAD_COUNT_TLS_INIT;
	w->tid = minos_thread_tid();
	w->gettid = (int)minos_gettid();
	minos_arch_prctl(ARCH_GET_FS, (unsigned long)&fs);
	w->self_is_fs = fs == (unsigned long)minos_thread_self();

	tls_value = w - workers;
	for (i = 0; i < THREAD_COUNT_ADDS; i++) {
		minos_mutex_lock(&lock);
		total++;
		minos_mutex_unlock(&lock);
		raw_take();
		raw_total++;
		raw_release();
		if (i % 4096 == 0)
			minos_sched_yield();
	}
	w->tls_private = tls_value == w - workers;
	return (void *)(long)(w - workers + 100);
}

static struct minos_mutex gate_lock = MINOS_MUTEX_INIT;
static struct minos_cond gate = MINOS_COND_INIT;
static int gate_open, waiting;

static void *park(void *arg)
{
	minos_mutex_lock(&gate_lock);
	waiting++;
	minos_cond_broadcast(&gate);
	while (!gate_open)
		minos_cond_wait(&gate, &gate_lock);
	minos_mutex_unlock(&gate_lock);
	return arg;
}

struct pipe_pair {
	int wfd, rfd;
	char got[8];
};

static void *make_pipe(void *arg)
{
	struct pipe_pair *p = arg;

	if (minos_pipe(&p->wfd, &p->rfd))
		return (void *)1;
	minos_write(p->wfd, "thread", 6);
	return (void *)0;
}

static void *use_pipe(void *arg)
{
	struct pipe_pair *p = arg;

	return (void *)minos_read_one(p->rfd, p->got, sizeof(p->got));
}

int main(void)
{
	struct minos_thread *many[THREAD_COUNT_MANY], *t;
	int i, j, distinct = 0, same = 0, fs = 0, init = 0, priv = 0, res = 0;
	int n, ok;
	struct pipe_pair pp;
	void *r;
	char c;

	line("main_tid", minos_gettid());
	line("set_tid_address", minos_set_tid_address((int *)0));
	line("sched_yield", minos_sched_yield());

	for (i = 0; i < THREAD_COUNT_THREADS; i++)
		if (minos_thread_create(&workers[i].t, work, &workers[i]))
			return 2;
	for (i = 0; i < THREAD_COUNT_THREADS; i++) {
		minos_thread_join(workers[i].t, &r);
		res += (long)r == i + 100;
	}
	for (i = 0; i < THREAD_COUNT_THREADS; i++) {
		ok = workers[i].tid > 0 && workers[i].tid != minos_gettid();
		for (j = 0; j < i; j++)
			ok &= workers[j].tid != workers[i].tid;
		distinct += ok;
		same += workers[i].tid == workers[i].gettid;
		fs += workers[i].self_is_fs;
		init += workers[i].tls_init;
		priv += workers[i].tls_private;
	}
	line("total", total);
	line("raw_futex_total", raw_total);
	line("distinct_tids", distinct);
	line("tid_matches_gettid", same);
	line("self_is_fs_base", fs);
	line("tls_initial_value", init);
	line("tls_private", priv);
	line("main_tls_untouched", tls_value == THREAD_COUNT_TLS_INIT);
	line("results_joined", res);

	for (i = 0; i < THREAD_COUNT_MANY; i++)
		if (minos_thread_create_stack(&many[i], 32 * 1024, park,
					      (void *)(long)i))
			return 3;
	minos_mutex_lock(&gate_lock);
	while (waiting < THREAD_COUNT_MANY)
		minos_cond_wait(&gate, &gate_lock);
	minos_mutex_unlock(&gate_lock);
	line("alive", waiting);
	if (minos_read_one(0, &c, 1) != 1)
		return 4;
	minos_mutex_lock(&gate_lock);
	gate_open = 1;
	minos_cond_broadcast(&gate);
	minos_mutex_unlock(&gate_lock);
	for (i = 0, n = 0; i < THREAD_COUNT_MANY; i++) {
		minos_thread_join(many[i], &r);
		n += (long)r == i;
	}
	line("many_joined", n);

	/* A pipe made by a thread is the container's: main reads it. */
	if (minos_thread_create(&t, make_pipe, &pp))
		return 5;
	minos_thread_join(t, &r);
	n = r ? 0 : (int)minos_read_one(pp.rfd, pp.got, sizeof(pp.got));
	line("pipe_from_thread", n == 6 && !memcmp(pp.got, "thread", 6));
	/* And a thread reads what main writes. */
	minos_write(pp.wfd, "main", 4);
	if (minos_thread_create(&t, use_pipe, &pp))
		return 6;
	minos_thread_join(t, &r);
	line("thread_uses_main_pipe", (long)r == 4 && !memcmp(pp.got, "main", 4));
	return 0;
}
