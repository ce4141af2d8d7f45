// SPDX-License-Identifier: GPL-2.0
/*
 * fd_block_read: blocked for good in a read of rfd 0, a host file (a
 * Linux pipe the test never writes, or a socket). Writes 'R' on wfd 1
 * first. The test kills the container from outside. Exit 3 if the read
 * ever returns.
 */
#include <minos.h>

int main(void)
{
	char c;

	minos_write(1, "R", 1);
	minos_read_one(0, &c, 1);
	return 3;
}
