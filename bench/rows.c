// SPDX-License-Identifier: GPL-2.0
/*
 * Minos bench: the rows of the table, and the Linux twin of each Minos
 * image. A twin runs in a child of the driver with the same descriptors
 * as the container (fd 0 from the driver, fd 1 to it, fd 3 the markers)
 * and does what its image does with Linux calls. See
 * Documentation/bench.rst for how to add a row.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "driver.h"

#define KIB		1024ULL
#define MIB		(1024ULL * 1024)

/* A twin's failure: say what and return its exit status. */
static int twin_fail(const char *what)
{
	fprintf(stderr, "bench twin: %s: %s\n", what, strerror(errno));
	return 1;
}

/* Read exactly @size bytes from @fd. */
static int read_full(int fd, char *buf, size_t size)
{
	size_t got = 0;
	ssize_t n;

	while (got < size) {
		n = read(fd, buf + got, size - got);
		if (n <= 0)
			return -1;
		got += (size_t)n;
	}
	return 0;
}

/* Twin of img/pipe_loop.c: write a chunk into a pipe, read it back. */
static int linux_pipe_loop(const struct bench_params *p)
{
	static char buf[BENCH_MAX_CHUNK];
	uint64_t done = 0;
	int fds[2];
	ssize_t n;

	if (pipe(fds))
		return twin_fail("pipe");
	memset(buf, 'l', sizeof(buf));

	twin_mark(BENCH_MARK_START);
	while (done < p->total) {
		n = write(fds[1], buf, p->chunk);
		if (n <= 0)
			return twin_fail("write");
		if (read_full(fds[0], buf, (size_t)n))
			return twin_fail("read");
		done += (uint64_t)n;
	}
	twin_mark(BENCH_MARK_END);
	return 0;
}

/* Twin of img/pipe_out.c: write chunks to fd 1, which the driver drains. */
static int linux_pipe_out(const struct bench_params *p)
{
	static char buf[BENCH_MAX_CHUNK];
	uint64_t done = 0;
	ssize_t n;

	memset(buf, 'l', sizeof(buf));

	twin_mark(BENCH_MARK_START);
	while (done < p->total) {
		n = write(1, buf, p->chunk);
		if (n <= 0)
			return twin_fail("write to fd 1");
		done += (uint64_t)n;
	}
	twin_mark(BENCH_MARK_END);
	return 0;
}

/* Twin of img/rtt_loop.c: a byte through pipe A, then through pipe B. */
static int linux_rtt_loop(const struct bench_params *p)
{
	int a[2], b[2];
	char c = 'r';
	uint64_t i;

	if (pipe(a) || pipe(b))
		return twin_fail("pipe");

	twin_mark(BENCH_MARK_START);
	for (i = 0; i < p->iters; i++) {
		if (write(a[1], &c, 1) != 1 || read(a[0], &c, 1) != 1 ||
		    write(b[1], &c, 1) != 1 || read(b[0], &c, 1) != 1)
			return twin_fail("round trip");
	}
	twin_mark(BENCH_MARK_END);
	return 0;
}

/* Twin of img/rtt_echo.c: echo bytes from fd 0 to fd 1. */
static int linux_rtt_echo(const struct bench_params *p)
{
	uint64_t i;
	char c;

	twin_mark(BENCH_MARK_START);
	for (i = 0; i < p->iters; i++) {
		if (read(0, &c, 1) != 1)
			return twin_fail("read fd 0");
		if (write(1, &c, 1) != 1)
			return twin_fail("write fd 1");
	}
	twin_mark(BENCH_MARK_END);
	return 0;
}

/*
 * Twin of img/multiread.c: the same pipes in one epoll set; write a byte
 * to the active one, epoll_wait, read from the descriptor it reports.
 */
static int linux_multiread(const struct bench_params *p)
{
	static int wfds[BENCH_MAX_PIPES], rfds[BENCH_MAX_PIPES];
	struct epoll_event ev, evs[BENCH_MAX_PIPES];
	unsigned int i;
	uint64_t it;
	char c = 'p';
	int ep, n;

	if (!p->npipes || p->npipes > BENCH_MAX_PIPES || p->arg >= p->npipes) {
		errno = EINVAL;
		return twin_fail("bad pipe count or active index");
	}
	ep = epoll_create1(0);
	if (ep < 0)
		return twin_fail("epoll_create1");
	for (i = 0; i < p->npipes; i++) {
		int fds[2];

		if (pipe(fds))
			return twin_fail("pipe");
		wfds[i] = fds[1];
		rfds[i] = fds[0];
		ev.events = EPOLLIN;
		ev.data.fd = fds[0];
		if (epoll_ctl(ep, EPOLL_CTL_ADD, fds[0], &ev))
			return twin_fail("epoll_ctl");
	}

	twin_mark(BENCH_MARK_START);
	for (it = 0; it < p->iters; it++) {
		if (write(wfds[p->arg], &c, 1) != 1)
			return twin_fail("write");
		n = epoll_wait(ep, evs, BENCH_MAX_PIPES, -1);
		if (n != 1 || evs[0].data.fd != rfds[p->arg])
			return twin_fail("epoll_wait");
		if (read(evs[0].data.fd, &c, 1) != 1)
			return twin_fail("read");
	}
	twin_mark(BENCH_MARK_END);
	return 0;
}

