// SPDX-License-Identifier: GPL-2.0
/*
 * fd_test: a container sees no Linux descriptor. Its Minos descriptors are
 * the host files minos-exec hands over (stdin as rfd 0, stdout as wfd 1,
 * stderr as wfd 2, and those of --rfd/--wfd), held by the module: the
 * process's Linux descriptor table is empty, a Linux descriptor the test
 * left open across the exec is closed, and only handed-over files can be
 * written, each as the type it was handed over as.
 *
 * images/fdprobe.bin writes one byte to each of 0 .. 8 and reports the
 * nine results on wfd 9, which every run hands over.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "helpers.h"
#include "minos.h"

#define PROBES		9
#define REPORT_FD	9

/* Longest wait for a hang-up that should already be there. */
#define HUP_WAIT_MS	5000

static struct mx_result res;

/*
 * Run fdprobe.bin with options @opts (NULL-terminated, may be NULL) and
 * child descriptors @fds (MX_FD_END-terminated, may be NULL); the report
 * descriptor is added. Returns how many results were parsed into @v.
 */
static int run_fdprobe(const char *const *opts, const struct mx_fd *fds,
		       long *v)
{
	const char *args[16];
	struct mx_fd all[16];
	struct mx_cfg cfg = { .args = args, .fds = all };
	char report[512];
	int p[2], n = 0, i = 0;

	if (pipe2(p, O_CLOEXEC))
		return -1;
	args[n++] = "--wfd";
	args[n++] = "9=fd:9";
	while (opts && *opts && n < 14)
		args[n++] = *opts++;
	args[n++] = mx_image("fdprobe.bin");
	args[n] = NULL;
	while (fds && fds->child_fd >= 0 && i < 14)
		all[i++] = *fds++;
	all[i].child_fd = REPORT_FD;
	all[i++].fd = p[1];
	all[i].child_fd = -1;

	if (mx_run(&cfg, &res)) {
		close(p[0]);
		close(p[1]);
		return -1;
	}
	close(p[1]);
	mx_read_all(p[0], report, sizeof(report));
	close(p[0]);
	return parse_longs(report, v, PROBES);
}

static void expect_ebadf(struct __test_metadata *_metadata, const long *v,
			 int n)
{
	long got = v[n];

	EXPECT_EQ(-EBADF, got) TH_LOG("write to %d returned %ld", n, got);
}

/* With nothing handed over but the standard three: rfd 0, wfd 1, wfd 2. */
TEST(standard_descriptors_only)
{
	long v[PROBES];
	int n;

	MINOS_REQUIRE();
	ASSERT_EQ(PROBES, run_fdprobe(NULL, NULL, v));
	EXPECT_EXITED(res.status, 0);
	EXPECT_EQ(-EBADF, v[0]);	/* an rfd */
	EXPECT_EQ(1, v[1]);
	EXPECT_EQ(1, v[2]);
	for (n = 3; n < PROBES; n++)
		expect_ebadf(_metadata, v, n);
	EXPECT_STREQ("1", res.out);
	EXPECT_STREQ("2", res.err);
}

/* --no-std: not even those. */
TEST(no_std)
{
	const char *opts[] = { "--no-std", NULL };
	long v[PROBES];
	int n;

	MINOS_REQUIRE();
	ASSERT_EQ(PROBES, run_fdprobe(opts, NULL, v));
	EXPECT_EXITED(res.status, 0);
	for (n = 0; n < PROBES; n++)
		expect_ebadf(_metadata, v, n);
	EXPECT_STREQ("", res.out);
	EXPECT_STREQ("", res.err);
}

/*
 * A Linux descriptor left open (not close-on-exec) across minos-exec is
 * not a Minos descriptor: writing to its number is -EBADF and nothing
 * reaches the file.
 */
TEST(open_linux_fd_is_not_a_descriptor)
{
	struct mx_fd fds[] = { { 5, -1 }, MX_FD_END };
	char buf[16];
	long v[PROBES];
	int p[2];

	MINOS_REQUIRE();
	ASSERT_EQ(0, pipe2(p, O_CLOEXEC));
	fds[0].fd = p[1];
	ASSERT_EQ(PROBES, run_fdprobe(NULL, fds, v));
	close(p[1]);
	EXPECT_EXITED(res.status, 0);
	EXPECT_EQ(-EBADF, v[5]);
	EXPECT_EQ(0, mx_read_all(p[0], buf, sizeof(buf)));
	close(p[0]);
}

/* --wfd 5=fd:5 hands the same file over: now wfd 5 writes to it. */
TEST(wfd_from_host_fd)
{
	const char *opts[] = { "--wfd", "5=fd:5", NULL };
	struct mx_fd fds[] = { { 5, -1 }, MX_FD_END };
	char buf[16];
	long v[PROBES];
	int p[2], n;

	MINOS_REQUIRE();
	ASSERT_EQ(0, pipe2(p, O_CLOEXEC));
	fds[0].fd = p[1];
	ASSERT_EQ(PROBES, run_fdprobe(opts, fds, v));
	close(p[1]);
	EXPECT_EXITED(res.status, 0);
	EXPECT_EQ(1, v[5]);
	for (n = 3; n < PROBES; n++)
		if (n != 5)
			expect_ebadf(_metadata, v, n);
	EXPECT_EQ(1, mx_read_all(p[0], buf, sizeof(buf)));
	EXPECT_STREQ("5", buf);
	close(p[0]);
}

