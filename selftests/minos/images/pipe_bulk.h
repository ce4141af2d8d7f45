/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Sizes of images/pipe_bulk.bin: PB_WRITERS threads each write PB_PER_WRITER
 * bytes of their pipe_pattern.h stream into one pipe, in writes of 1 ..
 * PB_MAX_WRITE bytes (so both atomic and larger ones), while the main
 * thread reads. 4 x 16 MiB = 64 MiB.
 */
#ifndef MINOS_SELFTEST_PIPE_BULK_H
#define MINOS_SELFTEST_PIPE_BULK_H

#define PB_WRITERS	4
#define PB_PER_WRITER	(16UL << 20)
#define PB_MAX_WRITE	(128UL << 10)

#endif /* MINOS_SELFTEST_PIPE_BULK_H */
