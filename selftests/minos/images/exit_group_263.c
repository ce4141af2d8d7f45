// SPDX-License-Identifier: GPL-2.0
/*
 * exit_group_263: exit_group(263) directly. As on Linux, only the low 8
 * bits of the status reach the parent: 263 & 0xff = 7.
 */
#include <minos.h>

int main(void)
{
	minos_exit_group(263);
}
