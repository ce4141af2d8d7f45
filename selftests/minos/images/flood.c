// SPDX-License-Identifier: GPL-2.0
/*
 * flood: the ready byte 'R', then 256 KiB of the write_big pattern on
 * wfd 1. With a test that does not read, the container blocks in write
 * once the pipe is full. Exit 0 when everything was written, else 1.
 */
#include <minos.h>

#define BIG	(256 * 1024)

int main(void)
{
	char buf[BIG];

	for (int i = 0; i < BIG; i++)
		buf[i] = (char)(i * 7 + (i >> 12));
	if (minos_write(1, "R", 1) != 1)
		return 1;
	return minos_write_all(1, buf, BIG) == BIG ? 0 : 1;
}
