// SPDX-License-Identifier: GPL-2.0
/*
 * read_test: the multi-read of minos-abi.md (Calls, read) and host files
 * (Descriptors):
 *
 * - Ready descriptors are served in turn: the scan starts just after the
 *   index the calling thread's previous read served (that thread's, not
 *   another's), skips what is not ready, and counts end of stream as
 *   ready; a read blocked on several descriptors wakes for any of them.
 * - A descriptor that never stops being readable does not starve the
 *   others.
 * - One read loop over a Linux pipe, a regular file and a socket handed
 *   over by minos-exec, and Minos pipes, gets every stream whole and in
 *   order, each up to its own end.
 * - A host file opened O_NONBLOCK still blocks: a write to a full Linux
 *   pipe waits until the test drains it, a read of an empty one until
 *   the test writes.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "helpers.h"
#include "pipe_helpers.h"
#include "minos.h"
#include "read_host.h"

static struct mx_result res;

static int run_image(const char *image, long *v, int max)
{
	const char *args[] = { mx_image(image), NULL };

	if (mx_run_args(args, &res))
		return -1;
	return parse_longs(res.err, v, max);
}

/* { A, B, C } all ready: the served index goes round, one step a read. */
TEST(round_robin_over_ready_descriptors)
{
	long v[64];
	int k;

	MINOS_REQUIRE();
	ASSERT_EQ(47, run_image("read_rr.bin", v, ARRAY_SIZE(v)))
		TH_LOG("report: %s", res.err);
	EXPECT_EXITED(res.status, 0);
	for (k = 0; k < 30; k++)
		ASSERT_TRUE(v[k] >= 0 && v[k] < 3)
			TH_LOG("read %d: %ld", k, v[k]);
	for (k = 1; k < 30; k++)
		EXPECT_EQ((v[k - 1] + 1) % 3, v[k])
			TH_LOG("read %d served index %ld after %ld", k, v[k],
			       v[k - 1]);
	EXPECT_EQ(1, v[30]) TH_LOG("bytes from the pipes served");
}

/*
 * The scan starts after the index of the calling thread's previous read,
 * whatever array that read had; another thread's reads do not count.
 */
TEST(scan_starts_after_this_threads_previous_index)
{
	long v[64];

	MINOS_REQUIRE();
	ASSERT_EQ(47, run_image("read_rr.bin", v, ARRAY_SIZE(v)))
		TH_LOG("report: %s", res.err);
	EXPECT_EXITED(res.status, 0);
	EXPECT_EQ(1, v[31]);
	EXPECT_EQ(1, v[32]) TH_LOG("previous read served index 0");
	EXPECT_EQ(1, v[33]);
	EXPECT_EQ(2, v[34]) TH_LOG("this thread's previous read served 1");
}

/* { E, F, G, H } with only F and H ready: F, H, F, H, ... */
TEST(round_robin_skips_what_is_not_ready)
{
	long v[64];
	int k;

	MINOS_REQUIRE();
	ASSERT_EQ(47, run_image("read_rr.bin", v, ARRAY_SIZE(v)))
		TH_LOG("report: %s", res.err);
	EXPECT_EXITED(res.status, 0);
	for (k = 35; k < 43; k++)
		EXPECT_TRUE(v[k] == 1 || v[k] == 3)
			TH_LOG("read %d served index %ld", k - 35, v[k]);
	for (k = 36; k < 43; k++)
		EXPECT_EQ(4 - v[k - 1], v[k])
			TH_LOG("read %d served index %ld after %ld", k - 35,
			       v[k], v[k - 1]);
}

/* End of stream is ready: an empty pipe with a writer is not. */
TEST(end_of_stream_is_ready)
{
	long v[64];

	MINOS_REQUIRE();
	ASSERT_EQ(47, run_image("read_rr.bin", v, ARRAY_SIZE(v)))
		TH_LOG("report: %s", res.err);
	EXPECT_EXITED(res.status, 0);
	EXPECT_EQ(0, v[43]);
	EXPECT_EQ(1, v[44]);
}

