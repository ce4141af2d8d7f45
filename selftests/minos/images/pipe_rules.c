// SPDX-License-Identifier: GPL-2.0
/*
 * pipe_rules: the rules and error paths of pipe, write, read, wclose and
 * rclose that one thread can check on its own, on Minos pipes and on the
 * host's rfd 0 and wfd 1. Every result goes to wfd 2 in the order of
 * pipe_rules.h; the exit status is 0 when the image got that far.
 */
#include <minos.h>
#include "pipe_lib.h"
#include "pipe_rules.h"

#define KERNEL_ADDR	0xffffffff81000000UL

static long r[PR_NSLOTS];
static unsigned char buf[256];
static int many[1025];

/* A read with every argument as a full 64-bit register value. */
static struct minos_pair raw_read(const void *rfds, long count, void *addr,
				  long size)
{
	return minos_syscall_pair4(MINOS_NR_READ, (long)rfds, count,
				   (long)addr, size);
}

static void sentinel(void)
{
	minos_memset(buf, PL_SENTINEL, sizeof(buf));
}

/* True when reading @rfd gives exactly the @n bytes @want, and no more. */
static int holds(int rfd, const char *want, unsigned long n)
{
	long got;

	sentinel();
	got = minos_read_one(rfd, buf, sizeof(buf));
	return got == (long)n && !minos_memcmp(buf, want, n) &&
	       pl_untouched(buf + n, sizeof(buf) - n);
}

static void new_pipe(int *wfd, int *rfd)
{
	if (minos_pipe(wfd, rfd))
		minos_exit_group(10);
}

static void basics(void)
{
	struct minos_pair p = minos_syscall_pair4(MINOS_NR_PIPE, 0, 0, 0, 0);
	int wfd = (int)p.a, rfd = (int)p.b;
	int served = -1;

	r[PR_PIPE_RAX] = p.a;
	r[PR_PIPE_RDX] = p.b;
	if (p.a < 0)
		minos_exit_group(11);

	r[PR_WRITE_5] = minos_write(wfd, "hello", 5);
	sentinel();
	r[PR_READ_5] = minos_read(&rfd, 1, buf, 64, &served);
	r[PR_READ_5_RDX] = served;
	r[PR_READ_5_OK] = !minos_memcmp(buf, "hello", 5) &&
			  pl_untouched(buf + 5, sizeof(buf) - 5);

	r[PR_WRITE_0] = minos_write(wfd, "zzz", 0);
	r[PR_WRITE_0_NULL] = minos_write(wfd, (void *)0, 0);
	r[PR_WRITE_0_NOTHING_OK] = minos_write(wfd, "x", 1) == 1 &&
				   holds(rfd, "x", 1);

	minos_wclose(wfd);
	minos_rclose(rfd);
}

