// SPDX-License-Identifier: GPL-2.0
/*
 * cat_tee_test: the cat and tee examples (examples/cat, examples/tee), run
 * as the first container on host files.
 *
 * - cat copies rfd 0 to wfd 1 byte for byte: a small file, nothing, every
 *   byte value through Linux pipes on both sides with a slow reader (so
 *   its writes come back partial), and a 100 MiB file of random bytes to
 *   a file; a write to a pipe nobody reads ends it with status 2, not
 *   SIGPIPE.
 * - tee merges rfd 0, 2, 3, ... (up to the first number that is not an
 *   rfd) into wfd 1: every input's bytes, complete and in order, from a
 *   Linux pipe, a regular file, a socket and another pipe at once; alone
 *   it is cat; it stops at a gap in the numbers; with no input it ends at
 *   once.
 *
 * The examples must be built (make examples; scripts/vm does it): the
 * tests skip when they are missing.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "helpers.h"
#include "pipe_helpers.h"
#include "minos.h"

#define BIG_FILE	(100L << 20)

static struct mx_result res;

#define REQUIRE_EXAMPLE(path) do {					\
	MINOS_REQUIRE();						\
	if (access(path, R_OK))						\
		SKIP(return, "%s is missing (examples not built?)", path); \
} while (0)

/*
 * A scratch file in /tmp holding @n bytes of @data, its name in @path (32
 * bytes); returns an fd or -1.
 */
static int scratch_file(char *path, const void *data, size_t n)
{
	int fd;

	snprintf(path, 32, "/tmp/minos-cat-XXXXXX");
	fd = mkostemp(path, O_CLOEXEC);
	if (fd < 0)
		return -1;
	if (px_write_all(fd, data, n) != (ssize_t)n ||
	    lseek(fd, 0, SEEK_SET) != 0) {
		close(fd);
		unlink(path);
		return -1;
	}
	return fd;
}

/* Byte @i of the test stream of cat_every_byte_value: all 256 values. */
static unsigned char gen(unsigned long i)
{
	return (unsigned char)(i * 7 + (i >> 8) + (i >> 16));
}

TEST(cat_small_file)
{
	static const char text[] = "one line\nand\0a NUL, no newline at the end";
	const char *cat = mx_example("cat.bin");
	const char *args[] = { cat, NULL };
	struct mx_fd fds[] = { { 0, -1 }, MX_FD_END };
	struct mx_cfg cfg = { .args = args, .fds = fds };
	char path[32];

	REQUIRE_EXAMPLE(cat);
	fds[0].fd = scratch_file(path, text, sizeof(text) - 1);
	ASSERT_LE(0, fds[0].fd);
	ASSERT_EQ(0, mx_run(&cfg, &res));
	close(fds[0].fd);
	unlink(path);
	EXPECT_EXITED(res.status, 0);
	ASSERT_EQ(sizeof(text) - 1, res.out_len);
	EXPECT_EQ(0, memcmp(text, res.out, sizeof(text) - 1));
	EXPECT_EQ(0, res.err_len);
}

TEST(cat_empty_input)
{
	const char *cat = mx_example("cat.bin");
	const char *args[] = { cat, NULL };

	REQUIRE_EXAMPLE(cat);
	ASSERT_EQ(0, mx_run_args(args, &res));	/* stdin: /dev/null */
	EXPECT_EXITED(res.status, 0);
	EXPECT_EQ(0, res.out_len);
}

/*
 * 8 MiB of every byte value, fed through a Linux pipe in odd-sized writes
 * by another process, read back through a Linux pipe 777 bytes at a time:
 * most of cat's 64 KiB writes come back partial.
 */
