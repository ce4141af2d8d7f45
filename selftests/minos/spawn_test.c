// SPDX-License-Identifier: GPL-2.0
/*
 * spawn_test: what cnew gives a child, and how far it goes.
 *
 * - A child sees nothing of its parent: the parent (images/tree_agent.bin,
 *   AG_DIRTY_CNEW) fills its registers, FPU state, FS and GS bases and
 *   memory with secrets right up to the cnew instruction; the child
 *   (images/spawn_probe.bin) reports zeros and defaults, and the parent's
 *   memory is not mapped in it. From outside: only code and stack mapped,
 *   no Linux descriptor, no blocked signal, named "minos". The parent's
 *   registers are kept across the call.
 * - The code stream can be a host file or a host pipe; 256 MiB of code
 *   runs, one byte more kills the child before it starts.
 * - 1000 containers alive at once, all gone with their parent.
 * - RLIMIT_NPROC: cnew is -EAGAIN at the limit (code_rfd stays), and a
 *   fork bomb stops there with the machine still usable.
 * - After many containers came and went, nothing is left of them: the
 *   count of live containers, "minos" processes, the module's slab objects.
 */
#include <grp.h>
#include <sys/resource.h>

#include "tree_rpc.h"
#include "regs_check.h"
#include "spawn_probe.h"

#define PAGE		4096L
#define NOBODY		54321	/* a uid and gid no one else uses */

FIXTURE(spawn) {
	struct tree t;
};

FIXTURE_SETUP(spawn)
{
	self->t.m.pid = -1;
	self->t.cmd = -1;
	self->t.data = -1;
	MINOS_REQUIRE();
}

FIXTURE_TEARDOWN(spawn)
{
	tree_kill(&self->t);
}

#define ROOT_START(t, cfg) do {						\
	ASSERT_EQ(0, tree_start(t, cfg));				\
	ASSERT_LT(0, (t)->self_size);					\
	ASSERT_EQ(AG_ALIVE, AG0(t, &(t)->root, AG_NOP));		\
} while (0)

/*
 * Check /proc/@pid/maps: code [0x10000, @code_end) rwx, the stack, and
 * nothing else; but for an agent that ran, its scratch area too.
 */
static void __check_maps(struct __test_metadata *_metadata, pid_t pid,
			 unsigned long code_end, bool agent)
{
	unsigned long start, end;
	char path[64], maps[8192], perms[8], *line, *nl;
	int lines = 0, code = 0, stack = 0, scratch = 0;

	snprintf(path, sizeof(path), "/proc/%d/maps", (int)pid);
	ASSERT_LT(0, read_text_file(path, maps, sizeof(maps)));
	for (line = maps; *line; line = nl + 1) {
		nl = strchr(line, '\n');
		if (!nl)
			break;
		*nl = '\0';
		lines++;
		ASSERT_EQ(3, sscanf(line, "%lx-%lx %7s", &start, &end, perms))
			TH_LOG("%s", line);
		if (start == MINOS_CODE_BASE && end == code_end &&
		    !strcmp(perms, "rwxp"))
			code++;
		else if (start == MINOS_STACK_TOP - MINOS_STACK_SIZE &&
			 end == MINOS_STACK_TOP && !strcmp(perms, "rw-p"))
			stack++;
		else if (agent && start == AG_SCRATCH_ADDR &&
			 end == AG_SCRATCH_ADDR + AG_SCRATCH_SIZE)
			scratch++;
		else
			TH_LOG("unexpected mapping: %s", line);
	}
	EXPECT_EQ(1, code) TH_LOG("no code mapping %lx-%lx rwxp",
				  MINOS_CODE_BASE, code_end);
	EXPECT_EQ(1, stack);
	EXPECT_EQ(2 + agent, lines);
}

#define check_maps(pid, code_end) \
	__check_maps(_metadata, (pid), (code_end), false)
#define check_agent_maps(pid, code_end) \
	__check_maps(_metadata, (pid), (code_end), true)

static unsigned long code_end_for(long size)
{
	return MINOS_CODE_BASE + ((size + PAGE - 1) & ~(PAGE - 1));
}