static void bad_arguments(void)
{
	struct minos_pair p;
	int wfd, rfd, i, ok = 1;
	int pair[2];

	new_pipe(&wfd, &rfd);
	minos_write(wfd, "abc", 3);

	sentinel();
	p = raw_read(&rfd, 1, buf, 0);
	r[PR_READ_SIZE_0] = p.a;
	r[PR_READ_SIZE_0_OK] = pl_untouched(buf, sizeof(buf));

	for (i = 0; i < 1025; i++)
		many[i] = rfd;
	r[PR_COUNT_0] = raw_read(many, 0, buf, 64).a;
	ok &= pl_untouched(buf, sizeof(buf));
	r[PR_COUNT_1025] = raw_read(many, 1025, buf, 64).a;
	ok &= pl_untouched(buf, sizeof(buf));
	r[PR_COUNT_NEG] = raw_read(many, -1L, buf, 64).a;
	ok &= pl_untouched(buf, sizeof(buf));
	r[PR_COUNT_2_32_PLUS_1] = raw_read(many, (1L << 32) + 1, buf, 64).a;
	ok &= pl_untouched(buf, sizeof(buf));
	r[PR_COUNT_OK] = ok && r[PR_READ_SIZE_0_OK];

	ok = 1;
	r[PR_READ_WFD] = minos_read(&wfd, 1, buf, 64, (int *)0);
	ok &= pl_untouched(buf, sizeof(buf));
	pair[0] = rfd;
	pair[1] = wfd;
	r[PR_READ_RFD_AND_WFD] = minos_read(pair, 2, buf, 64, (int *)0);
	ok &= pl_untouched(buf, sizeof(buf));
	pair[1] = 1;
	r[PR_READ_WFD_1] = minos_read(pair + 1, 1, buf, 64, (int *)0);
	ok &= pl_untouched(buf, sizeof(buf));
	pair[1] = 1000;
	r[PR_READ_FREE_NUMBER] = minos_read(pair + 1, 1, buf, 64, (int *)0);
	ok &= pl_untouched(buf, sizeof(buf));
	pair[1] = -1;
	r[PR_READ_NEGATIVE] = minos_read(pair + 1, 1, buf, 64, (int *)0);
	ok &= pl_untouched(buf, sizeof(buf));
	r[PR_READ_BADFD_OK] = ok && holds(rfd, "abc", 3);

	r[PR_WRITE_RFD] = minos_write(rfd, "q", 1);
	r[PR_WRITE_RFD_0] = minos_write(0, "q", 1);

	r[PR_WCLOSE_RFD] = minos_wclose(rfd);
	r[PR_RCLOSE_WFD] = minos_rclose(wfd);
	r[PR_WCLOSE_FREE] = minos_wclose(1000);
	r[PR_RCLOSE_FREE] = minos_rclose(1000);
	r[PR_WCLOSE_NEG] = minos_wclose(-1);
	r[PR_RCLOSE_NEG] = minos_rclose(-1);
	r[PR_WRONG_CLOSE_OK] = minos_write(wfd, "pq", 2) == 2 &&
			       holds(rfd, "pq", 2);

	r[PR_WCLOSE_1ST] = minos_wclose(wfd);
	r[PR_WCLOSE_2ND] = minos_wclose(wfd);
	r[PR_RCLOSE_1ST] = minos_rclose(rfd);
	r[PR_RCLOSE_2ND] = minos_rclose(rfd);
	r[PR_WRITE_CLOSED] = minos_write(wfd, "q", 1);
	r[PR_READ_CLOSED] = minos_read_one(rfd, buf, 64);
}

static void end_of_stream(void)
{
	int wfd, rfd, served = -1, ok;

	new_pipe(&wfd, &rfd);
	minos_write(wfd, "abcdef", 6);
	minos_wclose(wfd);
	sentinel();
	r[PR_EOF_1] = minos_read_one(rfd, buf, 4);
	ok = !minos_memcmp(buf, "abcd", 4) && pl_untouched(buf + 4, 252);
	r[PR_EOF_2] = minos_read_one(rfd, buf + 4, 4);
	ok &= !minos_memcmp(buf, "abcdef", 6) && pl_untouched(buf + 6, 250);
	r[PR_EOF_3] = minos_read(&rfd, 1, buf + 6, 4, &served);
	r[PR_EOF_3_RDX_OK] = served == rfd;
	r[PR_EOF_4] = minos_read_one(rfd, buf + 6, 4);
	r[PR_EOF_OK] = ok && pl_untouched(buf + 6, 250);
	minos_rclose(rfd);

	new_pipe(&wfd, &rfd);
	minos_wclose(wfd);
	r[PR_EOF_EMPTY] = minos_read_one(rfd, buf, 4);
	minos_rclose(rfd);
}

static void broken_pipe(void)
{
	unsigned char *big = pl_alloc(100000);
	int wfd, rfd;

	if (!big)
		minos_exit_group(12);
	new_pipe(&wfd, &rfd);
	minos_rclose(rfd);
	r[PR_EPIPE_1] = minos_write(wfd, "a", 1);
	r[PR_EPIPE_2] = minos_write(wfd, "bcd", 3);
	minos_wclose(wfd);

	new_pipe(&wfd, &rfd);
	minos_write(wfd, "abc", 3);
	minos_rclose(rfd);
	r[PR_EPIPE_BUFFERED] = minos_write(wfd, "d", 1);
	r[PR_EPIPE_BIG] = minos_write(wfd, big, 100000);
	r[PR_EPIPE_ATOMIC] = minos_write(wfd, big, 4096);
	minos_wclose(wfd);
	minos_munmap(big, 100000);
}

