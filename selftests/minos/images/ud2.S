/* SPDX-License-Identifier: GPL-2.0 */
/* ud2: the first instruction is invalid: the container dies of SIGILL. */

	.text
	.globl	_start
_start:
	ud2