/* The only live child of the root, once it sleeps. */
static pid_t __only_child(struct __test_metadata *_metadata, struct tree *t)
{
	pid_t pid = -1;

	ASSERT_EQ(1, children_of(t->m.pid, &pid, 1));
	ASSERT_EQ('S', wait_sleeping(pid, TREE_SETTLE_MS));
	return pid;
}

#define only_child(t)	__only_child(_metadata, (t))

/* The child's start state, whatever the parent had. */
TEST_F_TIMEOUT(spawn, child_sees_nothing_of_parent, 120)
{
	const char *probe = mx_image("spawn_probe.bin");
	char rfd4[PATH_MAX + 8], buf[64];
	const char *opts[] = { "--rfd", rfd4, NULL };
	struct tree_cfg cfg = { .data = true, .opts = opts };
	struct tree *t = &self->t;
	const struct agent *root = &t->root;
	long probe_size = file_size_of(probe), code_w, code_r, cid, n = -1;
	struct probe_extra x;
	struct regs_dump d;
	uint64_t first;
	pid_t pid;
	int fd;

	ASSERT_LT(0, probe_size);
	snprintf(rfd4, sizeof(rfd4), "4=%s", probe);
	fd = open(probe, O_RDONLY | O_CLOEXEC);
	ASSERT_LE(0, fd);
	ASSERT_EQ(8, read(fd, &first, 8));
	close(fd);
	ROOT_START(t, &cfg);
	/* The parent's code goes on past the probe's last page. */
	ASSERT_LT(code_end_for(probe_size), code_end_for(t->self_size));

	agent_pipe(t, root, &code_w, &code_r);
	cid = agent_call(t, root, AG_DIRTY_CNEW, code_r, 0, 0, &n);
	ASSERT_EQ(1, cid);
	/* The parent's registers went through the call unchanged. */
	EXPECT_EQ(AG_KEPT_ALL, n);
	ASSERT_EQ(0, AG2(t, root, AG_WPASS, 3, cid));
	ASSERT_EQ(0, agent_call(t, root, AG_COPY, 4, code_w, 0, &n));
	ASSERT_EQ(probe_size, n);
	ASSERT_EQ(0, AG1(t, root, AG_WCLOSE, code_w));

	ASSERT_EQ(sizeof(d), mx_read_n(t->data, &d, sizeof(d)));
	ASSERT_EQ(sizeof(x), mx_read_n(t->data, &x, sizeof(x)));
	ASSERT_EQ(PROBE_MAGIC, x.magic);
	ASSERT_EQ(code_end_for(probe_size), x.image_addr);

	/* As at any entry: FS and GS base 0, a clean FPU, not the parent's. */
	check_entry_regs(_metadata, &d, first);
	/* FS and GS base 0 through arch_prctl too. */
	EXPECT_EQ(0, x.get_fs_ret);
	EXPECT_EQ(0, x.get_gs_ret);
	EXPECT_EQ(0, x.fsbase);
	EXPECT_EQ(0, x.gsbase);
	/* None of the parent's memory. */
	EXPECT_EQ(-EFAULT, x.secret_ret);
	EXPECT_EQ(-EFAULT, x.image_ret);
	EXPECT_EQ(0, x.stack_nonzero);

	/* From outside, while it blocks. */
	pid = only_child(t);
	check_maps(pid, code_end_for(probe_size));
	snprintf(buf, sizeof(buf), "/proc/%d/fd", (int)pid);
	EXPECT_EQ(0, count_dir_entries(buf));
	ASSERT_EQ(0, proc_status_field(pid, "SigBlk", buf, sizeof(buf)));
	EXPECT_EQ(0, strtoull(buf, NULL, 16)) TH_LOG("SigBlk %s", buf);
	ASSERT_EQ(0, proc_status_field(pid, "SigCgt", buf, sizeof(buf)));
	EXPECT_EQ(0, strtoull(buf, NULL, 16)) TH_LOG("SigCgt %s", buf);
	proc_stat(pid, NULL, buf, sizeof(buf));
	EXPECT_STREQ("minos", buf);

	/* ckill closed its wfd 0, the only write end of the test's pipe. */
	EXPECT_EQ(0, AG1(t, root, AG_CKILL, cid));
	EXPECT_EQ(0, mx_read_n(t->data, buf, 1));
	tree_finish(t);
}