static void bad_pointers(void)
{
	unsigned char *page = pl_alloc(2 * PL_PAGE);
	unsigned char *gone = page + PL_PAGE;
	int *edge = (int *)gone - 1;
	int wfd, rfd;

	if (!page)
		minos_exit_group(13);
	minos_munmap(gone, PL_PAGE);

	new_pipe(&wfd, &rfd);
	r[PR_WRITE_FAULT_NULL] = minos_write(wfd, (void *)0, 10);
	r[PR_WRITE_FAULT_UNMAPPED] = minos_write(wfd, gone, 10);
	r[PR_WRITE_FAULT_KERNEL] = minos_write(wfd, (void *)KERNEL_ADDR, 10);
	r[PR_WRITE_FAULT_OK] = minos_write(wfd, "ok", 2) == 2 &&
			       holds(rfd, "ok", 2);

	minos_write(wfd, "data", 4);
	sentinel();
	r[PR_RFDS_FAULT_NULL] = raw_read((void *)0, 1, buf, 64).a;
	r[PR_RFDS_FAULT_UNMAPPED] = raw_read(gone, 1, buf, 64).a;
	r[PR_RFDS_FAULT_KERNEL] = raw_read((void *)KERNEL_ADDR, 1, buf, 64).a;
	*edge = rfd;
	r[PR_RFDS_FAULT_STRADDLE] = raw_read(edge, 2, buf, 64).a;
	r[PR_RFDS_FAULT_OK] = pl_untouched(buf, sizeof(buf)) &&
			      holds(rfd, "data", 4);

	/* Data is ready each time, so only the buffer can be at fault. */
	minos_write(wfd, "data", 4);
	r[PR_BUF_FAULT_NULL] = raw_read(&rfd, 1, (void *)0, 64).a;
	minos_mprotect(page, PL_PAGE, PROT_READ);
	minos_write(wfd, "data", 4);
	r[PR_BUF_FAULT_READONLY] = raw_read(&rfd, 1, page, 64).a;
	minos_write(wfd, "data", 4);
	r[PR_BUF_FAULT_KERNEL] = raw_read(&rfd, 1, (void *)KERNEL_ADDR, 64).a;
	minos_wclose(wfd);
	minos_rclose(rfd);
	minos_munmap(page, PL_PAGE);
}

static void capacity(void)
{
	unsigned char *a = pl_alloc(70000), *b = pl_alloc(5000);
	unsigned char *in = pl_alloc(MINOS_PIPE_CAPACITY);
	int wfd, rfd, ok = 1;
	long n;

	if (!a || !b || !in)
		minos_exit_group(14);
	pl_pattern_fill(a, 70000, 1, 0);
	pl_pattern_fill(b, 5000, 2, 0);
	new_pipe(&wfd, &rfd);
	r[PR_FILL] = minos_write(wfd, a, 70000);
	r[PR_FILL_READ_10] = minos_read_one(rfd, in, 10);
	ok &= !minos_memcmp(in, a, 10);
	r[PR_FILL_PARTIAL] = minos_write(wfd, b, 5000);
	/* Now 65526 bytes of a (from 10 on), then 10 of b. */
	n = pl_read_n(rfd, in, MINOS_PIPE_CAPACITY);
	ok &= n == MINOS_PIPE_CAPACITY &&
	      !minos_memcmp(in, a + 10, MINOS_PIPE_CAPACITY - 10) &&
	      !minos_memcmp(in + MINOS_PIPE_CAPACITY - 10, b, 10);
	r[PR_FILL_OK] = ok;
	minos_wclose(wfd);
	minos_rclose(rfd);
}

static void host_descriptors(void)
{
	struct minos_pair p;

	r[PR_RCLOSE_HOST_0] = minos_rclose(0);
	r[PR_READ_HOST_0_CLOSED] = minos_read_one(0, buf, 1);
	r[PR_WCLOSE_HOST_1] = minos_wclose(1);
	r[PR_WRITE_HOST_1_CLOSED] = minos_write(1, "x", 1);
	p = minos_syscall_pair4(MINOS_NR_PIPE, 0, 0, 0, 0);
	r[PR_PIPE_AFTER_HOST_RAX] = p.a;
	r[PR_PIPE_AFTER_HOST_RDX] = p.b;
}

int main(void)
{
	basics();
	bad_arguments();
	end_of_stream();
	broken_pipe();
	bad_pointers();
	capacity();
	host_descriptors();
	for (int i = 0; i < PR_NSLOTS; i++)
		report(2, r[i]);
	return 0;
}
