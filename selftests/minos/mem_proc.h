/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What mem_test and thread_test read about a running container from the
 * outside: its threads, its child processes, its mappings, its Linux file
 * descriptors; and reading its report lines up to a marker while it waits.
 */
#ifndef MINOS_SELFTEST_MEM_PROC_H
#define MINOS_SELFTEST_MEM_PROC_H

#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "helpers.h"

/* "Threads:" of /proc/PID/status, or -1. */
static inline int mp_threads(pid_t pid)
{
	char buf[32];

	if (proc_status_field(pid, "Threads", buf, sizeof(buf)))
		return -1;
	return atoi(buf);
}

/* The state letter of /proc/PID/task/TID/stat (R, S, D, ...), or 0. */
static inline char mp_task_state(pid_t pid, pid_t tid)
{
	char path[64], buf[512], *p;

	snprintf(path, sizeof(path), "/proc/%d/task/%d/stat", (int)pid,
		 (int)tid);
	if (read_text_file(path, buf, sizeof(buf)) <= 0)
		return 0;
	p = strrchr(buf, ')');
	return p && p[1] == ' ' ? p[2] : 0;
}

/* How many processes (not threads) have @pid as parent. */
static inline int mp_children(pid_t pid)
{
	char path[300], buf[512], *p;
	struct dirent *e;
	int n = 0;
	DIR *d = opendir("/proc");

	if (!d)
		return -1;
	while ((e = readdir(d))) {
		if (e->d_name[0] < '1' || e->d_name[0] > '9')
			continue;
		snprintf(path, sizeof(path), "/proc/%s/stat", e->d_name);
		if (read_text_file(path, buf, sizeof(buf)) <= 0)
			continue;
		p = strrchr(buf, ')');
		if (p && strlen(p) > 4 && atoi(p + 4) == (int)pid)
			n++;
	}
	closedir(d);
	return n;
}

/* Number of Linux descriptors the process holds (/proc/PID/fd). */
static inline int mp_linux_fds(pid_t pid)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/%d/fd", (int)pid);
	return count_dir_entries(path);
}

/* /proc/PID/maps into @buf; returns its number of lines, or -1. */
static inline int mp_maps(pid_t pid, char *buf, size_t size)
{
	char path[64];
	int lines = 0;
	char *p;

	snprintf(path, sizeof(path), "/proc/%d/maps", (int)pid);
	if (read_text_file(path, buf, size) < 0)
		return -1;
	for (p = buf; *p; p++)
		lines += *p == '\n';
	return lines;
}

/*
 * Read from @fd into @buf until the text holds the line @marker (or end of
 * stream, an error, or @timeout_ms without data). Returns the length read
 * (NUL-terminated), or -1 when the marker never came.
 */
static inline ssize_t mp_read_until(int fd, char *buf, size_t size,
				    const char *marker, int timeout_ms)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	size_t len = 0;
	ssize_t n;

	buf[0] = '\0';
	while (len + 1 < size) {
		if (strstr(buf, marker))
			return len;
		if (poll(&pfd, 1, timeout_ms) <= 0)
			break;
		n = read(fd, buf + len, size - 1 - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += n;
		buf[len] = '\0';
	}
	return strstr(buf, marker) ? (ssize_t)len : -1;
}

#endif /* MINOS_SELFTEST_MEM_PROC_H */
