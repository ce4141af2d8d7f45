/* SPDX-License-Identifier: GPL-2.0 */
/*
 * regs: the registers a container starts with. Before anything else
 * changes them, push every general register and the flags, then the SSE
 * registers, MXCSR, the x87 control and status words, the address the code
 * runs at, and 8 bytes read through %fs and %gs at offset 0x10000 (that is
 * the first 8 bytes of the image when the FS and GS bases are 0; any other
 * base faults or reads something else). Write it all on wfd 1 (layout:
 * regs.h) and exit 0, or exit 1 if the write came up short.
 */
#include "asm.h"
#include "regs.h"

	.text
	.globl	_start
_start:
	pushq	%rsp			/* the value before this push */
	pushq	%rax
	pushq	%rbx
	pushq	%rcx
	pushq	%rdx
	pushq	%rsi
	pushq	%rdi
	pushq	%rbp
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	pushfq

	subq	$256, %rsp
	movdqu	%xmm0, 0(%rsp)
	movdqu	%xmm1, 16(%rsp)
	movdqu	%xmm2, 32(%rsp)
	movdqu	%xmm3, 48(%rsp)
	movdqu	%xmm4, 64(%rsp)
	movdqu	%xmm5, 80(%rsp)
	movdqu	%xmm6, 96(%rsp)
	movdqu	%xmm7, 112(%rsp)
	movdqu	%xmm8, 128(%rsp)
	movdqu	%xmm9, 144(%rsp)
	movdqu	%xmm10, 160(%rsp)
	movdqu	%xmm11, 176(%rsp)
	movdqu	%xmm12, 192(%rsp)
	movdqu	%xmm13, 208(%rsp)
	movdqu	%xmm14, 224(%rsp)
	movdqu	%xmm15, 240(%rsp)

	pushq	$0
	stmxcsr	(%rsp)
	pushq	$0
	fnstcw	(%rsp)
	pushq	$0
	fnstsw	(%rsp)

	leaq	_start(%rip), %rax
	pushq	%rax
	movq	%fs:ASM_CODE_BASE, %rax
	pushq	%rax
	movq	%gs:ASM_CODE_BASE, %rax
	pushq	%rax

	movl	$ASM_NR_WRITE, %eax
	movl	$1, %edi
	movq	%rsp, %rsi
	movl	$(REGS_SLOTS * 8), %edx
	syscall
	cmpq	$(REGS_SLOTS * 8), %rax
	setne	%dil
	movzbl	%dil, %edi
	movl	$ASM_NR_EXIT_GROUP, %eax
	syscall
	ud2
