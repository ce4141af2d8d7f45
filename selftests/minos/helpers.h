/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers shared by the Minos selftests: start minos-exec on an image in a
 * child process, talk to it through pipes, wait for it, and read the bits
 * of /proc and /sys that the tests look at.
 *
 * A test never runs a container in its own process: minos-exec turns the
 * process that runs it into the container, so the helpers fork first.
 * The children stay in the test's process group, so the harness's timeout
 * (which kills that group) also ends a stuck container.
 */
#ifndef MINOS_SELFTEST_HELPERS_H
#define MINOS_SELFTEST_HELPERS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* The module's control device, and its state in sysfs. */
#define MINOS_DEV		"/dev/minos"
#define MINOS_SYS_CONTAINERS	"/sys/kernel/minos/containers"
#define MINOS_SYS_PROBES	"/sys/kernel/minos/probes"
#define MINOS_SYS_MODULE	"/sys/module/minos"

/* minos-exec's own failures. */
#define MX_EXIT_USAGE		125	/* bad options, no /dev/minos */
#define MX_EXIT_CANNOT_RUN	126	/* image cannot be read or run */
#define MX_EXIT_NOT_FOUND	127	/* image does not exist */

/* Exit status of a helper child whose exec of minos-exec failed. */
#define MX_EXIT_EXEC_FAILED	99

/* The one byte that images/spin.bin and images/flood.bin write first. */
#define MX_READY		'R'

/* An extra descriptor for the child: dup2(fd, child_fd) before the exec. */
struct mx_fd {
	int child_fd;
	int fd;
};
#define MX_FD_END		{ -1, -1 }

/*
 * A running minos-exec child. @out and @err are the test's ends of pipes
 * to the child's stdout and stderr, or -1 when the caller gave its own
 * descriptor for them (then the caller owns it).
 */
struct mx {
	pid_t pid;
	int out;
	int err;
};

/* Output of a container run to its end by mx_run(). */
struct mx_result {
	int status;		/* as from waitpid() */
	size_t out_len;
	size_t err_len;
	char out[65536];	/* NUL-terminated; longer output is cut */
	char err[8192];
};

/*
 * Set-up in the child between fork and exec (e.g. setrlimit). It must not
 * use the harness's ASSERT_*: it runs in a process the harness does not
 * know about. Return 0, or an errno to make the child exit with
 * MX_EXIT_EXEC_FAILED.
 */
typedef int (*mx_prep_fn)(void *arg);

struct mx_cfg {
	const char *const *args;	/* options and image, NULL-terminated */
	const struct mx_fd *fds;	/* MX_FD_END-terminated, or NULL */
	mx_prep_fn prep;		/* or NULL */
	void *prep_arg;
};

/* Path of minos-exec: $MINOS_EXEC, else the first one on $PATH, or NULL. */
const char *mx_exec_path(void);

/* Path of image @name: $MINOS_IMAGES/@name, else <test's folder>/images/@name. */
const char *mx_image(const char *name);

/* Path of example image @name ($MINOS_EXAMPLES, else /minos/examples). */
const char *mx_example(const char *name);

/* True when the module's device exists. */
bool minos_loaded(void);

/*
 * Start minos-exec: stdin is /dev/null and stdout/stderr are pipes to the
 * test, unless @cfg->fds names child descriptors 0, 1 or 2. Every other
 * descriptor the test holds is close-on-exec, so the child only has 0, 1,
 * 2 and the @cfg->fds. SIGPIPE and SIGXFSZ are reset to their defaults
 * and no signal is blocked, so that what the container does about them is
 * the module's doing. Returns 0 or -errno.
 */
int mx_spawn(struct mx *m, const struct mx_cfg *cfg);

/* mx_spawn() with just options and image, and nothing else. */
int mx_spawn_args(struct mx *m, const char *const *args);

/*
 * Read exactly @n bytes, or fewer at end of stream. Returns the count, or
 * -errno. Retries on EINTR.
 */
ssize_t mx_read_n(int fd, void *buf, size_t n);

