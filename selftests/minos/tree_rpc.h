/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The test's side of images/tree_agent.bin (protocol: images/tree_agent.h),
 * shared by tree_test and spawn_test.
 *
 * A test starts the agent as the first container (the root) with its
 * stdin and stdout as the command and reply channels, and optionally a
 * pipe to the test as its wfd 3. It then asks the root, or any agent the
 * root started (a kid), to make calls one at a time: agent_call() returns
 * the call's result, so each ASSERT/EXPECT sits at the call it is about.
 * A command for a kid travels down the tree as nested AG_CALL commands.
 *
 * Also here: what the tests look at from outside, in /proc and /sys, and
 * the waits with a hang guard for things the kernel finishes
 * asynchronously (a killed process disappearing). The tests assert on the
 * values these waits return, never on the time they took.
 */
#ifndef MINOS_SELFTEST_TREE_RPC_H
#define MINOS_SELFTEST_TREE_RPC_H

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
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
#include "tree_agent.h"

/*
 * Longest wait for something the kernel finishes after a call returned:
 * less than the harness's 30 s per test, so that a failure is reported by
 * the check that waited; and for tests that end many containers at once.
 */
#define TREE_SETTLE_MS		20000
#define TREE_SETTLE_LONG_MS	120000

/* An agent: the root (no parent) or a kid started by another agent. */
struct agent {
	const struct agent *parent;
	long cid;	/* its cid in the parent */
	long cmd;	/* the parent's wfd of its command pipe */
	long reply;	/* the parent's rfd of its reply pipe */
	pid_t pid;	/* from AG_NOP */
};

struct tree {
	struct mx m;		/* the root's minos-exec process */
	int cmd;		/* the test's end of the root's rfd 0 */
	int data;		/* the test's end of the root's wfd 3, or -1 */
	long base;		/* live containers before the root started */
	long self_size;		/* size of tree_agent.bin */
	struct agent root;
};

struct tree_cfg {
	bool data;			/* hand over wfd 3 = a pipe to the test */
	const char *const *opts;	/* more minos-exec options, or NULL */
	const struct mx_fd *fds;	/* more child descriptors, or NULL */
	mx_prep_fn prep;
	void *prep_arg;
};

static inline long file_size_of(const char *path)
{
	struct stat st;

	return stat(path, &st) ? -1 : (long)st.st_size;
}

/* Start the root agent. Returns 0 or -errno. */
static inline int tree_start(struct tree *t, const struct tree_cfg *cfg)
{
	const char *args[32];
	struct mx_fd fds[32];
	struct mx_cfg mcfg = {
		.args = args, .fds = fds,
		.prep = cfg->prep, .prep_arg = cfg->prep_arg,
	};
	const char *const *opt = cfg->opts;
	const struct mx_fd *fd = cfg->fds;
	int cmdp[2], datap[2] = { -1, -1 };
	int na = 0, nf = 0, err;

	memset(t, 0, sizeof(*t));
	t->m.pid = -1;
	t->cmd = -1;
	t->data = -1;
	/* The root's end may go away under a write: report it as EPIPE. */
	signal(SIGPIPE, SIG_IGN);
	t->self_size = file_size_of(mx_image("tree_agent.bin"));
	t->base = read_long_file(MINOS_SYS_CONTAINERS);
	if (pipe2(cmdp, O_CLOEXEC))
		return -errno;
	if (cfg->data && pipe2(datap, O_CLOEXEC)) {
		err = -errno;
		close(cmdp[0]);
		close(cmdp[1]);
		return err;
	}
	fds[nf].child_fd = 0;
	fds[nf++].fd = cmdp[0];
	if (cfg->data) {
		args[na++] = "--wfd";
		args[na++] = "3=fd:3";
		fds[nf].child_fd = 3;
		fds[nf++].fd = datap[1];
	}
	while (opt && *opt && na < 28)
		args[na++] = *opt++;
	while (fd && fd->child_fd >= 0 && nf < 30)
		fds[nf++] = *fd++;
	args[na++] = mx_image("tree_agent.bin");
	args[na] = NULL;
	fds[nf].child_fd = -1;
	fds[nf].fd = -1;

	err = mx_spawn(&t->m, &mcfg);
	close(cmdp[0]);
	if (datap[1] >= 0)
		close(datap[1]);
	if (err) {
		close(cmdp[1]);
		if (datap[0] >= 0)
			close(datap[0]);
		return err;
	}
	t->cmd = cmdp[1];
	t->data = datap[0];
	t->root.pid = t->m.pid;
	return 0;
}

