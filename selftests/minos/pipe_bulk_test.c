// SPDX-License-Identifier: GPL-2.0
/*
 * pipe_bulk_test: many writers, one reader, one Minos pipe.
 *
 * - 64 MiB: four writer threads each write 16 MiB of their own stream
 *   (images/pipe_pattern.h) in writes of 1 byte to 128 KiB, some atomic,
 *   most not; the reader gets every writer's bytes complete and in order
 *   (checked byte by byte and by a checksum the test computes on its
 *   own), every write returns a positive count, and the stream ends once
 *   the write end is closed.
 * - Atomic writes: four writer threads make writes of 1 .. 4096 bytes (a
 *   quarter exactly 4096) while the reader drains the pipe in small
 *   pieces; no write of at most 4096 bytes is split by another writer's
 *   bytes, and each returns its full size.
 *
 * The images (images/pipe_bulk.c, images/pipe_atomic.c) do the work and
 * report; these tests run for a while under TCG (see their timeouts).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "helpers.h"
#include "pipe_helpers.h"
#include "minos.h"
#include "pipe_bulk.h"
#include "pipe_atomic.h"

static struct mx_result res;

/* FNV-1a of @n bytes of pattern writer @w from position 0. */
static unsigned long long pattern_fnv(unsigned int w, unsigned long n)
{
	static unsigned char buf[PL_PERIOD * 1024];
	unsigned long long h = PL_FNV_INIT;
	unsigned long done = 0;

	pl_pattern_fill(buf, sizeof(buf), w, 0);
	while (done < n) {
		unsigned long len = n - done < sizeof(buf) ? n - done :
			sizeof(buf);

		h = pl_fnv(h, buf, len);
		done += len;
	}
	return h;
}

FIXTURE(bulk) {};
FIXTURE_SETUP(bulk) {}
FIXTURE_TEARDOWN(bulk) {}

TEST_F_TIMEOUT(bulk, four_writers_64mib_one_reader, 280)
{
	const char *args[] = { mx_image("pipe_bulk.bin"), NULL };
	long v[2 + 6 * PB_WRITERS];
	int w;

	MINOS_REQUIRE();
	ASSERT_EQ(0, mx_run_args(args, &res));
	ASSERT_EXITED(res.status, 0);
	ASSERT_EQ(2 + 6 * PB_WRITERS, parse_longs(res.err, v, ARRAY_SIZE(v)))
		TH_LOG("report: %s", res.err);
	EXPECT_EQ(PB_WRITERS * PB_PER_WRITER, v[0]) TH_LOG("bytes read");
	for (w = 0; w < PB_WRITERS; w++) {
		const long *p = v + 1 + 6 * w;
		unsigned long long want = pattern_fnv(w, PB_PER_WRITER);

		EXPECT_EQ(PB_PER_WRITER, p[0]) TH_LOG("writer %d: bytes read", w);
		EXPECT_EQ(-1, p[1]) TH_LOG("writer %d: first wrong byte", w);
		EXPECT_EQ((long)want, p[2])
			TH_LOG("writer %d: checksum %lx, wanted %llx", w,
			       (unsigned long)p[2], want);
		EXPECT_EQ(PB_PER_WRITER, p[4]) TH_LOG("writer %d: written", w);
		EXPECT_LT(0, p[5]) TH_LOG("writer %d: smallest write result", w);
		TH_LOG("writer %d: %ld writes", w, p[3]);
	}
	EXPECT_EQ(0, v[1 + 6 * PB_WRITERS]) TH_LOG("read after the last byte");
}

TEST_F_TIMEOUT(bulk, atomic_writes_never_interleave, 280)
{
	const char *args[] = { mx_image("pipe_atomic.bin"), NULL };
	long v[8 + 2 * PA_WRITERS], want_total = 0;
	int w, k;

	MINOS_REQUIRE();
	for (w = 0; w < PA_WRITERS; w++) {
		unsigned int seed = pa_seed(w);

		for (k = 0; k < PA_WRITES; k++)
			want_total += pa_next_size(&seed);
	}
	ASSERT_EQ(0, mx_run_args(args, &res));
	ASSERT_EXITED(res.status, 0);
	ASSERT_EQ(8 + 2 * PA_WRITERS, parse_longs(res.err, v, ARRAY_SIZE(v)))
		TH_LOG("report: %s", res.err);
	EXPECT_EQ(want_total, v[0]) TH_LOG("bytes read");
	EXPECT_EQ(PA_WRITERS * PA_WRITES, v[1]) TH_LOG("runs (writes) seen");
	EXPECT_EQ(0, v[2])
		TH_LOG("%ld runs were not whole writes; first: writer %ld, write %ld, %ld bytes, wanted %ld",
		       v[2], v[3], v[4], v[5], v[6]);
	for (w = 0; w < PA_WRITERS; w++) {
		EXPECT_EQ(PA_WRITES, v[7 + 2 * w])
			TH_LOG("writer %d: writes seen", w);
		EXPECT_EQ(0, v[8 + 2 * w])
			TH_LOG("writer %d: writes that returned less", w);
	}
	EXPECT_EQ(0, v[7 + 2 * PA_WRITERS]) TH_LOG("read after the last byte");
}

TEST_HARNESS_MAIN