/* code_rfd may be a host file: the child runs all of it. */
TEST_F_TIMEOUT(spawn, code_from_host_file, 120)
{
	const char *image = mx_image("tree_agent.bin");
	char rfd4[PATH_MAX + 8];
	const char *opts[] = { "--rfd", rfd4, NULL };
	struct tree_cfg cfg = { .opts = opts };
	struct tree *t = &self->t;
	const struct agent *root = &t->root;
	pid_t pid;

	snprintf(rfd4, sizeof(rfd4), "4=%s", image);
	ROOT_START(t, &cfg);
	ASSERT_EQ(1, AG1(t, root, AG_CNEW_X86, 4));
	EXPECT_EQ(-EBADF, AG1(t, root, AG_RCLOSE, 4));
	/* With no descriptor, the agent sleeps: it ran. */
	pid = only_child(t);
	check_maps(pid, code_end_for(t->self_size));
	EXPECT_EQ(0, AG1(t, root, AG_CKILL, 1));
	tree_finish(t);
}

/*
 * code_rfd may be a host pipe: the child starts when the test closes it,
 * with the descriptors passed until then.
 */
TEST_F_TIMEOUT(spawn, code_from_host_pipe, 120)
{
	const char *opts[] = { "--rfd", "4=fd:4", NULL };
	struct mx_fd fds[] = { { 4, -1 }, MX_FD_END };
	struct tree_cfg cfg = { .opts = opts, .fds = fds };
	struct tree *t = &self->t;
	const struct agent *root = &t->root;
	static char code[1 << 20];
	long cmd_r, reply_w, w, r;
	struct agent k = { .parent = root };
	int p[2], fd;
	ssize_t size;

	fd = open(mx_image("tree_agent.bin"), O_RDONLY | O_CLOEXEC);
	ASSERT_LE(0, fd);
	size = read(fd, code, sizeof(code));
	close(fd);
	ASSERT_LT(0, size);
	ASSERT_EQ(0, pipe2(p, O_CLOEXEC));
	fds[0].fd = p[0];
	ROOT_START(t, &cfg);
	close(p[0]);

	agent_pipe(t, root, &k.cmd, &cmd_r);
	agent_pipe(t, root, &reply_w, &k.reply);
	k.cid = AG1(t, root, AG_CNEW_X86, 4);
	ASSERT_EQ(1, k.cid);
	ASSERT_EQ(0, AG2(t, root, AG_RPASS, cmd_r, k.cid));
	ASSERT_EQ(1, AG2(t, root, AG_WPASS, reply_w, k.cid));
	ASSERT_EQ(size, write(p[1], code, size));
	close(p[1]);
	EXPECT_EQ(AG_ALIVE, agent_call(t, &k, AG_NOP, 0, 0, 0, NULL));
	agent_pipe(t, &k, &w, &r);
	EXPECT_EQ(0, AG1(t, &k, AG_WCLOSE, w));
	tree_finish(t);
}

/* MINOS_CODE_MAX bytes of code: the child runs, with all of it mapped. */
TEST_F_TIMEOUT(spawn, code_of_256_mib_runs, 300)
{
	struct tree *t = &self->t;
	struct tree_cfg cfg = { 0 };
	long code_w, n = -1;
	struct agent k;

	ROOT_START(t, &cfg);
	kid_create(t, &t->root, &k, &code_w);
	ASSERT_EQ(0, agent_call(t, &t->root, AG_SELF, code_w, -1, 0, &n));
	ASSERT_EQ(t->self_size, n);
	ASSERT_EQ(0, agent_call(t, &t->root, AG_PUT, code_w, 0,
				MINOS_CODE_MAX - t->self_size, &n));
	ASSERT_EQ(MINOS_CODE_MAX - t->self_size, n);
	ASSERT_EQ(0, AG1(t, &t->root, AG_WCLOSE, code_w));
	EXPECT_EQ(AG_ALIVE, agent_call(t, &k, AG_NOP, 0, 0, 0, &n));
	check_agent_maps(n, MINOS_CODE_BASE + MINOS_CODE_MAX);
	EXPECT_EQ(0, AG1(t, &t->root, AG_CKILL, k.cid));
	tree_finish(t);
}

