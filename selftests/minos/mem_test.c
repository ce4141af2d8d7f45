// SPDX-License-Identifier: GPL-2.0
/*
 * mem_test: the memory calls of a container (mmap, mprotect, munmap,
 * mremap) against the ABI and against Linux itself.
 *
 * - table.*: images/mem_table.bin runs the cases of images/mem_cases.h in
 *   a container; this test runs the same code natively. Every bit 0..63
 *   of mmap prot and flags, mprotect prot (alone and with read-write) and
 *   mremap flags (alone and with MREMAP_MAYMOVE): a bit the ABI allows
 *   gives Linux's result, any other -EINVAL; after a refused mprotect the
 *   page is still writable. The mprotect / munmap / mmap / mremap
 *   behaviours give Linux's results and effects. No way of mapping a file
 *   (descriptors 0 .. 7, one a host file, private, shared, validated,
 *   with MAP_ANONYMOUS too) works, nor an offset, nor fd other than -1;
 *   and afterwards the container's maps hold only its code and stack:
 *   nothing that was refused left a mapping behind.
 * - enosys_memory_calls: the memory calls outside the table (brk,
 *   madvise, mlock, mseal, ...) are -ENOSYS.
 * - fault.*: protection is enforced: write to read-only, read of
 *   PROT_NONE, of unmapped memory and of a range mremap moved away, a call
 *   into non-executable memory, an SDK thread's stack guard page: SIGSEGV.
 *   A call into PROT_EXEC memory works.
 * - limit.rlimit_as: under RLIMIT_AS (set before minos-exec), a mapping,
 *   malloc, mremap or thread stack beyond the limit is -ENOMEM, memory
 *   fills up to the limit, and the container goes on to exit 0.
 * - sdk.malloc_and_format: the SDK's allocator (alignment, calloc,
 *   realloc through mremap, 8 threads at once) and formatting, in a
 *   container.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "helpers.h"
#include "mem_proc.h"
#include "mem_cases.h"
#include "mem_table.h"
#include "mem_limit.h"
#include "mem_enosys.h"

#define TABLES		9
#define DONE_LINE	"\n0 20260301\n"

_Static_assert(MEM_TABLE_DONE == 20260301, "DONE_LINE is out of date");

struct results {
	long v[TABLES][256];
	bool have[TABLES][256];
};

static void native_put(void *ctx, int id, long value)
{
	struct results *r = ctx;

	r->v[MC_TABLE(id)][MC_INDEX(id)] = value;
	r->have[MC_TABLE(id)][MC_INDEX(id)] = true;
}

FIXTURE(table) {
	struct results got, linux_;
	char out[128 * 1024];
	char maps[8192];
	int map_lines;
	int status;
	pid_t pid;
};

FIXTURE_SETUP(table)
{
	const char *args[] = { "--rfd", "3=" MEM_TABLE_FILE,
			       mx_image("mem_table.bin"), NULL };
	struct mc_out native = { .put = native_put, .native = 1 };
	struct mx_fd fds[] = { { 0, -1 }, MX_FD_END };
	struct mx_cfg cfg = { .args = args, .fds = fds };
	long vals[2048];
	int in[2], fd, n, i;
	struct mx m;
	ssize_t len;

	MINOS_REQUIRE();
	memset(&self->got, 0, sizeof(self->got));
	memset(&self->linux_, 0, sizeof(self->linux_));

	fd = open(MEM_TABLE_FILE, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
		  0644);
	ASSERT_LE(0, fd);
	ASSERT_EQ(strlen(MEM_TABLE_FILE_TEXT),
		  write(fd, MEM_TABLE_FILE_TEXT, strlen(MEM_TABLE_FILE_TEXT)));
	/* A whole page of it, so that a mapping could hold data. */
	ASSERT_EQ(0, ftruncate(fd, 4096));
	close(fd);

	ASSERT_EQ(0, pipe2(in, O_CLOEXEC));
	fds[0].fd = in[0];
	ASSERT_EQ(0, mx_spawn(&m, &cfg));
	close(in[0]);
	self->pid = m.pid;

	len = mp_read_until(m.out, self->out, sizeof(self->out), DONE_LINE,
			    60000);
	/* The container waits: look at its mappings now. */
	self->map_lines = mp_maps(m.pid, self->maps, sizeof(self->maps));
	ASSERT_EQ(1, write(in[1], "x", 1));
	close(in[1]);
	self->status = mx_wait(&m);
	ASSERT_LT(0, len) {
		TH_LOG("no end marker from mem_table.bin (%s); output:\n%s",
		       mx_status_str(self->status), self->out);
	}

	n = parse_longs(self->out, vals, ARRAY_SIZE(vals));
	ASSERT_EQ(0, n % 2);
	for (i = 0; i + 1 < n; i += 2) {
		if (!vals[i])
			continue;
		ASSERT_LT(vals[i] >> 8, TABLES);
		native_put(&self->got, (int)vals[i], vals[i + 1]);
	}

	/* The same cases, run by Linux for this process. */
	native.ctx = &self->linux_;
	mc_run_tables(&native);
	mc_run_behaviour(&native);
}

