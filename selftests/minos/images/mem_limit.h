/* SPDX-License-Identifier: GPL-2.0 */
/*
 * images/mem_limit.bin and mem_test: a container under RLIMIT_AS, which
 * the test sets before it execs minos-exec. The image writes one number
 * per line on wfd 1, in the order of MEM_LIMIT_LINES, then exits 0: it
 * must survive all of it.
 */
#ifndef MINOS_SELFTEST_MEM_LIMIT_H
#define MINOS_SELFTEST_MEM_LIMIT_H

#define MEM_LIMIT_AS		(64UL << 20)	/* the test's RLIMIT_AS */
#define MEM_LIMIT_BIG		(128UL << 20)	/* more than the limit */
#define MEM_LIMIT_CHUNK		(1UL << 20)	/* the fill loop's unit */

/* L(name, what the test wants) */
#define MEM_LIMIT_LINES(L)						\
	L(mmap_big, -ENOMEM)		/* mmap of MEM_LIMIT_BIG */	\
	L(mmap_small, 0)		/* 8 MiB, touched, unmapped */	\
	L(malloc_big_null, 1)		/* malloc(MEM_LIMIT_BIG) NULL */\
	L(malloc_small_ok, 1)		/* malloc(1 MiB) works */	\
	L(mremap_big, -ENOMEM)		/* 1 MiB grown to BIG */	\
	L(mremap_kept, 1)		/* ... and still whole */	\
	L(fill_error, -ENOMEM)		/* mmap of chunks until... */	\
	L(fill_chunks, -1)		/* how many: checked apart */	\
	L(after_fill, 0)		/* 8 MiB again, once freed */	\
	L(thread_big_stack, -ENOMEM)	/* a thread with a BIG stack */	\
	L(thread_ok, 42)		/* a normal one, joined */

#endif /* MINOS_SELFTEST_MEM_LIMIT_H */
