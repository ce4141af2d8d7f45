// SPDX-License-Identifier: GPL-2.0
/*
 * module_test: the module cannot be removed while a container runs, can be
 * removed and loaded again, many times, when none does, and minos-exec
 * fails cleanly (125) without it.
 *
 * These tests unload minos.ko: every one loads it again from $MINOS_KO
 * (default /minos/minos.ko) before it ends, pass or fail, so that the
 * tests that run after still have it. They need no container alive at
 * the start, and root.
 *
 * "rmmod while in use": delete_module(2) of a module whose reference count
 * is held fails with EWOULDBLOCK (EAGAIN) on Linux 6.12; EBUSY is only
 * for a module that is still loading or has no exit function. Busybox
 * rmmod reports that errno; kmod's rmmod says "Module minos is in use".
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "helpers.h"
#include "minos.h"

#define SETTLE_MS	5000
#define CYCLES		10

static struct mx_result res;

static const char *ko_path(void)
{
	const char *env = getenv("MINOS_KO");

	return env && *env ? env : "/minos/minos.ko";
}

static bool module_present(void)
{
	return access(MINOS_SYS_MODULE, F_OK) == 0;
}

static int load_module(void)
{
	int fd = open(ko_path(), O_RDONLY | O_CLOEXEC);
	int ret;

	if (fd < 0)
		return -errno;
	ret = syscall(SYS_finit_module, fd, "", 0) ? -errno : 0;
	close(fd);
	return ret;
}

static int unload_module(void)
{
	return syscall(SYS_delete_module, "minos", O_NONBLOCK) ? -errno : 0;
}

/*
 * Unload, retrying for a while if the module is still busy: the last
 * container's reference may be dropped just after waitpid() returned.
 */
static int unload_module_settled(void)
{
	int ret, waited;

	for (waited = 0; ; waited += 10) {
		ret = unload_module();
		if (ret != -EWOULDBLOCK || waited >= SETTLE_MS)
			return ret;
		usleep(10000);
	}
}

FIXTURE(module) {};

FIXTURE_SETUP(module)
{
	MINOS_REQUIRE();
	if (access(ko_path(), R_OK))
		SKIP(return, "%s not readable: cannot load the module again",
		     ko_path());
	if (geteuid())
		SKIP(return, "needs root");
	ASSERT_TRUE(module_present());
	ASSERT_EQ(0, wait_for_value(MINOS_SYS_CONTAINERS, 0, SETTLE_MS))
		TH_LOG("a container is still alive");
}

/* Whatever happened, leave the module loaded for the tests after us. */
FIXTURE_TEARDOWN(module)
{
	if (!module_present())
		EXPECT_EQ(0, load_module());
	EXPECT_TRUE(minos_loaded());
}

TEST_F(module, rmmod_refused_while_container_runs)
{
	const char *spin[] = { mx_image("spin.bin"), NULL };
	const char *one[] = { mx_image("exit_1.bin"), NULL };
	struct mx m;

	ASSERT_EQ(0, mx_spawn_args(&m, spin));
	ASSERT_EQ(0, mx_wait_ready(&m));
	EXPECT_EQ(-EWOULDBLOCK, unload_module());
	EXPECT_TRUE(module_present());
	EXPECT_TRUE(minos_loaded());
	/* The running container is unharmed: a signal still ends it. */
	EXPECT_EQ(1, read_long_file(MINOS_SYS_CONTAINERS));
	EXPECT_KILLED_BY(mx_kill(&m), SIGKILL);
	/* And the module still works. */
	ASSERT_EQ(0, mx_run_args(one, &res));
	EXPECT_EXITED(res.status, 1);
}

/* Once the last container is gone, the module can be removed. */
TEST_F(module, rmmod_after_container_exit)
{
	const char *args[] = { mx_image("exit_0.bin"), NULL };

	ASSERT_EQ(0, mx_run_args(args, &res));
	EXPECT_EXITED(res.status, 0);
	ASSERT_EQ(0, unload_module_settled());
	EXPECT_FALSE(module_present());
	EXPECT_FALSE(minos_loaded());
	ASSERT_EQ(0, load_module());
}

/* minos-exec without the module: 125, and no container. */
TEST_F(module, exec_without_module_125)
{
	const char *args[] = { mx_image("exit_0.bin"), NULL };

	ASSERT_EQ(0, unload_module_settled());
	ASSERT_EQ(0, mx_run_args(args, &res));
	EXPECT_EXITED(res.status, MX_EXIT_USAGE);
	ASSERT_EQ(0, load_module());
}

/*
 * Ten unload/load cycles with no container; each time the device and the
 * sysfs folder go and come back. Then containers run as before, and the
 * fresh module has no container and no probe.
 */
TEST_F_TIMEOUT(module, load_unload_cycles, 240)
{
	const char *args[] = { mx_image("exit_1.bin"), NULL };
	int i;

	for (i = 0; i < CYCLES; i++) {
		ASSERT_EQ(0, unload_module_settled()) TH_LOG("cycle %d", i);
		ASSERT_FALSE(module_present()) TH_LOG("cycle %d", i);
		ASSERT_FALSE(minos_loaded()) TH_LOG("cycle %d", i);
		ASSERT_EQ(0, load_module()) TH_LOG("cycle %d", i);
		ASSERT_TRUE(module_present()) TH_LOG("cycle %d", i);
		ASSERT_TRUE(minos_loaded()) TH_LOG("cycle %d", i);
	}
	EXPECT_EQ(0, read_long_file(MINOS_SYS_CONTAINERS));
	EXPECT_EQ(0, read_long_file(MINOS_SYS_PROBES));
	ASSERT_EQ(0, mx_run_args(args, &res));
	EXPECT_EXITED(res.status, 1);
}

TEST_HARNESS_MAIN
