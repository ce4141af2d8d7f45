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
#include <fcntl.h>
#include <linux/futex.h>
#include <sched.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/mman.h>
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

/* Twin of img/pipe_new.c: a new pipe, both ends closed. */
static int linux_pipe_new(const struct bench_params *p)
{
	int fds[2];
	uint64_t i;

	twin_mark(BENCH_MARK_START);
	for (i = 0; i < p->iters; i++) {
		if (pipe(fds))
			return twin_fail("pipe");
		if (close(fds[1]) || close(fds[0]))
			return twin_fail("close");
	}
	twin_mark(BENCH_MARK_END);
	return 0;
}

/* Twin of img/bad_close.c: close(2) of a number that is not open. */
static int linux_bad_close(const struct bench_params *p)
{
	uint64_t i;

	twin_mark(BENCH_MARK_START);
	for (i = 0; i < p->iters; i++) {
		if (close(BENCH_BAD_FD) == 0 || errno != EBADF)
			return twin_fail("close of a bad descriptor");
	}
	twin_mark(BENCH_MARK_END);
	return 0;
}

/*
 * The spawn rows: params.iters times, start byte-linux (a static program
 * that writes one byte to fd 1, then exits), read its byte from a pipe and
 * reap it, with params.total bytes of touched anonymous memory in this
 * process. Twins of img/spawn.c, which does the same with cnew, byte.bin
 * and ckill.
 */
#define SPAWN_CHILD	"byte-linux"

static char *const spawn_envp[] = { NULL };

/* One byte from @fd, then the child @pid's end, which must be exit 0. */
static int spawn_reap(int fd, pid_t pid)
{
	char c;
	int st;

	if (read(fd, &c, 1) != 1)
		return twin_fail("read the child's byte");
	close(fd);
	if (waitpid(pid, &st, 0) != pid)
		return twin_fail("waitpid");
	if (!WIFEXITED(st) || WEXITSTATUS(st)) {
		errno = ECHILD;
		return twin_fail("the child failed");
	}
	return 0;
}

/* Map and touch @size bytes, as img/spawn.c does. */
static int spawn_ballast(uint64_t size)
{
	uint64_t off;
	char *mem;

	if (!size)
		return 0;
	mem = mmap(NULL, size, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (mem == MAP_FAILED)
		return twin_fail("mmap");
	for (off = 0; off < size; off += 4096)
		mem[off] = 'l';
	return 0;
}

/* posix_spawn, with the pipe's write end as the child's fd 1. */
static int linux_spawn_posix(const struct bench_params *p)
{
	char path[4096], *argv[2] = { path, NULL };
	posix_spawn_file_actions_t fa;
	int fds[2], err;
	uint64_t i;
	pid_t pid;

	snprintf(path, sizeof(path), "%s/" SPAWN_CHILD, opt_images);
	if (spawn_ballast(p->total))
		return 1;

	twin_mark(BENCH_MARK_START);
	for (i = 0; i < p->iters; i++) {
		if (pipe2(fds, O_CLOEXEC))
			return twin_fail("pipe");
		posix_spawn_file_actions_init(&fa);
		posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
		err = posix_spawn(&pid, path, &fa, NULL, argv, spawn_envp);
		posix_spawn_file_actions_destroy(&fa);
		if (err) {
			errno = err;
			return twin_fail("posix_spawn");
		}
		close(fds[1]);
		if (spawn_reap(fds[0], pid))
			return 1;
	}
	twin_mark(BENCH_MARK_END);
	return 0;
}

/* fork, then dup2 and execve in the child. */
static int linux_spawn_fork(const struct bench_params *p)
{
	char path[4096], *argv[2] = { path, NULL };
	int fds[2];
	uint64_t i;
	pid_t pid;

	snprintf(path, sizeof(path), "%s/" SPAWN_CHILD, opt_images);
	if (spawn_ballast(p->total))
		return 1;

	twin_mark(BENCH_MARK_START);
	for (i = 0; i < p->iters; i++) {
		if (pipe2(fds, O_CLOEXEC))
			return twin_fail("pipe");
		pid = fork();
		if (pid < 0)
			return twin_fail("fork");
		if (pid == 0) {
			if (dup2(fds[1], 1) == 1)
				execve(path, argv, spawn_envp);
			_exit(127);
		}
		close(fds[1]);
		if (spawn_reap(fds[0], pid))
			return 1;
	}
	twin_mark(BENCH_MARK_END);
	return 0;
}

/* Twin of img/mmap_loop.c: mmap 4 KiB, munmap it, untouched. */
static int linux_mmap_loop(const struct bench_params *p)
{
	uint64_t i;
	void *addr;

	twin_mark(BENCH_MARK_START);
	for (i = 0; i < p->iters; i++) {
		addr = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (addr == MAP_FAILED)
			return twin_fail("mmap");
		if (munmap(addr, 4096))
			return twin_fail("munmap");
	}
	twin_mark(BENCH_MARK_END);
	return 0;
}

/*
 * The thread rows' Linux twins run raw clone() threads started by
 * bench_clone_thread() (clone.S), with the flags the images use: the same
 * clone() call, no threads library on either side. Such a thread shares
 * the TLS of the thread that started it, so it makes its calls with
 * raw_syscall3(), which leaves errno alone.
 */
#define THREAD_STACK	(64 * 1024UL)
#define THREAD_FLAGS	(CLONE_VM | CLONE_THREAD | CLONE_SIGHAND | CLONE_FS | \
			 CLONE_FILES | CLONE_SYSVSEM | CLONE_PARENT_SETTID | \
			 CLONE_CHILD_CLEARTID)

