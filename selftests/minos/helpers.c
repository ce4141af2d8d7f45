// SPDX-License-Identifier: GPL-2.0
/*
 * Helpers shared by the Minos selftests; see helpers.h.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "helpers.h"

/* Where the child parks its descriptors before moving them into place. */
#define MX_PARK_FD	200

static bool is_exec_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	       access(path, X_OK) == 0;
}

const char *mx_exec_path(void)
{
	static char found[PATH_MAX];
	const char *env = getenv("MINOS_EXEC");
	const char *path = getenv("PATH");
	const char *p;

	if (found[0])
		return found;
	if (env && *env) {
		if (!is_exec_file(env))
			return NULL;
		snprintf(found, sizeof(found), "%s", env);
		return found;
	}
	for (p = path; p && *p; ) {
		const char *end = strchrnul(p, ':');
		int len = (int)(end - p);

		snprintf(found, sizeof(found), "%.*s/minos-exec",
			 len ? len : 1, len ? p : ".");
		if (is_exec_file(found))
			return found;
		p = *end ? end + 1 : end;
	}
	snprintf(found, sizeof(found), "/minos/bin/minos-exec");
	if (is_exec_file(found))
		return found;
	found[0] = '\0';
	return NULL;
}

static char *path_join(const char *dir, const char *name)
{
	char *s;

	if (asprintf(&s, "%s/%s", dir, name) < 0)
		abort();
	return s;
}

const char *mx_image(const char *name)
{
	static char dir[PATH_MAX + 16];
	const char *env = getenv("MINOS_IMAGES");
	char exe[PATH_MAX];
	ssize_t n;
	char *slash;

	if (env && *env)
		return path_join(env, name);
	if (!dir[0]) {
		n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
		if (n <= 0) {
			snprintf(dir, sizeof(dir), "images");
		} else {
			exe[n] = '\0';
			slash = strrchr(exe, '/');
			if (slash)
				*slash = '\0';
			snprintf(dir, sizeof(dir), "%s/images", exe);
		}
	}
	return path_join(dir, name);
}

const char *mx_example(const char *name)
{
	const char *env = getenv("MINOS_EXAMPLES");

	return path_join(env && *env ? env : "/minos/examples", name);
}

bool minos_loaded(void)
{
	return access(MINOS_DEV, F_OK) == 0;
}

/* In the child: put everything in place and exec minos-exec. */
static void __attribute__((noreturn))
mx_child(const char *exe, char **argv, const struct mx_cfg *cfg,
	 int out_w, int err_w)
{
	int src[3] = { -1, out_w, err_w };
	int park[3] = { -1, -1, -1 };
	const struct mx_fd *f;
	struct sigaction dfl = { .sa_handler = SIG_DFL };
	sigset_t none;
	int i, n;

	/*
	 * Default stdin: /dev/null. A descriptor 0, 1 or 2 of cfg->fds is
	 * put in place after these, and wins.
	 */
	src[0] = open("/dev/null", O_RDONLY | O_CLOEXEC);
	if (src[0] < 0)
		_exit(MX_EXIT_EXEC_FAILED);
	for (i = 0; i < 3; i++) {
		if (src[i] < 0)
			continue;
		park[i] = fcntl(src[i], F_DUPFD_CLOEXEC, MX_PARK_FD);
		if (park[i] < 0)
			_exit(MX_EXIT_EXEC_FAILED);
	}

	/* Park the caller's descriptors too: no dup2() below clobbers one. */
	n = 0;
	for (f = cfg->fds; f && f->child_fd >= 0; f++)
		n++;
	{
		int parked[n ? n : 1];

		i = 0;
		for (f = cfg->fds; f && f->child_fd >= 0; f++, i++) {
			parked[i] = fcntl(f->fd, F_DUPFD_CLOEXEC,
					  MX_PARK_FD + 10);
			if (parked[i] < 0)
				_exit(MX_EXIT_EXEC_FAILED);
		}
		for (i = 0; i < 3; i++)
			if (park[i] >= 0 && dup2(park[i], i) < 0)
				_exit(MX_EXIT_EXEC_FAILED);
		i = 0;
		for (f = cfg->fds; f && f->child_fd >= 0; f++, i++)
			if (dup2(parked[i], f->child_fd) < 0)
				_exit(MX_EXIT_EXEC_FAILED);
	}

	/* What the container does about these must be the module's doing. */
	sigaction(SIGPIPE, &dfl, NULL);
	sigaction(SIGXFSZ, &dfl, NULL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);

	/* A container left behind by a failed test dies with the test. */
	prctl(PR_SET_PDEATHSIG, SIGKILL);

	if (cfg->prep && cfg->prep(cfg->prep_arg))
		_exit(MX_EXIT_EXEC_FAILED);
	execv(exe, argv);
	_exit(MX_EXIT_EXEC_FAILED);
}

