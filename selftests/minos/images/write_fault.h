/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Addresses write_fault.bin passes to write (size 10): NULL, an unmapped
 * user address, just below the code, the stack's top (first byte past
 * it), the top of user space, a kernel address, and the last byte of the
 * address space (the range wraps around).
 */
#ifndef MINOS_SELFTEST_WRITE_FAULT_H
#define MINOS_SELFTEST_WRITE_FAULT_H

#define FAULT_ADDRS	0UL, 0xdead0000UL, 0xfff8UL, 0x7ffffffff000UL, \
			0x800000000000UL, 0xffffffff81000000UL, \
			0xffffffffffffffffUL

#endif /* MINOS_SELFTEST_WRITE_FAULT_H */
