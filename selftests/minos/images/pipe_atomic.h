/* SPDX-License-Identifier: GPL-2.0 */
/*
 * images/pipe_atomic.bin: PA_WRITERS threads each make PA_WRITES writes
 * into one pipe. Write k of writer w has pa_size(w, k) bytes, all equal
 * to (w << 6) | (k % 61): a quarter of the writes are exactly 4096 bytes
 * (MINOS_ATOMIC_WRITE), the others 1 .. 4096.
 */
#ifndef MINOS_SELFTEST_PIPE_ATOMIC_H
#define MINOS_SELFTEST_PIPE_ATOMIC_H

#define PA_WRITERS	4
#define PA_WRITES	2000

/* The size of each next write of a writer whose generator is at *@seed. */
static inline unsigned long pa_next_size(unsigned int *seed)
{
	unsigned int x = *seed;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	*seed = x;
	return (x & 3) == 0 ? 4096 : 1 + (x >> 2) % 4096;
}

static inline unsigned int pa_seed(unsigned int w)
{
	return 0x2545f491u * (w + 1);
}

#endif /* MINOS_SELFTEST_PIPE_ATOMIC_H */
