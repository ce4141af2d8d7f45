// SPDX-License-Identifier: GPL-2.0
/*
 * mem_sdk: the SDK's allocator and formatting at work in a container.
 * Writes one "NAME FAILURES" line per check on wfd 1 (the test wants every
 * FAILURES to be 0), details of any failure on wfd 2, and last a line made
 * by minos_printf() itself: "printf: -7 0x2a |abc  | 00042 100%".
 *
 *   align      malloc of sizes 0 .. 70000: 16-byte aligned, usable size
 *              at least the request, no two live blocks overlap
 *   calloc     zeroed, also after reuse; overflowing n * size is NULL
 *   realloc    keeps the bytes: small to small, small to large, large to
 *              large (mremap, growing and shrinking), large to small
 *   threads    8 threads x 3000 mallocs and frees of random sizes, each
 *              block filled with its owner's byte and checked before free
 *   format     minos_snprintf against the expected text of 40 formats
 *   string     strlen, strcmp, strchr, ... on fixed strings
 */
#include <minos.h>

static long failures;

static void fail(const char *what, long a, long b)
{
	failures++;
	minos_printf(2, "mem_sdk: %s (%ld, %ld)\n", what, a, b);
}

static void done(const char *name)
{
	minos_printf(1, "%s %ld\n", name, failures);
	failures = 0;
}

static unsigned long rng_next(unsigned long *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

#define NLIVE	300

static void check_align(void)
{
	static char *live[NLIVE];
	static unsigned long len[NLIVE];
	unsigned long seed = 12345, sz;
	int i, j;

	for (i = 0; i < NLIVE; i++) {
		sz = i < 100 ? (unsigned long)i : rng_next(&seed) % 70000;
		live[i] = malloc(sz);
		len[i] = sz;
		if (!live[i]) {
			fail("malloc NULL", i, (long)sz);
			continue;
		}
		if ((unsigned long)live[i] & 15)
			fail("misaligned", i, (long)live[i]);
		if (minos_malloc_usable_size(live[i]) < sz)
			fail("usable size", i, (long)sz);
		memset(live[i], i & 0xff, sz);
	}
	for (i = 0; i < NLIVE; i++) {
		for (j = 0; j < (int)len[i]; j++) {
			if (live[i][j] != (char)(i & 0xff)) {
				fail("overlap", i, j);
				break;
			}
		}
		free(live[i]);
	}
	free((void *)0);
	done("align");
}

static void check_calloc(void)
{
	unsigned long i, k;
	char *p;

	for (k = 0; k < 3; k++) {
		for (i = 1; i < 50000; i = i * 3 + 1) {
			p = calloc(i, 1);
			if (!p) {
				fail("calloc NULL", (long)i, 0);
				continue;
			}
			if (memchr(p, 0x55, i) || memchr(p, 1, i))
				fail("calloc not zero", (long)i, (long)k);
			memset(p, 0x55, i);	/* dirty it for the next round */
			free(p);
		}
	}
	if (calloc(~0UL / 8, 16))
		fail("calloc overflow", 0, 0);
	if (calloc(1UL << 62, 4))
		fail("calloc overflow 2", 0, 0);
	if (malloc(~0UL - 8))
		fail("malloc huge", 0, 0);
	done("calloc");
}

static void check_realloc(void)
{
	static const unsigned long sizes[] = {
		10, 40, 1000, 32000, 40000, 300000, 5000000, 200000, 70000,
		30, 1,
	};
	unsigned long i, j, keep = 10;
	unsigned char *p = malloc(keep);

	for (j = 0; j < keep; j++)
		p[j] = (unsigned char)(j * 5 + 1);
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		unsigned long n = sizes[i];

		p = realloc(p, n);
		if (!p) {
			fail("realloc NULL", (long)n, 0);
			return;
		}
		for (j = 0; j < keep && j < n; j++) {
			if (p[j] != (unsigned char)(j * 5 + 1)) {
				fail("realloc lost data", (long)n, (long)j);
				break;
			}
		}
		for (j = keep; j < n; j++)
			p[j] = (unsigned char)(j * 5 + 1);
		keep = n;
	}
	if (realloc(p, 0))
		fail("realloc 0", 0, 0);
	p = realloc((void *)0, 100);
	if (!p)
		fail("realloc NULL ptr", 0, 0);
	free(p);
	done("realloc");
}

#define THREADS		8
#define OPS		3000
#define SLOTS		64

static void *churn(void *arg)
{
	unsigned long seed = (unsigned long)arg * 7919 + 1, n;
	unsigned char *slot[SLOTS] = { 0 };
	unsigned long len[SLOTS] = { 0 };
	unsigned char mark = (unsigned char)(unsigned long)arg;
	long bad = 0;
	int i, k;
	unsigned long j;

	for (i = 0; i < OPS; i++) {
		k = (int)(rng_next(&seed) % SLOTS);
		if (slot[k]) {
			for (j = 0; j < len[k]; j++) {
				if (slot[k][j] != mark) {
					bad++;
					break;
				}
			}
			free(slot[k]);
			slot[k] = (unsigned char *)0;
			continue;
		}
		n = rng_next(&seed) % 9 ? rng_next(&seed) % 2000 :
					  rng_next(&seed) % 100000;
		slot[k] = malloc(n);
		len[k] = n;
		if (!slot[k])
			bad++;
		else
			memset(slot[k], mark, n);
	}
	for (k = 0; k < SLOTS; k++)
		free(slot[k]);
	return (void *)bad;
}

