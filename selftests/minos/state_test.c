// SPDX-License-Identifier: GPL-2.0
/*
 * state_test: the state a new container starts in and keeps, and the
 * state of everything around it.
 *
 * - /proc/<pid>/maps of a container: the code at 0x10000 (rwx, whole
 *   pages) and a 1 MiB stack ending at 0x7ffffffff000, nothing else (no
 *   vDSO, no vsyscall page, nothing of minos-exec).
 * - Registers at entry: all general registers 0 but rsp, rip = 0x10000,
 *   FS and GS base 0, clean SSE and x87 state.
 * - A call preserves every register but rax (the result), rcx and r11.
 * - Signals: none blocked, none caught, none ignored but SIGPIPE,
 *   SIGXFSZ and SIGCHLD, whatever minos-exec's caller had set.
 * - /sys/kernel/minos/containers counts live containers; probes is 1 while
 *   one exists, 0 otherwise.
 * - Processes that are not containers work as before while a container
 *   runs or is blocked in a call: their calls are Linux calls, even the
 *   Minos numbers.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/personality.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "helpers.h"
#include "minos.h"
#include "regs_check.h"
#include "preserve.h"

#define PAGE		4096UL
#define FLOOD_SIZE	(256 * 1024)

/* Longest wait for the module's bookkeeping after a container ended. */
#define SETTLE_MS	5000

static struct mx_result res;

static long file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) ? -1 : (long)st.st_size;
}

/* Signal state the test leaves to minos-exec: all of it must go. */
static int dirty_signals_prep(void *arg)
{
	struct sigaction ign = { .sa_handler = SIG_IGN };
	sigset_t set;

	sigaction(SIGINT, &ign, NULL);
	sigaction(SIGUSR1, &ign, NULL);
	sigaction(SIGTERM, &ign, NULL);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigaddset(&set, SIGHUP);
	return sigprocmask(SIG_BLOCK, &set, NULL) ? errno : 0;
}

/* The checks of a process that is not a container (the test itself). */
static void check_unmarked(struct __test_metadata *_metadata)
{
	char buf[4096], self_link[32];
	struct pollfd pfd;
	ssize_t n;
	void *mem;
	int p[2];

	/* getpid is Linux's, and right. */
	n = readlink("/proc/self", self_link, sizeof(self_link) - 1);
	ASSERT_LT(0, n);
	self_link[n] = '\0';
	EXPECT_EQ(atol(self_link), syscall(SYS_getpid));
	EXPECT_NE(PER_MINOS, personality(0xffffffff) & PER_MASK);

	/* Files. */
	ASSERT_LT(0, read_text_file("/proc/self/status", buf, sizeof(buf)));
	EXPECT_NE(NULL, strstr(buf, "Name:"));

	/* Memory. */
	mem = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, mem);
	memset(mem, 0x5a, PAGE);
	EXPECT_EQ(0x5a, ((unsigned char *)mem)[PAGE - 1]);
	EXPECT_EQ(0, munmap(mem, PAGE));

	/* fork and exec of a normal program. */
	EXPECT_EXITED(run_true(), 0);

	/* A pipe, and a Minos number, which is not a Linux call. */
	ASSERT_EQ(0, pipe2(p, O_CLOEXEC));
	EXPECT_EQ(5, write(p[1], "hello", 5));
	errno = 0;
	EXPECT_EQ(-1, syscall(MINOS_NR_WRITE, p[1], "minos", 5));
	EXPECT_EQ(ENOSYS, errno);
	memset(buf, 0, sizeof(buf));
	EXPECT_EQ(5, read(p[0], buf, sizeof(buf)));
	EXPECT_STREQ("hello", buf);
	pfd.fd = p[0];
	pfd.events = POLLIN;
	EXPECT_EQ(0, poll(&pfd, 1, 0));
	close(p[0]);
	close(p[1]);
}

/* One running container (spin.bin), started with dirty signal state. */
FIXTURE(spinning) {
	struct mx m;
	long containers_before;
};

