/* SPDX-License-Identifier: MIT */
/*
 * Minos SDK: threads, thread-local storage, mutexes, condition variables.
 *
 * MIT licensed so that any program may be built with it: see <minos.h>.
 *
 * Threads are clone() threads of the container (CLONE_VM | CLONE_THREAD |
 * CLONE_SIGHAND ...), each on a stack from mmap() with a guard page below
 * it. Each thread's FS base (ARCH_SET_FS, or CLONE_SETTLS) points to its
 * thread control block, struct minos_thread, right above its block of
 * __thread variables (the x86-64 TLS ABI, local-exec model): __thread
 * works in Minos programs, and minos_thread_self() is one load from %fs:0.
 * A thread ends when its function returns or it calls minos_thread_exit();
 * another thread must minos_thread_join() it to get its result and free
 * its stack (the kernel clears and wakes the tid word, CLONE_CHILD_CLEARTID,
 * once the thread no longer uses the stack).
 *
 * Mutexes and condition variables are one futex word each, private to the
 * container (FUTEX_PRIVATE_FLAG); both are zero-initialised, so a static
 * or calloc()ed one needs no init call.
 *
 * The part above "#ifndef __ASSEMBLER__" is shared with the start code.
 */
#ifndef MINOS_SDK_THREAD_H
#define MINOS_SDK_THREAD_H

/* Bytes reserved for struct minos_thread at each thread pointer. */
#define MINOS_TCB_SIZE			128

/* Stack size of minos_thread_create(), guard page not counted. */
#define MINOS_THREAD_STACK_SIZE		(256 * 1024UL)

#ifndef __ASSEMBLER__

#include "calls.h"

/*
 * A thread's control block, at its thread pointer (FS base). @self must
 * stay first: compiled code takes the address of a __thread variable by
 * loading %fs:0. Offset 0x28 holds the stack protector's canary, where gcc
 * looks for it (0: the SDK does not randomise it).
 */
struct minos_thread {
	struct minos_thread *self;	/* 0x00 */
	unsigned long reserved[4];	/* 0x08 */
	unsigned long stack_guard;	/* 0x28 */
	int tid;			/* 0x30: cleared when the thread ends */
	int pad;
	void *(*fn)(void *);
	void *arg;
	void *result;
	void *map;			/* stack, TLS and this block, or NULL */
	unsigned long map_size;
	void *specific;			/* minos_thread_set_specific() */
};

/*
 * Start @fn(@arg) in a new thread of the container, on a stack of
 * MINOS_THREAD_STACK_SIZE bytes (minos_thread_create_stack(): @stack_size,
 * rounded up to whole pages). Stores the new thread in *@thread and
 * returns 0, or returns -errno (-ENOMEM: no memory for the stack, or the
 * clone() error) and starts nothing.
 */
long minos_thread_create(struct minos_thread **thread, void *(*fn)(void *),
			 void *arg);
long minos_thread_create_stack(struct minos_thread **thread,
			       unsigned long stack_size, void *(*fn)(void *),
			       void *arg);

/*
 * Wait until @thread has ended, store its result (what its function
 * returned, or passed to minos_thread_exit()) in *@result when @result is
 * not NULL, and free its stack. Each thread must be joined exactly once,
 * and never the main thread. Returns 0, or -EINVAL for the calling thread
 * itself or the main thread.
 */
long minos_thread_join(struct minos_thread *thread, void **result);

/* End the calling thread with @result (the container goes on). */
void minos_thread_exit(void *result) __attribute__((noreturn));

/* The calling thread's control block. */
struct minos_thread *minos_thread_self(void);

/* The calling thread's id, as gettid() returns it. */
static inline int minos_thread_tid(void)
{
	return minos_thread_self()->tid;
}

/* One pointer per thread for the program's own use; NULL at first. */
void minos_thread_set_specific(void *value);
void *minos_thread_get_specific(void);

/*
 * Sleep for @ns nanoseconds (a FUTEX_WAIT with a timeout on a private
 * word that nobody wakes). Returns 0.
 */
long minos_sleep_ns(unsigned long ns);

/* --- Mutexes ------------------------------------------------------- */

/* 0 unlocked, 1 locked, 2 locked and maybe waited for. */
struct minos_mutex {
	int state;
};

#define MINOS_MUTEX_INIT	{ 0 }

static inline void minos_mutex_init(struct minos_mutex *m)
{
	m->state = 0;
}

void minos_mutex_lock(struct minos_mutex *m);
/* Returns 0 when the mutex was taken, -EBUSY when it is held. */
long minos_mutex_trylock(struct minos_mutex *m);
void minos_mutex_unlock(struct minos_mutex *m);

/* --- Condition variables ------------------------------------------- */

/* A sequence number that every signal and broadcast changes. */
struct minos_cond {
	unsigned int seq;
};

#define MINOS_COND_INIT		{ 0 }

static inline void minos_cond_init(struct minos_cond *c)
{
	c->seq = 0;
}

/*
 * Unlock @m, wait for a signal or broadcast on @c, lock @m again. Like
 * every condition variable it may return without one (spurious wake-up):
 * wait in a loop that checks the condition.
 */
void minos_cond_wait(struct minos_cond *c, struct minos_mutex *m);

/*
 * minos_cond_wait() for at most @ns nanoseconds: returns 0, or -ETIMEDOUT
 * when the time ran out (@m is locked again in both cases).
 */
long minos_cond_timedwait(struct minos_cond *c, struct minos_mutex *m,
			  unsigned long ns);

/* Wake one waiter of @c, or all of them. */
void minos_cond_signal(struct minos_cond *c);
void minos_cond_broadcast(struct minos_cond *c);

#endif /* !__ASSEMBLER__ */

#endif /* MINOS_SDK_THREAD_H */
