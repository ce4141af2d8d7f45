/* SPDX-License-Identifier: GPL-2.0 */
/*
 * preserve: the ABI says a call clobbers rcx and r11 and preserves every
 * other register (rax holds the result). Load known values, make a call,
 * record the registers; four calls (see preserve.h), then write the
 * records on wfd 1 and exit 0.
 *
 * The records live in the image itself (mapped read-write-execute, as the
 * ABI says); rcx and r11 are free to use between calls.
 */
#include "asm.h"
#include "preserve.h"

	.macro	LOAD_ALL
	movabsq	$P_RBX, %rbx
	movabsq	$P_RBP, %rbp
	movabsq	$P_RDI, %rdi
	movabsq	$P_RSI, %rsi
	movabsq	$P_RDX, %rdx
	movabsq	$P_R8, %r8
	movabsq	$P_R9, %r9
	movabsq	$P_R10, %r10
	movabsq	$P_R12, %r12
	movabsq	$P_R13, %r13
	movabsq	$P_R14, %r14
	movabsq	$P_R15, %r15
	.endm

	/* Record call \n: the records start at records + \n * 128. */
	.macro	RECORD n
	movq	%rsp, %r11
	leaq	records + \n * PS_SLOTS * 8(%rip), %rcx
	movq	%rax, PS_RAX * 8(%rcx)
	movq	%rbx, PS_RBX * 8(%rcx)
	movq	%rbp, PS_RBP * 8(%rcx)
	movq	%rdi, PS_RDI * 8(%rcx)
	movq	%rsi, PS_RSI * 8(%rcx)
	movq	%rdx, PS_RDX * 8(%rcx)
	movq	%r8, PS_R8 * 8(%rcx)
	movq	%r9, PS_R9 * 8(%rcx)
	movq	%r10, PS_R10 * 8(%rcx)
	movq	%r12, PS_R12 * 8(%rcx)
	movq	%r13, PS_R13 * 8(%rcx)
	movq	%r14, PS_R14 * 8(%rcx)
	movq	%r15, PS_R15 * 8(%rcx)
	movq	%r11, PS_RSP * 8(%rcx)
	leaq	msg(%rip), %r11
	movq	%r11, PS_MSG * 8(%rcx)
	.endm

	.macro	SAVE_RSP0 n
	leaq	records + \n * PS_SLOTS * 8(%rip), %rcx
	movq	%rsp, PS_RSP0 * 8(%rcx)
	.endm

	.text
	.globl	_start
_start:
	/* 0: write(1, msg, 3) */
	SAVE_RSP0 0
	LOAD_ALL
	movl	$1, %edi
	leaq	msg(%rip), %rsi
	movl	$3, %edx
	movl	$ASM_NR_WRITE, %eax
	syscall
	RECORD	0

	/* 1: a number that is not in the table */
	SAVE_RSP0 1
	LOAD_ALL
	movl	$0x4400, %eax
	syscall
	RECORD	1

	/* 2: write(1000, msg, 3): no such descriptor */
	SAVE_RSP0 2
	LOAD_ALL
	movl	$1000, %edi
	leaq	msg(%rip), %rsi
	movl	$3, %edx
	movl	$ASM_NR_WRITE, %eax
	syscall
	RECORD	2

	/* 3: getpid, a Linux call that is not in the table */
	SAVE_RSP0 3
	LOAD_ALL
	movl	$39, %eax
	syscall
	RECORD	3

	movl	$ASM_NR_WRITE, %eax
	movl	$1, %edi
	leaq	records(%rip), %rsi
	movl	$(PRESERVE_CALLS * PS_SLOTS * 8), %edx
	syscall
	cmpq	$(PRESERVE_CALLS * PS_SLOTS * 8), %rax
	setne	%dil
	movzbl	%dil, %edi
	movl	$ASM_NR_EXIT_GROUP, %eax
	syscall
	ud2

msg:	.ascii	"abc"

	/* In the image, which is mapped read-write-execute. */
	.balign	8
records:
	.fill	PRESERVE_CALLS * PS_SLOTS * 8, 1, 0xee