FIXTURE_SETUP(spinning)
{
	const char *args[] = { mx_image("spin.bin"), NULL };
	struct mx_cfg cfg = { .args = args, .prep = dirty_signals_prep };

	self->m.pid = -1;
	MINOS_REQUIRE();
	self->containers_before = read_long_file(MINOS_SYS_CONTAINERS);
	ASSERT_EQ(0, mx_spawn(&self->m, &cfg));
	ASSERT_EQ(0, mx_wait_ready(&self->m))
		TH_LOG("spin.bin did not start: %s", mx_status_str(mx_wait(&self->m)));
}

FIXTURE_TEARDOWN(spinning)
{
	if (self->m.pid > 0)
		mx_kill(&self->m);
}

/* Only the code and the stack are mapped. */
TEST_F(spinning, maps_code_and_stack_only)
{
	unsigned long code_end, start, end;
	char path[64], maps[8192], perms[8], *line, *nl;
	long size = file_size(mx_image("spin.bin"));
	int lines = 0, code = 0, stack = 0;

	ASSERT_LT(0, size);
	code_end = MINOS_CODE_BASE + ((size + PAGE - 1) & ~(PAGE - 1));
	snprintf(path, sizeof(path), "/proc/%d/maps", self->m.pid);
	ASSERT_LT(0, read_text_file(path, maps, sizeof(maps)));
	for (line = maps; *line; line = nl + 1) {
		nl = strchr(line, '\n');
		if (!nl)
			break;
		*nl = '\0';
		lines++;
		ASSERT_EQ(3, sscanf(line, "%lx-%lx %7s", &start, &end, perms))
			TH_LOG("%s", line);
		if (start == MINOS_CODE_BASE && end == code_end &&
		    !strcmp(perms, "rwxp"))
			code++;
		else if (start == MINOS_STACK_TOP - MINOS_STACK_SIZE &&
			 end == MINOS_STACK_TOP && !strcmp(perms, "rw-p"))
			stack++;
		else
			TH_LOG("unexpected mapping: %s", line);
	}
	EXPECT_EQ(1, code) TH_LOG("no code mapping %lx-%lx rwxp",
				  MINOS_CODE_BASE, code_end);
	EXPECT_EQ(1, stack) TH_LOG("no stack mapping %lx-%lx rw-p",
				   MINOS_STACK_TOP - MINOS_STACK_SIZE,
				   MINOS_STACK_TOP);
	EXPECT_EQ(2, lines);
}

/*
 * No signal blocked or caught, and none of those minos-exec's caller had
 * ignored (SIGINT, SIGUSR1, SIGTERM) or blocked (SIGUSR2, SIGHUP). The
 * module itself ignores SIGPIPE and SIGXFSZ (a write reports -EPIPE and
 * -EFBIG instead) and SIGCHLD (DESIGN.md: children are reaped as they
 * end); nothing else may be ignored.
 */
TEST_F(spinning, signal_state_is_clean)
{
	unsigned long long allowed = (1ULL << (SIGPIPE - 1)) |
				     (1ULL << (SIGXFSZ - 1)) |
				     (1ULL << (SIGCHLD - 1));
	char buf[64];

	ASSERT_EQ(0, proc_status_field(self->m.pid, "SigBlk", buf, sizeof(buf)));
	EXPECT_EQ(0, strtoull(buf, NULL, 16)) TH_LOG("SigBlk %s", buf);
	ASSERT_EQ(0, proc_status_field(self->m.pid, "SigCgt", buf, sizeof(buf)));
	EXPECT_EQ(0, strtoull(buf, NULL, 16)) TH_LOG("SigCgt %s", buf);
	ASSERT_EQ(0, proc_status_field(self->m.pid, "SigIgn", buf, sizeof(buf)));
	EXPECT_EQ(0, strtoull(buf, NULL, 16) & ~allowed) TH_LOG("SigIgn %s", buf);
}

/* The ignored-before-exec SIGTERM ends it. */
TEST_F(spinning, sigterm_ignored_by_caller_still_kills)
{
	ASSERT_EQ(0, kill(self->m.pid, SIGTERM));
	EXPECT_KILLED_BY(mx_wait(&self->m), SIGTERM);
}

/* One more live container, and the probe registered. */
TEST_F(spinning, counted_in_sysfs)
{
	ASSERT_LE(0, self->containers_before);
	EXPECT_EQ(self->containers_before + 1,
		  read_long_file(MINOS_SYS_CONTAINERS));
	EXPECT_EQ(1, read_long_file(MINOS_SYS_PROBES));
}

