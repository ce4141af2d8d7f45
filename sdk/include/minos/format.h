/* SPDX-License-Identifier: MIT */
/*
 * Minos SDK: formatted output, to a buffer or to a wfd.
 *
 * MIT licensed so that any program may be built with it: see <minos.h>.
 *
 * The formats are printf's, for the types a Minos program uses:
 *
 *   %d %i %u %x %X %o %c %s %p %%
 *   flags      - (left-justify)  0 (zero-pad)  + (sign)  ' ' (space)
 *              # (0x / 0 prefix)
 *   width      a number, or * (an int argument)
 *   precision  .number or .* : minimum digits, or maximum string bytes
 *   length     hh h l ll z t j  (so %ld %lu %lx %zu %lld ...)
 *
 * %p prints "0x" and the address in lower-case hex (0x0 for NULL); %s of
 * NULL prints "(null)". No floating point, no %n. An unknown conversion is
 * printed as it stands.
 */
#ifndef MINOS_SDK_FORMAT_H
#define MINOS_SDK_FORMAT_H

#include <stdarg.h>

/*
 * Format into @buf, at most @size bytes with the terminating NUL (nothing
 * at all when @size is 0). Returns the length of the whole result, as if
 * @buf were large enough: a result >= @size was cut.
 */
int minos_snprintf(char *buf, unsigned long size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int minos_vsnprintf(char *buf, unsigned long size, const char *fmt,
		    va_list ap) __attribute__((format(printf, 3, 0)));

/*
 * Format to @wfd. The text is written in writes of up to
 * MINOS_PRINTF_BUFFER bytes: output that fits in one is a single write,
 * which on a Minos pipe is atomic (threads' lines do not mix). Returns the
 * number of bytes written, or the first write error (-errno).
 */
#define MINOS_PRINTF_BUFFER	1024

long minos_printf(int wfd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
long minos_vprintf(int wfd, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

#endif /* MINOS_SDK_FORMAT_H */
