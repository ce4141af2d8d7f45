/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers of the pipe, read, bulk, kill and cat/tee tests (pipe_test.c and
 * its neighbours), on top of helpers.h: waiting for a container with a
 * hang guard, seeing it asleep, feeding host files, and the stream
 * pattern of images/pipe_pattern.h.
 *
 * The guards only keep a broken module from hanging a test: no test
 * asserts on how long something took.
 */
#ifndef MINOS_SELFTEST_PIPE_HELPERS_H
#define MINOS_SELFTEST_PIPE_HELPERS_H

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "helpers.h"
#include "pipe_pattern.h"

/* The hang guard: how long a container may take to end or to block. */
#define PX_GUARD_MS	30000

/*
 * Wait up to @ms for @pid to end and reap it into *@status. Returns 0, or
 * -ETIMEDOUT (the child is left as it is), or -errno.
 */
static inline int px_wait_exit(pid_t pid, int ms, int *status)
{
	int waited = 0;
	pid_t got;

	for (;;) {
		got = waitpid(pid, status, WNOHANG);
		if (got == pid)
			return 0;
		if (got < 0 && errno != EINTR)
			return -errno;
		if (waited >= ms)
			return -ETIMEDOUT;
		usleep(10000);
		waited += 10;
	}
}

/*
 * mx_kill() with a hang guard: SIGKILL @m's child, close the test's pipe
 * ends and reap it within @ms. Returns 0 with the wait status in *@status,
 * or -ETIMEDOUT.
 */
static inline int px_kill_wait(struct mx *m, int ms, int *status)
{
	int err;

	kill(m->pid, SIGKILL);
	err = px_wait_exit(m->pid, ms, status);
	if (err)
		return err;
	m->pid = -1;
	mx_wait(m);
	return 0;
}

/* True when @pid has ended (not reaped: it stays a zombie for mx_wait). */
static inline bool px_ended(pid_t pid)
{
	siginfo_t si;

	memset(&si, 0, sizeof(si));
	if (waitid(P_PID, pid, &si, WEXITED | WNOHANG | WNOWAIT))
		return true;
	return si.si_pid == pid;
}

/* The state letter of /proc/@pid/stat ('R', 'S', 'Z', ...), or 0. */
static inline char px_state(pid_t pid)
{
	char path[64], buf[512], *p;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	if (read_text_file(path, buf, sizeof(buf)) <= 0)
		return 0;
	p = strrchr(buf, ')');
	return p && p[1] == ' ' ? p[2] : 0;
}

/*
 * Wait until @pid sleeps (state 'S', or 'D' for a killable sleep) in three
 * samples in a row, 10 ms apart, so that it is most likely blocked in its
 * call, or has ended; for at most @ms. Returns the last state seen.
 */
static inline char px_wait_asleep(pid_t pid, int ms)
{
	int asleep = 0;
	char st = 0;

	for (int waited = 0; waited <= ms; waited += 10) {
		st = px_state(pid);
		if (st == 'Z' || st == 0 || px_ended(pid))
			return st;
		asleep = st == 'S' || st == 'D' ? asleep + 1 : 0;
		if (asleep == 3)
			return st;
		usleep(10000);
	}
	return st;
}

/* Write all @n bytes; returns @n or -errno. */
static inline ssize_t px_write_all(int fd, const void *buf, size_t n)
{
	size_t done = 0;

	while (done < n) {
		ssize_t w = write(fd, (const char *)buf + done, n - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return w < 0 ? -errno : -EIO;
		done += w;
	}
	return n;
}

/*
 * Write @n bytes of pattern writer @w to @fd in chunks of @chunk bytes.
 * Returns 0 or -errno.
 */
static inline int px_write_pattern(int fd, size_t n, unsigned int w,
				   size_t chunk)
{
	unsigned char buf[65536];
	size_t done = 0;

	if (chunk > sizeof(buf))
		chunk = sizeof(buf);
	while (done < n) {
		size_t len = n - done < chunk ? n - done : chunk;
		ssize_t r;

		pl_pattern_fill(buf, len, w, done);
		r = px_write_all(fd, buf, len);
		if (r < 0)
			return (int)r;
		done += len;
	}
	return 0;
}

/*
 * read() that waits at most @ms for @fd to become readable: the hang
 * guard of a test that waits for a container's output. Returns read()'s
 * result, or -ETIMEDOUT.
 */
static inline ssize_t px_read_guarded(int fd, void *buf, size_t n, int ms)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	int r;

	do {
		r = poll(&p, 1, ms);
	} while (r < 0 && errno == EINTR);
	if (r == 0)
		return -ETIMEDOUT;
	if (r < 0)
		return -errno;
	r = read(fd, buf, n);
	return r < 0 ? -errno : r;
}

/*
 * Read @fd until @max bytes, its end, or no byte for PX_GUARD_MS,
 * checking it is pattern writer @w from position 0. Returns the byte
 * count; *@first_bad gets the position of the first wrong byte, or -1;
 * *@timed_out (may be NULL) whether the guard stopped it.
 */
static inline long px_read_pattern(int fd, long max, unsigned int w,
				   long *first_bad, bool *timed_out)
{
	unsigned char buf[65536];
	long total = 0;

	*first_bad = -1;
	if (timed_out)
		*timed_out = false;
	while (total < max) {
		size_t want = max - total < (long)sizeof(buf) ?
			      (size_t)(max - total) : sizeof(buf);
		ssize_t n = px_read_guarded(fd, buf, want, PX_GUARD_MS);
		unsigned long ok;

		if (n == -EINTR)
			continue;
		if (n == -ETIMEDOUT && timed_out)
			*timed_out = true;
		if (n <= 0)
			break;
		ok = pl_pattern_check(buf, n, w, total);
		if (ok != (unsigned long)n && *first_bad < 0)
			*first_bad = total + ok;
		total += n;
	}
	return total;
}

#endif /* MINOS_SELFTEST_PIPE_HELPERS_H */
