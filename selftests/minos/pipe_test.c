// SPDX-License-Identifier: GPL-2.0
/*
 * pipe_test: the Minos calls pipe, write, read, wclose and rclose on Minos
 * pipes, each rule and error path of minos-abi.md (Descriptors, Calls)
 * that does not need more than one reader:
 *
 * - pipe() returns the write end in rax and the read end in rdx; numbers
 *   are allocated lowest-free first, also after closes; the table is
 *   limited by RLIMIT_NOFILE (-EMFILE, no number lost on failure).
 * - write returns the count; size 0 returns 0; a 64 KiB pipe takes 65536
 *   bytes of a larger write, then only what fits of a write above 4096
 *   bytes; -EPIPE and no signal once the read end is closed.
 * - read returns the count and the rfd served; rfdcount must be
 *   1 .. 1024 and size > 0 (-EINVAL); the count is 0 only at end of
 *   stream, which comes after the buffered data and stays.
 * - -EBADF for a wfd given to read, an rfd given to write, the wrong close
 *   call, a number closed twice; -EFAULT for bad pointers. A failed call
 *   changes nothing: sentinel-filled buffers stay as they were and the
 *   buffered data is still there.
 * - a thread blocked in read or write is woken by the peer's close or
 *   data, or by the space a reader makes.
 *
 * The images (images/pipe_*.c) do the calls and report each result as a
 * decimal line; the test checks them. Several readers, big streams and
 * host files: read_test, pipe_bulk_test, pipe_kill_test.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "helpers.h"
#include "minos.h"
#include "pipe_rules.h"
#include "pipe_numbers.h"

static struct mx_result res;
static long v[PR_NSLOTS + 1];

/* Check one result of pipe_rules.bin, naming it when it is wrong. */
#define SLOT_EQ(want, slot) do {					\
	long __want = (want);						\
									\
	EXPECT_EQ(__want, v[slot])					\
		TH_LOG("%s = %ld, wanted %ld", #slot, v[slot], __want);	\
} while (0)

/* Run pipe_rules.bin and parse its report into v[]. */
static void run_rules(struct __test_metadata *_metadata)
{
	const char *args[] = { mx_image("pipe_rules.bin"), NULL };

	ASSERT_EQ(0, mx_run_args(args, &res));
	ASSERT_EXITED(res.status, 0);
	ASSERT_EQ(PR_NSLOTS, parse_longs(res.err, v, PR_NSLOTS + 1))
		TH_LOG("report: %s", res.err);
}

TEST(pipe_returns_wfd_in_rax_rfd_in_rdx)
{
	MINOS_REQUIRE();
	run_rules(_metadata);
	/* 0, 1, 2 are the standard descriptors: the lowest free are 3, 4. */
	EXPECT_EQ(7, v[PR_PIPE_RAX] + v[PR_PIPE_RDX]);
	EXPECT_NE(v[PR_PIPE_RAX], v[PR_PIPE_RDX]);
	EXPECT_LE(3, v[PR_PIPE_RAX]);
	EXPECT_LE(3, v[PR_PIPE_RDX]);
	/* The write went to rax, the read came from rdx. */
	SLOT_EQ(5, PR_WRITE_5);
	SLOT_EQ(5, PR_READ_5);
	SLOT_EQ(v[PR_PIPE_RDX], PR_READ_5_RDX);
	SLOT_EQ(1, PR_READ_5_OK);
}

TEST(write_size_zero_returns_zero)
{
	MINOS_REQUIRE();
	run_rules(_metadata);
	SLOT_EQ(0, PR_WRITE_0);
	SLOT_EQ(0, PR_WRITE_0_NULL);
	SLOT_EQ(1, PR_WRITE_0_NOTHING_OK);
}

TEST(read_size_zero_einval)
{
	MINOS_REQUIRE();
	run_rules(_metadata);
	SLOT_EQ(-EINVAL, PR_READ_SIZE_0);
	SLOT_EQ(1, PR_READ_SIZE_0_OK);
}

