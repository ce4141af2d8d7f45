// SPDX-License-Identifier: GPL-2.0
/*
 * write_stderr: writes "to stderr\n" on wfd 2 and reports the result on
 * wfd 1.
 */
#include <minos.h>
#include "report.h"

int main(void)
{
	report(1, minos_write(2, "to stderr\n", 10));
	return 0;
}