TEST_F(spinning, unmarked_processes_unaffected)
{
	check_unmarked(_metadata);
}

/*
 * A container blocked in a write to a full pipe (flood.bin: the test does
 * not read after the ready byte).
 */
FIXTURE(blocked) {
	struct mx m;
};

FIXTURE_SETUP(blocked)
{
	const char *args[] = { mx_image("flood.bin"), NULL };
	char path[64], stat_buf[512], *p;
	int waited, queued = 0, cap;
	char state = '?';

	self->m.pid = -1;
	MINOS_REQUIRE();
	ASSERT_EQ(0, mx_spawn_args(&self->m, args));
	ASSERT_EQ(0, mx_wait_ready(&self->m))
		TH_LOG("flood.bin did not start: %s", mx_status_str(mx_wait(&self->m)));
	cap = fcntl(self->m.out, F_GETPIPE_SZ);
	ASSERT_LT(0, cap);
	snprintf(path, sizeof(path), "/proc/%d/stat", self->m.pid);
	/* Until the pipe is full and the container sleeps (bounded wait). */
	for (waited = 0; waited < 20000; waited += 10) {
		ASSERT_EQ(0, ioctl(self->m.out, FIONREAD, &queued));
		ASSERT_LT(0, read_text_file(path, stat_buf, sizeof(stat_buf)));
		p = strrchr(stat_buf, ')');
		ASSERT_NE(NULL, p);
		state = p[2];
		if (queued >= cap - (int)PAGE && state == 'S')
			break;
		usleep(10000);
	}
	ASSERT_EQ('S', state) TH_LOG("container state %c, %d bytes queued",
				     state, queued);
	ASSERT_LE(cap - (int)PAGE, queued);
}

FIXTURE_TEARDOWN(blocked)
{
	if (self->m.pid > 0)
		mx_kill(&self->m);
}

TEST_F(blocked, unmarked_processes_unaffected)
{
	check_unmarked(_metadata);
}

/* Reading the pipe wakes the writer up; every byte arrives. */
TEST_F(blocked, write_completes_when_drained)
{
	static char buf[FLOOD_SIZE + 1];
	ssize_t n;
	int i;

	n = mx_read_n(self->m.out, buf, sizeof(buf));
	EXPECT_EQ(FLOOD_SIZE, n);
	for (i = 0; i < n; i++)
		if (buf[i] != (char)(i * 7 + (i >> 12)))
			break;
	EXPECT_EQ(n, i) TH_LOG("first wrong byte at %d", i);
	EXPECT_EXITED(mx_wait(&self->m), 0);
}

/* What images/regs.bin finds in its registers at entry. */
TEST(registers_at_entry)
{
	const char *args[] = { mx_image("regs.bin"), NULL };
	struct regs_dump d;
	uint64_t first;
	int fd;

	MINOS_REQUIRE();
	fd = open(args[0], O_RDONLY | O_CLOEXEC);
	ASSERT_LE(0, fd);
	ASSERT_EQ(8, read(fd, &first, 8));
	close(fd);
	ASSERT_EQ(0, mx_run_args(args, &res));
	EXPECT_EXITED(res.status, 0);
	ASSERT_EQ(sizeof(d), res.out_len);
	memcpy(&d, res.out, sizeof(d));

	check_entry_regs(_metadata, &d, first);
}

static void check_slot(struct __test_metadata *_metadata, int call,
		       const uint64_t *rec, int slot, const char *name,
		       uint64_t want)
{
	uint64_t got = rec[slot];

	EXPECT_EQ(want, got) TH_LOG("call %d: %s is 0x%lx, not 0x%lx", call,
				    name, (unsigned long)got,
				    (unsigned long)want);
}

