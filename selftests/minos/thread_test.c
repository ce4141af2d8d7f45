// SPDX-License-Identifier: GPL-2.0
/*
 * thread_test: the thread calls of a container (clone, exit, exit_group,
 * futex, arch_prctl, gettid, set_tid_address, sched_yield) against the
 * ABI and against Linux itself, and the SDK's threads on top of them.
 *
 * - clone.*: every flag bit 0..63 alone, and with CLONE_VM | CLONE_THREAD
 *   | CLONE_SIGHAND, and a few combinations (images/thread_clone.bin):
 *   the allowed ones make a thread that runs once and keeps the promises
 *   of its flags (tid words, FS base); every other one is -EINVAL and
 *   nothing ran: no thread function, no new thread or process, no new
 *   Linux descriptor. fork, vfork, clone3 and the other thread and process
 *   calls outside the table are -ENOSYS, with no child.
 * - futex_table: every operation 0..15 with and without
 *   FUTEX_PRIVATE_FLAG and FUTEX_CLOCK_REALTIME (images/thread_futex.bin,
 *   and natively here): the allowed ones give Linux's result and effect,
 *   the PI ones and the unknown ones -EINVAL and leave the words alone.
 * - arch.*: ARCH_SET/GET_FS/GS work as on Linux (the base is used by
 *   %fs:0, Linux's -EPERM and -EFAULT); every other code, ARCH_SET_CPUID,
 *   ARCH_MAP_VDSO_*, ARCH_SHSTK_*, 0, -1, the four codes with high bits,
 *   is -EINVAL: FS and GS unchanged, cpuid still works, no vDSO mapped.
 * - count.*: 8 SDK threads add to a counter under a futex mutex, and to
 *   another under a raw futex lock, to the exact total; distinct tids,
 *   main's is the container's pid; each thread's TCB is its FS base and
 *   its __thread variables start from their initial value and are its
 *   own; 64 threads alive at once (Threads: 65); a pipe made by one
 *   thread is used by the others.
 * - blocked_read.*: a thread blocked in a Minos read while another thread
 *   writes to that pipe and exits, then while main goes on working; it
 *   sleeps (state S) and the others run.
 * - ending.*: a non-last thread's exit leaves the container running;
 *   main's exit leaves it to the last thread, and the status is Linux's
 *   (found by doing the same here); exit_group from a worker or from main
 *   ends every thread at once, even those blocked in read or futex or
 *   spinning.
 * - stopped.*: SIGSTOP and SIGCONT in the middle of a FUTEX_WAIT with a
 *   timeout, one without, and a Minos read: each goes on to its normal
 *   result, as on Linux.
 * - example_threads: examples/threads prints its exact total.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "helpers.h"
#include "mem_proc.h"
#include "thread_cases.h"
#include "thread_clone.h"
#include "thread_arch.h"
#include "thread_count.h"

/* A container whose rfd 0 is a pipe from the test (@in). */
struct run {
	struct mx m;
	int in;
	char out[64 * 1024];
};

/*
 * Start @image with rfd 0 from a pipe; @extra: more options before the
 * image (NULL-terminated, or NULL), @fds more descriptors.
 */
static int run_start(struct run *r, const char *image,
		     const char *const *extra, const struct mx_fd *more)
{
	const char *args[8];
	struct mx_fd fds[4] = { { 0, -1 }, MX_FD_END, MX_FD_END, MX_FD_END };
	struct mx_cfg cfg = { .args = args, .fds = fds };
	int in[2], n = 0, i, ret;

	for (i = 0; extra && extra[i] && n < 6; i++)
		args[n++] = extra[i];
	args[n++] = mx_image(image);
	args[n] = NULL;
	for (i = 0; more && more[i].child_fd >= 0 && i < 2; i++)
		fds[i + 1] = more[i];
	if (pipe2(in, O_CLOEXEC))
		return -errno;
	fds[0].fd = in[0];
	ret = mx_spawn(&r->m, &cfg);
	close(in[0]);
	if (ret) {
		close(in[1]);
		r->in = -1;
		return ret;
	}
	r->in = in[1];
	r->out[0] = '\0';
	return 0;
}

static int run_send(struct run *r, const char *s)
{
	return write(r->in, s, strlen(s)) == (ssize_t)strlen(s) ? 0 : -1;
}

