// SPDX-License-Identifier: GPL-2.0
/*
 * pipe_child_writer: a child container (see pipe_midstream.c) with wfd 0,
 * a data pipe, and wfd 1, an acknowledgment pipe. Writes the first
 * PC_FIRST bytes of pattern writer 1 to wfd 0, then 'A' to wfd 1, then
 * goes on with the same stream for good (blocking once the pipe is full)
 * until a write fails; then exits 1.
 */
#include <minos.h>
#include "pipe_lib.h"
#include "pipe_child.h"

int main(void)
{
	unsigned char buf[PC_CHUNK + PL_PERIOD];
	unsigned long pos = 0;

	pl_pattern_fill(buf, sizeof(buf), PC_WRITER, 0);
	if (minos_write_all(0, buf, PC_FIRST) != PC_FIRST)
		return 1;
	pos = PC_FIRST;
	if (minos_write(1, "A", 1) != 1)
		return 1;
	for (;;) {
		long n = minos_write(0, buf + pos % PL_PERIOD, PC_CHUNK);

		if (n <= 0)
			return 1;
		pos += (unsigned long)n;
	}
}
