// SPDX-License-Identifier: GPL-2.0
/*
 * pipe_emfile: the descriptor table is limited by RLIMIT_NOFILE, which the
 * test sets before minos-exec. With the standard descriptors 0, 1, 2 in
 * the table, pipes are created until pipe() fails; then one end of the
 * first pipe is closed and pipe() tried again, then the other end and
 * pipe() once more. Reports on wfd 2, one per line: the number of pipes
 * made, the error, the first pipe's wfd and rfd, and rax and rdx of the
 * two later pipe() calls.
 */
#include <minos.h>
#include "report.h"

#define MAX_PIPES	100

int main(void)
{
	struct minos_pair p, first = { -1, -1 }, again, last;
	int n = 0;

	for (;;) {
		p = minos_syscall_pair4(MINOS_NR_PIPE, 0, 0, 0, 0);
		if (p.a < 0 || ++n == MAX_PIPES)
			break;
		if (n == 1)
			first = p;
	}
	minos_wclose((int)first.a);
	again = minos_syscall_pair4(MINOS_NR_PIPE, 0, 0, 0, 0);
	minos_rclose((int)first.b);
	last = minos_syscall_pair4(MINOS_NR_PIPE, 0, 0, 0, 0);

	report(2, n);
	report(2, p.a);
	report(2, first.a);
	report(2, first.b);
	report(2, again.a);
	report(2, again.a < 0 ? -1 : again.b);
	report(2, last.a);
	report(2, last.a < 0 ? -1 : last.b);
	return 0;
}