/* Read until @marker (a whole line, with its newline) is in the output. */
static bool run_until(struct run *r, const char *marker)
{
	size_t len = strlen(r->out);

	if (strstr(r->out, marker))
		return true;
	return mp_read_until(r->m.out, r->out + len, sizeof(r->out) - len,
			     marker, 60000) >= 0 || strstr(r->out, marker);
}

/* Close rfd 0's pipe, read the rest of the output, reap: wait status. */
static int run_end(struct run *r)
{
	size_t len = strlen(r->out);

	if (r->in >= 0)
		close(r->in);
	r->in = -1;
	if (r->m.out >= 0)
		mx_read_all(r->m.out, r->out + len, sizeof(r->out) - len);
	return mx_wait(&r->m);
}

static void run_kill(struct run *r)
{
	if (r->in >= 0)
		close(r->in);
	r->in = -1;
	if (r->m.pid > 0)
		mx_kill(&r->m);
}

/* The number after "@name " at the start of a line of @text, or @dflt. */
static long field(const char *text, const char *name, long dflt)
{
	char key[80];
	const char *p;

	snprintf(key, sizeof(key), "\n%s ", name);
	p = strstr(text, key);
	if (!p && !strncmp(text, key + 1, strlen(key + 1)))
		p = text - 1;
	return p ? strtol(p + strlen(key), NULL, 10) : dflt;
}

/* --- clone ------------------------------------------------------------ */

#define EXTRA_FLAGS(name, flags, allowed)	(flags),
#define EXTRA_ALLOWED(name, flags, allowed)	(allowed),
#define EXTRA_NAME(name, flags, allowed)	#name,
#define ENOSYS_NAME(name, nr)			#name,
#define ENOSYS_NR(name, nr)			nr,

static const unsigned long extra_flags[] = { THREAD_CLONE_EXTRA(EXTRA_FLAGS) };
static const int extra_allowed[] = { THREAD_CLONE_EXTRA(EXTRA_ALLOWED) };
static const char *const extra_names[] = { THREAD_CLONE_EXTRA(EXTRA_NAME) };
static const char *const enosys_names[] = { THREAD_ENOSYS(ENOSYS_NAME) };
static const long enosys_nrs[] = { THREAD_ENOSYS(ENOSYS_NR) };

#define CLONE_CASES	(THREAD_CLONE_EXTRA_BASE + (int)ARRAY_SIZE(extra_flags))

FIXTURE(clone) {
	struct run r;
	long result[CLONE_CASES], ran[CLONE_CASES], checks[CLONE_CASES];
	bool have[CLONE_CASES];
	long enosys[ARRAY_SIZE(enosys_nrs)];
	bool have_enosys[ARRAY_SIZE(enosys_nrs)];
	int threads_before, threads_after, children_after, fds_before,
	    fds_after, marks, status;
	bool done;
};

FIXTURE_SETUP(clone)
{
	static const char *const extra[] = { "--wfd", "3=fd:3", NULL };
	struct mx_fd more[2] = { { THREAD_CLONE_MARK_WFD, -1 }, MX_FD_END };
	char marks[4096], *line, *nl;
	int mark[2], id;
	ssize_t n;

	MINOS_REQUIRE();
	memset(self->have, 0, sizeof(self->have));
	memset(self->have_enosys, 0, sizeof(self->have_enosys));
	ASSERT_EQ(0, pipe2(mark, O_CLOEXEC));
	more[0].fd = mark[1];
	ASSERT_EQ(0, run_start(&self->r, "thread_clone.bin", extra, more));
	close(mark[1]);

	ASSERT_TRUE(run_until(&self->r, "R\n")) {
		TH_LOG("thread_clone.bin did not start: %s", self->r.out);
		run_kill(&self->r);
	}
	self->threads_before = mp_threads(self->r.m.pid);
	self->fds_before = mp_linux_fds(self->r.m.pid);
	ASSERT_EQ(0, run_send(&self->r, "x"));
	self->done = run_until(&self->r, "\n0 20260302\n");
	self->threads_after = mp_threads(self->r.m.pid);
	self->children_after = mp_children(self->r.m.pid);
	self->fds_after = mp_linux_fds(self->r.m.pid);
	run_send(&self->r, "x");
	self->status = run_end(&self->r);

	n = mx_read_all(mark[0], marks, sizeof(marks));
	close(mark[0]);
	self->marks = 0;
	while (n-- > 0)
		self->marks += marks[n] == 'T';

	for (line = self->r.out; line && *line; line = nl ? nl + 1 : NULL) {
		long a, b, c;

		nl = strchr(line, '\n');
		if (line[0] == 'E') {
			if (sscanf(line, "E %d %ld", &id, &a) == 2 && id >= 0 &&
			    id < (int)ARRAY_SIZE(enosys_nrs)) {
				self->enosys[id] = a;
				self->have_enosys[id] = true;
			}
		} else if (sscanf(line, "%d %ld %ld %ld", &id, &a, &b, &c) == 4 &&
			   id >= 0 && id < CLONE_CASES) {
			self->result[id] = a;
			self->ran[id] = b;
			self->checks[id] = c;
			self->have[id] = true;
		}
	}
}