/*
 * More than MINOS_CODE_MAX bytes: the child is killed before it runs; its
 * descriptors close and the code stream loses its reader (-EPIPE).
 */
TEST_F_TIMEOUT(spawn, code_over_256_mib_kills, 300)
{
	struct tree *t = &self->t;
	struct tree_cfg cfg = { 0 };
	long code_w, n = -1, put;
	struct agent k;

	ROOT_START(t, &cfg);
	kid_create(t, &t->root, &k, &code_w);
	ASSERT_EQ(0, agent_call(t, &t->root, AG_SELF, code_w, -1, 0, &n));
	put = MINOS_CODE_MAX - t->self_size + 4 * MINOS_PIPE_CAPACITY;
	EXPECT_EQ(-EPIPE, agent_call(t, &t->root, AG_PUT, code_w, 0, put,
				     &n));
	EXPECT_LT(MINOS_CODE_MAX, t->self_size + n);
	EXPECT_EQ(0, agent_call(t, &t->root, AG_DRAIN, k.reply, 0, 0, &n));
	EXPECT_EQ(0, n);
	EXPECT_EQ(-ESRCH, AG2(t, &t->root, AG_WPASS, code_w, k.cid));
	EXPECT_EQ(0, AG1(t, &t->root, AG_CKILL, k.cid));
	/* After ckill, all of its descriptors are closed. */
	EXPECT_EQ(-EPIPE, agent_call(t, &t->root, AG_WRITE, k.cmd,
				     AG_SCRATCH_ADDR, 1, NULL));
	tree_finish(t);
}

/*
 * 1000 children alive at once, each blocked in a read; the parent's end
 * ends them all.
 */
#define MANY	1000

TEST_F_TIMEOUT(spawn, thousand_containers, 300)
{
	struct tree *t = &self->t;
	struct tree_cfg cfg = { 0 };
	long n, err = -1;
	int before;

	before = proc_scan(0, "minos", (uid_t)-1, NULL, 0);
	ROOT_START(t, &cfg);
	n = agent_call(t, &t->root, AG_SLEEPERS, MANY, 0, 0, &err);
	EXPECT_EQ(MANY, n) TH_LOG("stopped by %ld", err);
	EXPECT_EQ(0, err);
	EXPECT_EQ(t->base + 1 + n, read_long_file(MINOS_SYS_CONTAINERS));
	EXPECT_EQ(n, proc_scan(t->m.pid, "minos", (uid_t)-1, NULL, 0));
	EXPECT_EQ(AG_ALIVE, AG0(t, &t->root, AG_NOP));
	tree_finish_long(t);
	EXPECT_EQ(before, wait_scan(0, "minos", (uid_t)-1, before,
				    TREE_SETTLE_LONG_MS));
}

/* A root of its own user, with RLIMIT_NPROC = *(rlim_t *)arg. */
static int nobody_prep(void *arg)
{
	struct rlimit rl = { *(rlim_t *)arg, *(rlim_t *)arg };

	if (setrlimit(RLIMIT_NPROC, &rl) || setgroups(0, NULL) ||
	    setgid(NOBODY) || setuid(NOBODY))
		return errno;
	return 0;
}

/*
 * At RLIMIT_NPROC (counted per user, as for fork; a non-root user, since
 * root is not held to it), cnew is -EAGAIN and code_rfd stays.
 */