TEST(read_rfdcount_outside_1_1024_einval)
{
	MINOS_REQUIRE();
	run_rules(_metadata);
	SLOT_EQ(-EINVAL, PR_COUNT_0);
	SLOT_EQ(-EINVAL, PR_COUNT_1025);
	SLOT_EQ(-EINVAL, PR_COUNT_NEG);
	SLOT_EQ(-EINVAL, PR_COUNT_2_32_PLUS_1);
	SLOT_EQ(1, PR_COUNT_OK);
}

TEST(read_of_non_rfd_ebadf)
{
	MINOS_REQUIRE();
	run_rules(_metadata);
	SLOT_EQ(-EBADF, PR_READ_WFD);
	SLOT_EQ(-EBADF, PR_READ_RFD_AND_WFD);
	SLOT_EQ(-EBADF, PR_READ_WFD_1);
	SLOT_EQ(-EBADF, PR_READ_FREE_NUMBER);
	SLOT_EQ(-EBADF, PR_READ_NEGATIVE);
	SLOT_EQ(1, PR_READ_BADFD_OK);
}

TEST(write_to_rfd_ebadf)
{
	MINOS_REQUIRE();
	run_rules(_metadata);
	SLOT_EQ(-EBADF, PR_WRITE_RFD);
	SLOT_EQ(-EBADF, PR_WRITE_RFD_0);
}

TEST(wrong_close_call_ebadf)
{
	MINOS_REQUIRE();
	run_rules(_metadata);
	SLOT_EQ(-EBADF, PR_WCLOSE_RFD);
	SLOT_EQ(-EBADF, PR_RCLOSE_WFD);
	SLOT_EQ(-EBADF, PR_WCLOSE_FREE);
	SLOT_EQ(-EBADF, PR_RCLOSE_FREE);
	SLOT_EQ(-EBADF, PR_WCLOSE_NEG);
	SLOT_EQ(-EBADF, PR_RCLOSE_NEG);
	SLOT_EQ(1, PR_WRONG_CLOSE_OK);
}

TEST(close_twice_ebadf)
{
	MINOS_REQUIRE();
	run_rules(_metadata);
	SLOT_EQ(0, PR_WCLOSE_1ST);
	SLOT_EQ(-EBADF, PR_WCLOSE_2ND);
	SLOT_EQ(0, PR_RCLOSE_1ST);
	SLOT_EQ(-EBADF, PR_RCLOSE_2ND);
	SLOT_EQ(-EBADF, PR_WRITE_CLOSED);
	SLOT_EQ(-EBADF, PR_READ_CLOSED);
}

TEST(end_of_stream_after_buffered_data)
{
	MINOS_REQUIRE();
	run_rules(_metadata);
	SLOT_EQ(4, PR_EOF_1);
	SLOT_EQ(2, PR_EOF_2);
	SLOT_EQ(0, PR_EOF_3);
	SLOT_EQ(1, PR_EOF_3_RDX_OK);
	SLOT_EQ(0, PR_EOF_4);
	SLOT_EQ(1, PR_EOF_OK);
	SLOT_EQ(0, PR_EOF_EMPTY);
}

TEST(write_after_rclose_epipe_no_signal)
{
	MINOS_REQUIRE();
	run_rules(_metadata);
	/* Exit status 0 (run_rules): no SIGPIPE killed the container. */
	SLOT_EQ(-EPIPE, PR_EPIPE_1);
	SLOT_EQ(-EPIPE, PR_EPIPE_2);
	SLOT_EQ(-EPIPE, PR_EPIPE_BUFFERED);
	SLOT_EQ(-EPIPE, PR_EPIPE_BIG);
	SLOT_EQ(-EPIPE, PR_EPIPE_ATOMIC);
}