TEST(cat_every_byte_value_through_pipes)
{
	const unsigned long total = 8UL << 20;
	const char *cat = mx_example("cat.bin");
	const char *args[] = { cat, NULL };
	struct mx_fd fds[] = { { 0, -1 }, MX_FD_END };
	struct mx_cfg cfg = { .args = args, .fds = fds };
	unsigned char buf[777];
	unsigned long got = 0, bad = ~0UL;
	int in[2], status;
	struct mx m;
	pid_t feeder;

	REQUIRE_EXAMPLE(cat);
	ASSERT_EQ(0, pipe2(in, O_CLOEXEC));
	fds[0].fd = in[0];
	fflush(NULL);
	feeder = fork();
	ASSERT_LE(0, feeder);
	if (feeder == 0) {
		static unsigned char chunk[9001];
		unsigned long pos = 0;

		close(in[0]);
		while (pos < total) {
			size_t len = 1 + (pos / 3) % sizeof(chunk);
			size_t j;

			if (len > total - pos)
				len = total - pos;
			for (j = 0; j < len; j++)
				chunk[j] = gen(pos + j);
			if (px_write_all(in[1], chunk, len) < 0)
				_exit(1);
			pos += len;
		}
		_exit(0);
	}
	close(in[1]);
	ASSERT_EQ(0, mx_spawn(&m, &cfg));
	close(in[0]);
	for (;;) {
		ssize_t n = px_read_guarded(m.out, buf, sizeof(buf),
					    PX_GUARD_MS);
		ssize_t j;

		if (n <= 0) {
			EXPECT_EQ(0, n) TH_LOG("read of cat's output");
			break;
		}
		for (j = 0; j < n && bad == ~0UL; j++)
			if (buf[j] != gen(got + j))
				bad = got + j;
		got += n;
	}
	EXPECT_EXITED(mx_wait(&m), 0);
	ASSERT_EQ(feeder, waitpid(feeder, &status, 0));
	EXPECT_EXITED(status, 0);
	EXPECT_EQ(total, got);
	EXPECT_EQ(~0UL, bad) TH_LOG("first wrong byte at %lu", bad);
}

/* wfd 1 is a pipe nobody reads: the write fails, cat exits 2, no signal. */
TEST(cat_broken_output_exits_2)
{
	static const char text[] = "nobody will read this\n";
	const char *cat = mx_example("cat.bin");
	const char *args[] = { cat, NULL };
	struct mx_fd fds[] = { { 0, -1 }, { 1, -1 }, MX_FD_END };
	struct mx_cfg cfg = { .args = args, .fds = fds };
	char path[32];
	int out[2];

	REQUIRE_EXAMPLE(cat);
	fds[0].fd = scratch_file(path, text, sizeof(text) - 1);
	ASSERT_LE(0, fds[0].fd);
	ASSERT_EQ(0, pipe2(out, O_CLOEXEC));
	close(out[0]);
	fds[1].fd = out[1];
	ASSERT_EQ(0, mx_run(&cfg, &res));
	close(out[1]);
	close(fds[0].fd);
	unlink(path);
	EXPECT_EXITED(res.status, 2);
}

/* Compare two files; returns -1 when equal, else the first differing offset. */
static long first_difference(int a, int b)
{
	static unsigned char x[1 << 20], y[1 << 20];
	long pos = 0;

	for (;;) {
		ssize_t n = mx_read_n(a, x, sizeof(x));
		ssize_t m = mx_read_n(b, y, sizeof(y));
		ssize_t i;

		if (n < 0 || m < 0)
			return pos;
		for (i = 0; i < n && i < m; i++)
			if (x[i] != y[i])
				return pos + i;
		if (n != m)
			return pos + i;
		if (n == 0)
			return -1;
		pos += n;
	}
}

FIXTURE(big) {
	char in[32];
	char out[32];
};
FIXTURE_SETUP(big)
{
	self->in[0] = '\0';
	self->out[0] = '\0';
}
FIXTURE_TEARDOWN(big)
{
	if (self->in[0])
		unlink(self->in);
	if (self->out[0])
		unlink(self->out);
}

/*
 * minos-exec cat.bin < in > out, with in 100 MiB from /dev/urandom in
 * /tmp: out is the same, byte for byte.
 */
