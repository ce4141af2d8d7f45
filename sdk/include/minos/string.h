/* SPDX-License-Identifier: MIT */
/*
 * Minos SDK: small string and memory helpers.
 *
 * MIT licensed so that any program may be built with it: see <minos.h>.
 *
 * The start code also provides real memcpy, memmove, memset and memcmp
 * symbols, which the compiler may call on its own (struct copies, loops it
 * recognises), so these helpers may end up as calls to them. The usual C
 * string functions below come from the SDK's archive (lib/string.c), and
 * are linked in only when used and not defined by the program itself.
 */
#ifndef MINOS_SDK_STRING_H
#define MINOS_SDK_STRING_H

/* The real functions, from the start code (weak: a program may override). */
void *memcpy(void *dst, const void *src, unsigned long n);
void *memmove(void *dst, const void *src, unsigned long n);
void *memset(void *dst, int c, unsigned long n);
int memcmp(const void *a, const void *b, unsigned long n);

/* The C string functions, with their C meaning (lib/string.c). */
unsigned long strlen(const char *s);
unsigned long strnlen(const char *s, unsigned long max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, unsigned long n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
void *memchr(const void *s, int c, unsigned long n);
char *strcpy(char *dst, const char *src);
char *strncpy(char *dst, const char *src, unsigned long n);
char *strcat(char *dst, const char *src);
/* A copy in malloc()ed memory (of at most @n bytes, plus a NUL), or NULL. */
char *strdup(const char *s);
char *strndup(const char *s, unsigned long n);

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