/* Kill the root, if still there (its end kills every other agent). */
static inline int tree_kill(struct tree *t)
{
	int status;

	if (t->cmd >= 0)
		close(t->cmd);
	if (t->data >= 0)
		close(t->data);
	t->cmd = -1;
	t->data = -1;
	if (t->m.pid <= 0)
		return -1;
	status = mx_kill(&t->m);
	return status;
}

static inline int tree_write(int fd, const void *buf, size_t len)
{
	const char *p = buf;
	ssize_t n;

	while (len) {
		n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= n;
	}
	return 0;
}

/*
 * Have agent @at run @ncmds commands that arrive one after the other (the
 * first one's reply is the answer), and return that reply. Fails the test
 * when no reply comes (the root died).
 */
static inline struct ag_reply
__agent_run(struct __test_metadata *_metadata, struct tree *t,
	    const struct agent *at, const struct ag_cmd *cmds, int ncmds)
{
	const struct agent *path[16];
	struct ag_cmd buf[24];
	struct ag_reply rep = { -0x5e5e5e5e, -0x5e5e5e5e };
	int depth = 0, n = 0, i;
	ssize_t got;

	for (; at->parent; at = at->parent) {
		ASSERT_GT(16, depth);
		path[depth++] = at;
	}
	ASSERT_GE(24, depth + ncmds);
	/* From the root down: each hop forwards all that follows it. */
	for (i = depth - 1; i >= 0; i--) {
		buf[n].op = AG_CALL;
		buf[n].a = path[i]->cmd;
		buf[n].b = path[i]->reply;
		buf[n].c = (long)sizeof(struct ag_cmd) * (i + ncmds);
		n++;
	}
	memcpy(&buf[n], cmds, ncmds * sizeof(*cmds));
	n += ncmds;
	ASSERT_EQ(0, tree_write(t->cmd, buf, n * sizeof(buf[0])))
		TH_LOG("cannot send to the root: %s", strerror(errno));
	got = mx_read_n(t->m.out, &rep, sizeof(rep));
	ASSERT_EQ(sizeof(rep), got)
		TH_LOG("no reply from the root to op %ld (%s)", cmds[0].op,
		       mx_status_str(mx_kill(&t->m)));
	return rep;
}

/* Run @op(@a, @b, @c) in @at; returns r0, stores r1 in *@r1 if not NULL. */
static inline long __agent_call(struct __test_metadata *_metadata,
				struct tree *t, const struct agent *at,
				long op, long a, long b, long c, long *r1)
{
	struct ag_cmd cmd = { op, a, b, c };
	struct ag_reply rep = __agent_run(_metadata, t, at, &cmd, 1);

	if (r1)
		*r1 = rep.r1;
	return rep.r0;
}

#define agent_call(t, at, op, a, b, c, r1) \
	__agent_call(_metadata, (t), (at), (op), (a), (b), (c), (r1))
/* The common short forms. */
#define AG0(t, at, op)		agent_call(t, at, op, 0, 0, 0, NULL)
#define AG1(t, at, op, a)	agent_call(t, at, op, a, 0, 0, NULL)
#define AG2(t, at, op, a, b)	agent_call(t, at, op, a, b, 0, NULL)

/*
 * Hand @op to kid @k without waiting for its reply (its parent forwards it
 * with AG_SEND); agent_recv() collects the reply later.
 */
static inline void __agent_send(struct __test_metadata *_metadata,
				struct tree *t, const struct agent *k,
				long op, long a, long b, long c)
{
	struct ag_cmd cmds[2] = {
		{ AG_SEND, k->cmd, 0, sizeof(struct ag_cmd) },
		{ op, a, b, c },
	};
	struct ag_reply rep = __agent_run(_metadata, t, k->parent, cmds, 2);

	ASSERT_EQ(sizeof(struct ag_cmd), rep.r0) TH_LOG("AG_SEND: %ld", rep.r0);
}

#define agent_send(t, k, op, a, b, c) \
	__agent_send(_metadata, (t), (k), (op), (a), (b), (c))

