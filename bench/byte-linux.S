/* SPDX-License-Identifier: GPL-2.0 */
/*
 * byte-linux: the Linux counterpart of img/byte.c for the spawn rows, a
 * static x86-64 Linux program as small as one can be: write one byte to
 * fd 1 and exit_group(0), or exit_group(1) when the write did not take.
 * Built with -nostdlib -static, no libc, nothing to start up; the byte
 * is in .text, so that the program is one segment.
 */

#define NR_WRITE	1
#define NR_EXIT_GROUP	231

	.text
	.globl	_start
	.type	_start, @function
_start:
	movl	$NR_WRITE, %eax
	movl	$1, %edi
	leaq	byte(%rip), %rsi
	movl	$1, %edx
	syscall
	xorl	%edi, %edi
	cmpq	$1, %rax
	setne	%dil
	movl	$NR_EXIT_GROUP, %eax
	syscall
	ud2
byte:
	.byte	'b'
	.size	_start, . - _start

	.section .note.GNU-stack, "", @progbits
