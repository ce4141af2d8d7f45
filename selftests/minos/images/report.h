/* SPDX-License-Identifier: GPL-2.0 */
/*
 * How the C images report results to the test: one decimal number per
 * line on a wfd of the test's choice (the test parses them with
 * parse_longs()).
 */
#ifndef MINOS_SELFTEST_REPORT_H
#define MINOS_SELFTEST_REPORT_H

#include <minos.h>

static inline void report(int wfd, long v)
{
	minos_put_long(wfd, v);
	minos_write(wfd, "\n", 1);
}

/* A raw Minos write: the wfd is passed as a full 64-bit register. */
static inline long raw_write(long wfd, const void *buf, unsigned long size)
{
	return minos_syscall3(MINOS_NR_WRITE, wfd, (long)buf, (long)size);
}

#endif /* MINOS_SELFTEST_REPORT_H */
