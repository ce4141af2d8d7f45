// SPDX-License-Identifier: GPL-2.0
/*
 * write_test: the Minos write call (MINOS_NR_WRITE) on the host files that
 * minos-exec hands over as wfd 1 and 2 (a pipe, a regular file, a socket,
 * a terminal, /dev/null): it writes through the file's own write and
 * returns the count, 0 for size 0, -EBADF for a number that is
 * not a wfd, -EFAULT for memory the container cannot read, -EPIPE without
 * a signal when the pipe has no reader, and partial writes and -EFBIG
 * without SIGXFSZ at RLIMIT_FSIZE.
 *
 * The images (images/write_*.c) report each result as a decimal line on
 * the other standard descriptor.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "helpers.h"
#include "minos.h"
#include "write_badfd.h"
#include "write_fault.h"

static struct mx_result res;

#define BASIC_OUT	"hello, minos\nfrom stack\nfrom data\n"

static int run_image(const char *image, struct mx_result *r)
{
	const char *args[] = { mx_image(image), NULL };

	return mx_run_args(args, r);
}

/* write returns the count, and the bytes reach the pipe, in order. */
TEST(returns_count)
{
	long v[8];

	MINOS_REQUIRE();
	ASSERT_EQ(0, run_image("write_basic.bin", &res));
	EXPECT_EXITED(res.status, 0);
	EXPECT_STREQ(BASIC_OUT, res.out);
	ASSERT_EQ(4, parse_longs(res.err, v, 8)) TH_LOG("report: %s", res.err);
	EXPECT_EQ(13, v[0]);	/* read-only data */
	EXPECT_EQ(11, v[1]);	/* stack */
	EXPECT_EQ(10, v[2]);	/* writable data */
}

/* size 0 returns 0 and writes nothing. */
TEST(size_zero_returns_zero)
{
	long v[8];

	MINOS_REQUIRE();
	ASSERT_EQ(0, run_image("write_basic.bin", &res));
	EXPECT_EXITED(res.status, 0);
	ASSERT_EQ(4, parse_longs(res.err, v, 8)) TH_LOG("report: %s", res.err);
	EXPECT_EQ(0, v[3]);
	EXPECT_EQ(strlen(BASIC_OUT), res.out_len);
}

/* wfd 2 is the host's stderr, apart from stdout. */
TEST(wfd_2_is_stderr)
{
	long v[2];

	MINOS_REQUIRE();
	ASSERT_EQ(0, run_image("write_stderr.bin", &res));
	EXPECT_EXITED(res.status, 0);
	EXPECT_STREQ("to stderr\n", res.err);
	ASSERT_EQ(1, parse_longs(res.out, v, 2)) TH_LOG("report: %s", res.out);
	EXPECT_EQ(10, v[0]);
}

/* Writing through a regular file's own write: the bytes land in it. */
TEST(to_regular_file)
{
	char path[] = "/tmp/minos-write-XXXXXX";
	const char *args[] = { mx_image("write_basic.bin"), NULL };
	char buf[256];
	struct mx_fd fds[2] = { { 1, -1 }, MX_FD_END };
	struct mx_cfg cfg = { .args = args, .fds = fds };
	long v[8];

	MINOS_REQUIRE();
	fds[0].fd = mkostemp(path, O_CLOEXEC);
	ASSERT_LE(0, fds[0].fd);
	ASSERT_EQ(0, mx_run(&cfg, &res));
	close(fds[0].fd);
	EXPECT_EXITED(res.status, 0);
	ASSERT_EQ(4, parse_longs(res.err, v, 8)) TH_LOG("report: %s", res.err);
	EXPECT_EQ(13, v[0]);
	EXPECT_EQ(11, v[1]);
	EXPECT_EQ(10, v[2]);
	EXPECT_EQ(0, v[3]);
	EXPECT_EQ((ssize_t)strlen(BASIC_OUT),
		  read_text_file(path, buf, sizeof(buf)));
	EXPECT_STREQ(BASIC_OUT, buf);
	unlink(path);
}

/* And through /dev/null's: every byte taken, none kept. */
TEST(to_dev_null)
{
	const char *args[] = { mx_image("write_basic.bin"), NULL };
	int fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
	struct mx_fd fds[] = { { 1, fd }, MX_FD_END };
	struct mx_cfg cfg = { .args = args, .fds = fds };
	long v[8];

	MINOS_REQUIRE();
	ASSERT_LE(0, fd);
	ASSERT_EQ(0, mx_run(&cfg, &res));
	close(fd);
	EXPECT_EXITED(res.status, 0);
	ASSERT_EQ(4, parse_longs(res.err, v, 8)) TH_LOG("report: %s", res.err);
	EXPECT_EQ(13, v[0]);
	EXPECT_EQ(11, v[1]);
	EXPECT_EQ(10, v[2]);
	EXPECT_EQ(0, v[3]);
}

