// SPDX-License-Identifier: GPL-2.0
/*
 * read_host: one multi-read loop over host files and Minos pipes mixed,
 * the streams of read_host.h: rfd 0 (a Linux pipe), rfd 3 (a regular
 * file), rfd 4 (a socket) and two Minos pipes that two threads of the
 * image fill. Reads, with sizes that vary, until every stream has ended.
 * Reports on wfd 2, per stream in read_host.h order: the bytes read, 1 if
 * they were the right ones, 1 if the stream's end was seen; then the
 * number of reads that failed or named a descriptor not in the array.
 */
#include <minos.h>
#include "pipe_lib.h"
#include "read_host.h"

static const unsigned int writer[RH_NSTREAMS] = RH_WRITER;
static const long size[RH_NSTREAMS] = RH_SIZE;
static int wfds[RH_NSTREAMS];

static int feed(void *arg)
{
	long s = (long)arg, done = 0;
	unsigned char chunk[5000];

	while (done < size[s]) {
		long n = size[s] - done < 5000 ? size[s] - done : 5000;

		pl_pattern_fill(chunk, (unsigned long)n, writer[s],
				(unsigned long)done);
		if (minos_write_all(wfds[s], chunk, (unsigned long)n) != n)
			break;
		done += n;
	}
	minos_wclose(wfds[s]);
	return 0;
}

int main(void)
{
	static const unsigned long sizes[] = { 4096, 1000, 65536, 1, 7777 };
	int arr[RH_NSTREAMS] = { 0, RH_FILE_FD, RH_SOCKET_FD, -1, -1 };
	long bytes[RH_NSTREAMS] = { 0 }, bad = 0;
	int ok[RH_NSTREAMS], ended[RH_NSTREAMS] = { 0 }, left = RH_NSTREAMS;
	struct pl_thread t[2];
	unsigned char *buf = pl_alloc(65536);
	unsigned int k = 0;

	if (!buf)
		return 10;
	for (int s = RH_MINOS_1; s <= RH_MINOS_2; s++) {
		if (minos_pipe(&wfds[s], &arr[s]))
			return 11;
		if (pl_thread_start(&t[s - RH_MINOS_1], feed, (void *)(long)s) < 0)
			return 12;
	}
	for (int s = 0; s < RH_NSTREAMS; s++)
		ok[s] = 1;

	while (left) {
		int served = -1, s;
		long n = minos_read(arr, RH_NSTREAMS, buf, sizes[k++ % 5],
				    &served);

		for (s = 0; s < RH_NSTREAMS && arr[s] != served; s++)
			;
		if (n < 0 || s == RH_NSTREAMS) {
			if (++bad > 100)
				break;
			continue;
		}
		if (n == 0) {
			if (!ended[s])
				left--;
			ended[s] = 1;
			continue;
		}
		if (ended[s] ||
		    pl_pattern_check(buf, (unsigned long)n, writer[s],
				     (unsigned long)bytes[s]) != (unsigned long)n)
			ok[s] = 0;
		bytes[s] += n;
	}
	pl_thread_join(&t[0]);
	pl_thread_join(&t[1]);
	for (int s = 0; s < RH_NSTREAMS; s++) {
		report(2, bytes[s]);
		report(2, ok[s]);
		report(2, ended[s]);
	}
	report(2, bad);
	return 0;
}