TEST(bad_pointers_efault)
{
	MINOS_REQUIRE();
	run_rules(_metadata);
	SLOT_EQ(-EFAULT, PR_WRITE_FAULT_NULL);
	SLOT_EQ(-EFAULT, PR_WRITE_FAULT_UNMAPPED);
	SLOT_EQ(-EFAULT, PR_WRITE_FAULT_KERNEL);
	SLOT_EQ(1, PR_WRITE_FAULT_OK);
	SLOT_EQ(-EFAULT, PR_RFDS_FAULT_NULL);
	SLOT_EQ(-EFAULT, PR_RFDS_FAULT_UNMAPPED);
	SLOT_EQ(-EFAULT, PR_RFDS_FAULT_KERNEL);
	SLOT_EQ(-EFAULT, PR_RFDS_FAULT_STRADDLE);
	SLOT_EQ(1, PR_RFDS_FAULT_OK);
	SLOT_EQ(-EFAULT, PR_BUF_FAULT_NULL);
	SLOT_EQ(-EFAULT, PR_BUF_FAULT_READONLY);
	SLOT_EQ(-EFAULT, PR_BUF_FAULT_KERNEL);
}

TEST(capacity_64k_then_partial_write)
{
	MINOS_REQUIRE();
	run_rules(_metadata);
	SLOT_EQ(MINOS_PIPE_CAPACITY, PR_FILL);
	SLOT_EQ(10, PR_FILL_READ_10);
	SLOT_EQ(10, PR_FILL_PARTIAL);
	SLOT_EQ(1, PR_FILL_OK);
}

/* The host's rfd 0 and wfd 1 close like pipe ends and free their numbers. */
TEST(host_descriptors_close_and_free_numbers)
{
	MINOS_REQUIRE();
	run_rules(_metadata);
	SLOT_EQ(0, PR_RCLOSE_HOST_0);
	SLOT_EQ(-EBADF, PR_READ_HOST_0_CLOSED);
	SLOT_EQ(0, PR_WCLOSE_HOST_1);
	SLOT_EQ(-EBADF, PR_WRITE_HOST_1_CLOSED);
	EXPECT_EQ(1, v[PR_PIPE_AFTER_HOST_RAX] + v[PR_PIPE_AFTER_HOST_RDX]);
	EXPECT_EQ(0, v[PR_PIPE_AFTER_HOST_RAX] * v[PR_PIPE_AFTER_HOST_RDX]);
	EXPECT_EQ(0, res.out_len);	/* the write after wclose(1): nothing */
}

/*
 * Lowest free first: pipe_numbers.bin follows PN_SCRIPT; the test replays
 * it on a model of the table that starts with the descriptors minos-exec
 * hands over, and each pipe must get the two lowest free numbers.
 */
FIXTURE(numbers) {};
FIXTURE_VARIANT(numbers) {
	const char *opts[8];
	int used[8];		/* handed-over numbers, -1 ends */
};
FIXTURE_VARIANT_ADD(numbers, standard) {
	.opts = { NULL },
	.used = { 0, 1, 2, -1 },
};
FIXTURE_VARIANT_ADD(numbers, no_std) {
	.opts = { "--no-std", NULL },
	.used = { -1 },
};
FIXTURE_VARIANT_ADD(numbers, with_gaps) {
	.opts = { "--rfd", "4=/dev/null", "--wfd", "7=/dev/null", NULL },
	.used = { 0, 1, 2, 4, 7, -1 },
};
FIXTURE_SETUP(numbers) {}
FIXTURE_TEARDOWN(numbers) {}

