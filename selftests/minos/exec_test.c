// SPDX-License-Identifier: GPL-2.0
/*
 * exec_test: minos-exec turns the calling process into a container, and
 * the container's end becomes the process's end: exit statuses of
 * exit_group and of the last thread's exit, deaths by signal, the image
 * read from a file or from standard input, and minos-exec's own failures
 * (125 usage or no /dev/minos, 126 image cannot be run, 127 no image).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "helpers.h"
#include "minos.h"
#include "asm.h"

/* images/asm.h repeats these uapi values for the .S images. */
_Static_assert(ASM_NR_WRITE == MINOS_NR_WRITE, "asm.h: MINOS_NR_WRITE");
_Static_assert(ASM_STACK_TOP == MINOS_STACK_TOP, "asm.h: MINOS_STACK_TOP");
_Static_assert(ASM_CODE_BASE == MINOS_CODE_BASE, "asm.h: MINOS_CODE_BASE");

static struct mx_result res;

/* The example every user runs first. */
TEST(hello_example)
{
	const char *hello = mx_example("hello.bin");
	const char *args[] = { hello, NULL };

	MINOS_REQUIRE();
	if (access(hello, R_OK))
		SKIP(return, "%s is missing (examples not built?)", hello);
	ASSERT_EQ(0, mx_run_args(args, &res));
	EXPECT_EXITED(res.status, 0);
	EXPECT_STREQ("Hello from a Minos container!\n", res.out);
	EXPECT_STREQ("", res.err);
}

/*
 * The container's exit status is minos-exec's: main's return value (the
 * SDK's start code passes it to exit_group), exit_group's status cut to 8
 * bits as on Linux, and the status of exit (60) when the last thread
 * leaves that way.
 */
FIXTURE(exit_status) {};
FIXTURE_VARIANT(exit_status) {
	const char *image;
	int status;
};
FIXTURE_VARIANT_ADD(exit_status, main_returns_0) { "exit_0.bin", 0 };
FIXTURE_VARIANT_ADD(exit_status, main_returns_1) { "exit_1.bin", 1 };
FIXTURE_VARIANT_ADD(exit_status, main_returns_255) { "exit_255.bin", 255 };
FIXTURE_VARIANT_ADD(exit_status, exit_group_263_is_7) {
	"exit_group_263.bin", 7
};
FIXTURE_VARIANT_ADD(exit_status, last_thread_exit_9) {
	"exit_thread_9.bin", 9
};
FIXTURE_SETUP(exit_status) {}
FIXTURE_TEARDOWN(exit_status) {}

TEST_F(exit_status, waitpid_sees_it)
{
	const char *args[] = { mx_image(variant->image), NULL };

	MINOS_REQUIRE();
	ASSERT_EQ(0, mx_run_args(args, &res));
	EXPECT_EXITED(res.status, variant->status);
	EXPECT_STREQ("", res.out);
}

/* "minos-exec -": the image comes from standard input. */
TEST(image_from_stdin)
{
	const char *args[] = { "-", NULL };
	int fd = open(mx_image("exit_group_263.bin"), O_RDONLY | O_CLOEXEC);
	struct mx_fd fds[] = { { 0, fd }, MX_FD_END };
	struct mx_cfg cfg = { .args = args, .fds = fds };

	MINOS_REQUIRE();
	ASSERT_LE(0, fd);
	ASSERT_EQ(0, mx_run(&cfg, &res));
	EXPECT_EXITED(res.status, 7);
	close(fd);
}

/*
 * An image of several pages is loaded whole: its code prints the bytes at
 * its very end.
 */
TEST(multi_page_image)
{
	const char *args[] = { mx_image("bigimage.bin"), NULL };

	MINOS_REQUIRE();
	ASSERT_EQ(0, mx_run_args(args, &res));
	EXPECT_EXITED(res.status, 0);
	EXPECT_STREQ("end of a 3-page image\n", res.out);
}

/* A fault in the container is a real death by that signal. */
FIXTURE(fault) {};
FIXTURE_VARIANT(fault) {
	const char *image;
	int sig;
};
FIXTURE_VARIANT_ADD(fault, ud2_sigill) { "ud2.bin", SIGILL };
FIXTURE_VARIANT_ADD(fault, null_store_sigsegv) { "segv.bin", SIGSEGV };
FIXTURE_SETUP(fault) {}
FIXTURE_TEARDOWN(fault) {}

TEST_F(fault, kills_the_container)
{
	const char *args[] = { mx_image(variant->image), NULL };

	MINOS_REQUIRE();
	ASSERT_EQ(0, mx_run_args(args, &res));
	EXPECT_KILLED_BY(res.status, variant->sig);
}

/*
 * A signal from outside ends a running container (one that loops without
 * calls) with that signal, as waitpid sees it.
 */
FIXTURE(outside_signal) {
	struct mx m;
};
FIXTURE_VARIANT(outside_signal) {
	int sig;
};
FIXTURE_VARIANT_ADD(outside_signal, sigterm) { SIGTERM };
FIXTURE_VARIANT_ADD(outside_signal, sigkill) { SIGKILL };
FIXTURE_VARIANT_ADD(outside_signal, sighup) { SIGHUP };
FIXTURE_VARIANT_ADD(outside_signal, sigusr1) { SIGUSR1 };

