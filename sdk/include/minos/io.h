/* SPDX-License-Identifier: MIT */
/*
 * Minos SDK: writing whole buffers, strings and numbers to a wfd.
 *
 * MIT licensed so that any program may be built with it: see <minos.h>.
 */
#ifndef MINOS_SDK_IO_H
#define MINOS_SDK_IO_H

#include "calls.h"
#include "string.h"

/*
 * Write all @size bytes of @buf, looping over partial writes. Returns
 * @size, or the first error (-errno; some bytes may have been written).
 */
static inline long minos_write_all(int wfd, const void *buf,
				   unsigned long size)
{
	const char *p = buf;
	unsigned long done = 0;

	while (done < size) {
		long n = minos_write(wfd, p + done, size - done);

		if (n < 0)
			return n;
		if (n == 0)	/* not expected from the ABI; do not spin */
			return -EIO;
		done += (unsigned long)n;
	}
	return (long)size;
}

/* Write the string @s, without its NUL and without adding a newline. */
static inline long minos_puts(int wfd, const char *s)
{
	return minos_write_all(wfd, s, minos_strlen(s));
}

/* Write @v in decimal ("-" for negative values, no padding). */
static inline long minos_put_long(int wfd, long v)
{
	char buf[24];
	char *p = buf + sizeof(buf);
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;

	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		*--p = '-';
	return minos_write_all(wfd, p, (unsigned long)(buf + sizeof(buf) - p));
}

/* Write @v in lower-case hexadecimal, no "0x" prefix, no padding. */
static inline long minos_put_hex(int wfd, unsigned long v)
{
	static const char digits[] = "0123456789abcdef";
	char buf[16];
	char *p = buf + sizeof(buf);

	do {
		*--p = digits[v & 0xf];
		v >>= 4;
	} while (v);
	return minos_write_all(wfd, p, (unsigned long)(buf + sizeof(buf) - p));
}

#endif /* MINOS_SDK_IO_H */
