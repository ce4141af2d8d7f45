// SPDX-License-Identifier: GPL-2.0
/*
 * write_basic: writes to wfd 1 from read-only data, from the stack and from
 * writable data, and one of size 0; reports each result on wfd 2.
 */
#include <minos.h>
#include "report.h"

static char data_buf[] = "from data\n";

int main(void)
{
	static const char ro[] = "hello, minos\n";
	char stack_buf[12];
	long r[4];

	minos_memcpy(stack_buf, "from stack\n", 11);
	r[0] = minos_write(1, ro, sizeof(ro) - 1);
	r[1] = minos_write(1, stack_buf, 11);
	r[2] = minos_write(1, data_buf, sizeof(data_buf) - 1);
	r[3] = minos_write(1, ro, 0);
	for (int i = 0; i < 4; i++)
		report(2, r[i]);
	return 0;
}
