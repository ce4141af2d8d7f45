// SPDX-License-Identifier: GPL-2.0
/*
 * Bench image: a futex ping-pong between two threads of one container.
 * The main thread starts a second one with minos_clone_thread(); they
 * share the word turn (0: the main thread's turn, 1: the other's). The
 * main thread, params.iters times, sets turn to 1, wakes the other and
 * sleeps in FUTEX_WAIT until turn is 0 again; the other thread waits for
 * 1, sets 0 and wakes the main thread. Private futexes, as a mutex or a
 * condition variable of a threads library would use. The main thread then
 * joins the other (CLONE_CHILD_CLEARTID). Linux twin: linux_futex_pingpong()
 * in ../rows.c, the same code on a raw clone() thread.
 */
#include "img.h"

#define STACK_SIZE	(64 * 1024UL)

static int turn;
static int tid;
static unsigned long rounds;

static void futex_wait(int *word, int val, int op)
{
	long ret = minos_futex(word, op, val, (void *)0, (int *)0, 0);

	if (ret && ret != -EAGAIN && ret != -EINTR)
		img_fail("futex wait", ret);
}

static void futex_wake(int *word)
{
	long ret = minos_futex(word, FUTEX_WAKE_PRIVATE, 1, (void *)0,
			       (int *)0, 0);

	if (ret < 0)
		img_fail("futex wake", ret);
}

static int pong(void *arg)
{
	unsigned long i;

	(void)arg;
	for (i = 0; i < rounds; i++) {
		while (__atomic_load_n(&turn, __ATOMIC_ACQUIRE) != 1)
			futex_wait(&turn, 0, FUTEX_WAIT_PRIVATE);
		__atomic_store_n(&turn, 0, __ATOMIC_RELEASE);
		futex_wake(&turn);
	}
	return 0;
}

int main(void)
{
	struct bench_params p;
	unsigned long i;
	long stack, ret;
	int t;

	img_params(&p);
	rounds = p.iters;
	stack = minos_mmap((void *)0, STACK_SIZE, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (minos_is_error(stack))
		img_fail("mmap the stack", stack);
	ret = minos_clone_thread(MINOS_CLONE_THREAD_FLAGS |
				 CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID,
				 (char *)stack + STACK_SIZE, &tid, &tid, 0,
				 pong, (void *)0);
	if (ret < 0)
		img_fail("clone", ret);

	img_mark(BENCH_MARK_START);
	for (i = 0; i < p.iters; i++) {
		__atomic_store_n(&turn, 1, __ATOMIC_RELEASE);
		futex_wake(&turn);
		while (__atomic_load_n(&turn, __ATOMIC_ACQUIRE) != 0)
			futex_wait(&turn, 1, FUTEX_WAIT_PRIVATE);
	}
	img_mark(BENCH_MARK_END);

	while ((t = __atomic_load_n(&tid, __ATOMIC_ACQUIRE)) != 0)
		futex_wait(&tid, t, FUTEX_WAIT);
	return 0;
}