long bench_clone_thread(unsigned long flags, void *stack_top, int *ptid,
			int *ctid, unsigned long tls, int (*fn)(void *),
			void *arg);

static long raw_syscall3(long nr, long a1, long a2, long a3)
{
	register long r10 __asm__("r10") = 0;
	long ret;

	__asm__ volatile ("syscall"
			  : "=a" (ret)
			  : "a" (nr), "D" (a1), "S" (a2), "d" (a3), "r" (r10)
			  : "rcx", "r11", "memory");
	return ret;
}

/* futex(@word, @op, @val) with no timeout; returns the result or -errno. */
static long raw_futex(int *word, int op, int val)
{
	return raw_syscall3(SYS_futex, (long)word, op, val);
}

/* A twin's thread failed: end the whole twin, which then fails its run. */
static void __attribute__((noreturn)) twin_thread_fail(void)
{
	for (;;)
		raw_syscall3(SYS_exit_group, 1, 0, 0);
}

/* Sleep while *@word is @val; -1 on an unexpected error. */
static int twin_futex_wait(int *word, int val, int op)
{
	long ret = raw_futex(word, op, val);

	return ret && ret != -EAGAIN && ret != -EINTR ? -1 : 0;
}

/* Wait until the thread whose tid word is @tid has ended. */
static int twin_join(int *tid)
{
	int t;

	while ((t = __atomic_load_n(tid, __ATOMIC_ACQUIRE)) != 0)
		if (twin_futex_wait(tid, t, FUTEX_WAIT))
			return -1;
	return 0;
}