/* A read blocked on { E, G, J } wakes for J, the last one. */
TEST(blocked_multi_read_wakes_for_any)
{
	long v[64];

	MINOS_REQUIRE();
	ASSERT_EQ(47, run_image("read_rr.bin", v, ARRAY_SIZE(v)))
		TH_LOG("report: %s", res.err);
	EXPECT_EXITED(res.status, 0);
	EXPECT_EQ(4, v[45]);
	EXPECT_EQ(2, v[46]);
}

/*
 * A is always readable (a thread keeps it full); B and C still get all
 * their bytes and their end of stream, and A is not served more than
 * once between two reads of B, which is always ready.
 */
TEST(always_readable_descriptor_does_not_starve_others)
{
	long v[16];

	MINOS_REQUIRE();
	ASSERT_EQ(8, run_image("read_starve.bin", v, ARRAY_SIZE(v)))
		TH_LOG("report: %s", res.err);
	EXPECT_EXITED(res.status, 0);
	TH_LOG("reads: A %ld, B %ld, C %ld", v[0], v[1], v[2]);
	EXPECT_LE(v[0], v[1] + 1) TH_LOG("A served more often than B");
	EXPECT_EQ(4800, v[3]);
	EXPECT_EQ(4800, v[4]);
	EXPECT_EQ(1, v[5]);
	EXPECT_EQ(1, v[6]);
	EXPECT_EQ(-EPIPE, v[7]);
}

/*
 * rfd 0 a Linux pipe, rfd 3 a regular file, rfd 4 a socket, with two
 * Minos pipes, in one multi-read loop. A feeder process writes the pipe
 * and the socket while the container reads.
 */
TEST(host_files_and_minos_pipes_in_one_read)
{
	static const unsigned int writer[RH_NSTREAMS] = RH_WRITER;
	static const long size[RH_NSTREAMS] = RH_SIZE;
	char path[] = "/tmp/minos-read-host-XXXXXX";
	char opt[64];
	const char *args[] = { "--rfd", opt, "--rfd", "4=fd:4",
			       mx_image("read_host.bin"), NULL };
	struct mx_fd fds[] = { { 0, -1 }, { 4, -1 }, MX_FD_END };
	struct mx_cfg cfg = { .args = args, .fds = fds };
	long v[3 * RH_NSTREAMS + 2];
	int p[2], sv[2], fd, s, status;
	pid_t feeder;

	MINOS_REQUIRE();
	fd = mkostemp(path, O_CLOEXEC);
	ASSERT_LE(0, fd);
	ASSERT_EQ(0, px_write_pattern(fd, size[RH_FILE], writer[RH_FILE],
				      4096));
	close(fd);
	snprintf(opt, sizeof(opt), "%d=%s", RH_FILE_FD, path);
	ASSERT_EQ(0, pipe2(p, O_CLOEXEC));
	ASSERT_EQ(0, socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv));
	fds[0].fd = p[0];
	fds[1].fd = sv[1];

	fflush(NULL);
	feeder = fork();
	ASSERT_LE(0, feeder);
	if (feeder == 0) {
		int err;

		close(p[0]);
		close(sv[1]);
		err = px_write_pattern(p[1], size[RH_LINUX_PIPE],
				       writer[RH_LINUX_PIPE], 7001);
		close(p[1]);
		if (!err)
			err = px_write_pattern(sv[0], size[RH_SOCKET],
					       writer[RH_SOCKET], 5003);
		close(sv[0]);
		_exit(err ? 1 : 0);
	}
	close(p[1]);
	close(sv[0]);
	ASSERT_EQ(0, mx_run(&cfg, &res));
	close(p[0]);
	close(sv[1]);
	ASSERT_EQ(feeder, waitpid(feeder, &status, 0));
	EXPECT_EXITED(status, 0);
	unlink(path);

	EXPECT_EXITED(res.status, 0);
	ASSERT_EQ(3 * RH_NSTREAMS + 1, parse_longs(res.err, v, ARRAY_SIZE(v)))
		TH_LOG("report: %s", res.err);
	for (s = 0; s < RH_NSTREAMS; s++) {
		EXPECT_EQ(size[s], v[3 * s]) TH_LOG("stream %d: bytes", s);
		EXPECT_EQ(1, v[3 * s + 1]) TH_LOG("stream %d: content", s);
		EXPECT_EQ(1, v[3 * s + 2]) TH_LOG("stream %d: end seen", s);
	}
	EXPECT_EQ(0, v[3 * RH_NSTREAMS]) TH_LOG("failed reads");
}

