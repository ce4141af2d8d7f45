// SPDX-License-Identifier: GPL-2.0
/*
 * pipe_block_read: every thread blocked in read for good. Makes a pipe
 * and keeps its write end (so no end of stream), starts three threads
 * that read it, writes 'R' on wfd 1 and reads it too. The test kills the
 * container from outside. Exit 3 if a read ever returns.
 */
#include <minos.h>
#include "pipe_lib.h"

static int wfd, rfd;

static int reader(void *arg)
{
	char c;

	(void)arg;
	minos_read_one(rfd, &c, 1);
	minos_exit_group(3);
}

int main(void)
{
	struct pl_thread t[3];
	char c;

	if (minos_pipe(&wfd, &rfd))
		return 10;
	for (int i = 0; i < 3; i++)
		if (pl_thread_start(&t[i], reader, (void *)0) < 0)
			return 11;
	minos_write(1, "R", 1);
	minos_read_one(rfd, &c, 1);
	return 3;
}