/* rax is the result; rcx and r11 may change; everything else is kept. */
TEST(registers_preserved_by_calls)
{
	static const long want_rax[PRESERVE_CALLS] = {
		3, -ENOSYS, -EBADF, -ENOSYS
	};
	const char *args[] = { mx_image("preserve.bin"), NULL };
	uint64_t rec[PRESERVE_CALLS][PS_SLOTS];
	int k;

	MINOS_REQUIRE();
	ASSERT_EQ(0, mx_run_args(args, &res));
	EXPECT_EXITED(res.status, 0);
	ASSERT_EQ(3 + sizeof(rec), res.out_len);
	ASSERT_EQ(0, memcmp(res.out, "abc", 3));
	memcpy(rec, res.out + 3, sizeof(rec));

	for (k = 0; k < PRESERVE_CALLS; k++) {
		uint64_t *r = rec[k];
		int w = k == 0 || k == 2;	/* a Minos write */

		check_slot(_metadata, k, r, PS_RAX, "rax", want_rax[k]);
		check_slot(_metadata, k, r, PS_RBX, "rbx", P_RBX);
		check_slot(_metadata, k, r, PS_RBP, "rbp", P_RBP);
		check_slot(_metadata, k, r, PS_RDI, "rdi",
			   w ? (k ? 1000 : 1) : P_RDI);
		check_slot(_metadata, k, r, PS_RSI, "rsi", w ? r[PS_MSG] : P_RSI);
		check_slot(_metadata, k, r, PS_RDX, "rdx", w ? 3 : P_RDX);
		check_slot(_metadata, k, r, PS_R8, "r8", P_R8);
		check_slot(_metadata, k, r, PS_R9, "r9", P_R9);
		check_slot(_metadata, k, r, PS_R10, "r10", P_R10);
		check_slot(_metadata, k, r, PS_R12, "r12", P_R12);
		check_slot(_metadata, k, r, PS_R13, "r13", P_R13);
		check_slot(_metadata, k, r, PS_R14, "r14", P_R14);
		check_slot(_metadata, k, r, PS_R15, "r15", P_R15);
		check_slot(_metadata, k, r, PS_RSP, "rsp", r[PS_RSP0]);
	}
}

/*
 * containers counts each live container; probes is 1 exactly while there
 * is one. Needs no other container around at the start.
 */
TEST(probes_registered_only_while_containers_live)
{
	const char *args[] = { mx_image("spin.bin"), NULL };
	struct mx a, b;

	MINOS_REQUIRE();
	ASSERT_EQ(0, wait_for_value(MINOS_SYS_CONTAINERS, 0, SETTLE_MS))
		TH_LOG("another container is still alive");
	EXPECT_EQ(0, read_long_file(MINOS_SYS_PROBES));

	ASSERT_EQ(0, mx_spawn_args(&a, args));
	ASSERT_EQ(0, mx_wait_ready(&a));
	EXPECT_EQ(1, read_long_file(MINOS_SYS_CONTAINERS));
	EXPECT_EQ(1, read_long_file(MINOS_SYS_PROBES));

	ASSERT_EQ(0, mx_spawn_args(&b, args));
	ASSERT_EQ(0, mx_wait_ready(&b));
	EXPECT_EQ(2, read_long_file(MINOS_SYS_CONTAINERS));
	EXPECT_EQ(1, read_long_file(MINOS_SYS_PROBES));

	EXPECT_KILLED_BY(mx_kill(&a), SIGKILL);
	EXPECT_EQ(1, wait_for_value(MINOS_SYS_CONTAINERS, 1, SETTLE_MS));
	EXPECT_EQ(1, read_long_file(MINOS_SYS_PROBES));

	EXPECT_KILLED_BY(mx_kill(&b), SIGKILL);
	EXPECT_EQ(0, wait_for_value(MINOS_SYS_CONTAINERS, 0, SETTLE_MS));
	EXPECT_EQ(0, wait_for_value(MINOS_SYS_PROBES, 0, SETTLE_MS));
}

/* A container that exits by itself is uncounted too. */
TEST(exited_container_is_uncounted)
{
	const char *args[] = { mx_image("exit_1.bin"), NULL };

	MINOS_REQUIRE();
	ASSERT_EQ(0, wait_for_value(MINOS_SYS_CONTAINERS, 0, SETTLE_MS))
		TH_LOG("another container is still alive");
	ASSERT_EQ(0, mx_run_args(args, &res));
	EXPECT_EXITED(res.status, 1);
	EXPECT_EQ(0, wait_for_value(MINOS_SYS_CONTAINERS, 0, SETTLE_MS));
	EXPECT_EQ(0, wait_for_value(MINOS_SYS_PROBES, 0, SETTLE_MS));
}

TEST_HARNESS_MAIN
