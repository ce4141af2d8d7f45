// SPDX-License-Identifier: GPL-2.0
/*
 * enosys_test: in a container, every number outside the Minos table, every
 * int $0x80 and every x32 call returns -ENOSYS and has no effect.
 *
 * images/enosys.bin makes the calls of images/enosys_table.h, writes their
 * results and a magic number on wfd 1, then spins. The fixture runs it and
 * reads the results; each test then checks one thing: the results of one
 * category, the absence of stray output, the files the calls aimed at, the
 * process state they would have changed, that the container still dies of
 * SIGTERM. Some calls would hit the test itself if they worked (kill of
 * the process group, fork, exec, exit): the test then dies or sees a short
 * report, and fails.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "helpers.h"
#include "minos.h"
#include "enosys_table.h"

struct enosys_entry {
	int cat;
	const char *name;
	long nr;
};

#define AS_ENTRY(cat, name, nr, ...)	{ cat, #name, (long)(nr) },

static const struct enosys_entry entries[] = { ENOSYS_TABLE(AS_ENTRY) };

#define N_ENTRIES	((int)ARRAY_SIZE(entries))

static const char *const cat_names[] = {
	[ENOSYS_UNKNOWN] = "unknown number",
	[ENOSYS_LINUX] = "Linux call",
	[ENOSYS_X32] = "x32 call",
	[ENOSYS_INT80] = "int $0x80",
};

/* Umask and nice value the container starts with (set in the child). */
#define TEST_UMASK	022

static int enosys_prep(void *arg)
{
	umask(TEST_UMASK);
	if (chdir("/"))
		return errno;
	errno = 0;
	if (setpriority(PRIO_PROCESS, 0, 0) && errno)
		return errno;
	return 0;
}

/* Remove ENOSYS_DIR and everything in it (one level, plus mnt). */
static void clean_dir(void)
{
	static const char *const names[] = {
		"keep", "open", "open-high-bits", "creat", "openat",
		"renamed", "link", "symlink", "x32-open", "i386-open",
	};
	static const char *const dirs[] = {
		"mnt", "newdir", "mkdirat", "i386-dir",
	};
	char path[PATH_MAX];
	unsigned int i;

	umount2(ENOSYS_MNT, MNT_DETACH);
	for (i = 0; i < ARRAY_SIZE(names); i++) {
		snprintf(path, sizeof(path), "%s/%s", ENOSYS_DIR, names[i]);
		unlink(path);
	}
	for (i = 0; i < ARRAY_SIZE(dirs); i++) {
		snprintf(path, sizeof(path), "%s/%s", ENOSYS_DIR, dirs[i]);
		rmdir(path);
	}
	rmdir(ENOSYS_DIR);
}

FIXTURE(enosys) {
	struct mx m;
	long res[N_ENTRIES + 1];
	int got;		/* whole results received */
};

