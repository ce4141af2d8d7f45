// SPDX-License-Identifier: GPL-2.0
/*
 * write_fault: writes of 10 bytes to wfd 1 from addresses a container
 * cannot read (write_fault.h), reporting each result on wfd 2.
 */
#include <minos.h>
#include "report.h"
#include "write_fault.h"

int main(void)
{
	static const unsigned long addrs[] = { FAULT_ADDRS };

	for (unsigned int i = 0; i < sizeof(addrs) / sizeof(addrs[0]); i++)
		report(2, minos_write(1, (const void *)addrs[i], 10));
	return 0;
}
