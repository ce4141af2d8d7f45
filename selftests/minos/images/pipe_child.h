/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What images/pipe_child_writer.bin writes: the stream of pattern writer
 * PC_WRITER, PC_FIRST bytes before its acknowledgment, then without end,
 * PC_CHUNK bytes a write.
 */
#ifndef MINOS_SELFTEST_PIPE_CHILD_H
#define MINOS_SELFTEST_PIPE_CHILD_H

#define PC_WRITER	1
#define PC_FIRST	10000
#define PC_CHUNK	65536

/* How much pipe_midstream.bin reads before it has the writer killed. */
#define PC_READ_BEFORE_KILL	(100 * 1024)

/* How many readers pipe_midstream.bin ckills, one after the other. */
#define PC_ROUNDS		10

/* pipe_midstream.bin's descriptors for the two child images. */
#define PC_WRITER_IMAGE_FD	3
#define PC_READER_IMAGE_FD	4

#endif /* MINOS_SELFTEST_PIPE_CHILD_H */