int mx_spawn(struct mx *m, const struct mx_cfg *cfg)
{
	const char *exe = mx_exec_path();
	int outp[2] = { -1, -1 }, errp[2] = { -1, -1 };
	bool given[3] = { false, false, false };
	const struct mx_fd *f;
	char **argv;
	int argc = 0, i, err;
	pid_t pid;

	m->pid = -1;
	m->out = -1;
	m->err = -1;
	if (!exe)
		return -ENOENT;
	for (f = cfg->fds; f && f->child_fd >= 0; f++)
		if (f->child_fd <= 2)
			given[f->child_fd] = true;
	while (cfg->args && cfg->args[argc])
		argc++;
	argv = calloc(argc + 2, sizeof(*argv));
	if (!argv)
		return -ENOMEM;
	argv[0] = (char *)"minos-exec";
	for (i = 0; i < argc; i++)
		argv[i + 1] = (char *)cfg->args[i];

	if ((!given[1] && pipe2(outp, O_CLOEXEC)) ||
	    (!given[2] && pipe2(errp, O_CLOEXEC))) {
		err = -errno;
		goto fail;
	}
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		err = -errno;
		goto fail;
	}
	if (pid == 0)
		mx_child(exe, argv, cfg, outp[1], errp[1]);

	free(argv);
	if (outp[1] >= 0)
		close(outp[1]);
	if (errp[1] >= 0)
		close(errp[1]);
	m->pid = pid;
	m->out = outp[0];
	m->err = errp[0];
	return 0;

fail:
	free(argv);
	for (i = 0; i < 2; i++) {
		if (outp[i] >= 0)
			close(outp[i]);
		if (errp[i] >= 0)
			close(errp[i]);
	}
	return err;
}

int mx_spawn_args(struct mx *m, const char *const *args)
{
	struct mx_cfg cfg = { .args = args };

	return mx_spawn(m, &cfg);
}

ssize_t mx_read_n(int fd, void *buf, size_t n)
{
	size_t done = 0;
	ssize_t r;

	while (done < n) {
		r = read(fd, (char *)buf + done, n - done);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -errno;
		if (r == 0)
			break;
		done += r;
	}
	return done;
}

ssize_t mx_read_all(int fd, char *buf, size_t size)
{
	ssize_t n = mx_read_n(fd, buf, size - 1);

	buf[n < 0 ? 0 : n] = '\0';
	return n;
}

int mx_wait_ready(struct mx *m)
{
	char c = 0;

	if (m->out < 0 || mx_read_n(m->out, &c, 1) != 1)
		return -1;
	return c == MX_READY ? 0 : -1;
}

int mx_wait(struct mx *m)
{
	int status = -1;

	if (m->out >= 0)
		close(m->out);
	if (m->err >= 0)
		close(m->err);
	m->out = -1;
	m->err = -1;
	if (m->pid <= 0)
		return -1;
	while (waitpid(m->pid, &status, 0) < 0) {
		if (errno != EINTR) {
			status = -1;
			break;
		}
	}
	m->pid = -1;
	return status;
}

int mx_kill(struct mx *m)
{
	if (m->pid > 0)
		kill(m->pid, SIGKILL);
	return mx_wait(m);
}