TEST_F_TIMEOUT(big, cat_100mib_file_byte_for_byte, 280)
{
	const char *cat = mx_example("cat.bin");
	const char *args[] = { cat, NULL };
	struct mx_fd fds[] = { { 0, -1 }, { 1, -1 }, MX_FD_END };
	struct mx_cfg cfg = { .args = args, .fds = fds };
	static unsigned char chunk[1 << 20];
	struct timespec t0, t1;
	int rnd, in, out;
	struct stat st;
	long done;

	REQUIRE_EXAMPLE(cat);
	snprintf(self->in, sizeof(self->in), "/tmp/minos-cat-in-XXXXXX");
	snprintf(self->out, sizeof(self->out), "/tmp/minos-cat-out-XXXXXX");
	in = mkostemp(self->in, O_CLOEXEC);
	ASSERT_LE(0, in);
	out = mkostemp(self->out, O_CLOEXEC);
	ASSERT_LE(0, out);
	rnd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	ASSERT_LE(0, rnd);
	for (done = 0; done < BIG_FILE; done += sizeof(chunk)) {
		ASSERT_EQ(sizeof(chunk), mx_read_n(rnd, chunk, sizeof(chunk)));
		ASSERT_EQ(sizeof(chunk), px_write_all(in, chunk, sizeof(chunk)));
	}
	close(rnd);
	ASSERT_EQ(0, lseek(in, 0, SEEK_SET));
	fds[0].fd = in;
	fds[1].fd = out;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ASSERT_EQ(0, mx_run(&cfg, &res));
	clock_gettime(CLOCK_MONOTONIC, &t1);
	TH_LOG("cat of %ld MiB took %.1f s (for information only)",
	       BIG_FILE >> 20, (t1.tv_sec - t0.tv_sec) +
	       (t1.tv_nsec - t0.tv_nsec) / 1e9);
	EXPECT_EXITED(res.status, 0);
	ASSERT_EQ(0, fstat(out, &st));
	EXPECT_EQ(BIG_FILE, st.st_size);
	ASSERT_EQ(0, lseek(in, 0, SEEK_SET));
	ASSERT_EQ(0, lseek(out, 0, SEEK_SET));
	EXPECT_EQ(-1, first_difference(in, out));
	close(in);
	close(out);
}

/*
 * Read tee's output (@m.out) to its end and sort it by pattern writer:
 * got[w] counts writer w's bytes, bad[w] is the position of its first
 * wrong byte or -1.
 */
static void read_merged(struct mx *m, long got[4], long bad[4])
{
	unsigned char buf[65536];
	int w;

	for (w = 0; w < 4; w++) {
		got[w] = 0;
		bad[w] = -1;
	}
	for (;;) {
		ssize_t n = px_read_guarded(m->out, buf, sizeof(buf),
					    PX_GUARD_MS);
		ssize_t j;

		if (n <= 0)
			break;
		for (j = 0; j < n; j++) {
			w = buf[j] >> 6;
			if (buf[j] != pl_pattern(w, got[w]) && bad[w] < 0)
				bad[w] = got[w];
			got[w]++;
		}
	}
}

/*
 * rfd 0 a Linux pipe (writer 0), rfd 2 a regular file (writer 1), rfd 3 a
 * socket (writer 2), rfd 4 another Linux pipe (writer 3); a feeder
 * process writes the pipes and the socket a chunk at a time, in turn.
 */
TEST(tee_merges_pipe_file_socket_pipe)
{
	static const long size[4] = { 300000, 200000, 300000, 100000 };
	static const size_t chunk[4] = { 7001, 0, 5003, 3001 };
	const char *tee = mx_example("tee.bin");
	char path[32], opt[48];
	const char *args[] = { "--rfd", opt, "--rfd", "3=fd:3", "--rfd",
			       "4=fd:4", tee, NULL };
	struct mx_fd fds[] = { { 0, -1 }, { 3, -1 }, { 4, -1 }, MX_FD_END };
	struct mx_cfg cfg = { .args = args, .fds = fds };
	int a[2], s[2], b[2], file, w, status;
	unsigned char *data;
	long got[4], bad[4];
	struct mx m;
	pid_t feeder;

	REQUIRE_EXAMPLE(tee);
	data = malloc(size[1]);
	ASSERT_NE(NULL, data);
	pl_pattern_fill(data, size[1], 1, 0);
	file = scratch_file(path, data, size[1]);
	free(data);
	ASSERT_LE(0, file);
	close(file);
	snprintf(opt, sizeof(opt), "2=%s", path);
	ASSERT_EQ(0, pipe2(a, O_CLOEXEC));
	ASSERT_EQ(0, pipe2(b, O_CLOEXEC));
	ASSERT_EQ(0, socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, s));
	fds[0].fd = a[0];
	fds[1].fd = s[1];
	fds[2].fd = b[0];

	fflush(NULL);
	feeder = fork();
	ASSERT_LE(0, feeder);
	if (feeder == 0) {
		int out[4] = { a[1], -1, s[0], b[1] };
		long pos[4] = { 0, 0, 0, 0 };
		unsigned char buf[8192];
		int left = 3;

		close(a[0]);
		close(s[1]);
		close(b[0]);
		while (left) {
			for (w = 0; w < 4; w++) {
				size_t len = chunk[w];

				if (out[w] < 0)
					continue;
				if (len > (size_t)(size[w] - pos[w]))
					len = size[w] - pos[w];
				pl_pattern_fill(buf, len, w, pos[w]);
				if (px_write_all(out[w], buf, len) < 0)
					_exit(1);
				pos[w] += len;
				if (pos[w] == size[w]) {
					close(out[w]);
					out[w] = -1;
					left--;
				}
			}
		}
		_exit(0);
	}
	close(a[1]);
	close(s[0]);
	close(b[1]);
	ASSERT_EQ(0, mx_spawn(&m, &cfg));
	close(a[0]);
	close(s[1]);
	close(b[0]);
	read_merged(&m, got, bad);
	EXPECT_EXITED(mx_wait(&m), 0);
	ASSERT_EQ(feeder, waitpid(feeder, &status, 0));
	EXPECT_EXITED(status, 0);
	unlink(path);
	for (w = 0; w < 4; w++) {
		EXPECT_EQ(size[w], got[w]) TH_LOG("input %d: bytes", w);
		EXPECT_EQ(-1, bad[w]) TH_LOG("input %d: first wrong byte", w);
	}
}