TEST_F_TIMEOUT(spawn, nproc_limit_eagain, 120)
{
	rlim_t limit = 3;
	struct tree_cfg cfg = { .prep = nobody_prep, .prep_arg = &limit };
	struct tree *t = &self->t;
	const struct agent *root = &t->root;
	long w, r, n = -1, first = -1;

	if (getuid())
		SKIP(return, "needs root, to switch to uid %d", NOBODY);
	ASSERT_EQ(0, wait_scan(0, NULL, NOBODY, 0, TREE_SETTLE_MS));
	ROOT_START(t, &cfg);
	EXPECT_EQ(1, sleeper_spawn(t, root));
	EXPECT_EQ(2, sleeper_spawn(t, root));
	EXPECT_EQ(3, proc_scan(0, NULL, NOBODY, NULL, 0));
	agent_pipe(t, root, &w, &r);
	EXPECT_EQ(-EAGAIN, AG1(t, root, AG_CNEW_X86, r));
	EXPECT_EQ(0, agent_call(t, root, AG_PUT, w, 'a', 1, &n));
	EXPECT_EQ(1, agent_call(t, root, AG_READ, r, 16, 0, &first));
	EXPECT_EQ('a', first);
	EXPECT_EQ(0, AG1(t, root, AG_RCLOSE, r));
	EXPECT_EQ(3, proc_scan(0, NULL, NOBODY, NULL, 0));
	EXPECT_EQ(t->base + 3, read_long_file(MINOS_SYS_CONTAINERS));
	EXPECT_EQ(0, AG1(t, root, AG_CKILL, 1));
	EXPECT_EQ(0, AG1(t, root, AG_CKILL, 2));
	tree_finish(t);
	EXPECT_EQ(0, wait_scan(0, NULL, NOBODY, 0, TREE_SETTLE_MS));
}

/*
 * Every container starts copies of itself until cnew fails: the bomb
 * stops at RLIMIT_NPROC with -EAGAIN, and the machine stays usable: Linux
 * processes run, new containers start, the root still answers, and its
 * end ends every bomb process.
 */
#define BOMB_LIMIT	24

TEST_F_TIMEOUT(spawn, fork_bomb_stops_at_nproc, 300)
{
	const char *args[] = { mx_image("exit_1.bin"), NULL };
	rlim_t limit = BOMB_LIMIT;
	struct tree_cfg cfg = { .prep = nobody_prep, .prep_arg = &limit };
	static struct mx_result res;
	struct tree *t = &self->t;
	long n, err = -1;
	int procs;

	if (getuid())
		SKIP(return, "needs root, to switch to uid %d", NOBODY);
	ASSERT_EQ(0, wait_scan(0, NULL, NOBODY, 0, TREE_SETTLE_MS));
	ROOT_START(t, &cfg);
	n = agent_call(t, &t->root, AG_BOMB, 0, 0, 0, &err);
	EXPECT_LE(1, n);
	EXPECT_EQ(-EAGAIN, err);
	procs = proc_scan(0, NULL, NOBODY, NULL, 0);
	EXPECT_LE(2, procs);
	EXPECT_GE(BOMB_LIMIT, procs);

	EXPECT_EXITED(run_true(), 0);
	ASSERT_EQ(0, mx_run_args(args, &res));
	EXPECT_EXITED(res.status, 1);
	EXPECT_EQ(AG_ALIVE, AG0(t, &t->root, AG_NOP));

	EXPECT_KILLED_BY(mx_kill(&t->m), SIGKILL);
	EXPECT_EQ(0, wait_scan(0, NULL, NOBODY, 0, TREE_SETTLE_LONG_MS));
	EXPECT_EQ(t->base, wait_for_value(MINOS_SYS_CONTAINERS, t->base,
					  TREE_SETTLE_LONG_MS))
		log_containers(_metadata);
}

/*
 * Many containers, made and ended every way the ABI has: ckill right
 * after cnew, children of an ending parent, kids with grandchildren.
 */
static void __churn(struct __test_metadata *_metadata, struct tree *t)
{
	struct tree_cfg cfg = { 0 };
	long n, err = -1;
	struct agent k;
	int round;

	for (round = 0; round < 3; round++) {
		ROOT_START(t, &cfg);
		n = agent_call(t, &t->root, AG_CHURN, 100, 0, 0, &err);
		EXPECT_EQ(0, n);
		EXPECT_EQ(100, err);
		n = agent_call(t, &t->root, AG_SLEEPERS, 100, 0, 0, &err);
		EXPECT_EQ(100, n);
		kid_spawn(t, &t->root, &k);
		n = agent_call(t, &k, AG_SLEEPERS, 20, 0, 0, &err);
		EXPECT_EQ(20, n);
		if (round == 1) {
			EXPECT_KILLED_BY(mx_kill(&t->m), SIGKILL);
			close(t->cmd);
			t->cmd = -1;
			EXPECT_EQ(t->base,
				  wait_for_value(MINOS_SYS_CONTAINERS, t->base,
						 TREE_SETTLE_LONG_MS));
		} else {
			tree_finish_long(t);
		}
	}
}

