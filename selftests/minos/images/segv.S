/* SPDX-License-Identifier: GPL-2.0 */
/*
 * segv: store to address 0, which a container never has mapped: the
 * container dies of SIGSEGV.
 */

	.text
	.globl	_start
_start:
	xorl	%eax, %eax
	movq	%rax, (%rax)
	ud2
