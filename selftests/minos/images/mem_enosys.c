// SPDX-License-Identifier: GPL-2.0
/*
 * mem_enosys: the memory calls of mem_enosys.h, each result on a line of
 * wfd 1, then exit 0.
 */
#include <minos.h>
#include "report.h"
#include "mem_enosys.h"

/* A page-aligned address inside the stack. */
#define STACK_PAGE	(0x7ffffffff000L - 0x10000L)

#define CALL(name, nr, a1, a2, a3)					\
	report(1, minos_syscall3(nr, (a1) ? STACK_PAGE : 0, a2, a3));

int main(void)
{
	MEM_ENOSYS(CALL)
	return 0;
}