TEST_F(numbers, lowest_free_first)
{
	static const struct pn_step script[] = PN_SCRIPT;
	const int nsteps = ARRAY_SIZE(script);
	const char *args[16];
	struct mx_fd fds[] = { { PN_REPORT_FD, -1 }, MX_FD_END };
	struct mx_cfg cfg = { .args = args, .fds = fds };
	long got[2 * ARRAY_SIZE(script) + 1];
	bool used[64] = { false };
	long ends[PN_PIPES][2];
	char report[4096];
	int p[2], n = 0, i, s;

	MINOS_REQUIRE();
	args[n++] = "--wfd";
	args[n++] = "9=fd:9";
	for (i = 0; variant->opts[i]; i++)
		args[n++] = variant->opts[i];
	args[n++] = mx_image("pipe_numbers.bin");
	args[n] = NULL;
	ASSERT_EQ(0, pipe2(p, O_CLOEXEC));
	fds[0].fd = p[1];
	ASSERT_EQ(0, mx_run(&cfg, &res));
	close(p[1]);
	mx_read_all(p[0], report, sizeof(report));
	close(p[0]);
	EXPECT_EXITED(res.status, 0);
	ASSERT_EQ(2 * nsteps, parse_longs(report, got, ARRAY_SIZE(got)))
		TH_LOG("report: %s", report);

	used[PN_REPORT_FD] = true;
	for (i = 0; variant->used[i] >= 0; i++)
		used[variant->used[i]] = true;
	for (s = 0; s < nsteps; s++) {
		long a = got[2 * s], b = got[2 * s + 1];
		int lo, hi;

		if (script[s].op != 'p') {
			long nr = ends[script[s].pipe][script[s].op == 'r'];

			EXPECT_EQ(0, a) TH_LOG("step %d: close of %ld: %ld",
					       s, nr, a);
			used[nr] = false;
			continue;
		}
		for (lo = 0; used[lo]; lo++)
			;
		for (hi = lo + 1; used[hi]; hi++)
			;
		EXPECT_TRUE((a == lo && b == hi) || (a == hi && b == lo))
			TH_LOG("step %d: pipe() gave %ld and %ld, lowest free are %d and %d",
			       s, a, b, lo, hi);
		if (a < 0 || b < 0 || a >= 64 || b >= 64)
			return;
		ends[script[s].pipe][0] = a;
		ends[script[s].pipe][1] = b;
		used[a] = true;
		used[b] = true;
	}
}

/* RLIMIT_NOFILE of the container, set between fork and exec. */
static int nofile_prep(void *arg)
{
	struct rlimit lim;

	lim.rlim_cur = (rlim_t)(long)arg;
	lim.rlim_max = lim.rlim_cur;
	return setrlimit(RLIMIT_NOFILE, &lim) ? errno : 0;
}

/*
 * pipe_emfile.bin makes pipes until pipe() fails, then closes the first
 * pipe's ends one by one, trying pipe() after each. The standard
 * descriptors hold 0, 1 and 2.
 */
FIXTURE(emfile) {};
FIXTURE_VARIANT(emfile) {
	long limit;
};
/* 3 .. 14 hold 6 pipes, 15 is free but alone: still -EMFILE. */
FIXTURE_VARIANT_ADD(emfile, limit_16) { .limit = 16 };
/* 3 .. 14 hold 6 pipes, nothing is free. */
FIXTURE_VARIANT_ADD(emfile, limit_15) { .limit = 15 };
FIXTURE_SETUP(emfile) {}
FIXTURE_TEARDOWN(emfile) {}

