/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * Minos: the x86-64 ABI of Minos containers, version 1.
 *
 * The contract is Documentation/abi.rst; this header states its numbers,
 * constants and the /dev/minos ioctl structures, and nothing else.
 */
#ifndef _UAPI_MINOS_H
#define _UAPI_MINOS_H

#include <linux/types.h>
#include <linux/ioctl.h>

#define MINOS_ABI_VERSION	1

/* personality(2) low byte (PER_MASK) of a Minos container. */
#define PER_MINOS		0x4d

/* Minos calls: number in rax, arguments in rdi, rsi, rdx. */
#define MINOS_NR_BASE		0x4400
#define MINOS_NR_CNEW		0x4401	/* code_rfd, arch, arch_len -> cid */
#define MINOS_NR_CKILL		0x4402	/* cid -> 0 */
#define MINOS_NR_PIPE		0x4403	/* -> rax = wfd, rdx = rfd */
#define MINOS_NR_WRITE		0x4404	/* wfd, addr, size -> count */
#define MINOS_NR_READ		0x4405	/* rfds, rfdcount, addr, size -> count, rfd */
#define MINOS_NR_WCLOSE		0x4406	/* wfd -> 0 */
#define MINOS_NR_RCLOSE		0x4407	/* rfd -> 0 */
#define MINOS_NR_WPASS		0x4408	/* wfd, cid -> child's wfd */
#define MINOS_NR_RPASS		0x4409	/* rfd, cid -> child's rfd */
#define MINOS_NR_LAST		MINOS_NR_RPASS

/*
 * Linux-like calls keep their Linux x86-64 numbers and semantics, with the
 * restrictions of the ABI: mmap (9), mprotect (10), munmap (11),
 * sched_yield (24), mremap (25), clone (56), exit (60), arch_prctl (158),
 * gettid (186), futex (202), set_tid_address (218), exit_group (231).
 */

/* Limits and layout of the ABI. */
#define MINOS_PIPE_CAPACITY	65536		/* bytes buffered by a pipe */
#define MINOS_ATOMIC_WRITE	4096		/* writes up to this are atomic */
#define MINOS_READ_MAX_FDS	1024		/* rfdcount of read() */
#define MINOS_ARCH_NAME_MAX	64		/* arch_len of cnew() */
#define MINOS_CODE_MAX		0x10000000UL	/* longest code stream, 256 MiB */
#define MINOS_CODE_BASE		0x10000UL	/* where the code is mapped */
#define MINOS_STACK_TOP		0x7ffffffff000UL
#define MINOS_STACK_SIZE	0x100000UL	/* 1 MiB */
#define MINOS_ARCH_X86_64	"x86-64"

/**
 * struct minos_exec_fd - one host file handed to the first container
 * @host_fd:  a file descriptor of the calling process
 * @minos_fd: the descriptor number it gets in the container
 * @type:     %MINOS_FD_READ (an rfd) or %MINOS_FD_WRITE (a wfd)
 * @reserved: must be zero
 */
struct minos_exec_fd {
	__s32 host_fd;
	__u32 minos_fd;
	__u32 type;
	__u32 reserved;
};

#define MINOS_FD_READ		1
#define MINOS_FD_WRITE		2

/**
 * struct minos_exec_arm - arm the caller's next exec as a first container
 * @code_fd:  file descriptor the code is read from, until end of stream
 * @nr_fds:   number of entries in @fds (at most %MINOS_EXEC_MAX_FDS)
 * @fds:      user pointer to an array of struct minos_exec_fd
 * @arch:     user pointer to the architecture name (not NUL-terminated)
 * @arch_len: length of @arch, 1 .. %MINOS_ARCH_NAME_MAX
 * @flags:    must be zero
 *
 * %MINOS_IOC_EXEC_ARM takes references to @code_fd and to every host file
 * of @fds, and returns a new close-on-exec file descriptor, the key. The
 * caller then runs execveat(key, "", argv, envp, AT_EMPTY_PATH) (with at
 * most 64 KiB of arguments and environment): that exec turns the calling
 * process into a Minos container. Only the task that armed may use the arm;
 * closing the /dev/minos descriptor, or arming again, drops it.
 */
struct minos_exec_arm {
	__s32 code_fd;
	__u32 nr_fds;
	__u64 fds;
	__u64 arch;
	__u32 arch_len;
	__u32 flags;
};

#define MINOS_EXEC_MAX_FDS	1024

#define MINOS_IOC_MAGIC		0xb7
#define MINOS_IOC_EXEC_ARM	_IOW(MINOS_IOC_MAGIC, 0x01, struct minos_exec_arm)

#endif /* _UAPI_MINOS_H */
