/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The calls that images/enosys.bin makes, every one of which must return
 * -ENOSYS in a container and have no effect (minos-abi.md: "any number not
 * in the table, any call made through another entry (int $0x80, sysenter,
 * the x32 bit) ... returns -ENOSYS ... and has no effect").
 *
 * ENOSYS_TABLE(E) lists E(category, name, nr, a1, a2, a3, a4, a5, a6).
 * enosys.S makes a table of it (the arguments name its labels: strings
 * s_*, buffers); enosys_test.c uses the category, name and number, and
 * checks afterwards that none of the effects these calls would have on
 * Linux happened: that is why they create, rename, remove files under
 * ENOSYS_DIR, touch the process's signals, ids, name, limits, and try to
 * exit, kill, fork or exec. kill goes to the container's own process
 * group (which holds the test), never to -1: a broken module must not take
 * the machine down with it; kill(-1, 0) only checks permissions.
 *
 * Categories: ENOSYS_UNKNOWN (numbers Linux does not have either),
 * ENOSYS_LINUX (Linux x86-64 calls outside the Minos table), ENOSYS_X32
 * (the x32 bit on any number, even one of the Minos table), ENOSYS_INT80
 * (int $0x80 with i386 numbers; arguments in ebx, ecx, edx, esi, edi,
 * ebp). All but ENOSYS_INT80 use the syscall instruction.
 *
 * Linux numbers come from <asm/unistd_64.h> (__NR_*), i386 ones are
 * spelled out.
 */
#ifndef MINOS_SELFTEST_ENOSYS_TABLE_H
#define MINOS_SELFTEST_ENOSYS_TABLE_H

#define ENOSYS_UNKNOWN	1
#define ENOSYS_LINUX	2
#define ENOSYS_X32	3
#define ENOSYS_INT80	4

/* The image writes this after the results. */
#define ENOSYS_MAGIC	0x21646e45736f6e4d	/* "MnosEnd!" */

/*
 * Files and folders the calls aim at. The test makes ENOSYS_DIR hold
 * exactly ENOSYS_KEEP (mode 0600, ENOSYS_KEEP_TEXT) and the empty folder
 * ENOSYS_MNT, and checks that nothing else appears and nothing changes.
 */
#define ENOSYS_DIR		"/tmp/minos-enosys"
#define ENOSYS_KEEP		ENOSYS_DIR "/keep"
#define ENOSYS_MNT		ENOSYS_DIR "/mnt"
#define ENOSYS_KEEP_TEXT	"keep me\n"
#define ENOSYS_HACKED_NAME	"minos-hacked"

#define X32(n)		(0x40000000 + (n))

/* i386 numbers for int $0x80. */
#define I386_EXIT		1
#define I386_WRITE		4
#define I386_OPEN		5
#define I386_GETPID		20
#define I386_KILL		37
#define I386_MKDIR		39
#define I386_SCHED_YIELD	158
#define I386_EXIT_GROUP		252

/* Flags and constants, spelled out so that enosys.S needs no libc header. */
#define O_WRONLY_CREAT		0101	/* O_WRONLY | O_CREAT */
#define AT_FDCWD_		(-100)

#define ENOSYS_TABLE(E)							\
	/* numbers unknown to Linux too */				\
	E(ENOSYS_UNKNOWN, minus_one, -1, 0, 0, 0, 0, 0, 0)		\
	E(ENOSYS_UNKNOWN, nr_500, 500, 0, 0, 0, 0, 0, 0)		\
	E(ENOSYS_UNKNOWN, nr_1000, 1000, 0, 0, 0, 0, 0, 0)		\
	E(ENOSYS_UNKNOWN, x32_only_512, 512, 15, sa_ign, 0, 8, 0, 0)	\
	E(ENOSYS_UNKNOWN, x32_only_547, 547, 0, 0, 0, 0, 0, 0)		\
	E(ENOSYS_UNKNOWN, minos_base_0x4400, 0x4400, 1, s_leak, 5, 0, 0, 0) \
	E(ENOSYS_UNKNOWN, minos_last_plus_1, 0x440a, 1, s_leak, 5, 0, 0, 0) \
	E(ENOSYS_UNKNOWN, nr_0x44ff, 0x44ff, 0, 0, 0, 0, 0, 0)		\
	E(ENOSYS_UNKNOWN, nr_0x3fffffff, 0x3fffffff, 0, 0, 0, 0, 0, 0)	\
	E(ENOSYS_UNKNOWN, nr_0x7fffffff, 0x7fffffff, 0, 0, 0, 0, 0, 0)	\
	E(ENOSYS_UNKNOWN, nr_0x80000000, 0x80000000, 0, 0, 0, 0, 0, 0)	\
	E(ENOSYS_UNKNOWN, getpid_high_bits, 0x100000000 + __NR_getpid,	\
	  0, 0, 0, 0, 0, 0)						\
	E(ENOSYS_UNKNOWN, open_high_bits, 0x100000000 + __NR_open,	\
	  s_hiopen, O_WRONLY_CREAT, 0644, 0, 0, 0)			\
	/* Linux x86-64 calls outside the Minos table */		\
	E(ENOSYS_LINUX, read, __NR_read, 0, scratch, 16, 0, 0, 0)	\
	E(ENOSYS_LINUX, write, __NR_write, 1, s_leak, 5, 0, 0, 0)	\
	E(ENOSYS_LINUX, open, __NR_open, s_open, O_WRONLY_CREAT, 0644,	\
	  0, 0, 0)							\
	E(ENOSYS_LINUX, close, __NR_close, 0, 0, 0, 0, 0, 0)		\
	E(ENOSYS_LINUX, stat, __NR_stat, s_keep, scratch, 0, 0, 0, 0)	\
	E(ENOSYS_LINUX, brk, __NR_brk, 0, 0, 0, 0, 0, 0)		\
	E(ENOSYS_LINUX, rt_sigaction, __NR_rt_sigaction, 15, sa_ign, 0,	\
	  8, 0, 0)							\
	E(ENOSYS_LINUX, rt_sigprocmask, __NR_rt_sigprocmask, 0,	\
	  mask_term, 0, 8, 0, 0)					\
	E(ENOSYS_LINUX, ioctl, __NR_ioctl, 1, 0x5401, scratch, 0, 0, 0)	\
	E(ENOSYS_LINUX, pipe, __NR_pipe, scratch, 0, 0, 0, 0, 0)	\
	E(ENOSYS_LINUX, dup, __NR_dup, 1, 0, 0, 0, 0, 0)		\
	E(ENOSYS_LINUX, nanosleep, __NR_nanosleep, ts_short, 0, 0, 0, 0, 0) \
	E(ENOSYS_LINUX, getpid, __NR_getpid, 0, 0, 0, 0, 0, 0)		\
	E(ENOSYS_LINUX, socket, __NR_socket, 2, 1, 0, 0, 0, 0)		\
	E(ENOSYS_LINUX, wait4, __NR_wait4, -1, 0, 1, 0, 0, 0)		\
	E(ENOSYS_LINUX, uname, __NR_uname, scratch, 0, 0, 0, 0, 0)	\
	E(ENOSYS_LINUX, fcntl, __NR_fcntl, 1, 1, 0, 0, 0, 0)		\
	E(ENOSYS_LINUX, getcwd, __NR_getcwd, scratch, 256, 0, 0, 0, 0)	\
	E(ENOSYS_LINUX, chdir, __NR_chdir, s_mnt, 0, 0, 0, 0, 0)	\
	E(ENOSYS_LINUX, rename, __NR_rename, s_keep, s_renamed, 0, 0,	\
	  0, 0)								\
	E(ENOSYS_LINUX, mkdir, __NR_mkdir, s_newdir, 0755, 0, 0, 0, 0)	\
	E(ENOSYS_LINUX, rmdir, __NR_rmdir, s_mnt, 0, 0, 0, 0, 0)	\
	E(ENOSYS_LINUX, creat, __NR_creat, s_creat, 0644, 0, 0, 0, 0)	\
	E(ENOSYS_LINUX, link, __NR_link, s_keep, s_link, 0, 0, 0, 0)	\
	E(ENOSYS_LINUX, unlink, __NR_unlink, s_keep, 0, 0, 0, 0, 0)	\
	E(ENOSYS_LINUX, symlink, __NR_symlink, s_keep, s_symlink, 0, 0,	\
	  0, 0)								\
	E(ENOSYS_LINUX, chmod, __NR_chmod, s_keep, 0777, 0, 0, 0, 0)	\
	E(ENOSYS_LINUX, umask, __NR_umask, 0777, 0, 0, 0, 0, 0)		\
	E(ENOSYS_LINUX, gettimeofday, __NR_gettimeofday, scratch, 0, 0,	\
	  0, 0, 0)							\
	E(ENOSYS_LINUX, getuid, __NR_getuid, 0, 0, 0, 0, 0, 0)		\
	E(ENOSYS_LINUX, setuid, __NR_setuid, 65534, 0, 0, 0, 0, 0)	\
	E(ENOSYS_LINUX, setpgid, __NR_setpgid, 0, 0, 0, 0, 0, 0)	\
	E(ENOSYS_LINUX, getppid, __NR_getppid, 0, 0, 0, 0, 0, 0)	\
	E(ENOSYS_LINUX, setsid, __NR_setsid, 0, 0, 0, 0, 0, 0)		\
	E(ENOSYS_LINUX, personality, __NR_personality, 0, 0, 0, 0, 0, 0) \
	E(ENOSYS_LINUX, setpriority, __NR_setpriority, 0, 0, 19, 0, 0, 0) \
	E(ENOSYS_LINUX, prctl_set_name, __NR_prctl, 15, s_hacked, 0, 0,	\
	  0, 0)								\
	E(ENOSYS_LINUX, chroot, __NR_chroot, s_mnt, 0, 0, 0, 0, 0)	\
	E(ENOSYS_LINUX, mount, __NR_mount, s_none, s_mnt, s_tmpfs, 0, 0, \
	  0)								\
	E(ENOSYS_LINUX, reboot, __NR_reboot, 0, 0, 0, 0, 0, 0)		\
	E(ENOSYS_LINUX, init_module, __NR_init_module, 0, 0, s_empty,	\
	  0, 0, 0)							\
	E(ENOSYS_LINUX, delete_module, __NR_delete_module, s_minos,	\
	  0x800, 0, 0, 0, 0)						\
	E(ENOSYS_LINUX, time, __NR_time, 0, 0, 0, 0, 0, 0)		\
	E(ENOSYS_LINUX, sched_setaffinity, __NR_sched_setaffinity, 0, 8, \
	  zero_block, 0, 0, 0)						\
	E(ENOSYS_LINUX, getdents64, __NR_getdents64, 0, scratch, 256, 0, \
	  0, 0)								\
	E(ENOSYS_LINUX, restart_syscall, __NR_restart_syscall, 0, 0, 0, \
	  0, 0, 0)							\
	E(ENOSYS_LINUX, clock_gettime, __NR_clock_gettime, 0, scratch,	\
	  0, 0, 0, 0)							\
	E(ENOSYS_LINUX, clock_nanosleep, __NR_clock_nanosleep, 0, 0,	\
	  ts_short, 0, 0, 0)						\
	E(ENOSYS_LINUX, openat, __NR_openat, AT_FDCWD_, s_openat,	\
	  O_WRONLY_CREAT, 0644, 0, 0)					\
	E(ENOSYS_LINUX, mkdirat, __NR_mkdirat, AT_FDCWD_, s_mkdirat,	\
	  0755, 0, 0, 0)						\
	E(ENOSYS_LINUX, unlinkat, __NR_unlinkat, AT_FDCWD_, s_keep, 0,	\
	  0, 0, 0)							\
	E(ENOSYS_LINUX, pipe2, __NR_pipe2, scratch, 0, 0, 0, 0, 0)	\
	E(ENOSYS_LINUX, prlimit64_nofile, __NR_prlimit64, 0, 7,	\
	  rlim_one, 0, 0, 0)						\
	E(ENOSYS_LINUX, getrandom, __NR_getrandom, scratch, 8, 0, 0, 0, 0) \
	E(ENOSYS_LINUX, memfd_create, __NR_memfd_create, s_none, 0, 0,	\
	  0, 0, 0)							\
	E(ENOSYS_LINUX, bpf, __NR_bpf, 0, zero_block, 0, 0, 0, 0)	\
	E(ENOSYS_LINUX, userfaultfd, __NR_userfaultfd, 0, 0, 0, 0, 0, 0) \
	E(ENOSYS_LINUX, io_uring_setup, __NR_io_uring_setup, 1,	\
	  zero_block, 0, 0, 0, 0)					\
	E(ENOSYS_LINUX, ptrace_traceme, __NR_ptrace, 0, 0, 0, 0, 0, 0)	\
	E(ENOSYS_LINUX, kill_all_signal_0, __NR_kill, -1, 0, 0, 0, 0, 0) \
	E(ENOSYS_LINUX, kill_own_group, __NR_kill, 0, 9, 0, 0, 0, 0)	\
	E(ENOSYS_LINUX, fork, __NR_fork, 0, 0, 0, 0, 0, 0)		\
	E(ENOSYS_LINUX, clone3, __NR_clone3, zero_block, 88, 0, 0, 0, 0) \
	E(ENOSYS_LINUX, execve, __NR_execve, s_sh, argv_sh, 0, 0, 0, 0)	\
	E(ENOSYS_LINUX, execveat, __NR_execveat, AT_FDCWD_, s_sh,	\
	  argv_sh, 0, 0, 0)						\
	E(ENOSYS_LINUX, seccomp_strict, __NR_seccomp, 0, 0, 0, 0, 0, 0)	\
	/* the x32 bit */						\
	E(ENOSYS_X32, x32_getpid, X32(__NR_getpid), 0, 0, 0, 0, 0, 0)	\
	E(ENOSYS_X32, x32_write, X32(__NR_write), 1, s_leak, 5, 0, 0, 0) \
	E(ENOSYS_X32, x32_open, X32(__NR_open), s_x32open,		\
	  O_WRONLY_CREAT, 0644, 0, 0, 0)				\
	E(ENOSYS_X32, x32_rt_sigaction_512, X32(512), 15, sa_ign, 0, 8,	\
	  0, 0)								\
	E(ENOSYS_X32, x32_minos_write, X32(0x4404), 1, s_leak, 5, 0, 0,	\
	  0)								\
	E(ENOSYS_X32, x32_minos_pipe, X32(0x4403), 0, 0, 0, 0, 0, 0)	\
	E(ENOSYS_X32, x32_sched_yield, X32(24), 0, 0, 0, 0, 0, 0)	\
	E(ENOSYS_X32, x32_gettid, X32(186), 0, 0, 0, 0, 0, 0)		\
	E(ENOSYS_X32, x32_mmap, X32(9), 0, 4096, 3, 0x22, -1, 0)	\
	E(ENOSYS_X32, x32_kill_own_group, X32(__NR_kill), 0, 9, 0, 0, 0, \
	  0)								\
	E(ENOSYS_X32, x32_exit, X32(60), 43, 0, 0, 0, 0, 0)		\
	E(ENOSYS_X32, x32_exit_group, X32(231), 42, 0, 0, 0, 0, 0)	\
	/* int $0x80 */							\
	E(ENOSYS_INT80, int80_getpid, I386_GETPID, 0, 0, 0, 0, 0, 0)	\
	E(ENOSYS_INT80, int80_write, I386_WRITE, 1, s_leak, 5, 0, 0, 0)	\
	E(ENOSYS_INT80, int80_open, I386_OPEN, s_i386open,		\
	  O_WRONLY_CREAT, 0644, 0, 0, 0)				\
	E(ENOSYS_INT80, int80_mkdir, I386_MKDIR, s_i386dir, 0755, 0, 0,	\
	  0, 0)								\
	E(ENOSYS_INT80, int80_sched_yield, I386_SCHED_YIELD, 0, 0, 0, 0, \
	  0, 0)								\
	E(ENOSYS_INT80, int80_minos_write, 0x4404, 1, s_leak, 5, 0, 0, 0) \
	E(ENOSYS_INT80, int80_kill_own_group, I386_KILL, 0, 9, 0, 0, 0,	\
	  0)								\
	E(ENOSYS_INT80, int80_exit, I386_EXIT, 43, 0, 0, 0, 0, 0)	\
	E(ENOSYS_INT80, int80_exit_group, I386_EXIT_GROUP, 44, 0, 0, 0,	\
	  0, 0)

#endif /* MINOS_SELFTEST_ENOSYS_TABLE_H */
