/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Numbers for the hand-written images (*.S). uapi/minos.h is C only (it
 * declares structs), so its values are repeated here; exec_test.c checks
 * at build time that they agree.
 */
#ifndef MINOS_SELFTEST_ASM_H
#define MINOS_SELFTEST_ASM_H

#define ASM_NR_WRITE		0x4404	/* MINOS_NR_WRITE */
#define ASM_NR_EXIT		60
#define ASM_NR_EXIT_GROUP	231
#define ASM_STACK_TOP		0x7ffffffff000	/* MINOS_STACK_TOP */
#define ASM_CODE_BASE		0x10000		/* MINOS_CODE_BASE */

#endif /* MINOS_SELFTEST_ASM_H */
