// SPDX-License-Identifier: GPL-2.0
/*
 * Bench image: params.iters times, start a thread with
 * minos_clone_thread() and join it. The thread does nothing but return;
 * the join waits in FUTEX_WAIT until the kernel clears the thread's tid
 * word (CLONE_CHILD_CLEARTID) as it exits, as pthread_join() does. Every
 * thread uses the same stack, free again once the previous one is joined.
 * Linux twin: linux_thread_join() in ../rows.c, the same code with raw
 * clone() threads.
 */
#include "img.h"

#define STACK_SIZE	(64 * 1024UL)
#define FLAGS		(MINOS_CLONE_THREAD_FLAGS | CLONE_PARENT_SETTID | \
			 CLONE_CHILD_CLEARTID)

static int tid;

static int nothing(void *arg)
{
	(void)arg;
	return 0;
}

int main(void)
{
	struct bench_params p;
	unsigned long i;
	long stack, ret;
	int t;

	img_params(&p);
	stack = minos_mmap((void *)0, STACK_SIZE, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (minos_is_error(stack))
		img_fail("mmap the stack", stack);

	img_mark(BENCH_MARK_START);
	for (i = 0; i < p.iters; i++) {
		ret = minos_clone_thread(FLAGS, (char *)stack + STACK_SIZE,
					 &tid, &tid, 0, nothing, (void *)0);
		if (ret < 0)
			img_fail("clone", ret);
		while ((t = __atomic_load_n(&tid, __ATOMIC_ACQUIRE)) != 0) {
			ret = minos_futex(&tid, FUTEX_WAIT, t, (void *)0,
					  (int *)0, 0);
			if (ret && ret != -EAGAIN && ret != -EINTR)
				img_fail("futex wait", ret);
		}
	}
	img_mark(BENCH_MARK_END);
	return 0;
}