FIXTURE_TEARDOWN(clone)
{
	run_kill(&self->r);
}

static unsigned long case_flags(int id)
{
	if (id < 64)
		return 1UL << id;
	if (id < THREAD_CLONE_EXTRA_BASE)
		return TC_CLONE_REQUIRED | (1UL << (id - 64));
	return extra_flags[id - THREAD_CLONE_EXTRA_BASE];
}

static bool case_allowed(int id)
{
	unsigned long f = case_flags(id);

	if (id >= THREAD_CLONE_EXTRA_BASE)
		return extra_allowed[id - THREAD_CLONE_EXTRA_BASE];
	return (f & TC_CLONE_REQUIRED) == TC_CLONE_REQUIRED &&
	       !(f & ~TC_CLONE_ALLOWED);
}

static const char *case_name(int id, char *buf, size_t size)
{
	if (id < 64)
		snprintf(buf, size, "bit %d alone", id);
	else if (id < THREAD_CLONE_EXTRA_BASE)
		snprintf(buf, size, "required | bit %d", id - 64);
	else
		snprintf(buf, size, "%s",
			 extra_names[id - THREAD_CLONE_EXTRA_BASE]);
	return buf;
}

TEST_F(clone, flag_table)
{
	int id, bad = 0;
	char name[64];

	ASSERT_TRUE(self->done) {
		TH_LOG("no end marker (%s); output:\n%s",
		       mx_status_str(self->status), self->r.out);
	}
	for (id = 0; id < CLONE_CASES; id++) {
		bool ok = case_allowed(id);
		long want_res = ok ? 1 : -EINVAL, want_ran = ok ? 1 : 0;

		if (!self->have[id] || self->result[id] != want_res ||
		    self->ran[id] != want_ran || (ok && self->checks[id] != 1)) {
			TH_LOG("clone %s (%#lx): got %ld, ran %ld, checks %ld; want %ld, ran %ld%s",
			       case_name(id, name, sizeof(name)),
			       case_flags(id), self->result[id], self->ran[id],
			       self->checks[id], want_res, want_ran,
			       ok ? ", checks 1" : "");
			bad++;
		}
	}
	EXPECT_EQ(0, bad);
}

/* Nothing refused left a task, a child or a descriptor behind. */
TEST_F(clone, nothing_left_behind)
{
	int id, allowed = 0;

	for (id = 0; id < CLONE_CASES; id++)
		allowed += case_allowed(id);
	EXPECT_EQ(1, self->threads_before);
	EXPECT_EQ(1, self->threads_after);
	EXPECT_EQ(0, self->children_after);
	EXPECT_EQ(self->fds_before, self->fds_after);
	/* One mark per thread that ran, and no other writer. */
	EXPECT_EQ(allowed, self->marks);
	EXPECT_EXITED(self->status, 0);
}

TEST_F(clone, enosys_thread_calls)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(enosys_nrs); i++) {
		EXPECT_TRUE(self->have_enosys[i] &&
			    self->enosys[i] == -ENOSYS) {
			TH_LOG("%s (%ld) returned %ld", enosys_names[i],
			       enosys_nrs[i], self->enosys[i]);
		}
	}
	EXPECT_EQ(0, self->children_after);
}

/* --- futex -------------------------------------------------------------- */

struct futex_results {
	long result[TC_FUTEX_CASES];
	long state[TC_FUTEX_CASES];
	bool have[TC_FUTEX_CASES];
};

static void futex_put(void *ctx, int id, long result, long state)
{
	struct futex_results *f = ctx;

	if (id < 0 || id >= TC_FUTEX_CASES)
		return;
	f->result[id] = result;
	f->state[id] = state;
	f->have[id] = true;
}

