/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The script images/pipe_numbers.bin follows: pipes are created and their
 * ends closed in this order, and after each step the image reports on
 * wfd 9 the step's results (pipe: rax and rdx; close: its result and 0).
 * pipe_test.c replays the script on a model of the descriptor table and
 * checks that each pipe got the two lowest free numbers.
 *
 * Each step is { op, pipe }: 'p' creates pipe number @pipe of the script,
 * 'w' wcloses its write end, 'r' rcloses its read end.
 */
#ifndef MINOS_SELFTEST_PIPE_NUMBERS_H
#define MINOS_SELFTEST_PIPE_NUMBERS_H

struct pn_step {
	char op;
	int pipe;
};

#define PN_REPORT_FD	9
#define PN_PIPES	8

#define PN_SCRIPT {							\
	{ 'p', 0 }, { 'p', 1 }, { 'p', 2 }, { 'p', 3 },			\
	/* free one number in each of two pipes: the next takes both */	\
	{ 'w', 0 }, { 'r', 1 }, { 'p', 4 },				\
	/* free three: the lowest two are taken, then the third */	\
	{ 'r', 0 }, { 'w', 2 }, { 'r', 3 }, { 'p', 5 }, { 'p', 6 },	\
	/* free everything but pipe 6 */				\
	{ 'w', 1 }, { 'r', 2 }, { 'w', 3 }, { 'w', 4 }, { 'r', 4 },	\
	{ 'w', 5 }, { 'r', 5 }, { 'p', 7 },				\
	{ 'r', 6 }, { 'w', 7 }, { 'r', 7 }, { 'w', 6 },			\
}

#endif /* MINOS_SELFTEST_PIPE_NUMBERS_H */
