/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The streams images/read_host.bin reads with one multi-read loop: three
 * host files the test hands over and two Minos pipes the image fills from
 * its own threads. Each stream carries the pipe_pattern.h pattern of
 * writer RH_WRITER from position 0, RH_SIZE bytes long.
 */
#ifndef MINOS_SELFTEST_READ_HOST_H
#define MINOS_SELFTEST_READ_HOST_H

enum read_host_stream {
	RH_LINUX_PIPE,		/* rfd 0: a Linux pipe */
	RH_FILE,		/* rfd 3: a regular file */
	RH_SOCKET,		/* rfd 4: one end of a socketpair */
	RH_MINOS_1,		/* Minos pipes, written by the image */
	RH_MINOS_2,
	RH_NSTREAMS
};

#define RH_FILE_FD	3
#define RH_SOCKET_FD	4

#define RH_WRITER	{ 0, 1, 2, 3, 3 }
#define RH_SIZE		{ 300000, 200000, 300000, 150000, 150000 }

#endif /* MINOS_SELFTEST_READ_HOST_H */
