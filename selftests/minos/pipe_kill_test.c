// SPDX-License-Identifier: GPL-2.0
/*
 * pipe_kill_test: containers killed while they block in read or write,
 * and pipes whose peer is killed mid-stream.
 *
 * - SIGKILL from outside ends a container promptly whatever its threads
 *   are blocked in: read or write of a Minos pipe, read of a host pipe
 *   (also O_NONBLOCK) or socket, write to a full host pipe, a multi-read
 *   over a Minos pipe and a host file. The test waits for the end with a
 *   hang guard (PX_GUARD_MS), which is not a time limit of the ABI.
 * - A writer child container killed mid-stream, by its parent's ckill or
 *   by SIGKILL from outside: the reader gets the bytes written before,
 *   then end of stream, which stays. A reader child blocked in read,
 *   ckilled: the writer gets -EPIPE once ckill has returned. A writer
 *   blocked on a full pipe, ckilled: its bytes stay readable, then end of
 *   stream. The dead child's cid stays until ckill releases it.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "helpers.h"
#include "pipe_helpers.h"
#include "minos.h"
#include "pipe_child.h"

enum host_kind {
	NO_HOST,		/* Minos pipes only */
	HOST_PIPE_READ,		/* rfd 0: a Linux pipe nobody writes */
	HOST_PIPE_READ_NONBLOCK,	/* the same, O_NONBLOCK */
	HOST_SOCKET_READ,	/* rfd 0: a socket nobody writes */
	HOST_PIPE_WRITE,	/* wfd 3: a Linux pipe nobody reads */
};

FIXTURE(blocked) {
	struct mx m;
	int host[2];
};
FIXTURE_VARIANT(blocked) {
	const char *image;
	enum host_kind host;
};
FIXTURE_VARIANT_ADD(blocked, minos_pipe_read) {
	.image = "pipe_block_read.bin", .host = NO_HOST,
};
FIXTURE_VARIANT_ADD(blocked, minos_pipe_write) {
	.image = "pipe_block_write.bin", .host = NO_HOST,
};
FIXTURE_VARIANT_ADD(blocked, host_pipe_read) {
	.image = "fd_block_read.bin", .host = HOST_PIPE_READ,
};
FIXTURE_VARIANT_ADD(blocked, host_pipe_read_nonblock) {
	.image = "fd_block_read.bin", .host = HOST_PIPE_READ_NONBLOCK,
};
FIXTURE_VARIANT_ADD(blocked, host_socket_read) {
	.image = "fd_block_read.bin", .host = HOST_SOCKET_READ,
};
FIXTURE_VARIANT_ADD(blocked, host_pipe_write) {
	.image = "fd_block_write.bin", .host = HOST_PIPE_WRITE,
};
FIXTURE_VARIANT_ADD(blocked, multi_read_minos_and_host) {
	.image = "read_block_multi.bin", .host = HOST_PIPE_READ,
};

FIXTURE_SETUP(blocked)
{
	const char *args[4] = { NULL };
	struct mx_fd fds[2] = { MX_FD_END, MX_FD_END };
	struct mx_cfg cfg = { .args = args, .fds = fds };
	int n = 0;

	self->m.pid = -1;
	self->host[0] = -1;
	self->host[1] = -1;
	MINOS_REQUIRE();
	switch (variant->host) {
	case NO_HOST:
		break;
	case HOST_PIPE_READ:
	case HOST_PIPE_READ_NONBLOCK:
		ASSERT_EQ(0, pipe2(self->host, O_CLOEXEC));
		if (variant->host == HOST_PIPE_READ_NONBLOCK)
			ASSERT_EQ(0, fcntl(self->host[0], F_SETFL, O_NONBLOCK));
		fds[0].child_fd = 0;
		fds[0].fd = self->host[0];
		break;
	case HOST_SOCKET_READ:
		ASSERT_EQ(0, socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC,
					0, self->host));
		fds[0].child_fd = 0;
		fds[0].fd = self->host[0];
		break;
	case HOST_PIPE_WRITE:
		ASSERT_EQ(0, pipe2(self->host, O_CLOEXEC));
		fds[0].child_fd = 3;
		fds[0].fd = self->host[1];
		args[n++] = "--wfd";
		args[n++] = "3=fd:3";
		break;
	}
	args[n++] = mx_image(variant->image);
	ASSERT_EQ(0, mx_spawn(&self->m, &cfg));
}

FIXTURE_TEARDOWN(blocked)
{
	if (self->m.pid > 0)
		mx_kill(&self->m);
	if (self->host[0] >= 0)
		close(self->host[0]);
	if (self->host[1] >= 0)
		close(self->host[1]);
}