FIXTURE_TEARDOWN(table)
{
	unlink(MEM_TABLE_FILE);
}

/*
 * Compare table @t, indexes 0 .. @count - 1: an index whose bit is in
 * @allowed (bit @index; indexes >= 64 always allowed) wants Linux's
 * result, any other -EINVAL. Returns the number of mismatches, each
 * logged.
 */
static int check_bits(struct __test_metadata *_metadata,
		      const FIXTURE_DATA(table) *self, int t, int count,
		      unsigned long allowed, const char *what)
{
	int i, bad = 0;

	for (i = 0; i < count; i++) {
		bool ok = i >= 64 || (allowed & (1UL << i));
		long got = self->got.v[t][i];
		long want = ok ? self->linux_.v[t][i] : -EINVAL;

		if (!self->got.have[t][i]) {
			TH_LOG("%s, case %d: no result", what, i);
			bad++;
			continue;
		}
		if (got != want) {
			TH_LOG("%s, bit %d (%#lx): got %ld, want %ld (%s; Linux gives %ld)",
			       what, i, i < 64 ? 1UL << i : 0, got, want,
			       ok ? "allowed" : "not allowed",
			       self->linux_.v[t][i]);
			bad++;
		}
	}
	return bad;
}

TEST_F(table, container_exits_0)
{
	EXPECT_EXITED(self->status, 0);
}

TEST_F(table, mmap_prot_bits)
{
	EXPECT_EQ(0, check_bits(_metadata, self, MC_MMAP_PROT, 66,
				MC_ALLOWED_PROT, "mmap prot"));
	/* Sanity: the allowed ones do map. */
	EXPECT_EQ(0, self->got.v[MC_MMAP_PROT][0]);
	EXPECT_EQ(0, self->got.v[MC_MMAP_PROT][65]);
}

TEST_F(table, mmap_flag_bits)
{
	EXPECT_EQ(0, check_bits(_metadata, self, MC_MMAP_FLAGS, 64,
				MC_ALLOWED_MMAP, "mmap flags"));
	EXPECT_EQ(0, self->got.v[MC_MMAP_FLAGS][0]);	/* MAP_SHARED */
	EXPECT_EQ(0, self->got.v[MC_MMAP_FLAGS][4]);	/* MAP_FIXED */
}

TEST_F(table, mprotect_prot_bits)
{
	EXPECT_EQ(0, check_bits(_metadata, self, MC_MPROTECT, 66,
				MC_ALLOWED_PROT, "mprotect prot"));
	EXPECT_EQ(0, check_bits(_metadata, self, MC_MPROTECT_RW, 64,
				MC_ALLOWED_PROT, "mprotect RW | prot"));
	/* The page kept its contents through all of the calls. */
	EXPECT_EQ(1, self->got.v[MC_MPROTECT][66]);
}

TEST_F(table, mremap_flag_bits)
{
	EXPECT_EQ(0, check_bits(_metadata, self, MC_MREMAP, 64,
				MC_ALLOWED_MREMAP, "mremap flags"));
	EXPECT_EQ(0, check_bits(_metadata, self, MC_MREMAP_MAYMOVE, 64,
				MC_ALLOWED_MREMAP, "mremap MAYMOVE | flags"));
	/* MAYMOVE | FIXED moved the data to MC_C and unmapped MC_A. */
	EXPECT_EQ(12, self->got.v[MC_MREMAP_MAYMOVE][1]);
	/* MAYMOVE | DONTUNMAP: moved, MC_A still mapped, as zeros. */
	EXPECT_EQ(111, self->got.v[MC_MREMAP_MAYMOVE][2] / 10);
}

TEST_F(table, behaviours_as_linux)
{
	static const char *const names[] = { MC_BEHAVIOURS(MC_B_NAME) };
	unsigned int i;
	int bad = 0;

	for (i = 0; i < ARRAY_SIZE(names); i++) {
		long got = self->got.v[MC_BEHAVIOUR][i];
		long want = self->linux_.v[MC_BEHAVIOUR][i];

		if (!self->got.have[MC_BEHAVIOUR][i] || got != want) {
			TH_LOG("%s: got %ld, Linux gives %ld", names[i], got,
			       want);
			bad++;
		}
	}
	EXPECT_EQ(0, bad);
}