static void check_threads(void)
{
	struct minos_thread *t[THREADS];
	void *bad;
	long i;

	for (i = 0; i < THREADS; i++) {
		if (minos_thread_create(&t[i], churn, (void *)(i + 1))) {
			fail("thread_create", i, 0);
			t[i] = (struct minos_thread *)0;
		}
	}
	for (i = 0; i < THREADS; i++) {
		if (!t[i])
			continue;
		minos_thread_join(t[i], &bad);
		if (bad)
			fail("corrupted blocks", i, (long)bad);
	}
	done("threads");
}

/* Some formats below are odd on purpose (a flag ignored, %y, NULL). */
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"
#pragma GCC diagnostic ignored "-Wformat-overflow"

static void expect(const char *want, const char *fmt, ...)
{
	char buf[128];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = minos_vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (strcmp(buf, want) || n != (int)strlen(want)) {
		failures++;
		minos_printf(2, "mem_sdk: format \"%s\": got \"%s\" (%d)\n",
			     fmt, buf, n);
	}
}

static void check_format(void)
{
	char small[6];
	int n;

	expect("42", "%d", 42);
	expect("-42", "%i", -42);
	expect("4000000000", "%u", 4000000000U);
	expect("beef", "%x", 0xbeef);
	expect("BEEF", "%X", 0xbeef);
	expect("17", "%o", 15);
	expect("Z", "%c", 'Z');
	expect("str", "%s", "str");
	expect("(null)", "%s", (char *)0);
	expect("%", "%%");
	expect("   42", "%5d", 42);
	expect("42   |", "%-5d|", 42);
	expect("-0042", "%05d", -42);
	expect("+5", "%+d", 5);
	expect(" 5", "% d", 5);
	expect("007", "%.3d", 7);
	expect("", "%.0d", 0);
	expect("0xff", "%#x", 255);
	expect("0", "%#x", 0);
	expect("010", "%#o", 8);
	expect("-1", "%ld", -1L);
	expect("18446744073709551615", "%lu", ~0UL);
	expect("deadbeefcafe", "%lx", 0xdeadbeefcafeUL);
	expect("12345", "%zu", (unsigned long)12345);
	expect("-9000000000", "%lld", -9000000000LL);
	expect("-9223372036854775808", "%ld", (long)(1UL << 63));
	expect("44", "%hhd", 300);
	expect("4464", "%hu", 70000);
	expect("ab", "%.2s", "abcdef");
	expect("     1", "%*d", 6, 1);
	expect("2     |", "%-*d|", 6, 2);
	expect("3     |", "%*d|", -6, 3);
	expect("0x1234", "%p", (void *)0x1234);
	expect("0x0", "%p", (void *)0);
	expect("    0x10", "%8p", (void *)0x10);
	expect("   ab|ab   |", "%5s|%-5s|", "ab", "ab");
	expect("     005", "%08.3d", 5);
	expect("a%yb", "a%yb");
	expect("x 1 y 2 z", "x %d y %d z", 1, 2);
	expect("0000000f", "%08x", 15);

	n = minos_snprintf(small, sizeof(small), "%s", "hello world");
	if (n != 11 || strcmp(small, "hello"))
		fail("snprintf cut", n, 0);
	n = minos_snprintf((char *)0, 0, "%d", 123456);
	if (n != 6)
		fail("snprintf size 0", n, 0);
	done("format");
}

static void check_string(void)
{
	char buf[32];
	char *d;

	if (strlen("") || strlen("abc") != 3 || strnlen("abcdef", 4) != 4)
		fail("strlen", 0, 0);
	if (strcmp("abc", "abc") || strcmp("abc", "abd") >= 0 ||
	    strcmp("b", "a") <= 0 || strncmp("abcx", "abcy", 3))
		fail("strcmp", 0, 0);
	if (strchr("hello", 'l') != (char *)"hello" + 2 &&
	    strcmp(strchr("hello", 'l'), "llo"))
		fail("strchr", 0, 0);
	if (strcmp(strrchr("a/b/c", '/'), "/c") || strchr("abc", 'z') ||
	    strcmp(strstr("haystack", "st"), "stack"))
		fail("strrchr/strstr", 0, 0);
	strcpy(buf, "foo");
	strcat(buf, "bar");
	if (strcmp(buf, "foobar"))
		fail("strcpy/strcat", 0, 0);
	d = strdup(buf);
	if (!d || strcmp(d, "foobar") || d == buf)
		fail("strdup", 0, 0);
	free(d);
	d = strndup("abcdef", 3);
	if (!d || strcmp(d, "abc"))
		fail("strndup", 0, 0);
	free(d);
	done("string");
}

int main(void)
{
	check_align();
	check_calloc();
	check_realloc();
	check_threads();
	check_format();
	check_string();
	minos_printf(1, "printf: %d %#x |%-5s| %05d 100%%\n", -7, 42, "abc",
		     42);
	return 0;
}