TEST(futex_table)
{
	static const char *const sets[] = {
		"", "|PRIVATE", "|CLOCK_REALTIME", "|PRIVATE|CLOCK_REALTIME",
	};
	const char *args[] = { mx_image("thread_futex.bin"), NULL };
	static struct futex_results got, lin;
	struct tc_out native = { .put = futex_put, .ctx = &lin };
	static struct mx_result r;
	char *line, *nl;
	int id, bad = 0;

	MINOS_REQUIRE();
	ASSERT_EQ(0, mx_run_args(args, &r));
	EXPECT_EXITED(r.status, 0);
	for (line = r.out; *line; line = nl + 1) {
		long a, b;

		nl = strchr(line, '\n');
		if (!nl)
			break;
		if (sscanf(line, "%d %ld %ld", &id, &a, &b) == 3)
			futex_put(&got, id, a, b);
	}
	tc_futex_run(&native);

	for (id = 0; id < TC_FUTEX_CASES; id++) {
		int op = id / TC_FUTEX_FLAGSETS;
		bool ok = tc_futex_op_allowed(op);
		long want = ok ? lin.result[id] : -EINVAL;
		long want_state = ok ? lin.state[id] : TC_FUTEX_STATE0;

		if (!got.have[id] || got.result[id] != want ||
		    got.state[id] != want_state) {
			TH_LOG("futex op %d%s%s: got %ld, state %ld; want %ld, state %ld (Linux: %ld, state %ld)",
			       op, op >= 16 ? " (bit 32 set)" : "",
			       sets[id % TC_FUTEX_FLAGSETS], got.result[id],
			       got.state[id], want, want_state, lin.result[id],
			       lin.state[id]);
			bad++;
		}
	}
	EXPECT_EQ(0, bad);
	/* Sanity: Linux does take a free PI lock, so the refusal shows. */
	EXPECT_EQ(0, lin.result[FUTEX_LOCK_PI * TC_FUTEX_FLAGSETS]);
	EXPECT_EQ(1, lin.state[FUTEX_LOCK_PI * TC_FUTEX_FLAGSETS] % 3);
}

/* --- arch_prctl ----------------------------------------------------------- */

FIXTURE(arch) {
	struct run r;
	char maps[8192];
	int map_lines, status;
	bool done;
};

FIXTURE_SETUP(arch)
{
	MINOS_REQUIRE();
	ASSERT_EQ(0, run_start(&self->r, "thread_arch.bin", NULL, NULL));
	self->done = run_until(&self->r, "\ndone 0\n");
	self->map_lines = mp_maps(self->r.m.pid, self->maps,
				  sizeof(self->maps));
	run_send(&self->r, "x");
	self->status = run_end(&self->r);
	ASSERT_TRUE(self->done) {
		TH_LOG("no end marker (%s); output:\n%s",
		       mx_status_str(self->status), self->r.out);
	}
}

FIXTURE_TEARDOWN(arch)
{
	run_kill(&self->r);
}

