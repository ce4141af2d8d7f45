// SPDX-License-Identifier: GPL-2.0
/*
 * pipe_child_reader: a child container (see pipe_midstream.c) with rfd 0,
 * a pipe nobody writes, and wfd 1, an acknowledgment pipe. Writes 'A'
 * to wfd 1, then reads rfd 0, which blocks until the child is killed. If
 * the read ever returns: exit 3.
 */
#include <minos.h>

int main(void)
{
	char c;

	if (minos_write(1, "A", 1) != 1)
		return 1;
	minos_read_one(0, &c, 1);
	return 3;
}
