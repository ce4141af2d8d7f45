/* SPDX-License-Identifier: GPL-2.0 */
/*
 * images/mem_table.bin and mem_test: what the image writes and what the
 * test hands it.
 *
 * The image writes "ID VALUE" lines on wfd 1, one per case of mem_cases.h
 * (ID = MC_ID(table, index)), then "0 MEM_TABLE_DONE", then waits for one
 * byte on rfd 0 (so that the test can look at its /proc/PID/maps) and
 * exits 0. rfd MEM_TABLE_FILE_RFD is a host file (MEM_TABLE_FILE) that
 * the MC_FILE cases try to map in every way, which must all fail.
 */
#ifndef MINOS_SELFTEST_MEM_TABLE_H
#define MINOS_SELFTEST_MEM_TABLE_H

#define MEM_TABLE_DONE		20260301
#define MEM_TABLE_FILE_RFD	3
#define MEM_TABLE_FILE		"/tmp/minos-mem-secret"
#define MEM_TABLE_FILE_TEXT	"the bytes of a host file\n"

/* The MC_FILE cases: (fd, flags, offset); value 0 means "mapped". */
#define MEM_FILE_FDS		8	/* descriptors 0 .. 7 tried */
#define MEM_FILE_PRIVATE	0	/* + fd: MAP_PRIVATE, no MAP_ANONYMOUS */
#define MEM_FILE_SHARED		8	/* + fd: MAP_SHARED */
#define MEM_FILE_VALIDATE	16	/* + fd: MAP_SHARED_VALIDATE */
#define MEM_FILE_ANON_FD	24	/* + fd: MAP_PRIVATE | MAP_ANONYMOUS */
#define MEM_FILE_FD_M1_64	32	/* fd -1 as a 64-bit value: allowed */
#define MEM_FILE_FD_M1_32	33	/* fd 0xffffffff: allowed */
#define MEM_FILE_FD_M1_HIGH	34	/* fd 0x1ffffffff (-1 as 32 bits) */
#define MEM_FILE_FD_M2		35	/* fd -2 */
#define MEM_FILE_OFF_PAGE	36	/* offset 4096 */
#define MEM_FILE_OFF_1		37	/* offset 1 */
#define MEM_FILE_OFF_NEG	38	/* offset -4096 */
#define MEM_FILE_OFF_HIGH	39	/* offset 1 << 40 */
#define MEM_FILE_NO_ANON	40	/* fd -1 without MAP_ANONYMOUS */
#define MEM_FILE_SHARED_ANON	41	/* MAP_SHARED | MAP_ANONYMOUS: allowed */
#define MEM_FILE_VALIDATE_ANON	42	/* MAP_SHARED_VALIDATE | ANON: Linux's */
#define MEM_FILE_SYNC		43	/* ... | MAP_SYNC */
#define MEM_FILE_CASES		44

#endif /* MINOS_SELFTEST_MEM_TABLE_H */
