/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The dump that images/regs.bin writes on wfd 1: 8-byte slots, lowest
 * address first, as regs.S pushes them (the last push is the first slot).
 */
#ifndef MINOS_SELFTEST_REGS_H
#define MINOS_SELFTEST_REGS_H

#define REGS_SLOTS	55

#ifndef __ASSEMBLER__
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
