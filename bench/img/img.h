/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Minos bench: helpers of the bench images (flat Minos images, built with
 * the SDK). See ../bench.h for the protocol with the driver.
 */
#ifndef MINOS_BENCH_IMG_H
#define MINOS_BENCH_IMG_H

#include <minos.h>

#include "../bench.h"

/* Say what failed on wfd 2 and end the container with status 1. */
static inline __attribute__((noreturn)) void img_fail(const char *what,
						      long err)
{
	minos_puts(2, "bench image: ");
	minos_puts(2, what);
	minos_puts(2, ": ");
	minos_put_long(2, err);
	minos_puts(2, "\n");
	minos_exit_group(1);
}

/* Read the run's parameters, the first bytes of rfd 0. */
static inline void img_params(struct bench_params *p)
{
	char *dst = (char *)p;
	unsigned long got = 0;
	long n;

	while (got < sizeof(*p)) {
		n = minos_read_one(0, dst + got, sizeof(*p) - got);
		if (n <= 0)
			img_fail("reading the parameters from rfd 0", n);
		got += (unsigned long)n;
	}
	if (p->magic != BENCH_MAGIC)
		img_fail("bad parameter magic", p->magic);
}

/* One marker byte to the driver, which timestamps it. */
static inline void img_mark(char c)
{
	long n = minos_write(BENCH_MARK_FD, &c, 1);

	if (n != 1)
		img_fail("writing a marker", n);
}

/* Read exactly @size bytes from @rfd. */
static inline void img_read_full(int rfd, char *buf, unsigned long size)
{
	unsigned long got = 0;
	long n;

	while (got < size) {
		n = minos_read_one(rfd, buf + got, size - got);
		if (n <= 0)
			img_fail("read", n);
		got += (unsigned long)n;
	}
}

#endif /* MINOS_BENCH_IMG_H */
