/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The registers an image finds at entry, as images/regs.h's REGS_DUMP
 * takes them: what state_test (images/regs.bin) and spawn_test
 * (images/spawn_probe.bin, a child container) both want to see.
 */
#ifndef MINOS_SELFTEST_REGS_CHECK_H
#define MINOS_SELFTEST_REGS_CHECK_H

#include <stdint.h>

#include "kselftest_harness.h"
#include "minos.h"
#include "regs.h"

/*
 * @d: the dump; @first: the image's first 8 bytes (what %fs:0x10000 and
 * %gs:0x10000 read when the FS and GS bases are 0).
 */
static inline void check_entry_regs(struct __test_metadata *_metadata,
				    const struct regs_dump *d, uint64_t first)
{
	int i;

	EXPECT_EQ(MINOS_STACK_TOP, d->rsp);
	EXPECT_EQ(MINOS_CODE_BASE, d->rip);
	EXPECT_EQ(0, d->rax);
	EXPECT_EQ(0, d->rbx);
	EXPECT_EQ(0, d->rcx);
	EXPECT_EQ(0, d->rdx);
	EXPECT_EQ(0, d->rsi);
	EXPECT_EQ(0, d->rdi);
	EXPECT_EQ(0, d->rbp);
	EXPECT_EQ(0, d->r8);
	EXPECT_EQ(0, d->r9);
	EXPECT_EQ(0, d->r10);
	EXPECT_EQ(0, d->r11);
	EXPECT_EQ(0, d->r12);
	EXPECT_EQ(0, d->r13);
	EXPECT_EQ(0, d->r14);
	EXPECT_EQ(0, d->r15);
	/* No trap flag, direction flag clear (as the SysV ABI wants). */
	EXPECT_EQ(0, d->rflags & 0x500)
		TH_LOG("rflags 0x%lx", (long)d->rflags);
	/* FS and GS base 0: %fs:0x10000 is the image's first bytes. */
	EXPECT_EQ(first, d->fs_word);
	EXPECT_EQ(first, d->gs_word);
	/* A clean FPU: the reset values of MXCSR and the x87 words. */
	EXPECT_EQ(0x1f80, d->mxcsr);
	EXPECT_EQ(0x37f, d->fcw);
	EXPECT_EQ(0, d->fsw);
	for (i = 0; i < 32; i++) {
		EXPECT_EQ(0, d->xmm[i])
			TH_LOG("xmm%d: 0x%lx", i / 2, (long)d->xmm[i]);
	}
}

#endif /* MINOS_SELFTEST_REGS_CHECK_H */