/* With only the standard descriptors, tee copies rfd 0 like cat. */
TEST(tee_alone_is_cat)
{
	static const char text[] = "just standard input\n";
	const char *tee = mx_example("tee.bin");
	const char *args[] = { tee, NULL };
	struct mx_fd fds[] = { { 0, -1 }, MX_FD_END };
	struct mx_cfg cfg = { .args = args, .fds = fds };
	char path[32];

	REQUIRE_EXAMPLE(tee);
	fds[0].fd = scratch_file(path, text, sizeof(text) - 1);
	ASSERT_LE(0, fds[0].fd);
	ASSERT_EQ(0, mx_run(&cfg, &res));
	close(fds[0].fd);
	unlink(path);
	EXPECT_EXITED(res.status, 0);
	EXPECT_STREQ(text, res.out);
}

/*
 * rfd 0 empty, rfd 2 a file (writer 1), nothing at 3, rfd 4 a file
 * (writer 2): the inputs stop at 3, so only rfd 2's bytes come out.
 */
TEST(tee_inputs_stop_at_a_gap)
{
	const char *tee = mx_example("tee.bin");
	char p2[32], p4[32], o2[48], o4[48];
	const char *args[] = { "--rfd", o2, "--rfd", o4, tee, NULL };
	struct mx_cfg cfg = { .args = args };
	unsigned char data[5000];
	long got[4], bad[4];
	struct mx m;
	int fd;

	REQUIRE_EXAMPLE(tee);
	pl_pattern_fill(data, sizeof(data), 1, 0);
	fd = scratch_file(p2, data, sizeof(data));
	ASSERT_LE(0, fd);
	close(fd);
	pl_pattern_fill(data, sizeof(data), 2, 0);
	fd = scratch_file(p4, data, sizeof(data));
	ASSERT_LE(0, fd);
	close(fd);
	snprintf(o2, sizeof(o2), "2=%s", p2);
	snprintf(o4, sizeof(o4), "4=%s", p4);
	ASSERT_EQ(0, mx_spawn(&m, &cfg));
	read_merged(&m, got, bad);
	EXPECT_EXITED(mx_wait(&m), 0);
	unlink(p2);
	unlink(p4);
	EXPECT_EQ(0, got[0]);
	EXPECT_EQ(sizeof(data), got[1]);
	EXPECT_EQ(-1, bad[1]);
	EXPECT_EQ(0, got[2]) TH_LOG("rfd 4, past the gap, was read");
	EXPECT_EQ(0, got[3]);
}

/* No rfd at all (only wfd 1): tee ends at once, status 0, no output. */
TEST(tee_without_inputs_ends)
{
	const char *tee = mx_example("tee.bin");
	const char *args[] = { "--no-std", "--wfd", "1=fd:1", tee, NULL };

	REQUIRE_EXAMPLE(tee);
	ASSERT_EQ(0, mx_run_args(args, &res));
	EXPECT_EXITED(res.status, 0);
	EXPECT_EQ(0, res.out_len);
}

TEST_HARNESS_MAIN