FIXTURE_SETUP(enosys)
{
	const char *args[] = { mx_image("enosys.bin"), NULL };
	struct mx_cfg cfg = { .args = args, .prep = enosys_prep };
	ssize_t n;
	int fd;

	self->m.pid = -1;
	MINOS_REQUIRE();

	clean_dir();
	ASSERT_EQ(0, mkdir(ENOSYS_DIR, 0755));
	ASSERT_EQ(0, mkdir(ENOSYS_MNT, 0755));
	fd = open(ENOSYS_KEEP, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	ASSERT_LE(0, fd);
	ASSERT_EQ((ssize_t)strlen(ENOSYS_KEEP_TEXT),
		  write(fd, ENOSYS_KEEP_TEXT, strlen(ENOSYS_KEEP_TEXT)));
	ASSERT_EQ(0, fchmod(fd, 0600));
	close(fd);

	memset(self->res, 0xa5, sizeof(self->res));
	ASSERT_EQ(0, mx_spawn(&self->m, &cfg));
	n = mx_read_n(self->m.out, self->res, sizeof(self->res));
	ASSERT_LE(0, n);
	self->got = n / 8;
	if (self->got <= N_ENTRIES)
		TH_LOG("report cut short after %d of %d results%s%s",
		       self->got, N_ENTRIES,
		       self->got < N_ENTRIES ? "; next call: " : "",
		       self->got < N_ENTRIES ? entries[self->got].name : "");
}

FIXTURE_TEARDOWN(enosys)
{
	if (self->m.pid > 0)
		mx_kill(&self->m);
	clean_dir();
}

static void check_category(struct __test_metadata *_metadata,
			   FIXTURE_DATA(enosys) *self, int cat)
{
	int i, seen = 0;

	ASSERT_EQ(N_ENTRIES + 1, self->got)
		TH_LOG("the image did not finish its calls");
	for (i = 0; i < N_ENTRIES; i++) {
		if (entries[i].cat != cat)
			continue;
		seen++;
		EXPECT_EQ(-ENOSYS, self->res[i])
			TH_LOG("%s %s (nr 0x%lx) returned %ld",
			       cat_names[cat], entries[i].name,
			       entries[i].nr, self->res[i]);
	}
	ASSERT_LT(0, seen);
}

TEST_F(enosys, unknown_numbers)
{
	check_category(_metadata, self, ENOSYS_UNKNOWN);
}

TEST_F(enosys, linux_calls_outside_the_table)
{
	check_category(_metadata, self, ENOSYS_LINUX);
}

TEST_F(enosys, x32_bit)
{
	check_category(_metadata, self, ENOSYS_X32);
}

TEST_F(enosys, int80)
{
	check_category(_metadata, self, ENOSYS_INT80);
}

/*
 * The report is the only output: the write calls of the table (Linux
 * write, x32 write, int $0x80 write, numbers next to Minos write) wrote
 * nothing, and the report ends with the magic number, in place.
 */
TEST_F(enosys, no_stray_output)
{
	struct pollfd p = { .fd = self->m.out, .events = POLLIN };

	ASSERT_EQ(N_ENTRIES + 1, self->got);
	EXPECT_EQ((long)ENOSYS_MAGIC, self->res[N_ENTRIES]);
	/* The image spins after its one write: nothing can follow. */
	ASSERT_EQ(0, poll(&p, 1, 0));
}

/* None of the file calls changed ENOSYS_DIR. */
TEST_F(enosys, no_file_effects)
{
	struct stat st, dir_st;
	char buf[64];

	ASSERT_EQ(N_ENTRIES + 1, self->got);
	EXPECT_EQ(2, count_dir_entries(ENOSYS_DIR))
		TH_LOG("something was created in or removed from %s",
		       ENOSYS_DIR);
	ASSERT_EQ(0, stat(ENOSYS_KEEP, &st));
	EXPECT_EQ(0600, st.st_mode & 07777);
	EXPECT_EQ(1, st.st_nlink);
	EXPECT_EQ((ssize_t)strlen(ENOSYS_KEEP_TEXT),
		  read_text_file(ENOSYS_KEEP, buf, sizeof(buf)));
	EXPECT_STREQ(ENOSYS_KEEP_TEXT, buf);
	EXPECT_EQ(0, count_dir_entries(ENOSYS_MNT));
	/* Still a plain folder of ENOSYS_DIR's file system: no mount. */
	ASSERT_EQ(0, stat(ENOSYS_MNT, &st));
	ASSERT_EQ(0, stat(ENOSYS_DIR, &dir_st));
	EXPECT_EQ(dir_st.st_dev, st.st_dev);
}

/* None of the process calls changed the container's process. */
TEST_F(enosys, no_process_effects)
{
	pid_t pid = self->m.pid;
	char path[64], buf[256], want[256], *stat_tail, state;
	struct rlimit nofile;
	int ppid;

	ASSERT_EQ(N_ENTRIES + 1, self->got);

	snprintf(path, sizeof(path), "/proc/%d/personality", pid);
	ASSERT_LT(0, read_text_file(path, buf, sizeof(buf)));
	EXPECT_EQ(PER_MINOS, strtoul(buf, NULL, 16) & 0xff);

	snprintf(path, sizeof(path), "/proc/%d/comm", pid);
	ASSERT_LT(0, read_text_file(path, buf, sizeof(buf)));
	EXPECT_EQ(NULL, strstr(buf, ENOSYS_HACKED_NAME)) TH_LOG("comm %s", buf);

	ASSERT_EQ(0, proc_status_field(pid, "Uid", buf, sizeof(buf)));
	snprintf(want, sizeof(want), "%d\t%d\t%d\t%d", getuid(), geteuid(),
		 geteuid(), geteuid());
	EXPECT_STREQ(want, buf);
	ASSERT_EQ(0, proc_status_field(pid, "Umask", buf, sizeof(buf)));
	EXPECT_EQ(TEST_UMASK, strtol(buf, NULL, 8));
	ASSERT_EQ(0, proc_status_field(pid, "TracerPid", buf, sizeof(buf)));
	EXPECT_STREQ("0", buf);

	/* SIGTERM: neither ignored (rt_sigaction) nor blocked (sigprocmask). */
	ASSERT_EQ(0, proc_status_field(pid, "SigIgn", buf, sizeof(buf)));
	EXPECT_EQ(0, strtoull(buf, NULL, 16) & (1ULL << (SIGTERM - 1)));
	ASSERT_EQ(0, proc_status_field(pid, "SigBlk", buf, sizeof(buf)));
	EXPECT_EQ(0, strtoull(buf, NULL, 16) & (1ULL << (SIGTERM - 1)));

	/* No setsid, no setpgid, no setpriority, no prlimit. */
	EXPECT_EQ(getsid(0), getsid(pid));
	EXPECT_EQ(getpgrp(), getpgid(pid));
	errno = 0;
	EXPECT_EQ(0, getpriority(PRIO_PROCESS, pid));
	EXPECT_EQ(0, errno);
	ASSERT_EQ(0, prlimit(pid, RLIMIT_NOFILE, NULL, &nofile));
	EXPECT_LT(1, nofile.rlim_cur);

	/* No chdir, no chroot. */
	snprintf(path, sizeof(path), "/proc/%d/cwd", pid);
	memset(buf, 0, sizeof(buf));
	ASSERT_LT(0, readlink(path, buf, sizeof(buf) - 1));
	EXPECT_STREQ("/", buf);
	snprintf(path, sizeof(path), "/proc/%d/root", pid);
	memset(buf, 0, sizeof(buf));
	ASSERT_LT(0, readlink(path, buf, sizeof(buf) - 1));
	EXPECT_STREQ("/", buf);

	/* Still this test's child: not forked away, not reparented. */
	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	ASSERT_LT(0, read_text_file(path, buf, sizeof(buf)));
	stat_tail = strrchr(buf, ')');
	ASSERT_NE(NULL, stat_tail);
	ASSERT_EQ(2, sscanf(stat_tail + 1, " %c %d", &state, &ppid));
	EXPECT_EQ(getpid(), ppid);
}

/* After all this, SIGTERM still ends the container. */
TEST_F(enosys, sigterm_still_kills)
{
	int status;

	ASSERT_EQ(N_ENTRIES + 1, self->got);
	ASSERT_EQ(0, kill(self->m.pid, SIGTERM));
	status = mx_wait(&self->m);
	EXPECT_KILLED_BY(status, SIGTERM);
}

TEST_HARNESS_MAIN