TEST_F_TIMEOUT(spawn, churn_leaves_no_container, 300)
{
	long base = read_long_file(MINOS_SYS_CONTAINERS);
	int before = proc_scan(0, "minos", (uid_t)-1, NULL, 0);

	__churn(_metadata, &self->t);
	EXPECT_EQ(base, wait_for_value(MINOS_SYS_CONTAINERS, base,
				       TREE_SETTLE_LONG_MS));
	EXPECT_EQ(before, wait_scan(0, "minos", (uid_t)-1, before,
				    TREE_SETTLE_LONG_MS));
}

#define MAX_CACHES	32

struct slab_count {
	char name[64];
	long active;
};

/*
 * Active objects of the caches whose name starts with "minos", after
 * asking SLUB to flush its per-CPU slabs (so that the counts are exact).
 * Returns how many caches, or -errno when /proc/slabinfo cannot be read.
 */
static int minos_slabs(struct slab_count *c, int max)
{
	static char text[1 << 20];
	char path[128], *line, *nl;
	int n = 0, i, fd;
	long active;
	char name[64];

	if (read_text_file("/proc/slabinfo", text, sizeof(text)) < 0)
		return -errno;
	for (line = text; *line && n < max; line = nl + 1) {
		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		if (!strncmp(line, "minos", 5) &&
		    sscanf(line, "%63s %ld", name, &active) == 2) {
			snprintf(c[n].name, sizeof(c[n].name), "%s", name);
			n++;
		}
		if (!nl)
			break;
	}
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "/sys/kernel/slab/%s/shrink",
			 c[i].name);
		/* Without it, the counts are only less exact. */
		fd = open(path, O_WRONLY | O_CLOEXEC);
		if (fd >= 0) {
			ssize_t ignored = write(fd, "1", 1);

			(void)ignored;
			close(fd);
		}
	}
	if (read_text_file("/proc/slabinfo", text, sizeof(text)) < 0)
		return -errno;
	for (i = 0; i < n; i++) {
		line = strstr(text, c[i].name);
		c[i].active = -1;
		if (line)
			sscanf(line + strlen(c[i].name), " %ld", &c[i].active);
	}
	return n;
}

/*
 * The module's own caches hold as many objects as before. Objects freed
 * after an RCU grace period may still count for a moment: poll, with a
 * hang guard, for the counts to come back.
 */
TEST_F_TIMEOUT(spawn, churn_leaves_no_slab_object, 300)
{
	struct slab_count before[MAX_CACHES], after[MAX_CACHES];
	long base = read_long_file(MINOS_SYS_CONTAINERS);
	int n, i, waited, differ;

	n = minos_slabs(before, MAX_CACHES);
	if (n < 0)
		SKIP(return, "/proc/slabinfo cannot be read (%s)", strerror(-n));
	if (n == 0)
		SKIP(return,
		     "no \"minos*\" cache in /proc/slabinfo: the module's objects come from the shared kmalloc caches, where they cannot be told apart");
	__churn(_metadata, &self->t);
	EXPECT_EQ(base, wait_for_value(MINOS_SYS_CONTAINERS, base,
				       TREE_SETTLE_LONG_MS));
	for (waited = 0;; waited += 100) {
		ASSERT_EQ(n, minos_slabs(after, MAX_CACHES));
		for (differ = 0, i = 0; i < n; i++)
			differ += before[i].active != after[i].active;
		if (!differ || waited >= TREE_SETTLE_MS)
			break;
		usleep(100000);
	}
	for (i = 0; i < n; i++) {
		EXPECT_STREQ(before[i].name, after[i].name);
		EXPECT_EQ(before[i].active, after[i].active)
			TH_LOG("cache %s", before[i].name);
	}
}

TEST_HARNESS_MAIN
