/* SPDX-License-Identifier: GPL-2.0 */
/*
 * bigimage: an image of three pages and a bit, whose last bytes are a
 * marker. The code writes the marker on wfd 1 and exits 0: the test sees
 * the marker only if every byte of the image was loaded at its place.
 */
#include "asm.h"

	.text
	.globl	_start
_start:
	movl	$ASM_NR_WRITE, %eax
	movl	$1, %edi
	leaq	marker(%rip), %rsi
	movl	$(marker_end - marker), %edx
	syscall
	cmpq	$(marker_end - marker), %rax
	setne	%dil
	movzbl	%dil, %edi
	movl	$ASM_NR_EXIT_GROUP, %eax
	syscall
	ud2

	.fill	3 * 4096 + 100, 1, 0xcc
marker:	.ascii	"end of a 3-page image\n"
marker_end:
