// SPDX-License-Identifier: GPL-2.0
/*
 * exit_thread_9: exit(9) (60, "ends the thread") from the only thread: the
 * container ends with that thread, with status 9.
 */
#include <minos.h>

int main(void)
{
	minos_exit(9);
}
