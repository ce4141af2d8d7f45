/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The dump that images/regs.bin writes on wfd 1: 8-byte slots, lowest
 * address first, as REGS_DUMP pushes them (the last push is the first slot).
 */
#ifndef MINOS_SELFTEST_REGS_H
#define MINOS_SELFTEST_REGS_H

#define REGS_SLOTS	55

#ifdef __ASSEMBLER__
/*
 * REGS_DUMP: the first code of an image that dumps its registers at
 * entry (regs.S, spawn_probe.S). Put it at _start, before anything else
 * changes them: it pushes every general register and the flags, then the
 * SSE registers, MXCSR, the x87 control and status words, the address of
 * _start, and 8 bytes read through %fs and %gs at offset ASM_CODE_BASE
 * (needs asm.h). It leaves %rsp at the dump (struct regs_dump), and
 * %rax changed.
 */
.macro REGS_DUMP
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
.endm
#else
#include <stdint.h>

struct regs_dump {
	uint64_t gs_word;	/* 8 bytes at %gs:0x10000 */
	uint64_t fs_word;	/* 8 bytes at %fs:0x10000 */
	uint64_t rip;		/* address of the first instruction, as run */
	uint64_t fsw;		/* x87 status word (fnstsw) */
	uint64_t fcw;		/* x87 control word (fnstcw) */
	uint64_t mxcsr;		/* stmxcsr */
	uint64_t xmm[32];	/* xmm0 .. xmm15, low quadword first */
	uint64_t rflags;
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t rsp;		/* rsp at entry */
};

_Static_assert(sizeof(struct regs_dump) == REGS_SLOTS * 8,
	       "regs_dump does not match regs.S");
#endif

#endif /* MINOS_SELFTEST_REGS_H */