static void *twin_stack(void)
{
	void *stack = mmap(NULL, THREAD_STACK, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return stack == MAP_FAILED ? NULL : (char *)stack + THREAD_STACK;
}

/*
 * Start @fn as a raw clone() thread on @stack (from twin_stack()), its
 * tid in *@tid until it ends (twin_join()); a twin's exit status.
 */
static int twin_thread_start(void *stack, int *tid, int (*fn)(void *))
{
	long ret = bench_clone_thread(THREAD_FLAGS, stack, tid, tid, 0, fn,
				      NULL);

	if (ret < 0) {
		errno = -ret;
		return twin_fail("clone");
	}
	return 0;
}

/* The ping-pong's shared state; see img/futex_pingpong.c. */
static int pp_turn;
static uint64_t pp_rounds;

static int pp_pong(void *arg)
{
	uint64_t i;

	(void)arg;
	for (i = 0; i < pp_rounds; i++) {
		while (__atomic_load_n(&pp_turn, __ATOMIC_ACQUIRE) != 1)
			if (twin_futex_wait(&pp_turn, 0, FUTEX_WAIT_PRIVATE))
				twin_thread_fail();
		__atomic_store_n(&pp_turn, 0, __ATOMIC_RELEASE);
		if (raw_futex(&pp_turn, FUTEX_WAKE_PRIVATE, 1) < 0)
			twin_thread_fail();
	}
	return 0;
}

/* Twin of img/futex_pingpong.c. */
static int linux_futex_pingpong(const struct bench_params *p)
{
	static int tid;
	void *stack = twin_stack();
	uint64_t i;
	int ret;

	if (!stack)
		return twin_fail("mmap the stack");
	pp_rounds = p->iters;
	ret = twin_thread_start(stack, &tid, pp_pong);
	if (ret)
		return ret;

	twin_mark(BENCH_MARK_START);
	for (i = 0; i < p->iters; i++) {
		__atomic_store_n(&pp_turn, 1, __ATOMIC_RELEASE);
		if (raw_futex(&pp_turn, FUTEX_WAKE_PRIVATE, 1) < 0)
			return twin_fail("futex wake");
		while (__atomic_load_n(&pp_turn, __ATOMIC_ACQUIRE) != 0)
			if (twin_futex_wait(&pp_turn, 1, FUTEX_WAIT_PRIVATE))
				return twin_fail("futex wait");
	}
	twin_mark(BENCH_MARK_END);
	if (twin_join(&tid))
		return twin_fail("join");
	return 0;
}

static int tj_nothing(void *arg)
{
	(void)arg;
	return 0;
}

/* Twin of img/thread_join.c: start a thread that returns, join it. */
static int linux_thread_join(const struct bench_params *p)
{
	static int tid;
	void *stack = twin_stack();
	uint64_t i;
	int ret;

	if (!stack)
		return twin_fail("mmap the stack");

	twin_mark(BENCH_MARK_START);
	for (i = 0; i < p->iters; i++) {
		ret = twin_thread_start(stack, &tid, tj_nothing);
		if (ret)
			return ret;
		if (twin_join(&tid))
			return twin_fail("join");
	}
	twin_mark(BENCH_MARK_END);
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
 * cnew to the child's first byte against posix_spawn and fork+exec of a
 * static program, with @mib MiB of touched memory in the parent.
 */
#define SPAWN(n, l, tw, mib)						\
	{ .name = n, .label = l, .unit = UNIT_USEC, .kind = KIND_SELF,	\
	  .image = "spawn.bin", .child_image = "byte.bin", .twin = tw,	\
	  .p = { .iters = 50, .total = (mib) * MIB } }

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
		.name = "pipe-new",
		.label = "new pipe, both ends closed (us)",
		.unit = UNIT_USEC, .kind = KIND_SELF,
		.image = "pipe_new.bin", .twin = linux_pipe_new,
		.p = { .iters = 1000 },
	},
	{
		.name = "call-badfd",
		.label = "a failing call: wclose vs close of a bad descriptor (us)",
		.unit = UNIT_USEC, .kind = KIND_SELF,
		.image = "bad_close.bin", .twin = linux_bad_close,
		.p = { .iters = 20000 },
	},
	SPAWN("spawn-1m-posix",
	      "spawn to first byte, parent 1 MiB: cnew vs posix_spawn (us)",
	      linux_spawn_posix, 1),
	SPAWN("spawn-1m-fork",
	      "spawn to first byte, parent 1 MiB: cnew vs fork+exec (us)",
	      linux_spawn_fork, 1),
	SPAWN("spawn-100m-posix",
	      "spawn to first byte, parent 100 MiB: cnew vs posix_spawn (us)",
	      linux_spawn_posix, 100),
	SPAWN("spawn-100m-fork",
	      "spawn to first byte, parent 100 MiB: cnew vs fork+exec (us)",
	      linux_spawn_fork, 100),
	{
		.name = "mmap-4k",
		.label = "mmap+munmap 4 KiB, container vs process (us)",
		.unit = UNIT_USEC, .kind = KIND_SELF,
		.image = "mmap_loop.bin", .twin = linux_mmap_loop,
		.p = { .iters = 10000 },
	},
	{
		.name = "futex-pingpong",
		.label = "futex ping-pong, 2 threads, container vs process (us)",
		.unit = UNIT_USEC, .kind = KIND_SELF,
		.image = "futex_pingpong.bin", .twin = linux_futex_pingpong,
		.p = { .iters = 5000 },
	},
	{
		.name = "thread-join",
		.label = "thread create+join, container vs process (us)",
		.unit = UNIT_USEC, .kind = KIND_SELF,
		.image = "thread_join.bin", .twin = linux_thread_join,
		.p = { .iters = 1000 },
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