/*
 * O_NONBLOCK host files: wfd 3 is a full Linux pipe, rfd 4 an empty one,
 * both O_NONBLOCK on the container's side. Its write and read wait (no
 * -EAGAIN) until the test drains the one and writes to the other.
 */
FIXTURE(nonblock) {
	struct mx m;
	int out[2];	/* the container writes out[1] */
	int in[2];	/* the container reads in[0] */
};

FIXTURE_SETUP(nonblock)
{
	const char *args[] = { "--wfd", "3=fd:3", "--rfd", "4=fd:4",
			       mx_image("fd_nonblock.bin"), NULL };
	struct mx_fd fds[] = { { 3, -1 }, { 4, -1 }, MX_FD_END };
	struct mx_cfg cfg = { .args = args, .fds = fds };

	self->m.pid = -1;
	for (int i = 0; i < 2; i++) {
		self->out[i] = -1;
		self->in[i] = -1;
	}
	MINOS_REQUIRE();
	ASSERT_EQ(0, pipe2(self->out, O_CLOEXEC));
	ASSERT_EQ(0, pipe2(self->in, O_CLOEXEC));
	ASSERT_EQ(0, fcntl(self->out[1], F_SETFL, O_NONBLOCK));
	ASSERT_EQ(0, fcntl(self->in[0], F_SETFL, O_NONBLOCK));
	fds[0].fd = self->out[1];
	fds[1].fd = self->in[0];
	ASSERT_EQ(0, mx_spawn(&self->m, &cfg));
	close(self->out[1]);
	close(self->in[0]);
	self->out[1] = -1;
	self->in[0] = -1;
}

FIXTURE_TEARDOWN(nonblock)
{
	int i;

	if (self->m.pid > 0)
		mx_kill(&self->m);
	for (i = 0; i < 2; i++) {
		if (self->out[i] >= 0)
			close(self->out[i]);
		if (self->in[i] >= 0)
			close(self->in[i]);
	}
}

TEST_F_TIMEOUT(nonblock, host_file_o_nonblock_still_blocks, 120)
{
	char c = 0, report[512];
	long v[8], bad, got;
	int queued = 0, waited;
	bool stuck;
	char st;

	ASSERT_EQ(1, px_read_guarded(self->m.out, &c, 1, PX_GUARD_MS));
	ASSERT_EQ('W', c);
	/* Let the container fill the pipe: then its next write must wait. */
	for (waited = 0; waited < PX_GUARD_MS; waited += 10) {
		ASSERT_EQ(0, ioctl(self->out[0], FIONREAD, &queued));
		if (queued >= 65536 - 4096 || px_ended(self->m.pid))
			break;
		usleep(10000);
	}
	TH_LOG("the pipe held %d bytes before the test read it", queued);
	got = px_read_pattern(self->out[0], 256 * 1024, 1, &bad, &stuck);
	EXPECT_FALSE(stuck)
		TH_LOG("no byte for %d ms after %ld: the container's write did not resume (state %c)",
		       PX_GUARD_MS, got, px_state(self->m.pid));
	ASSERT_EQ(256 * 1024, got);
	EXPECT_EQ(-1, bad) TH_LOG("first wrong byte");

	ASSERT_EQ(1, px_read_guarded(self->m.out, &c, 1, PX_GUARD_MS));
	ASSERT_EQ('R', c);
	/* Write once it sleeps in its read (or has ended: then it failed). */
	st = px_wait_asleep(self->m.pid, PX_GUARD_MS);
	TH_LOG("container state before the write: %c", st ? st : '?');
	ASSERT_EQ(5, write(self->in[1], "hello", 5));
	ASSERT_EQ(0, px_wait_exit(self->m.pid, PX_GUARD_MS, &waited))
		TH_LOG("the container's read did not return after the write (state %c)",
		       px_state(self->m.pid));
	self->m.pid = -1;
	EXPECT_EXITED(waited, 0);
	ASSERT_LE(0, mx_read_all(self->m.err, report, sizeof(report)));
	mx_wait(&self->m);
	ASSERT_EQ(5, parse_longs(report, v, ARRAY_SIZE(v)))
		TH_LOG("report: %s", report);
	EXPECT_EQ(256 * 1024, v[0]) TH_LOG("bytes written");
	EXPECT_LT(0, v[2]) TH_LOG("smallest write result (of %ld)", v[1]);
	EXPECT_EQ(5, v[3]) TH_LOG("read result");
	EXPECT_EQ(1, v[4]);
}

