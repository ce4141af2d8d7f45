// SPDX-License-Identifier: GPL-2.0
/*
 * fd_nonblock: host files opened O_NONBLOCK still block. wfd 3 is a Linux
 * pipe whose write end the test set O_NONBLOCK and which it does not read
 * until the pipe is full; rfd 4 is another, empty until the test sees the
 * container asleep. Writes 'W' on wfd 1, then 256 KiB to wfd 3 in writes
 * of up to 100000 bytes; then 'R' on wfd 1, then reads rfd 4. Reports on
 * wfd 2, one per line: the bytes written, the number of writes, the
 * smallest write result; the read's result and 1 if it read "hello".
 */
#include <minos.h>
#include "pipe_lib.h"

#define BIG	(256 * 1024)

int main(void)
{
	unsigned char *buf = pl_alloc(BIG);
	unsigned long done = 0;
	long least = BIG, writes = 0, n;
	char in[16];

	if (!buf)
		return 10;
	pl_pattern_fill(buf, BIG, 1, 0);
	minos_write(1, "W", 1);
	while (done < BIG) {
		unsigned long len = BIG - done < 100000 ? BIG - done : 100000;
		long w = minos_write(3, buf + done, len);

		writes++;
		if (w < least)
			least = w;
		if (w <= 0)
			break;
		done += (unsigned long)w;
	}
	minos_write(1, "R", 1);
	n = minos_read_one(4, in, sizeof(in));
	report(2, (long)done);
	report(2, writes);
	report(2, least);
	report(2, n);
	report(2, n == 5 && !minos_memcmp(in, "hello", 5));
	return 0;
}