int mx_run(const struct mx_cfg *cfg, struct mx_result *r)
{
	struct pollfd p[2];
	struct mx m;
	int err, i;

	memset(r, 0, sizeof(*r));
	err = mx_spawn(&m, cfg);
	if (err)
		return err;
	p[0].fd = m.out;
	p[1].fd = m.err;
	while (p[0].fd >= 0 || p[1].fd >= 0) {
		for (i = 0; i < 2; i++)
			p[i].events = POLLIN;
		if (poll(p, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (i = 0; i < 2; i++) {
			char *buf = i ? r->err : r->out;
			size_t size = i ? sizeof(r->err) : sizeof(r->out);
			size_t *len = i ? &r->err_len : &r->out_len;
			char sink[4096];
			ssize_t n;

			if (p[i].fd < 0 || !(p[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			if (*len < size - 1)
				n = read(p[i].fd, buf + *len, size - 1 - *len);
			else
				n = read(p[i].fd, sink, sizeof(sink));
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0) {
				p[i].fd = -1;
				continue;
			}
			if (*len < size - 1)
				*len += n;
		}
	}
	r->out[r->out_len] = '\0';
	r->err[r->err_len] = '\0';
	r->status = mx_wait(&m);
	return 0;
}

int mx_run_args(const char *const *args, struct mx_result *r)
{
	struct mx_cfg cfg = { .args = args };

	return mx_run(&cfg, r);
}

const char *mx_status_str(int status)
{
	static char buf[64];

	if (status == -1)
		snprintf(buf, sizeof(buf), "no status");
	else if (WIFEXITED(status))
		snprintf(buf, sizeof(buf), "exit %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(buf, sizeof(buf), "signal %d (%s)", WTERMSIG(status),
			 strsignal(WTERMSIG(status)));
	else
		snprintf(buf, sizeof(buf), "status 0x%x", status);
	return buf;
}

ssize_t read_text_file(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0) {
		buf[0] = '\0';
		return -errno;
	}
	n = mx_read_all(fd, buf, size);
	close(fd);
	return n;
}

long read_long_file(const char *path)
{
	char buf[64], *end;
	long v;

	if (read_text_file(path, buf, sizeof(buf)) <= 0)
		return -1;
	errno = 0;
	v = strtol(buf, &end, 10);
	if (errno || end == buf)
		return -1;
	return v;
}

int proc_status_field(pid_t pid, const char *key, char *buf, size_t size)
{
	char path[64], text[8192], *line, *nl;
	size_t klen = strlen(key);

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	if (read_text_file(path, text, sizeof(text)) <= 0)
		return -1;
	for (line = text; line && *line; line = nl ? nl + 1 : NULL) {
		nl = strchr(line, '\n');
		if (strncmp(line, key, klen) || line[klen] != ':')
			continue;
		line += klen + 1;
		while (*line == '\t' || *line == ' ')
			line++;
		snprintf(buf, size, "%.*s",
			 (int)(nl ? nl - line : (long)strlen(line)), line);
		return 0;
	}
	return -1;
}

int count_dir_entries(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	int n = 0;

	if (!d)
		return -errno;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

int parse_longs(const char *text, long *vals, int max)
{
	const char *p = text;
	char *end;
	int n = 0;

	while (n < max && *p) {
		errno = 0;
		vals[n] = strtol(p, &end, 10);
		if (end == p || errno)
			break;
		n++;
		p = end;
		while (*p == '\n')
			p++;
	}
	return n;
}

long wait_for_value(const char *path, long want, int max_ms)
{
	long v = read_long_file(path);
	int waited;

	for (waited = 0; v != want && waited < max_ms; waited += 10) {
		usleep(10000);
		v = read_long_file(path);
	}
	return v;
}

int run_true(void)
{
	int status;
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0)
		return -errno;
	if (pid == 0) {
		execl("/bin/busybox", "true", (char *)NULL);
		execlp("true", "true", (char *)NULL);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid)
		return -errno;
	return status;
}