/* The same anonymous mmap as images/mem_table.c, natively. */
static long native_map(long fd, long flags, long off)
{
	long r = mc_mmap(0, MC_PAGE, PROT_READ | PROT_WRITE, flags, fd, off);

	if (mc_failed(r))
		return r;
	mc_munmap((unsigned long)r, MC_PAGE);
	return 0;
}

/*
 * No mapping of a descriptor, no offset, no fd but -1: -EINVAL. The fd -1
 * cases and the anonymous shared ones are allowed: Linux's result.
 */
TEST_F(table, files_never_mapped)
{
	long anon = MAP_PRIVATE | MAP_ANONYMOUS;
	int i, bad = 0;

	for (i = 0; i < MEM_FILE_CASES; i++) {
		long got = self->got.v[MC_FILE][i], want = -EINVAL;

		switch (i) {
		case MEM_FILE_FD_M1_64:
			want = native_map(-1L, anon, 0);
			break;
		case MEM_FILE_FD_M1_32:
			want = native_map(0xffffffffL, anon, 0);
			break;
		case MEM_FILE_FD_M1_HIGH:
			/* The ABI compares fd with -1 as a 32-bit value. */
			want = native_map(0x1ffffffffL, anon, 0);
			break;
		case MEM_FILE_SHARED_ANON:
			want = native_map(-1L, MAP_SHARED | MAP_ANONYMOUS, 0);
			break;
		case MEM_FILE_VALIDATE_ANON:
			want = native_map(-1L, MAP_SHARED_VALIDATE |
					  MAP_ANONYMOUS, 0);
			break;
		}
		if (!self->got.have[MC_FILE][i] || got != want) {
			TH_LOG("mmap case %d: got %ld, want %ld", i, got,
			       want);
			bad++;
		}
	}
	EXPECT_EQ(0, bad);
	/* Sanity: plain anonymous memory with fd -1 does map. */
	EXPECT_EQ(0, self->got.v[MC_FILE][MEM_FILE_FD_M1_64]);
}

/* After it all, only the code at 0x10000 and the stack are mapped. */
TEST_F(table, no_stray_mapping)
{
	EXPECT_EQ(2, self->map_lines) {
		TH_LOG("maps of the container:\n%s", self->maps);
	}
	EXPECT_NE(NULL, strstr(self->maps, "00010000-"));
	EXPECT_NE(NULL, strstr(self->maps, "-7ffffffff000 "));
	EXPECT_EQ(NULL, strstr(self->maps, "minos-mem-secret"));
	EXPECT_EQ(NULL, strstr(self->maps, "300000")) {
		TH_LOG("left in the scratch area:\n%s", self->maps);
	}
}

/* The memory calls Minos leaves out: -ENOSYS, from a container. */
#define ENOSYS_NAME(name, nr, a1, a2, a3)	#name,
#define ENOSYS_NR(name, nr, a1, a2, a3)		nr,

TEST(enosys_memory_calls)
{
	static const char *const names[] = { MEM_ENOSYS(ENOSYS_NAME) };
	static const long nrs[] = { MEM_ENOSYS(ENOSYS_NR) };
	const char *args[] = { mx_image("mem_enosys.bin"), NULL };
	static struct mx_result r;
	long vals[ARRAY_SIZE(nrs) + 1];
	unsigned int i;

	MINOS_REQUIRE();
	ASSERT_EQ(0, mx_run_args(args, &r));
	EXPECT_EXITED(r.status, 0);
	ASSERT_EQ(ARRAY_SIZE(nrs), parse_longs(r.out, vals, ARRAY_SIZE(vals)));
	for (i = 0; i < ARRAY_SIZE(nrs); i++) {
		EXPECT_EQ(-ENOSYS, vals[i]) {
			TH_LOG("%s (%ld) returned %ld", names[i], nrs[i],
			       vals[i]);
		}
	}
}

/* --- Protection is enforced --------------------------------------- */

static void run_fault(struct __test_metadata *_metadata, char scenario,
		      struct mx_result *r)
{
	const char *args[] = { mx_image("mem_fault.bin"), NULL };
	struct mx_fd fds[] = { { 0, -1 }, MX_FD_END };
	struct mx_cfg cfg = { .args = args, .fds = fds };
	int in[2];

	ASSERT_EQ(0, pipe2(in, O_CLOEXEC));
	ASSERT_EQ(1, write(in[1], &scenario, 1));
	close(in[1]);
	fds[0].fd = in[0];
	ASSERT_EQ(0, mx_run(&cfg, r));
	close(in[0]);
}

