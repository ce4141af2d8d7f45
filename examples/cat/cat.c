// SPDX-License-Identifier: GPL-2.0
/*
 * cat: copy rfd 0 to wfd 1 until end of stream.
 *
 *	minos-exec examples/cat/cat.bin < in > out
 *
 * Each read takes what rfd 0 has, up to 64 KiB. A write may take only part
 * of it (a pipe takes what fits, a file may be short of room), so the rest
 * is written again until all of it is out.
 *
 * Exit status: 0 at end of stream, 1 if a read failed, 2 if a write failed
 * (for example -EPIPE: nobody reads wfd 1 any more; a container gets no
 * SIGPIPE).
 */
#include <minos.h>

#define CHUNK	(64 * 1024)

int main(void)
{
	char buf[CHUNK];

	for (;;) {
		long n = minos_read_one(0, buf, sizeof(buf));
		long done = 0;

		if (n == 0)
			return 0;
		if (n < 0)
			return 1;
		while (done < n) {
			long w = minos_write(1, buf + done,
					     (unsigned long)(n - done));

			if (w <= 0)
				return 2;
			done += w;
		}
	}
}
