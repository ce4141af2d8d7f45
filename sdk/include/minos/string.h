/* SPDX-License-Identifier: MIT */
/*
 * Minos SDK: small string and memory helpers.
 *
 * MIT licensed so that any program may be built with it: see <minos.h>.
 *
 * The start code also provides real memcpy, memmove, memset and memcmp
 * symbols, which the compiler may call on its own (struct copies, loops it
 * recognises), so these helpers may end up as calls to them.
 */
#ifndef MINOS_SDK_STRING_H
#define MINOS_SDK_STRING_H

/* The real functions, from the start code (weak: a program may override). */
void *memcpy(void *dst, const void *src, unsigned long n);
void *memmove(void *dst, const void *src, unsigned long n);
void *memset(void *dst, int c, unsigned long n);
int memcmp(const void *a, const void *b, unsigned long n);

static inline unsigned long minos_strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return (unsigned long)(p - s);
}

static inline int minos_strcmp(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return (int)(unsigned char)*a - (int)(unsigned char)*b;
}

static inline void *minos_memcpy(void *dst, const void *src, unsigned long n)
{
	return memcpy(dst, src, n);
}

static inline void *minos_memmove(void *dst, const void *src, unsigned long n)
{
	return memmove(dst, src, n);
}

static inline void *minos_memset(void *dst, int c, unsigned long n)
{
	return memset(dst, c, n);
}

static inline int minos_memcmp(const void *a, const void *b, unsigned long n)
{
	return memcmp(a, b, n);
}

#endif /* MINOS_SDK_STRING_H */