FIXTURE(fault) {
	struct mx_result r;
};

FIXTURE_VARIANT(fault) {
	char scenario;
	int sig;		/* 0: exits 0 after "ok" */
};

FIXTURE_VARIANT_ADD(fault, write_read_only) { .scenario = 'r', .sig = SIGSEGV };
FIXTURE_VARIANT_ADD(fault, read_prot_none) { .scenario = 'n', .sig = SIGSEGV };
FIXTURE_VARIANT_ADD(fault, read_unmapped) { .scenario = 'u', .sig = SIGSEGV };
FIXTURE_VARIANT_ADD(fault, read_moved_away) { .scenario = 'm', .sig = SIGSEGV };
FIXTURE_VARIANT_ADD(fault, exec_no_prot_exec) { .scenario = 'x', .sig = SIGSEGV };
FIXTURE_VARIANT_ADD(fault, exec_prot_exec_works) { .scenario = 'X', .sig = 0 };
FIXTURE_VARIANT_ADD(fault, thread_stack_guard) { .scenario = 'g', .sig = SIGSEGV };

FIXTURE_SETUP(fault)
{
	MINOS_REQUIRE();
}

FIXTURE_TEARDOWN(fault)
{
}

TEST_F(fault, as_linux)
{
	run_fault(_metadata, variant->scenario, &self->r);
	if (variant->sig) {
		EXPECT_STREQ("go\n", self->r.out);
		EXPECT_KILLED_BY(self->r.status, variant->sig);
	} else {
		EXPECT_STREQ("ok\n", self->r.out);
		EXPECT_EXITED(self->r.status, 0);
	}
	EXPECT_STREQ("", self->r.err);
}

/* --- RLIMIT_AS ------------------------------------------------------ */

static int limit_as_prep(void *arg)
{
	struct rlimit rl = { MEM_LIMIT_AS, MEM_LIMIT_AS };

	return setrlimit(RLIMIT_AS, &rl) ? errno : 0;
}

#define LIMIT_NAME(name, want)	#name,
#define LIMIT_WANT(name, want)	want,

TEST(limit_rlimit_as)
{
	static const char *const names[] = { MEM_LIMIT_LINES(LIMIT_NAME) };
	static const long want[] = { MEM_LIMIT_LINES(LIMIT_WANT) };
	const char *args[] = { mx_image("mem_limit.bin"), NULL };
	struct mx_cfg cfg = { .args = args, .prep = limit_as_prep };
	static struct mx_result r;
	long vals[ARRAY_SIZE(want) + 1];
	unsigned int i;
	int n;

	MINOS_REQUIRE();
	ASSERT_EQ(0, mx_run(&cfg, &r));
	EXPECT_EXITED(r.status, 0);
	n = parse_longs(r.out, vals, ARRAY_SIZE(vals));
	ASSERT_EQ(ARRAY_SIZE(want), n) {
		TH_LOG("output:\n%s%s", r.out, r.err);
	}
	for (i = 0; i < ARRAY_SIZE(want); i++) {
		if (!strcmp(names[i], "fill_chunks")) {
			/* The limit less the code, stack and TLS pages. */
			EXPECT_LE(MEM_LIMIT_AS / MEM_LIMIT_CHUNK - 4, vals[i]);
			EXPECT_GT(MEM_LIMIT_AS / MEM_LIMIT_CHUNK, vals[i]);
			continue;
		}
		EXPECT_EQ(want[i], vals[i]) {
			TH_LOG("%s: got %ld, want %ld", names[i], vals[i],
			       want[i]);
		}
	}
}

/* --- The SDK ---------------------------------------------------------- */

TEST(sdk_malloc_and_format)
{
	static const char *const checks[] = {
		"align", "calloc", "realloc", "threads", "format", "string",
	};
	const char *args[] = { mx_image("mem_sdk.bin"), NULL };
	static struct mx_result r;
	char line[64];
	unsigned int i;

	MINOS_REQUIRE();
	ASSERT_EQ(0, mx_run_args(args, &r));
	EXPECT_EXITED(r.status, 0);
	EXPECT_STREQ("", r.err);
	for (i = 0; i < ARRAY_SIZE(checks); i++) {
		snprintf(line, sizeof(line), "%s 0\n", checks[i]);
		EXPECT_NE(NULL, strstr(r.out, line)) {
			TH_LOG("no \"%s 0\" line in:\n%s", checks[i], r.out);
		}
	}
	EXPECT_NE(NULL, strstr(r.out, "\nprintf: -7 0x2a |abc  | 00042 100%\n"));
}

TEST_HARNESS_MAIN
