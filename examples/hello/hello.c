// SPDX-License-Identifier: GPL-2.0
/*
 * The first Minos program: one line on wfd 1, the container's standard
 * output when it is started by minos-exec.
 *
 *	make -C examples && minos-exec examples/hello/hello.bin
 */
#include <minos.h>

int main(void)
{
	static const char msg[] = "Hello from a Minos container!\n";

	return minos_write_all(1, msg, sizeof(msg) - 1) < 0 ? 1 : 0;
}