TEST_F_TIMEOUT(blocked, sigkill_ends_it, 90)
{
	int status = -1;
	char c = 0, st;

	ASSERT_EQ(1, px_read_guarded(self->m.out, &c, 1, PX_GUARD_MS));
	ASSERT_EQ('R', c);
	/* Kill it once it sleeps: blocked in its call, as intended. */
	st = px_wait_asleep(self->m.pid, PX_GUARD_MS);
	TH_LOG("state before the kill: %c", st ? st : '?');

	ASSERT_FALSE(px_ended(self->m.pid))
		TH_LOG("ended before the kill: %s",
		       mx_status_str(mx_wait(&self->m)));
	ASSERT_EQ(0, px_kill_wait(&self->m, PX_GUARD_MS, &status))
		TH_LOG("still there %d ms after SIGKILL (state %c)",
		       PX_GUARD_MS, px_state(self->m.pid));
	EXPECT_KILLED_BY(status, SIGKILL);
}

/* The child processes of @parent, from /proc; returns how many. */
static int children_of(pid_t parent, pid_t *kids, int max)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	int n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d))) {
		char path[300], buf[512], *p;
		int ppid;

		if (e->d_name[0] < '1' || e->d_name[0] > '9')
			continue;
		snprintf(path, sizeof(path), "/proc/%s/stat", e->d_name);
		if (read_text_file(path, buf, sizeof(buf)) <= 0)
			continue;
		p = strrchr(buf, ')');
		if (!p || sscanf(p + 2, "%*c %d", &ppid) != 1)
			continue;
		if (ppid == parent && n < max)
			kids[n++] = atoi(e->d_name);
	}
	closedir(d);
	return n;
}

/*
 * images/pipe_midstream.bin, with the two child images as rfd 3 and 4;
 * between its cases 1 and 2 it asks (with 'K' on wfd 1) that the test
 * SIGKILL its writer child, which it finds in /proc.
 */
TEST(peer_killed_mid_stream)
{
	char wopt[PATH_MAX + 8], ropt[PATH_MAX + 8], report[1024];
	const char *args[] = { "--rfd", wopt, "--rfd", ropt,
			       mx_image("pipe_midstream.bin"), NULL };
	struct mx m;
	pid_t kids[4];
	long v[16];
	char c = 0;
	int n;

	MINOS_REQUIRE();
	snprintf(wopt, sizeof(wopt), "%d=%s", PC_WRITER_IMAGE_FD,
		 mx_image("pipe_child_writer.bin"));
	snprintf(ropt, sizeof(ropt), "%d=%s", PC_READER_IMAGE_FD,
		 mx_image("pipe_child_reader.bin"));
	ASSERT_EQ(0, mx_spawn_args(&m, args));
	n = px_read_guarded(m.out, &c, 1, PX_GUARD_MS);
	if (n != 1 || c != 'K') {
		mx_read_all(m.err, report, sizeof(report));
		ASSERT_EQ(1, n) TH_LOG("no 'K': %s; report: %s",
				       mx_status_str(mx_kill(&m)), report);
	}
	ASSERT_EQ('K', c);
	n = children_of(m.pid, kids, ARRAY_SIZE(kids));
	EXPECT_EQ(1, n) TH_LOG("child containers of %d", m.pid);
	if (n >= 1)
		EXPECT_EQ(0, kill(kids[0], SIGKILL));
	mx_read_all(m.err, report, sizeof(report));
	EXPECT_EXITED(mx_wait(&m), 0);
	ASSERT_EQ(16, parse_longs(report, v, ARRAY_SIZE(v)))
		TH_LOG("report: %s", report);

	/* 1: ckill while it streams */
	EXPECT_EQ(0, v[0]) TH_LOG("ckill");
	EXPECT_LE(PC_READ_BEFORE_KILL, v[1]) TH_LOG("bytes, then the end");
	EXPECT_EQ(1, v[2]) TH_LOG("the bytes are the writer's");
	EXPECT_EQ(0, v[3])
		TH_LOG("reads after ckill that found the pipe neither readable nor at its end");
	EXPECT_EQ(0, v[4]) TH_LOG("read after the end");
	/* 2: SIGKILL from outside */
	EXPECT_LE(PC_READ_BEFORE_KILL, v[5]) TH_LOG("bytes, then the end");
	EXPECT_EQ(1, v[6]) TH_LOG("the bytes are the writer's");
	EXPECT_EQ(0, v[7]) TH_LOG("read after the end");
	EXPECT_EQ(0, v[8]) TH_LOG("ckill of the dead child");
	/* 3: ckill of a blocked reader, PC_ROUNDS times */
	EXPECT_EQ(0, v[9]) TH_LOG("ckills that failed");
	EXPECT_EQ(0, v[10])
		TH_LOG("of %d writes just after ckill of the reader, %ld did not fail with -EPIPE; the first returned %ld",
		       PC_ROUNDS, v[10], v[11]);
	/* 4: ckill of a writer blocked on a full pipe */
	EXPECT_EQ(0, v[12]) TH_LOG("ckill");
	EXPECT_LE(PC_FIRST, v[13]) TH_LOG("bytes, then the end");
	EXPECT_EQ(1, v[14]) TH_LOG("the bytes are the writer's");
	EXPECT_EQ(0, v[15])
		TH_LOG("reads after ckill that found the pipe neither readable nor at its end");
}

TEST_HARNESS_MAIN
