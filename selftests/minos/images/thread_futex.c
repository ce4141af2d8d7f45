// SPDX-License-Identifier: GPL-2.0
/*
 * thread_futex: the futex table of thread_cases.h in a container, one
 * "ID RESULT STATE" line per case on wfd 1, then "-1 0 0".
 */
#include <minos.h>
#include "thread_cases.h"

static void put(void *ctx, int id, long result, long state)
{
	(void)ctx;
	minos_printf(1, "%d %ld %ld\n", id, result, state);
}

int main(void)
{
	struct tc_out out = { .put = put };

	tc_futex_run(&out);
	minos_puts(1, "-1 0 0\n");
	return 0;
}