/* The Linux child of linux_pair(): pipe_in.bin or rtt_echo.bin. */
static int linux_pair_child(const struct bench_params *p, int ar, int bw,
			    int rw)
{
	static char buf[BENCH_MAX_CHUNK];
	char c = BENCH_MARK_START;
	uint64_t i, got = 0;
	ssize_t n;

	if (write(rw, &c, 1) != 1)
		return twin_fail("write the start marker");
	if (p->arg == BENCH_PAIR_STREAM) {
		while (got < p->total) {
			n = read(ar, buf, sizeof(buf));
			if (n <= 0)
				return twin_fail("read A");
			got += (uint64_t)n;
		}
	} else {
		for (i = 0; i < p->iters; i++) {
			if (read(ar, &c, 1) != 1 || write(bw, &c, 1) != 1)
				return twin_fail("echo");
		}
	}
	c = BENCH_MARK_END;
	if (write(rw, &c, 1) != 1)
		return twin_fail("write the end marker");
	return 0;
}

/*
 * Twin of img/pair.c: the same two parties as two Linux processes, a fork
 * in place of cnew, the same pipes A (to the child), B (back) and R (the
 * child's markers), and the same wait for the child's start marker.
 */
static int linux_pair(const struct bench_params *p)
{
	static char buf[BENCH_MAX_CHUNK];
	int a[2], b[2], r[2], st;
	uint64_t i, done = 0;
	char c = 'p';
	ssize_t n;
	pid_t pid;

	if (pipe(a) || pipe(b) || pipe(r))
		return twin_fail("pipe");
	pid = fork();
	if (pid < 0)
		return twin_fail("fork");
	if (pid == 0) {
		close(a[1]);
		close(b[0]);
		close(r[0]);
		_exit(linux_pair_child(p, a[0], b[1], r[1]));
	}
	close(a[0]);
	close(b[1]);
	close(r[1]);
	memset(buf, 'l', sizeof(buf));
	if (read(r[0], &c, 1) != 1 || c != BENCH_MARK_START)
		return twin_fail("the child's start marker");

	twin_mark(BENCH_MARK_START);
	if (p->arg == BENCH_PAIR_STREAM) {
		while (done < p->total) {
			n = write(a[1], buf, p->chunk);
			if (n <= 0)
				return twin_fail("write A");
			done += (uint64_t)n;
		}
		if (read(r[0], &c, 1) != 1 || c != BENCH_MARK_END)
			return twin_fail("the child's end marker");
	} else {
		for (i = 0; i < p->iters; i++) {
			if (write(a[1], &c, 1) != 1 || read(b[0], &c, 1) != 1)
				return twin_fail("round trip");
		}
	}
	twin_mark(BENCH_MARK_END);
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) ||
	    WEXITSTATUS(st))
		return twin_fail("the child");
	return 0;
}

/*
 * The getpid rows: a loop of getpid calls in the driver itself, an
 * ordinary process, with the module in three states. The state is checked
 * in /sys/kernel/minos before each run.
 */
static void getpid_loop(const struct bench_params *p, struct sample *s)
{
	uint64_t i, t0;

	t0 = now_ns();
	for (i = 0; i < p->iters; i++)
		syscall(SYS_getpid);
	s->ns = now_ns() - t0;
	s->work = p->iters;
}

/* Is the module in the state a run needs: @containers live containers? */
static int check_state(const struct row *row, unsigned int containers)
{
	unsigned int n, probes;

	if (sysfs_uint("containers", &n) || sysfs_uint("probes", &probes)) {
		note("%s: cannot read /sys/kernel/minos", row->name);
		return -1;
	}
	if (opt_verbose)
		note("%s: containers=%u probes=%u", row->name, n, probes);
	if (n != containers || !probes != !containers) {
		note("%s: wrong state: containers=%u probes=%u, want %u",
		     row->name, n, probes, containers);
		return -1;
	}
	return 0;
}

/* (a) Module not loaded. */
static int getpid_unloaded(const struct row *row, const struct bench_params *p,
			   struct sample *s)
{
	if (module_unload())
		return -1;
	if (opt_verbose)
		note("%s: module not loaded", row->name);
	getpid_loop(p, s);
	return 0;
}

/* (b) Module loaded, no container. */
static int getpid_loaded(const struct row *row, const struct bench_params *p,
			 struct sample *s)
{
	if (module_load() || check_state(row, 0))
		return -1;
	getpid_loop(p, s);
	return 0;
}

