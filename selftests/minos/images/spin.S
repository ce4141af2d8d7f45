/* SPDX-License-Identifier: GPL-2.0 */
/*
 * spin: write the ready byte 'R' on wfd 1, then loop forever without a
 * system call. The tests look at the running container from outside
 * (/proc, /sys, signals, rmmod) and then kill it.
 */
#include "asm.h"

	.text
	.globl	_start
_start:
	movl	$ASM_NR_WRITE, %eax
	movl	$1, %edi
	leaq	ready(%rip), %rsi
	movl	$1, %edx
	syscall
1:	jmp	1b

ready:	.ascii	"R"
