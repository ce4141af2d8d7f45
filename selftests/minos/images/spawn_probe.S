/* SPDX-License-Identifier: GPL-2.0 */
/*
 * spawn_probe: what a child container finds of its parent. First, before
 * anything changes them, the registers at entry, as regs.S takes them;
 * then the FS and GS bases as arch_prctl() reports them, whether the
 * parent's secret page (AG_SECRET_ADDR) and the first page after this
 * image's code (where the parent's longer image goes on) are mapped here
 * (a write of them to a pipe is -EFAULT when they are not), and how many
 * 8-byte words of the stack below PROBE_SCAN_END are not zero. Layout:
 * spawn_probe.h. Both go to wfd 0, the first descriptor its parent
 * passes; then the probe blocks for ever, so that the test can look at it
 * in /proc.
 */
#include "asm.h"
#include "regs.h"
#include "spawn_probe.h"
#include "tree_agent.h"

#define NR_ARCH_PRCTL	158
#define ARCH_SET_GS	0x1001
#define ARCH_GET_FS	0x1003
#define ARCH_GET_GS	0x1004
#define NR_PIPE		0x4403	/* MINOS_NR_PIPE */
#define NR_READ		0x4405	/* MINOS_NR_READ */

#define EXTRA_SIZE	(PROBE_EXTRA_SLOTS * 8)

	.text
	.globl	_start
_start:
	/* The registers, exactly as regs.S takes them (regs.h). */
	REGS_DUMP

	movq	%rsp, %rbx		/* the register dump */
	subq	$EXTRA_SIZE, %rsp
	movq	%rsp, %rbp		/* struct probe_extra */

	movl	$NR_ARCH_PRCTL, %eax
	movl	$ARCH_GET_FS, %edi
	leaq	0(%rbp), %rsi
	movq	$-1, (%rsi)
	syscall
	movq	%rax, 16(%rbp)

	movl	$NR_ARCH_PRCTL, %eax
	movl	$ARCH_GET_GS, %edi
	leaq	8(%rbp), %rsi
	movq	$-1, (%rsi)
	syscall
	movq	%rax, 24(%rbp)

	/* A pipe of its own: r12 = wfd, r13 = rfd. */
	movl	$NR_PIPE, %eax
	syscall
	movq	%rax, %r12
	movq	%rdx, %r13

	movl	$ASM_NR_WRITE, %eax
	movq	%r12, %rdi
	movabsq	$AG_SECRET_ADDR, %rsi
	movl	$8, %edx
	syscall
	movq	%rax, 32(%rbp)

	/* The first page after the code: __minos_image_end, rounded up. */
	leaq	__minos_image_end + 4095(%rip), %rsi
	andq	$-4096, %rsi
	movq	%rsi, 56(%rbp)
	movl	$ASM_NR_WRITE, %eax
	movq	%r12, %rdi
	movl	$8, %edx
	syscall
	movq	%rax, 40(%rbp)

	/* Count the nonzero words of the stack below PROBE_SCAN_END. */
	movabsq	$(ASM_STACK_TOP - 0x100000), %rsi
	movabsq	$PROBE_SCAN_END, %rdi
	xorl	%ecx, %ecx
1:	movq	(%rsi), %rax
	testq	%rax, %rax
	jz	2f
	incq	%rcx
2:	addq	$8, %rsi
	cmpq	%rdi, %rsi
	jb	1b
	movq	%rcx, 48(%rbp)

	movabsq	$PROBE_MAGIC, %rax
	movq	%rax, 64(%rbp)

	movl	$ASM_NR_WRITE, %eax
	xorl	%edi, %edi
	movq	%rbx, %rsi
	movl	$(REGS_SLOTS * 8), %edx
	syscall

	movl	$ASM_NR_WRITE, %eax
	xorl	%edi, %edi
	movq	%rbp, %rsi
	movl	$EXTRA_SIZE, %edx
	syscall

	/* Block for ever in a read of its own pipe. */
	subq	$16, %rsp
	movl	%r13d, (%rsp)
3:	movl	$NR_READ, %eax
	movq	%rsp, %rdi		/* rfds */
	movl	$1, %esi		/* rfdcount */
	leaq	8(%rsp), %rdx		/* buffer */
	movl	$1, %r10d		/* size */
	syscall
	jmp	3b
