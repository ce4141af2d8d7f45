// SPDX-License-Identifier: GPL-2.0
/*
 * mem_fault: memory protection is enforced in a container as on Linux.
 * Reads one scenario letter on rfd 0, writes "go\n" on wfd 1 just before
 * the access that must fault (the container then dies of SIGSEGV), or
 * "ok\n" and exits 0 for the scenarios that must work:
 *
 *   r  write to a page made PROT_READ by mprotect     SIGSEGV
 *   n  read of a PROT_NONE page                       SIGSEGV
 *   u  read of an unmapped page (after munmap)        SIGSEGV
 *   m  read of the old range after an mremap move     SIGSEGV
 *   x  call into a PROT_READ | PROT_WRITE page        SIGSEGV
 *   X  call into a PROT_EXEC page, then PROT_READ|PROT_EXEC: works ("ok")
 *   g  an SDK thread's store into its stack's guard page   SIGSEGV
 */
#include <minos.h>

#define PAGE	4096UL

static char *map(unsigned long len, int prot)
{
	long p = minos_mmap((void *)0, len, prot, MAP_PRIVATE | MAP_ANONYMOUS,
			    -1, 0);

	if (minos_is_error(p))
		minos_exit_group(2);
	return (char *)p;
}

static void go(void)
{
	minos_puts(1, "go\n");
}

/* A thread that walks down its stack until it leaves it. */
static void *dig(void *arg)
{
	volatile char *p = (volatile char *)&p;

	(void)arg;
	go();
	for (;;) {
		*p = 1;
		p -= 256;
	}
	return (void *)0;
}

int main(void)
{
	volatile char *p;
	struct minos_thread *t;
	void (*fn)(void);
	long r;
	char c = 0;

	if (minos_read_one(0, &c, 1) != 1)
		return 3;
	switch (c) {
	case 'r':
		p = map(PAGE, PROT_READ | PROT_WRITE);
		p[0] = 1;
		if (minos_mprotect((void *)p, PAGE, PROT_READ))
			return 4;
		go();
		p[1] = 1;
		break;
	case 'n':
		p = map(PAGE, PROT_NONE);
		go();
		c = p[0];
		break;
	case 'u':
		p = map(2 * PAGE, PROT_READ | PROT_WRITE);
		if (minos_munmap((void *)(p + PAGE), PAGE))
			return 4;
		c = p[0];
		go();
		c = p[PAGE];
		break;
	case 'm':
		p = map(PAGE, PROT_READ | PROT_WRITE);
		p[0] = 5;
		r = minos_mremap((void *)p, PAGE, 64 * PAGE, MREMAP_MAYMOVE,
				 (void *)0);
		if (minos_is_error(r) || *(volatile char *)r != 5)
			return 4;
		if ((char *)r == p)	/* grew in place: nothing to test */
			return 5;
		go();
		c = p[0];
		break;
	case 'x':
		p = map(PAGE, PROT_READ | PROT_WRITE);
		p[0] = (char)0xc3;	/* ret */
		fn = (void (*)(void))p;
		go();
		fn();
		break;
	case 'X':
		p = map(PAGE, PROT_READ | PROT_WRITE | PROT_EXEC);
		p[0] = (char)0xc3;
		fn = (void (*)(void))p;
		fn();
		if (minos_mprotect((void *)p, PAGE, PROT_READ | PROT_EXEC))
			return 4;
		fn();
		minos_puts(1, "ok\n");
		return 0;
	case 'g':
		if (minos_thread_create_stack(&t, 64 * 1024, dig, (void *)0))
			return 4;
		minos_thread_join(t, (void **)0);
		break;
	default:
		return 3;
	}
	minos_puts(1, "survived\n");
	return 1;
}