/* And through a socket's: the bytes reach the peer. */
TEST(to_socket)
{
	const char *args[] = { mx_image("write_basic.bin"), NULL };
	struct mx_fd fds[2] = { { 1, -1 }, MX_FD_END };
	struct mx_cfg cfg = { .args = args, .fds = fds };
	char buf[256];
	long v[8];
	int sv[2];

	MINOS_REQUIRE();
	ASSERT_EQ(0, socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv));
	fds[0].fd = sv[1];
	ASSERT_EQ(0, mx_run(&cfg, &res));
	close(sv[1]);
	EXPECT_EXITED(res.status, 0);
	ASSERT_EQ(4, parse_longs(res.err, v, 8)) TH_LOG("report: %s", res.err);
	EXPECT_EQ(13, v[0]);
	EXPECT_EQ(11, v[1]);
	EXPECT_EQ(10, v[2]);
	EXPECT_EQ(0, v[3]);
	EXPECT_EQ((ssize_t)strlen(BASIC_OUT), mx_read_all(sv[0], buf, sizeof(buf)));
	EXPECT_STREQ(BASIC_OUT, buf);
	close(sv[0]);
}

/* And through a terminal's (a pty in raw mode, so no \n -> \r\n). */
TEST(to_tty)
{
	const char *args[] = { mx_image("write_basic.bin"), NULL };
	struct mx_fd fds[2] = { { 1, -1 }, MX_FD_END };
	struct mx_cfg cfg = { .args = args, .fds = fds };
	struct termios tio;
	char buf[256];
	size_t got = 0;
	ssize_t n;
	long v[8];
	int master, slave;

	MINOS_REQUIRE();
	master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (master < 0)
		SKIP(return, "no pseudo-terminals: %s", strerror(errno));
	ASSERT_EQ(0, grantpt(master));
	ASSERT_EQ(0, unlockpt(master));
	slave = open(ptsname(master), O_RDWR | O_NOCTTY | O_CLOEXEC);
	ASSERT_LE(0, slave);
	ASSERT_EQ(0, tcgetattr(slave, &tio));
	cfmakeraw(&tio);
	ASSERT_EQ(0, tcsetattr(slave, TCSANOW, &tio));
	fds[0].fd = slave;
	ASSERT_EQ(0, mx_run(&cfg, &res));
	EXPECT_EXITED(res.status, 0);
	ASSERT_EQ(4, parse_longs(res.err, v, 8)) TH_LOG("report: %s", res.err);
	EXPECT_EQ(13, v[0]);
	EXPECT_EQ(11, v[1]);
	EXPECT_EQ(10, v[2]);
	EXPECT_EQ(0, v[3]);
	/* The output waits in the master; the slave is still open here. */
	while (got < strlen(BASIC_OUT)) {
		n = read(master, buf + got, sizeof(buf) - 1 - got);
		if (n <= 0)
			break;
		got += n;
	}
	buf[got] = '\0';
	EXPECT_STREQ(BASIC_OUT, buf);
	close(slave);
	close(master);
}

/*
 * wfd 1 is a socket whose peer is gone: -EPIPE and no SIGPIPE, as for a
 * pipe (a socket's write raises SIGPIPE on Linux unless told not to).
 */
TEST(closed_socket_epipe_no_signal)
{
	const char *args[] = { mx_image("write_epipe.bin"), NULL };
	struct mx_fd fds[2] = { { 1, -1 }, MX_FD_END };
	struct mx_cfg cfg = { .args = args, .fds = fds };
	long v[4];
	int sv[2];

	MINOS_REQUIRE();
	ASSERT_EQ(0, socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv));
	close(sv[0]);
	fds[0].fd = sv[1];
	ASSERT_EQ(0, mx_run(&cfg, &res));
	close(sv[1]);
	EXPECT_EXITED(res.status, 0);
	ASSERT_EQ(2, parse_longs(res.err, v, 4)) TH_LOG("report: %s", res.err);
	EXPECT_EQ(-EPIPE, v[0]);
	EXPECT_EQ(-EPIPE, v[1]);
}

/* A number that is not a write descriptor: -EBADF, nothing written. */
TEST(bad_descriptor_ebadf)
{
	static const long fds[] = { BADFD_LIST };
	long v[ARRAY_SIZE(fds) + 1];
	unsigned int i;

	MINOS_REQUIRE();
	ASSERT_EQ(0, run_image("write_badfd.bin", &res));
	EXPECT_EXITED(res.status, 0);
	EXPECT_STREQ("", res.out);
	ASSERT_EQ((int)ARRAY_SIZE(fds), parse_longs(res.err, v, ARRAY_SIZE(v)))
		TH_LOG("report: %s", res.err);
	for (i = 0; i < ARRAY_SIZE(fds); i++)
		EXPECT_EQ(-EBADF, v[i])
			TH_LOG("write(%ld, ...) returned %ld", fds[i], v[i]);
}

