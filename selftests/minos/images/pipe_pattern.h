/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The byte pattern of the pipe_*, read_* and fd_* stream tests, shared by
 * the images and the test programs (plain C, no SDK, no libc).
 *
 * Byte @pos of writer @w's stream is @w in the top two bits and @pos
 * modulo 61 in the low six. A reader that gets the bytes of up to four
 * writers mixed sorts them by their top bits and checks each writer's own
 * bytes in order: a lost, repeated or reordered run shows, since no power
 * of two (page, buffer or pipe size) is a multiple of 61.
 */
#ifndef MINOS_SELFTEST_PIPE_PATTERN_H
#define MINOS_SELFTEST_PIPE_PATTERN_H

#define PL_PERIOD	61

static inline unsigned char pl_pattern(unsigned int w, unsigned long pos)
{
	return (unsigned char)((w << 6) | (pos % PL_PERIOD));
}

/* Fill @buf with @n bytes of writer @w's stream from position @pos. */
static inline void pl_pattern_fill(void *buf, unsigned long n, unsigned int w,
				   unsigned long pos)
{
	unsigned char *p = buf;
	unsigned int m = (unsigned int)(pos % PL_PERIOD);

	for (unsigned long i = 0; i < n; i++) {
		p[i] = (unsigned char)((w << 6) | m);
		if (++m == PL_PERIOD)
			m = 0;
	}
}

/*
 * Where @buf stops being writer @w's stream from position @pos: the
 * index of the first wrong byte, or @n when all @n bytes are right.
 */
static inline unsigned long pl_pattern_check(const void *buf, unsigned long n,
					     unsigned int w, unsigned long pos)
{
	const unsigned char *p = buf;
	unsigned int m = (unsigned int)(pos % PL_PERIOD);

	for (unsigned long i = 0; i < n; i++) {
		if (p[i] != (unsigned char)((w << 6) | m))
			return i;
		if (++m == PL_PERIOD)
			m = 0;
	}
	return n;
}

/* 64-bit FNV-1a, continued from @h (start with PL_FNV_INIT). */
#define PL_FNV_INIT	0xcbf29ce484222325ULL
#define PL_FNV_PRIME	0x100000001b3ULL

static inline unsigned long long pl_fnv(unsigned long long h, const void *buf,
					unsigned long n)
{
	const unsigned char *p = buf;

	for (unsigned long i = 0; i < n; i++)
		h = (h ^ p[i]) * PL_FNV_PRIME;
	return h;
}

/* A small deterministic generator (xorshift32); *@s must not be 0. */
static inline unsigned int pl_rand(unsigned int *s)
{
	unsigned int x = *s;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	*s = x;
	return x;
}

#endif /* MINOS_SELFTEST_PIPE_PATTERN_H */
