/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The results images/pipe_rules.bin reports, one decimal line each on
 * wfd 2, in this order (pipe_test.c reads them back by these names).
 * "_OK" slots are 1 when a content check passed, else 0.
 *
 * The image runs with the standard descriptors: rfd 0, wfd 1, wfd 2.
 */
#ifndef MINOS_SELFTEST_PIPE_RULES_H
#define MINOS_SELFTEST_PIPE_RULES_H

enum pipe_rules_slot {
	/* pipe(): wfd in rax, rfd in rdx, both usable in their roles. */
	PR_PIPE_RAX,
	PR_PIPE_RDX,
	/* write "hello" -> 5; read 64 into a sentinel buffer -> 5, rdx. */
	PR_WRITE_5,
	PR_READ_5,
	PR_READ_5_RDX,
	PR_READ_5_OK,		/* "hello", then the sentinel untouched */
	/* size 0: write -> 0 (also with a NULL buffer), and writes nothing. */
	PR_WRITE_0,
	PR_WRITE_0_NULL,
	PR_WRITE_0_NOTHING_OK,
	/* read of size 0 with 3 bytes buffered: -EINVAL, nothing moved. */
	PR_READ_SIZE_0,
	PR_READ_SIZE_0_OK,
	/* rfdcount outside 1 .. 1024, data buffered: -EINVAL each. */
	PR_COUNT_0,
	PR_COUNT_1025,
	PR_COUNT_NEG,		/* rfdcount = -1 (all 64 bits set) */
	PR_COUNT_2_32_PLUS_1,	/* rfdcount = 2^32 + 1 */
	PR_COUNT_OK,		/* buffer untouched, the data still there */
	/* read with a descriptor that is not an rfd: -EBADF. */
	PR_READ_WFD,
	PR_READ_RFD_AND_WFD,	/* { ready rfd, wfd } */
	PR_READ_WFD_1,		/* wfd 1, the host's stdout */
	PR_READ_FREE_NUMBER,	/* a number never allocated */
	PR_READ_NEGATIVE,	/* -1 */
	PR_READ_BADFD_OK,	/* buffer untouched, the data still there */
	/* write to an rfd (a pipe's, and the host's rfd 0): -EBADF. */
	PR_WRITE_RFD,
	PR_WRITE_RFD_0,
	/* closing with the wrong call or a bad number: -EBADF, no effect. */
	PR_WCLOSE_RFD,
	PR_RCLOSE_WFD,
	PR_WCLOSE_FREE,
	PR_RCLOSE_FREE,
	PR_WCLOSE_NEG,
	PR_RCLOSE_NEG,
	PR_WRONG_CLOSE_OK,	/* both ends still work afterwards */
	/* closing twice: 0, then -EBADF; then the number is gone. */
	PR_WCLOSE_1ST,
	PR_WCLOSE_2ND,
	PR_RCLOSE_1ST,
	PR_RCLOSE_2ND,
	PR_WRITE_CLOSED,
	PR_READ_CLOSED,
	/* "abcdef", wclose, reads of 4: 4, 2, then 0 (with rdx), 0 again. */
	PR_EOF_1,
	PR_EOF_2,
	PR_EOF_3,
	PR_EOF_3_RDX_OK,	/* rdx is the pipe's rfd */
	PR_EOF_4,
	PR_EOF_OK,
	PR_EOF_EMPTY,		/* pipe, wclose, read -> 0 */
	/* rclose, then write: -EPIPE (twice), also with data buffered and
	 * for a write larger than the pipe; no signal (the image goes on).
	 */
	PR_EPIPE_1,
	PR_EPIPE_2,
	PR_EPIPE_BUFFERED,
	PR_EPIPE_BIG,
	PR_EPIPE_ATOMIC,	/* 4096 bytes */
	/* write from memory the container cannot read: -EFAULT. */
	PR_WRITE_FAULT_NULL,
	PR_WRITE_FAULT_UNMAPPED,
	PR_WRITE_FAULT_KERNEL,
	PR_WRITE_FAULT_OK,	/* nothing reached the pipe */
	/* read with rfds the container cannot read: -EFAULT. */
	PR_RFDS_FAULT_NULL,
	PR_RFDS_FAULT_UNMAPPED,
	PR_RFDS_FAULT_KERNEL,
	PR_RFDS_FAULT_STRADDLE,	/* 2 entries, the second unmapped */
	PR_RFDS_FAULT_OK,	/* buffer untouched, the data still there */
	/* read into memory the container cannot write: -EFAULT. */
	PR_BUF_FAULT_NULL,
	PR_BUF_FAULT_READONLY,
	PR_BUF_FAULT_KERNEL,
	/* 64 KiB capacity: a 70000-byte write to an empty pipe -> 65536;
	 * read 10; a 5000-byte write (not atomic) -> 10; the 65536 bytes
	 * then read back are the right ones.
	 */
	PR_FILL,
	PR_FILL_READ_10,
	PR_FILL_PARTIAL,
	PR_FILL_OK,
	/* the host's rfd 0 and wfd 1 close like pipe ends. */
	PR_RCLOSE_HOST_0,
	PR_READ_HOST_0_CLOSED,
	PR_WCLOSE_HOST_1,
	PR_WRITE_HOST_1_CLOSED,
	/* then, with every pipe closed, only wfd 2 is left: a new pipe
	 * gets the numbers 0 and 1.
	 */
	PR_PIPE_AFTER_HOST_RAX,
	PR_PIPE_AFTER_HOST_RDX,
	PR_NSLOTS
};

#endif /* MINOS_SELFTEST_PIPE_RULES_H */
