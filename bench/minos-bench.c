// SPDX-License-Identifier: GPL-2.0
/*
 * minos-bench: run the rows of the Minos benchmark table side by side and
 * print it. Runs in the test guest (bench/run-bench.sh, from scripts/bench);
 * linked statically, as the guest has no libc.
 *
 * For each row, each side (Minos and Linux) runs --reps times, the two
 * sides alternating (Minos first in even rounds, Linux first in odd ones),
 * and the table shows the median of each side and the median of the
 * per-round ratios Minos time / Linux time.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "driver.h"

#define MAX_REPS	99

const char *opt_images = "img";
const char *opt_exec = "minos-exec";
const char *opt_ko = "/minos/minos.ko";
int opt_verbose;
static int opt_reps = 9;
static double opt_scale = 1.0;
static int opt_cpu;		/* the vCPU to pin to, or -1 */

/* What a row gave, for the table. */
struct result {
	int ok;
	double minos;		/* median value, in the row's unit */
	double linux_val;
	double ratio;		/* median of the per-round ratios */
	double best;		/* fastest Minos run / fastest Linux run */
	double rmin, rmax;
};

static void usage(FILE *f)
{
	fprintf(f,
		"usage: minos-bench [OPTION]... [ROW]...\n"
		"Runs the Minos bench rows (all, or those whose name starts with a\n"
		"ROW argument) and prints the table of Minos / Linux ratios.\n"
		"  --reps N      runs of each side per row (default 9)\n"
		"  --scale F     multiply every iteration count and size by F\n"
		"                (default 1; 0.1 for a quick look)\n"
		"  --images DIR  folder of the bench images (default img)\n"
		"  --exec PATH   minos-exec to run (default: minos-exec on PATH)\n"
		"  --ko PATH     the module, for the rows that reload it\n"
		"                (default /minos/minos.ko)\n"
		"  --cpu N       run the driver and every measured program on vCPU N\n"
		"                (default 0)\n"
		"  --no-pin      let the guest's scheduler place them\n"
		"  --list        list the rows and exit\n"
		"  -v            more progress lines (each run, module state)\n"
		"  -h, --help    this text\n"
		"Exit status: 0, or 1 when some row could not run, 2 on usage errors.\n");
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double median(double *v, int n)
{
	qsort(v, n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* A sample in the row's unit. */
static double value(const struct row *row, const struct sample *s)
{
	double sec = (double)s->ns / 1e9;

	switch (row->unit) {
	case UNIT_MIBS:
		return sec > 0 ? (double)s->work / (1024.0 * 1024.0) / sec : 0;
	case UNIT_USEC:
		return (double)s->ns / 1e3 / (double)s->work;
	case UNIT_NSEC:
	default:
		return (double)s->ns / (double)s->work;
	}
}

static double per_unit(const struct sample *s)
{
	return (double)s->ns / (double)s->work;
}

static struct bench_params scaled(const struct row *row)
{
	struct bench_params p = row->p;

	p.magic = BENCH_MAGIC;
	p.iters = (uint64_t)((double)p.iters * opt_scale);
	if (p.chunk) {
		uint64_t chunks = (uint64_t)((double)(p.total / p.chunk) *
					     opt_scale);

		p.total = (chunks ? chunks : 1) * p.chunk;
	}
	if (row->p.iters && !p.iters)
		p.iters = 1;
	return p;
}

static int run_once(const struct row *row, const struct bench_params *p,
		    int minos, struct sample *s)
{
	if (row->kind == KIND_CUSTOM)
		return (minos ? row->minos_run : row->linux_run)(row, p, s);
	return run_side(row, p, minos, s);
}

static void run_row(const struct row *row, struct result *res)
{
	double vm[MAX_REPS], vl[MAX_REPS], ratio[MAX_REPS];
	double best_m = 0, best_l = 0;
	struct bench_params p = scaled(row);
	struct sample sm, sl;
	uint64_t t0 = now_ns();
	int r, k, minos;

	memset(res, 0, sizeof(*res));
	for (r = 0; r < opt_reps; r++) {
		for (k = 0; k < 2; k++) {
			minos = (r % 2 == 0) == (k == 0);
			if (run_once(row, &p, minos, minos ? &sm : &sl)) {
				note("%s: the %s side failed in round %d",
				     row->name, minos ? "minos" : "linux",
				     r + 1);
				return;
			}
		}
		vm[r] = value(row, &sm);
		vl[r] = value(row, &sl);
		ratio[r] = per_unit(&sm) / per_unit(&sl);
		if (!r || per_unit(&sm) < best_m)
			best_m = per_unit(&sm);
		if (!r || per_unit(&sl) < best_l)
			best_l = per_unit(&sl);
		if (opt_verbose)
			note("%s: round %d: minos %.3f linux %.3f ratio %.3f",
			     row->name, r + 1, vm[r], vl[r], ratio[r]);
	}
	res->ok = 1;
	res->minos = median(vm, opt_reps);
	res->linux_val = median(vl, opt_reps);
	res->ratio = median(ratio, opt_reps);
	res->best = best_m / best_l;
	res->rmin = ratio[0];
	res->rmax = ratio[opt_reps - 1];
	note("%-17s ratio %.2fx best %.2fx range %.2f-%.2f, %.1f s",
	     row->name, res->ratio, res->best, res->rmin, res->rmax,
	     (double)(now_ns() - t0) / 1e9);
}

static void fmt_value(char *buf, size_t size, double v)
{
	if (v >= 1000)
		snprintf(buf, size, "%.0f", v);
	else if (v >= 100)
		snprintf(buf, size, "%.1f", v);
	else
		snprintf(buf, size, "%.2f", v);
}

/* "TCG, " when the guest's CPU says it is QEMU's emulated one. */
static const char *accel(void)
{
	char line[256];
	const char *ret = "";
	FILE *f = fopen("/proc/cpuinfo", "re");

	if (!f)
		return ret;
	while (fgets(line, sizeof(line), f)) {
		if (!strncmp(line, "model name", 10)) {
			if (strstr(line, "TCG"))
				ret = "TCG, ";
			break;
		}
	}
	fclose(f);
	return ret;
}

static void print_table(const int *sel, const struct result *res)
{
	char head[200], mv[32], lv[32], rv[32], bv[32], range[40], pin[32];
	struct utsname u;
	unsigned int i;
	int w = 0;

	for (i = 0; i < bench_nrows; i++)
		if (sel[i] && (int)strlen(bench_rows[i].label) > w)
			w = strlen(bench_rows[i].label);
	if (uname(&u))
		snprintf(u.release, sizeof(u.release), "?");
	if (opt_cpu >= 0)
		snprintf(pin, sizeof(pin), ", all on vCPU %d", opt_cpu);
	else
		snprintf(pin, sizeof(pin), ", not pinned");
	snprintf(head, sizeof(head), "minos bench (kernel %s, %s%ld vCPU%s)",
		 u.release, accel(), sysconf(_SC_NPROCESSORS_ONLN), pin);
	if ((int)strlen(head) > w)
		w = strlen(head);

	printf("\n%-*s %9s %9s %6s %6s  %s\n", w, head, "minos", "linux",
	       "ratio", "best", "range");
	for (i = 0; i < bench_nrows; i++) {
		if (!sel[i])
			continue;
		if (!res[i].ok) {
			printf("%-*s %9s %9s %6s %6s  %s\n", w,
			       bench_rows[i].label, "failed", "-", "-", "-",
			       "-");
			continue;
		}
		fmt_value(mv, sizeof(mv), res[i].minos);
		fmt_value(lv, sizeof(lv), res[i].linux_val);
		snprintf(rv, sizeof(rv), "%.2fx", res[i].ratio);
		snprintf(bv, sizeof(bv), "%.2fx", res[i].best);
		snprintf(range, sizeof(range), "%.2f-%.2f", res[i].rmin,
			 res[i].rmax);
		printf("%-*s %9s %9s %6s %6s  %s\n", w, bench_rows[i].label,
		       mv, lv, rv, bv, range);
	}
	printf("minos, linux: medians of %d alternated runs of each side.\n"
	       "ratio: Minos time / Linux time for the same work (< 1: Minos is faster),\n"
	       "  median of the %d per-round ratios; range: the lowest and highest of them.\n"
	       "best: fastest Minos run / fastest Linux run (host noise only adds time).\n"
	       "getpid rows: \"minos\" = the module state named, \"linux\" = module not loaded.\n",
	       opt_reps, opt_reps);
	fflush(stdout);
}

/*
 * Under TCG a wake-up across vCPUs waits for the host to run the other
 * vCPU's thread, which on a busy host takes milliseconds: pinned, both
 * ends of a pipe share one vCPU and a run measures the kernel's work, not
 * the host's scheduler. Children, and so the containers, inherit this.
 */
static int pin_to(int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set)) {
		note("cannot pin to vCPU %d: %s", cpu, strerror(errno));
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "reps", required_argument, NULL, 'r' },
		{ "scale", required_argument, NULL, 's' },
		{ "images", required_argument, NULL, 'i' },
		{ "exec", required_argument, NULL, 'e' },
		{ "ko", required_argument, NULL, 'k' },
		{ "cpu", required_argument, NULL, 'c' },
		{ "no-pin", no_argument, NULL, 'n' },
		{ "list", no_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct result res[64];
	int sel[64] = { 0 };
	unsigned int i, nsel = 0;
	int c, a, failed = 0;
	char *end;

	if (bench_nrows > 64) {
		note("too many rows");
		return 2;
	}
	while ((c = getopt_long(argc, argv, "vh", longopts, NULL)) != -1) {
		switch (c) {
		case 'r':
			opt_reps = strtol(optarg, &end, 10);
			if (*end || opt_reps < 1 || opt_reps > MAX_REPS) {
				note("--reps: 1 .. %d", MAX_REPS);
				return 2;
			}
			break;
		case 's':
			opt_scale = strtod(optarg, &end);
			if (*end || !(opt_scale > 0)) {
				note("--scale: a positive number");
				return 2;
			}
			break;
		case 'i':
			opt_images = optarg;
			break;
		case 'e':
			opt_exec = optarg;
			break;
		case 'k':
			opt_ko = optarg;
			break;
		case 'c':
			opt_cpu = strtol(optarg, &end, 10);
			if (*end || opt_cpu < 0 || opt_cpu >= CPU_SETSIZE) {
				note("--cpu: a vCPU number");
				return 2;
			}
			break;
		case 'n':
			opt_cpu = -1;
			break;
		case 'l':
			for (i = 0; i < bench_nrows; i++)
				printf("%-17s %s\n", bench_rows[i].name,
				       bench_rows[i].label);
			return 0;
		case 'v':
			opt_verbose = 1;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	for (i = 0; i < bench_nrows; i++) {
		for (a = optind; a < argc; a++)
			if (!strncmp(bench_rows[i].name, argv[a],
				     strlen(argv[a])))
				break;
		sel[i] = optind == argc || a < argc;
		nsel += sel[i];
	}
	if (!nsel) {
		note("no row matches; --list shows them");
		return 2;
	}

	if (opt_cpu >= 0 && pin_to(opt_cpu))
		return 1;
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (i = 0; i < bench_nrows; i++) {
		if (!sel[i])
			continue;
		run_row(&bench_rows[i], &res[i]);
		failed |= !res[i].ok;
	}
	/* Leave the module as the guest had it: loaded. */
	if (module_load())
		failed = 1;
	print_table(sel, res);
	return failed;
}
