// SPDX-License-Identifier: GPL-2.0
/*
 * write_badfd: writes to descriptors that are not write descriptors of the
 * container (handed over by minos-exec: rfd 0, wfd 1, wfd 2 only) and
 * reports each result on wfd 2, in the order of write_badfd.h.
 */
#include <minos.h>
#include "report.h"
#include "write_badfd.h"

int main(void)
{
	static const long fds[] = { BADFD_LIST };

	for (unsigned int i = 0; i < sizeof(fds) / sizeof(fds[0]); i++)
		report(2, raw_write(fds[i], "bad\n", 4));
	return 0;
}
