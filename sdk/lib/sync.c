// SPDX-License-Identifier: MIT
/*
 * Minos SDK: mutexes and condition variables over futex (minos/thread.h).
 *
 * MIT licensed so that any program may be built with it: see <minos.h>.
 *
 * The mutex word is 0 (unlocked), 1 (locked) or 2 (locked, and a thread
 * may sleep on it). Taking it: 0 -> 1 if it is free; else mark it 2 and
 * sleep until an exchange to 2 finds it 0. Whoever unlocks a 2 wakes one
 * sleeper; a woken thread takes the mutex as 2, since others may sleep.
 *
 * The condition variable is a sequence number. A waiter reads it while it
 * holds the mutex, unlocks, and sleeps only while the number is still the
 * one it read: a signal between the read and the sleep changes it, so no
 * wake-up is lost.
 */
#include <minos.h>
#include <linux/time_types.h>

/* Spins before sleeping: another CPU may be about to unlock. */
#define MINOS_MUTEX_SPINS	100

static long minos_futex_wait(void *word, unsigned int val,
			     const struct __kernel_timespec *timeout)
{
	return minos_futex(word, FUTEX_WAIT | FUTEX_PRIVATE_FLAG, (int)val,
			   timeout, (int *)0, 0);
}

static void minos_futex_wake(void *word, int count)
{
	minos_futex(word, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, count, (void *)0,
		    (int *)0, 0);
}

static int minos_mutex_cas(struct minos_mutex *m)
{
	int free = 0;

	return __atomic_compare_exchange_n(&m->state, &free, 1, 0,
					   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

/* Take @m as contended (2), sleeping while someone else holds it. */
static void minos_mutex_lock_slow(struct minos_mutex *m)
{
	while (__atomic_exchange_n(&m->state, 2, __ATOMIC_ACQUIRE) != 0)
		minos_futex_wait(&m->state, 2, (void *)0);
}

void minos_mutex_lock(struct minos_mutex *m)
{
	int i;

	if (minos_mutex_cas(m))
		return;
	for (i = 0; i < MINOS_MUTEX_SPINS; i++) {
		__builtin_ia32_pause();
		if (__atomic_load_n(&m->state, __ATOMIC_RELAXED) == 0 &&
		    minos_mutex_cas(m))
			return;
	}
	minos_mutex_lock_slow(m);
}

long minos_mutex_trylock(struct minos_mutex *m)
{
	return minos_mutex_cas(m) ? 0 : -EBUSY;
}

void minos_mutex_unlock(struct minos_mutex *m)
{
	if (__atomic_exchange_n(&m->state, 0, __ATOMIC_RELEASE) == 2)
		minos_futex_wake(&m->state, 1);
}

static long minos_cond_wait_for(struct minos_cond *c, struct minos_mutex *m,
				const struct __kernel_timespec *timeout)
{
	unsigned int seq = __atomic_load_n(&c->seq, __ATOMIC_RELAXED);
	long ret;

	minos_mutex_unlock(m);
	ret = minos_futex_wait(&c->seq, seq, timeout);
	minos_mutex_lock_slow(m);
	return ret == -ETIMEDOUT ? -ETIMEDOUT : 0;
}

void minos_cond_wait(struct minos_cond *c, struct minos_mutex *m)
{
	minos_cond_wait_for(c, m, (void *)0);
}

long minos_cond_timedwait(struct minos_cond *c, struct minos_mutex *m,
			  unsigned long ns)
{
	struct __kernel_timespec ts = {
		.tv_sec = (long long)(ns / 1000000000UL),
		.tv_nsec = (long long)(ns % 1000000000UL),
	};

	return minos_cond_wait_for(c, m, &ts);
}

void minos_cond_signal(struct minos_cond *c)
{
	__atomic_fetch_add(&c->seq, 1, __ATOMIC_RELEASE);
	minos_futex_wake(&c->seq, 1);
}

void minos_cond_broadcast(struct minos_cond *c)
{
	__atomic_fetch_add(&c->seq, 1, __ATOMIC_RELEASE);
	minos_futex_wake(&c->seq, 0x7fffffff);
}