#define ARCH_CHECK(name, want)						\
	EXPECT_EQ((long)(want), field(self->r.out, #name, -9999)) {	\
		TH_LOG("%s", #name);					\
	}
#define ARCH_REFUSED(name, code, arg)					\
	EXPECT_EQ(-EINVAL, field(self->r.out, "refused_" #name, -9999)) { \
		TH_LOG("arch_prctl(%#lx) (%s)", (long)(code), #name);	\
	}

TEST_F(arch, four_codes_as_linux)
{
	THREAD_ARCH_LINES(ARCH_CHECK)
}

TEST_F(arch, other_codes_refused)
{
	TC_ARCH_REFUSED(ARCH_REFUSED)
}

TEST_F(arch, refused_codes_had_no_effect)
{
	THREAD_ARCH_AFTER(ARCH_CHECK)
	EXPECT_EQ(2, self->map_lines) {
		TH_LOG("maps of the container:\n%s", self->maps);
	}
	EXPECT_EQ(NULL, strstr(self->maps, "vdso"));
	EXPECT_EXITED(self->status, 0);
}

/* --- SDK threads: counters, tids, TLS, many threads --------------------------- */

FIXTURE(count) {
	struct run r;
	pid_t pid;
	int threads_alive, status;
	bool paused;
};

FIXTURE_SETUP(count)
{
	char marker[32];

	MINOS_REQUIRE();
	ASSERT_EQ(0, run_start(&self->r, "thread_count.bin", NULL, NULL));
	snprintf(marker, sizeof(marker), "\nalive %d\n", THREAD_COUNT_MANY);
	self->paused = run_until(&self->r, marker);
	self->pid = self->r.m.pid;
	self->threads_alive = mp_threads(self->r.m.pid);
	run_send(&self->r, "x");
	self->status = run_end(&self->r);
}

FIXTURE_TEARDOWN(count)
{
	run_kill(&self->r);
}

/* A line whose value is -1 in THREAD_COUNT_LINES is checked apart. */
#define COUNT_CHECK(name, want) do {					\
	long __want = (want);						\
									\
	if (__want != -1) {						\
		EXPECT_EQ(__want, field(self->r.out, #name, -9999)) {	\
			TH_LOG("%s; output:\n%s", #name, self->r.out);	\
		}							\
	}								\
} while (0);

TEST_F(count, exact_totals_and_thread_state)
{
	EXPECT_EXITED(self->status, 0);
	THREAD_COUNT_LINES(COUNT_CHECK)
}

/* gettid and set_tid_address of the main thread: the container's pid. */
TEST_F(count, main_tid_is_the_pid)
{
	EXPECT_EQ(self->pid, field(self->r.out, "main_tid", -1));
	EXPECT_EQ(self->pid, field(self->r.out, "set_tid_address", -2));
}

TEST_F(count, many_threads_alive_at_once)
{
	EXPECT_TRUE(self->paused) {
		TH_LOG("output:\n%s", self->r.out);
	}
	EXPECT_EQ(THREAD_COUNT_MANY + 1, self->threads_alive);
}

/* --- A thread blocked in read ------------------------------------------------ */

TEST(blocked_read_others_run)
{
	static struct run r;
	long reader;
	char state;
	int threads, status;

	MINOS_REQUIRE();
	ASSERT_EQ(0, run_start(&r, "thread_read.bin", NULL, NULL));
	ASSERT_TRUE(run_until(&r, "\nblocked\n")) {
		TH_LOG("output:\n%s", r.out);
		run_kill(&r);
	}
	/* The writer thread wrote and ended, main wrote: the reader had both. */
	EXPECT_NE(NULL, strstr(r.out, "\ngot ping pong\n"));
	reader = field(r.out, "reader", -1);
	ASSERT_LT(0, reader);

	/* Main keeps working while the reader sleeps in its read. */
	ASSERT_TRUE(run_until(&r, "\ntick 5\n")) {
		TH_LOG("output:\n%s", r.out);
		run_kill(&r);
	}
	threads = mp_threads(r.m.pid);
	state = mp_task_state(r.m.pid, (pid_t)reader);
	EXPECT_EQ(2, threads);
	EXPECT_EQ('S', state);
	EXPECT_EQ(NULL, strstr(r.out, "got go"));

	ASSERT_EQ(0, run_send(&r, "go"));
	status = run_end(&r);
	EXPECT_EXITED(status, 0);
	EXPECT_NE(NULL, strstr(r.out, "\ngot go\n")) {
		TH_LOG("output:\n%s", r.out);
	}
}

/* --- How threads and the container end ----------------------------------- */

FIXTURE(ending) {
	struct run r;
};

FIXTURE_VARIANT(ending) {
	const char *scenario;
	int status;		/* -1: what Linux gives, see linux_status() */
	const char *must;	/* in the output */
	const char *mustnt;	/* not in the output */
};

FIXTURE_VARIANT_ADD(ending, non_last_thread_exits) {
	.scenario = "a", .status = 0, .must = "main goes on\n",
	.mustnt = "woke up",
};
FIXTURE_VARIANT_ADD(ending, main_exits_first) {
	.scenario = "b", .status = -1, .must = "worker goes on\n",
	.mustnt = "woke up",
};
FIXTURE_VARIANT_ADD(ending, exit_group_from_worker) {
	.scenario = "c", .status = 42, .must = "exiting\n",
	.mustnt = "woke up",
};
FIXTURE_VARIANT_ADD(ending, exit_group_from_main) {
	.scenario = "d", .status = 43, .must = "exiting\n",
	.mustnt = "woke up",
};

FIXTURE_SETUP(ending)
{
	MINOS_REQUIRE();
}

FIXTURE_TEARDOWN(ending)
{
	run_kill(&self->r);
}

static void *late_worker(void *arg)
{
	usleep(200000);
	syscall(SYS_exit, 3);
	return NULL;
}

/*
 * Scenario "b" as a Linux process: main calls exit(7), a worker exit(3)
 * later. Returns the exit code its parent sees.
 */
static int linux_status(void)
{
	pthread_t t;
	int status;
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		if (pthread_create(&t, NULL, late_worker, NULL))
			_exit(99);
		syscall(SYS_exit, 7);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

TEST_F_TIMEOUT(ending, as_linux, 60)
{
	int status, want = variant->status;
	size_t len;

	if (want < 0) {
		want = linux_status();
		ASSERT_LE(0, want);
	}
	ASSERT_EQ(0, run_start(&self->r, "thread_exit.bin", NULL, NULL));
	ASSERT_EQ(0, run_send(&self->r, variant->scenario));
	/* rfd 0 stays open: only the container's own ending ends it. */
	len = strlen(self->r.out);
	mx_read_all(self->r.m.out, self->r.out + len,
		    sizeof(self->r.out) - len);
	status = mx_wait(&self->r.m);
	EXPECT_EXITED(status, want);
	EXPECT_NE(NULL, strstr(self->r.out, variant->must)) {
		TH_LOG("output:\n%s", self->r.out);
	}
	EXPECT_EQ(NULL, strstr(self->r.out, variant->mustnt)) {
		TH_LOG("output:\n%s", self->r.out);
	}
}

/* --- Stop and continue in the middle of a call ------------------------------ */

FIXTURE(stopped) {
	struct run r;
};

FIXTURE_VARIANT(stopped) {
	const char *scenario;
	const char *result;
	double min_seconds;	/* from "R" to the result */
};

FIXTURE_VARIANT_ADD(stopped, timed_futex_wait) {
	.scenario = "t", .result = "R-110\n", .min_seconds = 1.8,
};
FIXTURE_VARIANT_ADD(stopped, futex_wait) {
	.scenario = "w", .result = "R0\n", .min_seconds = 1.0,
};
FIXTURE_VARIANT_ADD(stopped, minos_read) {
	.scenario = "r", .result = "R1 x\n", .min_seconds = 0,
};

FIXTURE_SETUP(stopped)
{
	MINOS_REQUIRE();
}

FIXTURE_TEARDOWN(stopped)
{
	run_kill(&self->r);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

TEST_F_TIMEOUT(stopped, call_goes_on, 60)
{
	double start, took;
	int status;

	ASSERT_EQ(0, run_start(&self->r, "thread_stop.bin", NULL, NULL));
	ASSERT_EQ(0, run_send(&self->r, variant->scenario));
	ASSERT_TRUE(run_until(&self->r, "R"));
	start = now();
	usleep(300000);
	ASSERT_EQ(0, kill(self->r.m.pid, SIGSTOP));
	usleep(300000);
	EXPECT_EQ('T', mp_task_state(self->r.m.pid, self->r.m.pid));
	ASSERT_EQ(0, kill(self->r.m.pid, SIGCONT));
	if (variant->scenario[0] == 'r') {
		usleep(100000);
		ASSERT_EQ(0, run_send(&self->r, "x"));
	}
	ASSERT_TRUE(run_until(&self->r, "\n"));
	took = now() - start;
	status = run_end(&self->r);
	EXPECT_STREQ(variant->result, self->r.out);
	EXPECT_LE(variant->min_seconds, took);
	EXPECT_EXITED(status, 0);
}

/* --- The example ------------------------------------------------------------- */

TEST(example_threads)
{
	const char *args[] = { mx_example("threads.bin"), NULL };
	static struct mx_result r;

	MINOS_REQUIRE();
	if (access(args[0], R_OK))
		SKIP(return, "%s is not there", args[0]);
	ASSERT_EQ(0, mx_run_args(args, &r));
	EXPECT_EXITED(r.status, 0);
	EXPECT_STREQ("8 threads x 10000 additions under a mutex\n"
		     "counter = 80000\n"
		     "per-thread counts (__thread) add up to 80000\n"
		     "OK\n", r.out);
	EXPECT_STREQ("", r.err);
}

TEST_HARNESS_MAIN