/* A buffer the container cannot read: -EFAULT, nothing written. */
TEST(bad_address_efault)
{
	static const unsigned long addrs[] = { FAULT_ADDRS };
	long v[ARRAY_SIZE(addrs) + 1];
	unsigned int i;

	MINOS_REQUIRE();
	ASSERT_EQ(0, run_image("write_fault.bin", &res));
	EXPECT_EXITED(res.status, 0);
	EXPECT_EQ(0, res.out_len);
	ASSERT_EQ((int)ARRAY_SIZE(addrs),
		  parse_longs(res.err, v, ARRAY_SIZE(v)))
		TH_LOG("report: %s", res.err);
	for (i = 0; i < ARRAY_SIZE(addrs); i++)
		EXPECT_EQ(-EFAULT, v[i])
			TH_LOG("write(1, 0x%lx, 10) returned %ld", addrs[i], v[i]);
}

/*
 * wfd 1 is a pipe without a reader: -EPIPE, twice, and no SIGPIPE (the
 * container lives on to report and exits 0), although the test left
 * SIGPIPE at its default action.
 */
TEST(closed_pipe_epipe_no_signal)
{
	const char *args[] = { mx_image("write_epipe.bin"), NULL };
	struct mx_fd fds[2] = { { 1, -1 }, MX_FD_END };
	struct mx_cfg cfg = { .args = args, .fds = fds };
	int p[2];
	long v[4];

	MINOS_REQUIRE();
	ASSERT_EQ(0, pipe2(p, O_CLOEXEC));
	close(p[0]);
	fds[0].fd = p[1];
	ASSERT_EQ(0, mx_run(&cfg, &res));
	close(p[1]);
	EXPECT_EXITED(res.status, 0);
	ASSERT_EQ(2, parse_longs(res.err, v, 4)) TH_LOG("report: %s", res.err);
	EXPECT_EQ(-EPIPE, v[0]);
	EXPECT_EQ(-EPIPE, v[1]);
}

static int fsize_prep(void *arg)
{
	struct rlimit lim = { 100, 100 };

	return setrlimit(RLIMIT_FSIZE, &lim) ? errno : 0;
}

/*
 * A regular file with RLIMIT_FSIZE at 100: 150 bytes write 100, the next
 * write is -EFBIG, the container is not killed by SIGXFSZ, size 0 is 0.
 */
TEST(file_size_limit_partial_then_efbig)
{
	char path[] = "/tmp/minos-fsize-XXXXXX";
	const char *args[] = { mx_image("write_fsize.bin"), NULL };
	struct mx_fd fds[2] = { { 1, -1 }, MX_FD_END };
	struct mx_cfg cfg = { .args = args, .fds = fds, .prep = fsize_prep };
	char buf[256], want[101];
	long v[4];
	int i;

	MINOS_REQUIRE();
	fds[0].fd = mkostemp(path, O_CLOEXEC);
	ASSERT_LE(0, fds[0].fd);
	ASSERT_EQ(0, mx_run(&cfg, &res));
	close(fds[0].fd);
	EXPECT_EXITED(res.status, 0);
	ASSERT_EQ(3, parse_longs(res.err, v, 4)) TH_LOG("report: %s", res.err);
	EXPECT_EQ(100, v[0]);
	EXPECT_EQ(-EFBIG, v[1]);
	EXPECT_EQ(0, v[2]);
	for (i = 0; i < 100; i++)
		want[i] = (char)('A' + i % 26);
	want[100] = '\0';
	EXPECT_EQ(100, read_text_file(path, buf, sizeof(buf)));
	EXPECT_STREQ(want, buf);
	unlink(path);
}

/*
 * 256 KiB through a pipe (4 times its capacity) while the test reads:
 * every write returns a positive count, the counts add up, and every byte
 * arrives, in order.
 */
TEST(large_write_through_pipe)
{
	static char out[256 * 1024 + 1];
	const char *args[] = { mx_image("write_big.bin"), NULL };
	char report[4096];
	struct mx m;
	long v[512], sum = 0;
	ssize_t n;
	int i, count, status;

	MINOS_REQUIRE();
	ASSERT_EQ(0, mx_spawn_args(&m, args));
	n = mx_read_n(m.out, out, sizeof(out));
	ASSERT_LE(0, mx_read_all(m.err, report, sizeof(report)));
	status = mx_wait(&m);
	EXPECT_EXITED(status, 0);
	EXPECT_EQ(256 * 1024, n);
	count = parse_longs(report, v, ARRAY_SIZE(v));
	ASSERT_LT(0, count) TH_LOG("report: %s", report);
	for (i = 0; i < count; i++) {
		EXPECT_LT(0, v[i]) TH_LOG("write %d returned %ld", i, v[i]);
		sum += v[i];
	}
	EXPECT_EQ(256 * 1024, sum);
	for (i = 0; i < n; i++)
		if (out[i] != (char)(i * 7 + (i >> 12)))
			break;
	EXPECT_EQ(n, i) TH_LOG("first wrong byte at %d", i);
}

TEST_HARNESS_MAIN
