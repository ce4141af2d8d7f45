// SPDX-License-Identifier: GPL-2.0
/*
 * pipe_1024: read takes up to 1024 descriptors. With RLIMIT_NOFILE raised
 * by the test, 1025 pipes are made; one byte at a time is written to one
 * of them and read over the first 1024 read ends (or the last 1024).
 * Reports on wfd 2, one per line:
 *   pipes made (1025)
 *   byte in pipe 1023, read over rfds[0..1023]: count, served == rfds[1023]
 *   byte in pipe 0, same array: count, served == rfds[0]
 *   byte in pipe 511, same array: count, served == rfds[511]
 *   byte in pipe 1024, read over all 1025: the error (-EINVAL)
 *   then over rfds[1..1024]: count, served == rfds[1024]
 */
#include <minos.h>
#include "report.h"

#define N	1025

static int wfds[N], rfds[N];

static void one(int pipe, const int *arr, unsigned int count)
{
	char c = 0;
	int served = -1;
	long n;

	minos_write(wfds[pipe], "x", 1);
	n = minos_read(arr, count, &c, 1, &served);
	report(2, n);
	if (count <= 1024)
		report(2, served == rfds[pipe] && c == 'x');
}

int main(void)
{
	int made = 0;

	while (made < N && !minos_pipe(&wfds[made], &rfds[made]))
		made++;
	report(2, made);
	if (made < N)
		return 1;
	one(1023, rfds, 1024);
	one(0, rfds, 1024);
	one(511, rfds, 1024);
	one(1024, rfds, 1025);
	/* the byte of pipe 1024 is still there */
	{
		char c = 0;
		int served = -1;

		report(2, minos_read(rfds + 1, 1024, &c, 1, &served));
		report(2, served == rfds[1024] && c == 'x');
	}
	return 0;
}