static inline long __agent_recv(struct __test_metadata *_metadata,
				struct tree *t, const struct agent *k,
				long *r1)
{
	return __agent_call(_metadata, t, k->parent, AG_RECV, k->reply, 0, 0,
			    r1);
}

#define agent_recv(t, k, r1)	__agent_recv(_metadata, (t), (k), (r1))

/* A new pipe in @at: *@w, *@r. */
static inline void __agent_pipe(struct __test_metadata *_metadata,
				struct tree *t, const struct agent *at,
				long *w, long *r)
{
	*w = agent_call(t, at, AG_PIPE, 0, 0, 0, r);
	ASSERT_LE(0, *w);
	ASSERT_LE(0, *r);
	ASSERT_NE(*w, *r);
}

#define agent_pipe(t, at, w, r)	__agent_pipe(_metadata, (t), (at), (w), (r))

/*
 * First half of a new kid of @parent: its pipes, cnew() and the two
 * passes, which must give it rfd 0 and wfd 1. Its code is not written
 * yet: *@code_w is @parent's end of its code pipe.
 */
static inline void __kid_create(struct __test_metadata *_metadata,
				struct tree *t, const struct agent *parent,
				struct agent *k, long *code_w)
{
	long code_r, cmd_r, reply_w;

	memset(k, 0, sizeof(*k));
	k->parent = parent;
	agent_pipe(t, parent, code_w, &code_r);
	agent_pipe(t, parent, &k->cmd, &cmd_r);
	agent_pipe(t, parent, &reply_w, &k->reply);
	k->cid = AG1(t, parent, AG_CNEW_X86, code_r);
	ASSERT_LT(0, k->cid) TH_LOG("cnew: %ld", k->cid);
	ASSERT_EQ(0, AG2(t, parent, AG_RPASS, cmd_r, k->cid));
	ASSERT_EQ(1, AG2(t, parent, AG_WPASS, reply_w, k->cid));
}

/* Second half: the code (a copy of the agent), then a first command. */
static inline void __kid_start(struct __test_metadata *_metadata,
			       struct tree *t, struct agent *k, long code_w)
{
	long done = -1, pid = -1;

	ASSERT_EQ(0, agent_call(t, k->parent, AG_SELF, code_w, -1, 0, &done));
	ASSERT_EQ(t->self_size, done);
	ASSERT_EQ(0, AG1(t, k->parent, AG_WCLOSE, code_w));
	ASSERT_EQ(AG_ALIVE, agent_call(t, k, AG_NOP, 0, 0, 0, &pid));
	ASSERT_LT(0, pid);
	k->pid = pid;
}

#define kid_create(t, parent, k, code_w) \
	__kid_create(_metadata, (t), (parent), (k), (code_w))
#define kid_start(t, k, code_w)	__kid_start(_metadata, (t), (k), (code_w))
#define kid_spawn(t, parent, k) do {					\
	long __code_w;							\
									\
	kid_create(t, parent, k, &__code_w);				\
	kid_start(t, k, __code_w);					\
} while (0)

/* A child of @at running the agent with no descriptors (a sleeper). */
static inline long __sleeper_spawn(struct __test_metadata *_metadata,
				   struct tree *t, const struct agent *at)
{
	long w, r, cid, done = -1;

	agent_pipe(t, at, &w, &r);
	cid = AG1(t, at, AG_CNEW_X86, r);
	ASSERT_LT(0, cid) TH_LOG("cnew: %ld", cid);
	ASSERT_EQ(0, agent_call(t, at, AG_SELF, w, -1, 0, &done));
	ASSERT_EQ(t->self_size, done);
	ASSERT_EQ(0, AG1(t, at, AG_WCLOSE, w));
	return cid;
}

#define sleeper_spawn(t, at)	__sleeper_spawn(_metadata, (t), (at))

/* The container trees, for a failure's log. */
static inline void log_containers(struct __test_metadata *_metadata)
{
	static char buf[16384];

	if (read_text_file("/sys/kernel/debug/minos/containers", buf,
			   sizeof(buf)) > 0)
		TH_LOG("/sys/kernel/debug/minos/containers:\n%s", buf);
}

/*
 * End the root by closing its command stream (it exits 0, which ends
 * every container it started), and check that it did and that the count
 * of live containers is back where it was.
 */
