// SPDX-License-Identifier: GPL-2.0
/*
 * pipe_block_write: every thread blocked in write for good. Makes a pipe
 * and keeps its read end, fills it (65536 bytes), starts two threads that
 * write 4096 bytes more, writes 'R' on wfd 1 and writes 1 byte more too.
 * The test kills the container from outside. Exit 3 if a write ever
 * returns.
 */
#include <minos.h>
#include "pipe_lib.h"

static int wfd, rfd;
static char block[MINOS_ATOMIC_WRITE];

static int writer(void *arg)
{
	(void)arg;
	minos_write(wfd, block, sizeof(block));
	minos_exit_group(3);
}

int main(void)
{
	struct pl_thread t[2];
	unsigned char *full = pl_alloc(MINOS_PIPE_CAPACITY);

	if (!full || minos_pipe(&wfd, &rfd))
		return 10;
	if (minos_write(wfd, full, MINOS_PIPE_CAPACITY) != MINOS_PIPE_CAPACITY)
		return 11;
	for (int i = 0; i < 2; i++)
		if (pl_thread_start(&t[i], writer, (void *)0) < 0)
			return 12;
	minos_write(1, "R", 1);
	minos_write(wfd, "x", 1);
	return 3;
}
