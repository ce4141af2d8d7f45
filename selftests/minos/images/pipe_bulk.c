// SPDX-License-Identifier: GPL-2.0
/*
 * pipe_bulk: N writers, one reader, one pipe, 64 MiB (pipe_bulk.h). Each
 * writer thread writes its own pipe_pattern.h stream in writes of random
 * sizes from 1 byte to 128 KiB; the main thread reads with sizes that
 * vary, sorts each byte to its writer by the top two bits and checks that
 * writer's bytes in order, and keeps a checksum (FNV-1a) of each writer's
 * bytes as it got them, until end of stream: the last writer to end
 * closes the write end.
 *
 * Reports on wfd 2, one per line:
 *   total bytes read
 *   per writer: bytes read, position of the first wrong byte (-1: none),
 *     checksum of the bytes read (as a signed number), writes made,
 *     bytes written, smallest write result
 *   the last read's result (0: end of stream)
 */
#include <minos.h>
#include "pipe_lib.h"
#include "pipe_bulk.h"

#define RBUF	(64 * 1024)

static int wfd, rfd;
static int live = PB_WRITERS;

static struct writer {
	unsigned char *pattern;	/* PB_MAX_WRITE + PL_PERIOD bytes */
	long writes, written, least;
	struct pl_thread thread;
} writers[PB_WRITERS];

static int write_stream(void *arg)
{
	long w = (long)arg;
	struct writer *me = &writers[w];
	unsigned int seed = 0x9e3779b9u * (unsigned int)(w + 1);
	unsigned long pos = 0;

	me->least = (long)PB_MAX_WRITE;
	while (pos < PB_PER_WRITER) {
		unsigned int r = pl_rand(&seed);
		unsigned long n;
		long got;

		/* Half small (atomic), half up to 128 KiB. */
		if (r & 1)
			n = 1 + (r >> 1) % MINOS_ATOMIC_WRITE;
		else
			n = 1 + (r >> 1) % PB_MAX_WRITE;
		if (n > PB_PER_WRITER - pos)
			n = PB_PER_WRITER - pos;
		got = minos_write(wfd, me->pattern + pos % PL_PERIOD, n);
		me->writes++;
		if (got < me->least)
			me->least = got;
		if (got <= 0)
			break;
		pos += (unsigned long)got;
	}
	me->written = (long)pos;
	if (__atomic_sub_fetch(&live, 1, __ATOMIC_ACQ_REL) == 0)
		minos_wclose(wfd);
	return 0;
}

int main(void)
{
	static const unsigned long sizes[] = { RBUF, 4000, 1, 777, 32768,
					       4096, 65535, 12345 };
	unsigned long long sum[PB_WRITERS];
	long got[PB_WRITERS], bad[PB_WRITERS];
	unsigned int mod[PB_WRITERS];
	unsigned char *buf = pl_alloc(RBUF);
	unsigned long total = 0;
	unsigned int k = 0;
	long n;

	if (!buf || minos_pipe(&wfd, &rfd))
		return 10;
	for (long w = 0; w < PB_WRITERS; w++) {
		writers[w].pattern = pl_alloc(PB_MAX_WRITE + PL_PERIOD);
		if (!writers[w].pattern)
			return 11;
		pl_pattern_fill(writers[w].pattern, PB_MAX_WRITE + PL_PERIOD,
				(unsigned int)w, 0);
		sum[w] = PL_FNV_INIT;
		got[w] = 0;
		bad[w] = -1;
		mod[w] = 0;
	}
	for (long w = 0; w < PB_WRITERS; w++)
		if (pl_thread_start(&writers[w].thread, write_stream,
				    (void *)w) < 0)
			return 12;

	for (;;) {
		n = minos_read_one(rfd, buf, sizes[k++ % 8]);
		if (n <= 0)
			break;
		for (long i = 0; i < n; i++) {
			unsigned char b = buf[i];
			unsigned int w = b >> 6;

			if ((b & 63) != mod[w] && bad[w] < 0)
				bad[w] = got[w];
			if (++mod[w] == PL_PERIOD)
				mod[w] = 0;
			got[w]++;
			sum[w] = (sum[w] ^ b) * PL_FNV_PRIME;
		}
		total += (unsigned long)n;
	}
	for (int w = 0; w < PB_WRITERS; w++)
		pl_thread_join(&writers[w].thread);

	report(2, (long)total);
	for (int w = 0; w < PB_WRITERS; w++) {
		report(2, got[w]);
		report(2, bad[w]);
		report(2, (long)sum[w]);
		report(2, writers[w].writes);
		report(2, writers[w].written);
		report(2, writers[w].least);
	}
	report(2, n);
	return 0;
}