FIXTURE_SETUP(outside_signal)
{
	const char *args[] = { mx_image("spin.bin"), NULL };

	self->m.pid = -1;
	MINOS_REQUIRE();
	ASSERT_EQ(0, mx_spawn_args(&self->m, args));
	ASSERT_EQ(0, mx_wait_ready(&self->m))
		TH_LOG("spin.bin did not start: %s", mx_status_str(mx_wait(&self->m)));
}

FIXTURE_TEARDOWN(outside_signal)
{
	if (self->m.pid > 0)
		mx_kill(&self->m);
}

TEST_F(outside_signal, ends_the_container)
{
	ASSERT_EQ(0, kill(self->m.pid, variant->sig));
	EXPECT_KILLED_BY(mx_wait(&self->m), variant->sig);
}

/* The container is the process that ran minos-exec: no fork in between. */
TEST(container_is_the_calling_process)
{
	const char *args[] = { mx_image("spin.bin"), NULL };
	char path[64], buf[64];
	struct mx m;

	MINOS_REQUIRE();
	ASSERT_EQ(0, mx_spawn_args(&m, args));
	ASSERT_EQ(0, mx_wait_ready(&m));
	snprintf(path, sizeof(path), "/proc/%d/personality", m.pid);
	EXPECT_LT(0, read_text_file(path, buf, sizeof(buf)));
	EXPECT_EQ(PER_MINOS, strtoul(buf, NULL, 16) & 0xff)
		TH_LOG("%s reads %s", path, buf);
	EXPECT_KILLED_BY(mx_kill(&m), SIGKILL);
}

/* minos-exec's own failures. */
TEST(image_does_not_exist_127)
{
	const char *args[] = { "/tmp/minos-selftest-no-such-image.bin", NULL };

	MINOS_REQUIRE_EXEC();
	unlink(args[0]);
	ASSERT_EQ(0, mx_run_args(args, &res));
	EXPECT_EXITED(res.status, MX_EXIT_NOT_FOUND);
}

TEST(empty_image_126)
{
	char path[] = "/tmp/minos-empty-XXXXXX";
	const char *args[] = { path, NULL };
	int fd;

	MINOS_REQUIRE();
	fd = mkstemp(path);
	ASSERT_LE(0, fd);
	close(fd);
	ASSERT_EQ(0, mx_run_args(args, &res));
	unlink(path);
	EXPECT_EXITED(res.status, MX_EXIT_CANNOT_RUN);
}

TEST(directory_as_image_126)
{
	const char *args[] = { "/tmp", NULL };

	MINOS_REQUIRE();
	ASSERT_EQ(0, mx_run_args(args, &res));
	EXPECT_EXITED(res.status, MX_EXIT_CANNOT_RUN);
}

/* Bad command lines: 125, whatever else is there. */
FIXTURE(usage) {};
FIXTURE_VARIANT(usage) {
	const char *args[4];
};
FIXTURE_VARIANT_ADD(usage, unknown_option) {
	{ "--no-such-option", "exit_0.bin", NULL }
};
FIXTURE_VARIANT_ADD(usage, no_image) { { NULL } };
FIXTURE_VARIANT_ADD(usage, wfd_without_target) {
	{ "--wfd", "3", "exit_0.bin", NULL }
};
FIXTURE_VARIANT_ADD(usage, wfd_not_a_number) {
	{ "--wfd", "x=/dev/null", "exit_0.bin", NULL }
};
FIXTURE_VARIANT_ADD(usage, rfd_missing_argument) { { "--rfd", NULL } };
FIXTURE_SETUP(usage) {}
FIXTURE_TEARDOWN(usage) {}

TEST_F(usage, exits_125)
{
	const char *args[5];
	int i;

	MINOS_REQUIRE_EXEC();
	/* Image names are relative to images/; options are kept as they are. */
	for (i = 0; variant->args[i]; i++)
		args[i] = strstr(variant->args[i], ".bin") ?
			  mx_image(variant->args[i]) : variant->args[i];
	args[i] = NULL;
	ASSERT_EQ(0, mx_run_args(args, &res));
	EXPECT_EXITED(res.status, MX_EXIT_USAGE);
}

/* --help and --version: exit 0 with some text on stdout. */
FIXTURE(info) {};
FIXTURE_VARIANT(info) {
	const char *opt;
};
FIXTURE_VARIANT_ADD(info, help) { "--help" };
FIXTURE_VARIANT_ADD(info, version) { "--version" };
FIXTURE_SETUP(info) {}
FIXTURE_TEARDOWN(info) {}

TEST_F(info, exits_0_with_text)
{
	const char *args[] = { variant->opt, NULL };

	MINOS_REQUIRE_EXEC();
	ASSERT_EQ(0, mx_run_args(args, &res));
	EXPECT_EXITED(res.status, 0);
	EXPECT_LT(0, res.out_len);
}

TEST_HARNESS_MAIN
