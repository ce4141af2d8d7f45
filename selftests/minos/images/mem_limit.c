// SPDX-License-Identifier: GPL-2.0
/*
 * mem_limit: under RLIMIT_AS (MEM_LIMIT_AS), mappings beyond the limit
 * fail with -ENOMEM and the container goes on; see mem_limit.h.
 */
#include <minos.h>
#include "report.h"
#include "mem_limit.h"

#define PAGE	4096UL
#define MAX_CHUNKS	1024

static long map(unsigned long len)
{
	return minos_mmap((void *)0, len, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}

/* Map, touch every page, unmap: 0 or -errno. */
static long map_touch(unsigned long len)
{
	long p = map(len);
	unsigned long i;

	if (minos_is_error(p))
		return p;
	for (i = 0; i < len; i += PAGE)
		((volatile char *)p)[i] = 1;
	minos_munmap((void *)p, len);
	return 0;
}

static void *answer(void *arg)
{
	(void)arg;
	return (void *)42L;
}

static long chunks[MAX_CHUNKS];

int main(void)
{
	struct minos_thread *t;
	long p, r, n, err = 0;
	void *res = (void *)0;
	char *m;

	p = map(MEM_LIMIT_BIG);
	report(1, minos_is_error(p) ? p : 0);
	report(1, map_touch(8UL << 20));

	m = malloc(MEM_LIMIT_BIG);
	report(1, m == (void *)0);
	free(m);
	m = malloc(1UL << 20);
	if (m) {
		memset(m, 7, 1UL << 20);
		free(m);
	}
	report(1, m != (void *)0);

	p = map(MEM_LIMIT_CHUNK);
	if (minos_is_error(p))
		return 2;
	memset((void *)p, 9, MEM_LIMIT_CHUNK);
	r = minos_mremap((void *)p, MEM_LIMIT_CHUNK, MEM_LIMIT_BIG,
			 MREMAP_MAYMOVE, (void *)0);
	report(1, minos_is_error(r) ? r : 0);
	m = (char *)p;
	report(1, m[0] == 9 && m[MEM_LIMIT_CHUNK - 1] == 9);
	minos_munmap((void *)p, MEM_LIMIT_CHUNK);

	for (n = 0; n < MAX_CHUNKS; n++) {
		chunks[n] = map(MEM_LIMIT_CHUNK);
		if (minos_is_error(chunks[n])) {
			err = chunks[n];
			break;
		}
	}
	report(1, err);
	report(1, n);
	while (n-- > 0)
		minos_munmap((void *)chunks[n], MEM_LIMIT_CHUNK);
	report(1, map_touch(8UL << 20));

	report(1, minos_thread_create_stack(&t, MEM_LIMIT_BIG, answer,
					    (void *)0));
	r = minos_thread_create(&t, answer, (void *)0);
	if (!r)
		minos_thread_join(t, &res);
	report(1, r ? r : (long)res);
	return 0;
}