/* (c) Module loaded, one container blocked in a read of a host pipe. */
static int getpid_container(const struct row *row,
			    const struct bench_params *p, struct sample *s)
{
	struct prog pr;

	if (module_load())
		return -1;
	if (prog_start(&pr, row, p, 1))
		return -1;
	if (prog_wait_mark(&pr, BENCH_MARK_START, NULL))
		return -1;
	if (check_state(row, 1)) {
		prog_kill(&pr);
		return -1;
	}
	getpid_loop(p, s);
	/* End of its rfd 0: the container marks its end and exits. */
	close(pr.in);
	pr.in = -1;
	if (prog_wait_mark(&pr, BENCH_MARK_END, NULL))
		return -1;
	return prog_finish(&pr);
}

#define BW(n, l, k, img, tw, sz, tot)					\
	{ .name = n, .label = l, .unit = UNIT_MIBS, .kind = k,		\
	  .image = img, .twin = tw,					\
	  .p = { .chunk = sz, .total = tot } }

/* Two containers (cnew), or two Linux processes, streaming through a pipe. */
#define PAIR(n, l, sz, tot)						\
	{ .name = n, .label = l, .unit = UNIT_MIBS, .kind = KIND_SELF,	\
	  .image = "pair.bin", .child_image = "pipe_in.bin",		\
	  .twin = linux_pair,						\
	  .p = { .chunk = sz, .total = tot, .arg = BENCH_PAIR_STREAM } }

/*
 * The rows, in table order. Parameters are for scale 1, sized so that each
 * run takes roughly 0.2 to 0.5 s under TCG on an idle host; --scale
 * multiplies iters and total.
 */
const struct row bench_rows[] = {
	BW("pipe-self-64", "pipe, 1 process, write+read back, 64 B (MiB/s)",
	   KIND_SELF, "pipe_loop.bin", linux_pipe_loop, 64, 4 * MIB),
	BW("pipe-self-4k", "pipe, 1 process, write+read back, 4 KiB (MiB/s)",
	   KIND_SELF, "pipe_loop.bin", linux_pipe_loop, 4 * KIB, 32 * MIB),
	BW("pipe-self-64k", "pipe, 1 process, write+read back, 64 KiB (MiB/s)",
	   KIND_SELF, "pipe_loop.bin", linux_pipe_loop, 64 * KIB, 64 * MIB),
	PAIR("pipe-pair-64", "pipe between 2 processes, 64 B (MiB/s)",
	     64, 2 * MIB),
	PAIR("pipe-pair-4k", "pipe between 2 processes, 4 KiB (MiB/s)",
	     4 * KIB, 16 * MIB),
	PAIR("pipe-pair-64k", "pipe between 2 processes, 64 KiB (MiB/s)",
	     64 * KIB, 32 * MIB),
	BW("pipe-host-64", "write to a host pipe, 64 B (MiB/s)",
	   KIND_DRAIN, "pipe_out.bin", linux_pipe_out, 64, 2 * MIB),
	BW("pipe-host-4k", "write to a host pipe, 4 KiB (MiB/s)",
	   KIND_DRAIN, "pipe_out.bin", linux_pipe_out, 4 * KIB, 16 * MIB),
	BW("pipe-host-64k", "write to a host pipe, 64 KiB (MiB/s)",
	   KIND_DRAIN, "pipe_out.bin", linux_pipe_out, 64 * KIB, 32 * MIB),
	{
		.name = "rtt-self",
		.label = "1 B round trip, 2 pipes, 1 process (us)",
		.unit = UNIT_USEC, .kind = KIND_SELF,
		.image = "rtt_loop.bin", .twin = linux_rtt_loop,
		.p = { .iters = 10000 },
	},
	{
		.name = "rtt-pair",
		.label = "1 B round trip between 2 processes (us)",
		.unit = UNIT_USEC, .kind = KIND_SELF,
		.image = "pair.bin", .child_image = "rtt_echo.bin",
		.twin = linux_pair,
		.p = { .iters = 2000, .arg = BENCH_PAIR_PING },
	},
	{
		.name = "rtt-host",
		.label = "1 B round trip with a host process (us)",
		.unit = UNIT_USEC, .kind = KIND_PING,
		.image = "rtt_echo.bin", .twin = linux_rtt_echo,
		.p = { .iters = 2000 },
	},
	{
		.name = "multiread-64",
		.label = "64 pipes, 1 active: read vs epoll_wait+read (us)",
		.unit = UNIT_USEC, .kind = KIND_SELF,
		.image = "multiread.bin", .twin = linux_multiread,
		.p = { .iters = 10000, .npipes = 64, .arg = 63 },
	},
	{
		.name = "getpid-loaded",
		.label = "getpid, module loaded vs not loaded (ns)",
		.unit = UNIT_NSEC, .kind = KIND_CUSTOM,
		.minos_run = getpid_loaded, .linux_run = getpid_unloaded,
		.p = { .iters = 500000 },
	},
	{
		.name = "getpid-container",
		.label = "getpid, a container blocked vs not loaded (ns)",
		.unit = UNIT_NSEC, .kind = KIND_CUSTOM,
		.image = "idle.bin",
		.minos_run = getpid_container, .linux_run = getpid_unloaded,
		.p = { .iters = 500000 },
	},
};

const unsigned int bench_nrows = sizeof(bench_rows) / sizeof(bench_rows[0]);