/* Read until end of stream into @buf (at most @size - 1 bytes, NUL added). */
ssize_t mx_read_all(int fd, char *buf, size_t size);

/*
 * Wait until the container has written its ready byte (MX_READY) on
 * stdout, which proves it runs its own code. Returns 0, or -1.
 */
int mx_wait_ready(struct mx *m);

/* Close the test's pipe ends and reap the child; returns its wait status. */
int mx_wait(struct mx *m);

/* SIGKILL the child (if still there) and reap it; returns its wait status. */
int mx_kill(struct mx *m);

/*
 * Run to the end: spawn, collect stdout and stderr (both at once, so that
 * neither pipe can fill up), wait. Returns 0 or -errno.
 */
int mx_run(const struct mx_cfg *cfg, struct mx_result *r);
int mx_run_args(const char *const *args, struct mx_result *r);

/* Describe a wait status ("exit 3", "signal 9") for test logs. */
const char *mx_status_str(int status);

/* Read a decimal number from a one-line file (sysfs). -1 on error. */
long read_long_file(const char *path);

/* Read a whole small file into @buf (NUL-terminated). Returns the length or -errno. */
ssize_t read_text_file(const char *path, char *buf, size_t size);

/*
 * Copy the value of field @key (e.g. "SigIgn") of /proc/@pid/status into
 * @buf, without the tab and newline. Returns 0, or -1 if missing.
 */
int proc_status_field(pid_t pid, const char *key, char *buf, size_t size);

/* Number of entries of a folder, "." and ".." not counted; -errno on error. */
int count_dir_entries(const char *path);

/* Parse up to @max decimal numbers, one per line; returns how many. */
int parse_longs(const char *text, long *vals, int max);

/*
 * Poll @path (a sysfs number) every 10 ms until it reads @want, for at most
 * @max_ms. Returns the last value read. Used only where the module may
 * finish its bookkeeping just after waitpid() returned; the test then
 * asserts on the value, not on the time.
 */
long wait_for_value(const char *path, long want, int max_ms);

/*
 * Fork and exec `true` (busybox's, else the first on $PATH), as any
 * unmarked program would. Returns its wait status, or -errno.
 */
int run_true(void);

/*
 * The guards every test needs: skip when the module or minos-exec is
 * missing. For use inside TEST() / TEST_F() / FIXTURE_SETUP().
 */
#define MINOS_REQUIRE() do {						\
	if (!minos_loaded())						\
		SKIP(return, MINOS_DEV " absent: minos.ko is not loaded"); \
	if (!mx_exec_path())						\
		SKIP(return, "minos-exec not found on PATH or in $MINOS_EXEC"); \
} while (0)

#define MINOS_REQUIRE_EXEC() do {					\
	if (!mx_exec_path())						\
		SKIP(return, "minos-exec not found on PATH or in $MINOS_EXEC"); \
} while (0)

/*
 * Checks of a wait status, with the status spelled out when they fail.
 * @status is evaluated once (it is often mx_wait(...)).
 */
#define EXPECT_EXITED(status, code) do {				\
	int __mx_st = (status);						\
									\
	EXPECT_EQ((code) << 8, __mx_st)					\
		TH_LOG("wanted exit status %d, got %s", (code),		\
		       mx_status_str(__mx_st));				\
} while (0)
#define ASSERT_EXITED(status, code) do {				\
	int __mx_st = (status);						\
									\
	ASSERT_EQ((code) << 8, __mx_st)					\
		TH_LOG("wanted exit status %d, got %s", (code),		\
		       mx_status_str(__mx_st));				\
} while (0)
#define EXPECT_KILLED_BY(status, sig) do {				\
	int __mx_st = (status);						\
									\
	EXPECT_TRUE(WIFSIGNALED(__mx_st) && WTERMSIG(__mx_st) == (sig))	\
		TH_LOG("wanted death by signal %d, got %s", (sig),	\
		       mx_status_str(__mx_st));				\
} while (0)

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#endif

#endif /* MINOS_SELFTEST_HELPERS_H */