/* --wfd 4=PATH: minos-exec opens PATH for writing as wfd 4. */
TEST(wfd_from_path)
{
	char path[] = "/tmp/minos-fd-XXXXXX";
	char opt[64], buf[16];
	const char *opts[] = { "--wfd", opt, NULL };
	long v[PROBES];
	int fd;

	MINOS_REQUIRE();
	fd = mkstemp(path);
	ASSERT_LE(0, fd);
	close(fd);
	snprintf(opt, sizeof(opt), "4=%s", path);
	ASSERT_EQ(PROBES, run_fdprobe(opts, NULL, v));
	EXPECT_EXITED(res.status, 0);
	EXPECT_EQ(1, v[4]);
	EXPECT_EQ(1, read_text_file(path, buf, sizeof(buf)));
	EXPECT_STREQ("4", buf);
	unlink(path);
}

/* An rfd, from a path or from a host fd, is not a wfd: -EBADF. */
TEST(rfd_is_not_writable)
{
	char path[] = "/tmp/minos-fd-XXXXXX";
	char opt[64];
	const char *opts[] = { "--rfd", opt, "--rfd", "6=fd:6", NULL };
	struct mx_fd fds[] = { { 6, -1 }, MX_FD_END };
	long v[PROBES];
	int p[2], fd;

	MINOS_REQUIRE();
	fd = mkstemp(path);
	ASSERT_LE(0, fd);
	ASSERT_EQ(4, write(fd, "data", 4));
	close(fd);
	ASSERT_EQ(0, pipe2(p, O_CLOEXEC));
	fds[0].fd = p[0];
	snprintf(opt, sizeof(opt), "3=%s", path);
	ASSERT_EQ(PROBES, run_fdprobe(opts, fds, v));
	close(p[0]);
	close(p[1]);
	EXPECT_EXITED(res.status, 0);
	EXPECT_EQ(-EBADF, v[3]);
	EXPECT_EQ(-EBADF, v[6]);
	unlink(path);
}

/*
 * The running container, seen from outside. Child fd 5 is the write end
 * of @unlisted (left open across the exec, not handed over), child fd 6
 * the write end of @handed (handed over as --wfd 3=fd:6). The test keeps
 * only the read ends.
 */
FIXTURE(running) {
	struct mx m;
	int unlisted;
	int handed;
};

FIXTURE_SETUP(running)
{
	const char *args[] = { "--wfd", "3=fd:6", mx_image("spin.bin"), NULL };
	struct mx_fd fds[] = { { 5, -1 }, { 6, -1 }, MX_FD_END };
	struct mx_cfg cfg = { .args = args, .fds = fds };
	int a[2], b[2];

	self->m.pid = -1;
	self->unlisted = -1;
	self->handed = -1;
	MINOS_REQUIRE();
	ASSERT_EQ(0, pipe2(a, O_CLOEXEC));
	ASSERT_EQ(0, pipe2(b, O_CLOEXEC));
	fds[0].fd = a[1];
	fds[1].fd = b[1];
	ASSERT_EQ(0, mx_spawn(&self->m, &cfg));
	close(a[1]);
	close(b[1]);
	self->unlisted = a[0];
	self->handed = b[0];
	ASSERT_EQ(0, mx_wait_ready(&self->m))
		TH_LOG("spin.bin did not start: %s", mx_status_str(mx_wait(&self->m)));
}

FIXTURE_TEARDOWN(running)
{
	if (self->m.pid > 0)
		mx_kill(&self->m);
	if (self->unlisted >= 0)
		close(self->unlisted);
	if (self->handed >= 0)
		close(self->handed);
}

/* /proc/<pid>/fd of a container is empty: Minos descriptors are not fds. */
TEST_F(running, proc_fd_is_empty)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/%d/fd", self->m.pid);
	EXPECT_EQ(0, count_dir_entries(path));
}

/*
 * The Linux fd left open was closed at the exec: its pipe has no writer
 * left, so the read end reports hang-up at once.
 */
TEST_F(running, unlisted_fd_was_closed)
{
	struct pollfd p = { .fd = self->unlisted, .events = POLLIN };

	/* Waits only if the module is late; the check is on the event. */
	ASSERT_EQ(1, poll(&p, 1, HUP_WAIT_MS));
	EXPECT_TRUE(p.revents & POLLHUP);
}

/* The handed-over file stays open, held by the module for the container. */
TEST_F(running, handed_over_file_stays_open)
{
	struct pollfd p = { .fd = self->handed, .events = POLLIN };

	EXPECT_EQ(0, poll(&p, 1, 0)) TH_LOG("revents 0x%x", p.revents);
}

/* ... until the container ends. */
TEST_F(running, handed_over_file_closes_at_exit)
{
	struct pollfd p = { .fd = self->handed, .events = POLLIN };

	EXPECT_KILLED_BY(mx_kill(&self->m), SIGKILL);
	ASSERT_EQ(1, poll(&p, 1, HUP_WAIT_MS));
	EXPECT_TRUE(p.revents & POLLHUP);
}

TEST_HARNESS_MAIN
