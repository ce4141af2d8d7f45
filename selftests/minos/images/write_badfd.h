/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The descriptor numbers write_badfd.bin tries, as 64-bit register values:
 * free numbers just past the table, far away, negative, beyond 32 bits,
 * and 0, which is an rfd.
 */
#ifndef MINOS_SELFTEST_WRITE_BADFD_H
#define MINOS_SELFTEST_WRITE_BADFD_H

#define BADFD_LIST	3, 4, 1000, 1048576, -1, -2147483648L, 2147483647L, \
			0xffffffffL, 1L << 40, 0

#endif /* MINOS_SELFTEST_WRITE_BADFD_H */