TEST_F(emfile, pipe_fails_at_rlimit_nofile)
{
	const char *args[] = { mx_image("pipe_emfile.bin"), NULL };
	struct mx_cfg cfg = {
		.args = args,
		.prep = nofile_prep,
		.prep_arg = (void *)variant->limit,
	};
	long w0, r0, got[9];

	MINOS_REQUIRE();
	ASSERT_EQ(0, mx_run(&cfg, &res));
	ASSERT_EXITED(res.status, 0);
	ASSERT_EQ(8, parse_longs(res.err, got, ARRAY_SIZE(got)))
		TH_LOG("report: %s", res.err);
	EXPECT_EQ(6, got[0]) TH_LOG("pipes made");
	EXPECT_EQ(-EMFILE, got[1]);
	w0 = got[2];
	r0 = got[3];
	EXPECT_EQ(7, w0 + r0);
	if (variant->limit == 16) {
		/* wfd closed: that number and the lone 15 make a pipe */
		EXPECT_TRUE((got[4] == w0 && got[5] == 15) ||
			    (got[4] == 15 && got[5] == w0))
			TH_LOG("pipe() gave %ld, %ld; free were %ld, 15",
			       got[4], got[5], w0);
		/* rfd closed: one number free, not enough */
		EXPECT_EQ(-EMFILE, got[6]);
	} else {
		/* wfd closed: one number free, not enough */
		EXPECT_EQ(-EMFILE, got[4]);
		/* rfd closed too: both numbers of the first pipe again */
		EXPECT_TRUE((got[6] == w0 && got[7] == r0) ||
			    (got[6] == r0 && got[7] == w0))
			TH_LOG("pipe() gave %ld, %ld; free were %ld, %ld",
			       got[6], got[7], w0, r0);
	}
}

/* read over 1024 distinct rfds works, 1025 is -EINVAL. */
TEST(read_over_1024_descriptors)
{
	const char *args[] = { mx_image("pipe_1024.bin"), NULL };
	struct mx_cfg cfg = {
		.args = args,
		.prep = nofile_prep,
		.prep_arg = (void *)4096L,
	};
	long got[16];

	MINOS_REQUIRE();
	ASSERT_EQ(0, mx_run(&cfg, &res));
	ASSERT_EXITED(res.status, 0);
	ASSERT_EQ(10, parse_longs(res.err, got, ARRAY_SIZE(got)))
		TH_LOG("report: %s", res.err);
	EXPECT_EQ(1025, got[0]);
	EXPECT_EQ(1, got[1]);		/* ready: pipe 1023, the last */
	EXPECT_EQ(1, got[2]);
	EXPECT_EQ(1, got[3]);		/* ready: pipe 0 */
	EXPECT_EQ(1, got[4]);
	EXPECT_EQ(1, got[5]);		/* ready: pipe 511 */
	EXPECT_EQ(1, got[6]);
	EXPECT_EQ(-EINVAL, got[7]);	/* 1025 descriptors */
	EXPECT_EQ(1, got[8]);		/* pipe 1024, as the last of 1024 */
	EXPECT_EQ(1, got[9]);
}

/*
 * Blocked readers and writers wake for the peer's close, data or reads;
 * a write of 4096 bytes waits for room for all of it.
 */
TEST(blocked_calls_wake_up)
{
	const char *args[] = { mx_image("pipe_wake.bin"), NULL };
	long got[16];

	MINOS_REQUIRE();
	ASSERT_EQ(0, mx_run_args(args, &res));
	ASSERT_EXITED(res.status, 0);
	ASSERT_EQ(11, parse_longs(res.err, got, ARRAY_SIZE(got)))
		TH_LOG("report: %s", res.err);
	EXPECT_EQ(MINOS_PIPE_CAPACITY, got[0]);
	EXPECT_EQ(-EPIPE, got[1]) TH_LOG("blocked writer after rclose");
	EXPECT_EQ(0, got[2]) TH_LOG("blocked reader after wclose");
	EXPECT_EQ(4, got[3]) TH_LOG("blocked reader after a write");
	EXPECT_EQ(1, got[4]);
	EXPECT_EQ(256 * 1024, got[5]) TH_LOG("written");
	EXPECT_LT(0, got[6]) TH_LOG("smallest write result");
	EXPECT_EQ(256 * 1024, got[7]) TH_LOG("read");
	EXPECT_EQ(1, got[8]) TH_LOG("bytes read are the bytes written");
	EXPECT_EQ(MINOS_ATOMIC_WRITE, got[9]) TH_LOG("4096 into 4096 free");
	EXPECT_EQ(-EPIPE, got[10])
		TH_LOG("4096 with 100 free, then rclose: not atomic if 100");
}

TEST_HARNESS_MAIN
