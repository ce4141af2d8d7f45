// SPDX-License-Identifier: GPL-2.0
/*
 * Minos bench: running the measured programs (a container through
 * minos-exec, or a Linux twin in a child), timing their markers, and
 * loading and unloading the module for the rows that need it.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "driver.h"

/* How long a measured program may keep the driver waiting for a byte. */
#define BENCH_WAIT_MS		(300 * 1000)

#define MODULE_NAME		"minos"
#define SYSFS_DIR		"/sys/kernel/minos"

uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* A progress or error line on stderr. */
void note(const char *fmt, ...)
{
	va_list ap;

	fputs("bench: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void twin_mark(char c)
{
	if (write(BENCH_MARK_FD, &c, 1) != 1)
		_exit(111);
}

static void close_pair(int fds[2])
{
	if (fds[0] >= 0)
		close(fds[0]);
	if (fds[1] >= 0)
		close(fds[1]);
	fds[0] = -1;
	fds[1] = -1;
}

/* Put @fd at @target in a child about to exec, without close-on-exec. */
static void child_fd(int fd, int target)
{
	if (fd == target) {
		fcntl(fd, F_SETFD, 0);
		return;
	}
	if (dup2(fd, target) < 0)
		_exit(126);
}

static void child_exec(const struct row *row, const struct bench_params *p,
		       int minos)
{
	char image[4096], child[4200];
	int ret;

	if (!minos) {
		/* The twin's own descriptors are close-on-exec: no matter. */
		ret = row->twin(p);
		_exit(ret);
	}
	snprintf(image, sizeof(image), "%s/%s", opt_images, row->image);
	if (row->child_image) {
		snprintf(child, sizeof(child), "4=%s/%s", opt_images,
			 row->child_image);
		execlp(opt_exec, opt_exec, "--wfd", "3=fd:3", "--rfd", child,
		       "--wfd", "5=fd:2", image, (char *)NULL);
	} else {
		execlp(opt_exec, opt_exec, "--wfd", "3=fd:3", image,
		       (char *)NULL);
	}
	fprintf(stderr, "bench: cannot run %s: %s\n", opt_exec,
		strerror(errno));
	_exit(127);
}

/**
 * prog_start() - start one side of a row
 * @pr: filled in
 * @row: the row
 * @p: the run's parameters
 * @minos: 1: the row's image in a container; 0: its Linux twin
 *
 * Return: 0, or -1 with a message on stderr.
 */
int prog_start(struct prog *pr, const struct row *row,
	       const struct bench_params *p, int minos)
{
	int in[2] = { -1, -1 }, out[2] = { -1, -1 }, mk[2] = { -1, -1 };
	const char *what = minos ? "minos side" : "linux side";
	ssize_t n;

	if (pipe2(in, O_CLOEXEC) || pipe2(out, O_CLOEXEC) ||
	    pipe2(mk, O_CLOEXEC)) {
		note("%s: %s: pipe: %s", row->name, what, strerror(errno));
		goto err;
	}
	fflush(NULL);
	pr->pid = fork();
	if (pr->pid < 0) {
		note("%s: %s: fork: %s", row->name, what, strerror(errno));
		goto err;
	}
	if (pr->pid == 0) {
		child_fd(in[0], 0);
		child_fd(out[1], 1);
		child_fd(mk[1], BENCH_MARK_FD);
		/* Every other descriptor but stderr: not the container's. */
		syscall(SYS_close_range, BENCH_MARK_FD + 1, ~0U, 0);
		child_exec(row, p, minos);
	}
	close(in[0]);
	close(out[1]);
	close(mk[1]);
	pr->in = in[1];
	pr->out = out[0];
	pr->mark = mk[0];
	pr->what = what;

	if (minos) {
		/* 40 bytes into an empty pipe: one atomic write. */
		n = write(pr->in, p, sizeof(*p));
		if (n != (ssize_t)sizeof(*p)) {
			note("%s: %s: cannot send the parameters", row->name,
			     what);
			prog_kill(pr);
			return -1;
		}
	}
	return 0;

err:
	close_pair(in);
	close_pair(out);
	close_pair(mk);
	return -1;
}

/* Reap @pr's process and say how it ended; returns 0 when it exited 0. */
static int prog_reap(struct prog *pr)
{
	int st;

	if (pr->pid <= 0)
		return 0;
	while (waitpid(pr->pid, &st, 0) < 0) {
		if (errno != EINTR) {
			note("%s: waitpid: %s", pr->what, strerror(errno));
			pr->pid = 0;
			return -1;
		}
	}
	pr->pid = 0;
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
		return 0;
	if (WIFEXITED(st))
		note("%s exited with status %d", pr->what, WEXITSTATUS(st));
	else
		note("%s was killed by signal %d", pr->what, WTERMSIG(st));
	return -1;
}

static void prog_close(struct prog *pr)
{
	if (pr->in >= 0)
		close(pr->in);
	if (pr->out >= 0)
		close(pr->out);
	if (pr->mark >= 0)
		close(pr->mark);
	pr->in = -1;
	pr->out = -1;
	pr->mark = -1;
}

/* Wait for @fd to be readable; -1 with a message on timeout. */
static int wait_readable(struct prog *pr, int fd, const char *for_what)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	int ret;

	do {
		ret = poll(&pfd, 1, BENCH_WAIT_MS);
	} while (ret < 0 && errno == EINTR);
	if (ret > 0)
		return 0;
	note("%s: no %s after %d s: giving up", pr->what, for_what,
	     BENCH_WAIT_MS / 1000);
	return -1;
}

/**
 * prog_wait_mark() - wait for the next marker byte of @pr
 * @pr: the program
 * @want: the marker expected
 * @t: when not NULL, gets the time the byte was read
 *
 * Return: 0, or -1 with a message when the program ended first, sent
 * something else, or took too long.
 */
int prog_wait_mark(struct prog *pr, char want, uint64_t *t)
{
	char c;
	ssize_t n;

	if (wait_readable(pr, pr->mark, "marker")) {
		prog_kill(pr);
		return -1;
	}
	do {
		n = read(pr->mark, &c, 1);
	} while (n < 0 && errno == EINTR);
	if (t)
		*t = now_ns();
	if (n == 1 && c == want)
		return 0;
	if (n == 0) {
		/* Its marker pipe closed: it has ended; say how. */
		note("%s ended before its '%c' marker", pr->what, want);
		prog_close(pr);
		prog_reap(pr);
		return -1;
	}
	if (n == 1)
		note("%s: marker '%c' instead of '%c'", pr->what, c, want);
	else
		note("%s: reading its marker: %s", pr->what, strerror(errno));
	prog_kill(pr);
	return -1;
}

/* The program is done: close our ends and collect its exit status. */
int prog_finish(struct prog *pr)
{
	prog_close(pr);
	return prog_reap(pr);
}

/* Something went wrong: end the program, whatever it is doing. */
void prog_kill(struct prog *pr)
{
	if (pr->pid > 0)
		kill(pr->pid, SIGKILL);
	prog_close(pr);
	if (pr->pid > 0) {
		waitpid(pr->pid, NULL, 0);
		pr->pid = 0;
	}
}

/* KIND_DRAIN: read @total bytes from the program's fd 1. */
static int drain(struct prog *pr, uint64_t total)
{
	static char buf[1 << 16];
	uint64_t got = 0;
	ssize_t n;

	while (got < total) {
		n = read(pr->out, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			note("%s: its output ended after %llu of %llu bytes",
			     pr->what, (unsigned long long)got,
			     (unsigned long long)total);
			return -1;
		}
		got += (uint64_t)n;
	}
	return 0;
}

/* KIND_PING: @iters one-byte round trips through the program. */
static int ping(struct prog *pr, uint64_t iters)
{
	uint64_t i;
	char c = 'p';

	for (i = 0; i < iters; i++) {
		if (write(pr->in, &c, 1) != 1 || read(pr->out, &c, 1) != 1) {
			note("%s: round trip %llu failed", pr->what,
			     (unsigned long long)i);
			return -1;
		}
	}
	return 0;
}

/**
 * run_side() - one timed run of one side of a row of a generic kind
 * @row: the row
 * @p: the run's parameters
 * @minos: 1: the Minos side, 0: the Linux side
 * @s: gets the time and the work done
 *
 * Return: 0, or -1 with a message.
 */
int run_side(const struct row *row, const struct bench_params *p, int minos,
	     struct sample *s)
{
	uint64_t t0, t1 = 0;
	struct prog pr;
	int ret = 0;

	if (prog_start(&pr, row, p, minos))
		return -1;
	if (prog_wait_mark(&pr, BENCH_MARK_START, &t0))
		return -1;
	switch (row->kind) {
	case KIND_SELF:
		if (prog_wait_mark(&pr, BENCH_MARK_END, &t1))
			return -1;
		break;
	case KIND_DRAIN:
		ret = drain(&pr, p->total);
		t1 = now_ns();
		break;
	case KIND_PING:
		ret = ping(&pr, p->iters);
		t1 = now_ns();
		break;
	default:
		ret = -1;
		break;
	}
	if (ret) {
		prog_kill(&pr);
		return -1;
	}
	if (row->kind != KIND_SELF &&
	    prog_wait_mark(&pr, BENCH_MARK_END, NULL))
		return -1;
	if (prog_finish(&pr))
		return -1;
	s->ns = t1 - t0;
	s->work = row->unit == UNIT_MIBS ? p->total : p->iters;
	return 0;
}

static int module_present(void)
{
	return access(SYSFS_DIR, F_OK) == 0;
}

/* Load the module (opt_ko) unless it is loaded. */
int module_load(void)
{
	int fd, ret;

	if (module_present())
		return 0;
	fd = open(opt_ko, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		note("cannot open %s: %s", opt_ko, strerror(errno));
		return -1;
	}
	ret = syscall(SYS_finit_module, fd, "", 0);
	close(fd);
	if (ret && errno != EEXIST) {
		note("cannot load %s: %s", opt_ko, strerror(errno));
		return -1;
	}
	if (!module_present()) {
		note("%s loaded, but there is no %s", opt_ko, SYSFS_DIR);
		return -1;
	}
	return 0;
}

/* Unload the module, waiting a little for the last users to go. */
int module_unload(void)
{
	int tries;

	for (tries = 0; tries < 300; tries++) {
		if (!syscall(SYS_delete_module, MODULE_NAME, O_NONBLOCK))
			break;
		if (errno == ENOENT)
			break;
		if (errno != EAGAIN && errno != EBUSY) {
			note("cannot unload the module: %s", strerror(errno));
			return -1;
		}
		usleep(10000);
	}
	if (module_present()) {
		note("cannot unload the module: still in use");
		return -1;
	}
	return 0;
}

/* Read the number in /sys/kernel/minos/@name. */
int sysfs_uint(const char *name, unsigned int *val)
{
	char path[256];
	FILE *f;
	int ok;

	snprintf(path, sizeof(path), SYSFS_DIR "/%s", name);
	f = fopen(path, "re");
	if (!f)
		return -1;
	ok = fscanf(f, "%u", val) == 1;
	fclose(f);
	return ok ? 0 : -1;
}