/*
 * A multi-read blocked on host files only (and an empty Minos pipe) wakes
 * when one of the host files gets data: rfd 0 is a Linux pipe, rfd 4 a
 * socket, both empty until the container sleeps; then the test writes to
 * one of them. images/read_hostwait.bin reports the count and the index
 * served.
 */
FIXTURE(hostwait) {
	struct mx m;
	int p[2];
	int sv[2];
};
FIXTURE_VARIANT(hostwait) {
	bool to_socket;
	int index;
};
FIXTURE_VARIANT_ADD(hostwait, linux_pipe) { .to_socket = false, .index = 0 };
FIXTURE_VARIANT_ADD(hostwait, socket) { .to_socket = true, .index = 1 };

FIXTURE_SETUP(hostwait)
{
	const char *args[] = { "--rfd", "4=fd:4", mx_image("read_hostwait.bin"),
			       NULL };
	struct mx_fd fds[] = { { 0, -1 }, { 4, -1 }, MX_FD_END };
	struct mx_cfg cfg = { .args = args, .fds = fds };

	self->m.pid = -1;
	for (int i = 0; i < 2; i++) {
		self->p[i] = -1;
		self->sv[i] = -1;
	}
	MINOS_REQUIRE();
	ASSERT_EQ(0, pipe2(self->p, O_CLOEXEC));
	ASSERT_EQ(0, socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0,
				self->sv));
	fds[0].fd = self->p[0];
	fds[1].fd = self->sv[1];
	ASSERT_EQ(0, mx_spawn(&self->m, &cfg));
}

FIXTURE_TEARDOWN(hostwait)
{
	int i;

	if (self->m.pid > 0)
		mx_kill(&self->m);
	for (i = 0; i < 2; i++) {
		if (self->p[i] >= 0)
			close(self->p[i]);
		if (self->sv[i] >= 0)
			close(self->sv[i]);
	}
}

TEST_F_TIMEOUT(hostwait, blocked_multi_read_wakes_for_host_file, 90)
{
	int fd = variant->to_socket ? self->sv[0] : self->p[1];
	char c = 0, report[256];
	long v[4];
	int status;
	char st;

	ASSERT_EQ(1, px_read_guarded(self->m.out, &c, 1, PX_GUARD_MS));
	ASSERT_EQ('R', c);
	st = px_wait_asleep(self->m.pid, PX_GUARD_MS);
	TH_LOG("container state before the write: %c", st ? st : '?');
	ASSERT_EQ(4, write(fd, "data", 4));
	ASSERT_EQ(0, px_wait_exit(self->m.pid, PX_GUARD_MS, &status))
		TH_LOG("the read did not return within %d ms of the write (state %c)",
		       PX_GUARD_MS, px_state(self->m.pid));
	self->m.pid = -1;
	EXPECT_EXITED(status, 0);
	ASSERT_LE(0, mx_read_all(self->m.err, report, sizeof(report)));
	mx_wait(&self->m);
	ASSERT_EQ(3, parse_longs(report, v, ARRAY_SIZE(v)))
		TH_LOG("report: %s", report);
	EXPECT_EQ(4, v[0]);
	EXPECT_EQ(variant->index, v[1]);
	EXPECT_EQ(1, v[2]) TH_LOG("the bytes read");
}

TEST_HARNESS_MAIN