static inline void __tree_finish(struct __test_metadata *_metadata,
				 struct tree *t, int max_ms)
{
	close(t->cmd);
	t->cmd = -1;
	EXPECT_EXITED(mx_wait(&t->m), 0);
	if (t->data >= 0)
		close(t->data);
	t->data = -1;
	EXPECT_EQ(t->base, wait_for_value(MINOS_SYS_CONTAINERS, t->base,
					  max_ms))
		log_containers(_metadata);
}

#define tree_finish(t)	__tree_finish(_metadata, (t), TREE_SETTLE_MS)
#define tree_finish_long(t) \
	__tree_finish(_metadata, (t), TREE_SETTLE_LONG_MS)

/* --- /proc ---------------------------------------------------------- */

/* State letter of @pid from /proc/PID/stat, its parent and name; 0 if gone. */
static inline char proc_stat(pid_t pid, pid_t *ppid, char *comm, size_t size)
{
	char path[64], buf[512], *open_paren, *close_paren;
	int parent = 0;
	char state = 0;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	if (read_text_file(path, buf, sizeof(buf)) <= 0)
		return 0;
	open_paren = strchr(buf, '(');
	close_paren = strrchr(buf, ')');
	if (!open_paren || !close_paren ||
	    sscanf(close_paren + 1, " %c %d", &state, &parent) != 2)
		return 0;
	if (comm)
		snprintf(comm, size, "%.*s", (int)(close_paren - open_paren - 1),
			 open_paren + 1);
	if (ppid)
		*ppid = parent;
	return state;
}

/* Live (not zombie) processes that match; pids in @pids (up to @max). */
static inline int proc_scan(pid_t ppid, const char *comm, uid_t uid,
			    pid_t *pids, int max)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	char name[64], path[64];
	struct stat st;
	int n = 0;
	pid_t pid, parent;
	char state;

	if (!d)
		return -errno;
	while ((e = readdir(d))) {
		if (!isdigit((unsigned char)e->d_name[0]))
			continue;
		pid = atoi(e->d_name);
		state = proc_stat(pid, &parent, name, sizeof(name));
		if (!state || state == 'Z' || state == 'X')
			continue;
		if (ppid > 0 && parent != ppid)
			continue;
		if (comm && strcmp(name, comm))
			continue;
		if (uid != (uid_t)-1) {
			snprintf(path, sizeof(path), "/proc/%d", (int)pid);
			if (stat(path, &st) || st.st_uid != uid)
				continue;
		}
		if (n < max)
			pids[n] = pid;
		n++;
	}
	closedir(d);
	return n;
}

/* Live children of @ppid. */
static inline int children_of(pid_t ppid, pid_t *pids, int max)
{
	return proc_scan(ppid, NULL, (uid_t)-1, pids, max);
}

/*
 * Wait (hang guard @max_ms) until @pid sleeps; returns 'S' then, else its
 * last state. A Minos call sleeps killable ('D' in /proc: only a kill
 * interrupts it), a host file's read or write interruptible ('S').
 */
static inline char wait_sleeping(pid_t pid, int max_ms)
{
	char state = proc_stat(pid, NULL, NULL, 0);
	int waited;

	for (waited = 0; state && state != 'S' && state != 'D' &&
	     waited < max_ms; waited += 10) {
		usleep(10000);
		state = proc_stat(pid, NULL, NULL, 0);
	}
	return state == 'D' ? 'S' : state;
}

/* Wait until none of @pids is alive; returns how many still are. */
static inline int wait_gone(const pid_t *pids, int n, int max_ms)
{
	int waited, alive, i;

	for (waited = 0;; waited += 10) {
		char state;

		for (alive = 0, i = 0; i < n; i++) {
			state = proc_stat(pids[i], NULL, NULL, 0);
			if (state && state != 'Z' && state != 'X')
				alive++;
		}
		if (!alive || waited >= max_ms)
			return alive;
		usleep(10000);
	}
}

/* Wait until proc_scan() finds @want; returns the last count. */
static inline int wait_scan(pid_t ppid, const char *comm, uid_t uid,
			    int want, int max_ms)
{
	int n = proc_scan(ppid, comm, uid, NULL, 0), waited;

	for (waited = 0; n != want && waited < max_ms; waited += 10) {
		usleep(10000);
		n = proc_scan(ppid, comm, uid, NULL, 0);
	}
	return n;
}

#endif /* MINOS_SELFTEST_TREE_RPC_H */
