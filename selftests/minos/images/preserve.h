/* SPDX-License-Identifier: GPL-2.0 */
/*
 * images/preserve.bin: which calls it makes, the register values it loads
 * before each, and the layout of what it writes on wfd 1 (after the 3
 * bytes "abc" of its first call).
 *
 * For each call, 16 slots of 8 bytes, in this order, taken right after the
 * syscall instruction: rax (the result), then the registers the ABI says
 * are preserved, then the value each argument register was loaded with
 * where that is an address the test cannot know (PRESERVE_SLOT_MSG).
 */
#ifndef MINOS_SELFTEST_PRESERVE_H
#define MINOS_SELFTEST_PRESERVE_H

#define P_RBX	0x1b1b1b1b1b1b1b1b
#define P_RBP	0x2b2b2b2b2b2b2b2b
#define P_RDI	0x3d3d3d3d3d3d3d3d
#define P_RSI	0x4e4e4e4e4e4e4e4e
#define P_RDX	0x5d5d5d5d5d5d5d5d
#define P_R8	0x6868686868686868
#define P_R9	0x7979797979797979
#define P_R10	0x0a0a0a0a0a0a0a0a
#define P_R12	0x1212121212121212
#define P_R13	0x1313131313131313
#define P_R14	0x1414141414141414
#define P_R15	0x1515151515151515

/* Slots of one call's record. */
#define PS_RAX	0
#define PS_RBX	1
#define PS_RBP	2
#define PS_RDI	3
#define PS_RSI	4
#define PS_RDX	5
#define PS_R8	6
#define PS_R9	7
#define PS_R10	8
#define PS_R12	9
#define PS_R13	10
#define PS_R14	11
#define PS_R15	12
#define PS_RSP	13	/* rsp after the call */
#define PS_RSP0	14	/* rsp before the call */
#define PS_MSG	15	/* the address loaded into rsi, for calls 0 and 2 */
#define PS_SLOTS 16

/*
 * The calls, in order:
 * 0: write(1, msg, 3)			Minos write, succeeds: 3
 * 1: 0x4400(P_RDI, P_RSI, P_RDX, ...)	not in the table: -ENOSYS
 * 2: write(1000, msg, 3)		Minos write, error path: -EBADF
 * 3: getpid (39)(P_RDI, P_RSI, ...)	Linux number not in the table: -ENOSYS
 */
#define PRESERVE_CALLS	4

#endif /* MINOS_SELFTEST_PRESERVE_H */
