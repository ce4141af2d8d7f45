/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Minos bench: the driver's declarations, shared by minos-bench.c (options,
 * the runner, the table), run.c (processes, markers, timing, the module)
 * and rows.c (the rows and the Linux twins of the images).
 */
#ifndef MINOS_BENCH_DRIVER_H
#define MINOS_BENCH_DRIVER_H

#include <stdint.h>
#include <sys/types.h>

#include "bench.h"

/* How a row's value is shown; the ratio is always time per unit. */
enum bench_unit {
	UNIT_MIBS,	/* work is bytes: MiB/s */
	UNIT_USEC,	/* work is operations: microseconds per operation */
	UNIT_NSEC,	/* work is operations: nanoseconds per operation */
};

/*
 * How the driver takes part in a run of either side, between the start
 * and end markers of the measured program (see bench.h).
 */
enum bench_kind {
	/* Nothing: the time is start marker to end marker. */
	KIND_SELF,
	/*
	 * Read params.total bytes from the program's fd 1: start marker to
	 * the last byte.
	 */
	KIND_DRAIN,
	/*
	 * params.iters times, write a byte to its fd 0 and read it back from
	 * its fd 1: start marker to the last byte.
	 */
	KIND_PING,
	/* The row's own minos_run and linux_run do it all. */
	KIND_CUSTOM,
};

/* One timed run of one side. */
struct sample {
	uint64_t ns;	/* elapsed time */
	uint64_t work;	/* bytes (UNIT_MIBS) or operations */
};

struct row;
typedef int (*run_fn)(const struct row *row, const struct bench_params *p,
		      struct sample *s);

/**
 * struct row - one line of the table: a Minos side and a Linux side
 * @name: short name, to pick rows on the command line
 * @label: the table's text, with the unit in parentheses
 * @unit: how the values are shown
 * @kind: how the driver runs both sides
 * @image: the Minos side, a file of bench/img/ (not KIND_CUSTOM)
 * @child_image: when not NULL, the container also gets this file of
 *	bench/img/ as rfd 4 and the driver's stderr as wfd 5, to start a
 *	child container with (img/pair.c)
 * @twin: the Linux side: runs in a child with the same descriptors as the
 *	container, and returns its exit status (not KIND_CUSTOM)
 * @minos_run: KIND_CUSTOM: the "minos" column's run
 * @linux_run: KIND_CUSTOM: the "linux" column's run
 * @p: the parameters at scale 1; runs get them scaled (iters, total)
 */
struct row {
	const char *name;
	const char *label;
	enum bench_unit unit;
	enum bench_kind kind;
	const char *image;
	const char *child_image;
	int (*twin)(const struct bench_params *p);
	run_fn minos_run;
	run_fn linux_run;
	struct bench_params p;
};

extern const struct row bench_rows[];
extern const unsigned int bench_nrows;

/* Options, set by main(). */
extern const char *opt_images;	/* folder of the .bin images */
extern const char *opt_exec;	/* the minos-exec to run */
extern const char *opt_ko;	/* the module, for the rows that reload it */
extern int opt_verbose;

/* run.c */
uint64_t now_ns(void);
void note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A measured program: a container or a Linux twin. */
struct prog {
	pid_t pid;
	int in;		/* write end of its fd 0 */
	int out;	/* read end of its fd 1 */
	int mark;	/* read end of its marker pipe */
	const char *what;
};

int prog_start(struct prog *pr, const struct row *row,
	       const struct bench_params *p, int minos);
int prog_wait_mark(struct prog *pr, char want, uint64_t *t);
int prog_finish(struct prog *pr);
void prog_kill(struct prog *pr);
int run_side(const struct row *row, const struct bench_params *p, int minos,
	     struct sample *s);

/* In the twins: mark the start or end of the measured loop. */
void twin_mark(char c);

int module_load(void);
int module_unload(void);
int sysfs_uint(const char *name, unsigned int *val);

#endif /* MINOS_BENCH_DRIVER_H */
