/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Minos bench: what the driver (minos-bench, a Linux program) and the
 * Minos images of bench/img/ share.
 *
 * A measured program, a Minos container or its Linux twin (a child of the
 * driver), has three descriptors:
 *
 *	0	read: a pipe from the driver; a container first reads one
 *		struct bench_params from it (its Linux twin gets the same
 *		struct in memory), then whatever the row sends (ping bytes)
 *	1	write: a pipe to the driver (data of the rows that stream or
 *		echo to the driver)
 *	3	write: the marker pipe (BENCH_MARK_FD)
 *
 * and writes BENCH_MARK_START to the marker pipe right before its measured
 * loop and BENCH_MARK_END right after it. A container cannot read a clock,
 * so the driver times those bytes as they arrive; it does the same for the
 * Linux twin, so that both sides are timed the same way.
 */
#ifndef MINOS_BENCH_H
#define MINOS_BENCH_H

#include <linux/types.h>

#define BENCH_MAGIC		0x4d42454eU	/* "MBEN" */
#define BENCH_MARK_FD		3
#define BENCH_MARK_START	'S'
#define BENCH_MARK_END		'E'

/* Largest chunk of a bandwidth row, and most pipes of a multi-read row. */
#define BENCH_MAX_CHUNK		65536
#define BENCH_MAX_PIPES		256

/* A descriptor number that no measured program has open (call-badfd). */
#define BENCH_BAD_FD		999

/* What the two parties of a two-container row do (img/pair.c). */
#define BENCH_PAIR_STREAM	0
#define BENCH_PAIR_PING		1

/**
 * struct bench_params - what one measured run does
 * @magic: %BENCH_MAGIC
 * @npipes: pipes to create (multi-read rows)
 * @iters: loop iterations (round trips, reads, calls)
 * @chunk: bytes per write (bandwidth rows)
 * @total: bytes to move in all (bandwidth rows; a multiple of @chunk)
 * @arg: row-specific (multi-read rows: the index of the active pipe;
 *	two-container rows: %BENCH_PAIR_STREAM or %BENCH_PAIR_PING)
 */
struct bench_params {
	__u32 magic;
	__u32 npipes;
	__u64 iters;
	__u64 chunk;
	__u64 total;
	__u64 arg;
};

#endif /* MINOS_BENCH_H */
