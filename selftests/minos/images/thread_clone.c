// SPDX-License-Identifier: GPL-2.0
/*
 * thread_clone: every clone flag bit alone and with the required ones,
 * then the thread calls outside the table; see thread_clone.h.
 */
#include <minos.h>
#include "thread_cases.h"
#include "thread_clone.h"

#define STACK_SIZE	(64 * 1024UL)

struct slot {
	unsigned long flags;
	volatile int ptid;
	volatile int ctid;
	volatile int exitw;	/* cleared by the kernel when the thread ends */
	volatile int ran;
	int tid_seen;
	unsigned long fs;
};

static struct slot slot;
static char *stack;

static int child(void *arg)
{
	struct slot *s = arg;

	if (!(s->flags & CLONE_CHILD_CLEARTID))
		minos_set_tid_address((int *)&s->exitw);
	s->tid_seen = (int)minos_gettid();
	minos_arch_prctl(ARCH_GET_FS, (unsigned long)&s->fs);
	__atomic_add_fetch(&s->ran, 1, __ATOMIC_SEQ_CST);
	minos_write(THREAD_CLONE_MARK_WFD, "T", 1);
	return 0;
}

static void wait_gone(volatile int *w)
{
	int v;

	while ((v = __atomic_load_n(w, __ATOMIC_ACQUIRE)) != 0)
		minos_futex((int *)w, FUTEX_WAIT, v, (void *)0, (int *)0, 0);
}

static void one(int id, unsigned long flags)
{
	struct slot *s = &slot;
	int *ctid;
	long r;
	int ok = 1;

	memset(s, 0, sizeof(*s));
	s->flags = flags;
	s->exitw = 1;
	ctid = (flags & CLONE_CHILD_CLEARTID) ? (int *)&s->exitw :
						(int *)&s->ctid;
	r = minos_clone_thread(flags, stack + STACK_SIZE, (int *)&s->ptid,
			       ctid, THREAD_CLONE_TLS, child, s);
	if (r > 0) {
		wait_gone(&s->exitw);
		if ((flags & CLONE_PARENT_SETTID) && s->ptid != r)
			ok = 0;
		if ((flags & CLONE_CHILD_SETTID) &&
		    !(flags & CLONE_CHILD_CLEARTID) && s->ctid != r)
			ok = 0;
		if (s->fs != ((flags & CLONE_SETTLS) ? THREAD_CLONE_TLS : 0))
			ok = 0;
		if (s->tid_seen != r)
			ok = 0;
	}
	minos_printf(1, "%d %ld %d %d\n", id, r > 0 ? 1 : r, s->ran, ok);
}

#define EXTRA_ONE(name, flags, allowed) one(id++, (flags));

static long clone3_args[11];	/* struct clone_args, version 2: 88 bytes */

static void enosys(int id, long nr)
{
	static long buf[16];
	long r;

	switch (nr) {
	case 57:	/* fork */
	case 58:	/* vfork */
		r = minos_syscall0(nr);
		break;
	case 435:	/* clone3: a fork, exit signal 0 */
		r = minos_syscall2(nr, (long)clone3_args, sizeof(clone3_args));
		break;
	case 273:	/* set_robust_list(head, 24) */
		r = minos_syscall2(nr, (long)buf, 24);
		break;
	case 200:	/* tkill(self, 0) */
		r = minos_syscall2(nr, minos_gettid(), 0);
		break;
	case 234:	/* tgkill(self, self, 0) */
		r = minos_syscall3(nr, minos_gettid(), minos_gettid(), 0);
		break;
	case 204:	/* sched_getaffinity(0, 128, buf) */
		r = minos_syscall3(nr, 0, sizeof(buf), (long)buf);
		break;
	case 157:	/* prctl(PR_GET_NAME, buf) */
		r = minos_syscall2(nr, 16, (long)buf);
		break;
	case 14:	/* rt_sigprocmask(SIG_BLOCK, NULL, buf, 8) */
		r = minos_syscall4(nr, 0, 0, (long)buf, 8);
		break;
	default:
		r = minos_syscall6(nr, 0, 0, 0, 0, 0, 0);
		break;
	}
	if (r == 0 && (nr == 57 || nr == 58 || nr == 435))
		minos_exit_group(99);	/* a child that must not exist */
	minos_printf(1, "E %d %ld\n", id, r);
}

#define ENOSYS_ONE(name, nr) enosys(id++, nr);

int main(void)
{
	long p;
	int id;
	char c;

	p = minos_mmap((void *)0, STACK_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (minos_is_error(p))
		return 2;
	stack = (char *)p;

	minos_puts(1, "R\n");
	if (minos_read_one(0, &c, 1) != 1)
		return 3;

	for (id = 0; id < 64; id++)
		one(id, 1UL << id);
	for (id = 0; id < 64; id++)
		one(64 + id, TC_CLONE_REQUIRED | (1UL << id));
	id = THREAD_CLONE_EXTRA_BASE;
	THREAD_CLONE_EXTRA(EXTRA_ONE)

	id = 0;
	THREAD_ENOSYS(ENOSYS_ONE)

	minos_printf(1, "0 %d\n", THREAD_CLONE_DONE);
	minos_read_one(0, &c, 1);
	return 0;
}
