/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The protocol of images/tree_agent.bin, a container that makes the calls
 * a test asks for, one command at a time, so that the test can build trees
 * of containers step by step and check every result where it happens.
 *
 * An agent reads commands (struct ag_cmd) on rfd 0 and answers each with
 * one reply (struct ag_reply) on wfd 1. The first container gets them from
 * the test (its stdin and stdout); a child agent gets them from its parent,
 * which passes it the read end of a command pipe first (rfd 0) and the
 * write end of a reply pipe second (wfd 1), before its code is complete.
 * At the end of the command stream the agent exits with status 0.
 *
 * Roles without a parent to talk to:
 * - an agent started with no descriptor at all (rfd 0 gives -EBADF) is a
 *   sleeper: it blocks for ever in a read of a pipe it keeps both ends of;
 * - an agent that cannot write a reply (its reply pipe is gone, or it never
 *   had one) sleeps the same way, so that AG_BOMB children stay alive.
 *
 * All fields are 64-bit: values are passed to the calls as full registers.
 */
#ifndef MINOS_SELFTEST_TREE_AGENT_H
#define MINOS_SELFTEST_TREE_AGENT_H

#ifndef __ASSEMBLER__
struct ag_cmd {
	long op;
	long a, b, c;
};

struct ag_reply {
	long r0, r1;
};
#endif

/*
 * Operations. "raw" means the call's rax (and for pipe rdx) as returned,
 * with the command's fields as its argument registers.
 */
#define AG_NOP		1	/* r0 = AG_ALIVE, r1 = gettid() (its pid) */
#define AG_PIPE		2	/* raw pipe(): r0 = rax (wfd), r1 = rdx (rfd) */
#define AG_CNEW		3	/* raw cnew(a, b, c) */
#define AG_CNEW_X86	4	/* raw cnew(a, "x86-64", 6) */
#define AG_CKILL	5	/* raw ckill(a) */
#define AG_WPASS	6	/* raw wpass(a, b) */
#define AG_RPASS	7	/* raw rpass(a, b) */
#define AG_WCLOSE	8	/* raw wclose(a) */
#define AG_RCLOSE	9	/* raw rclose(a) */
#define AG_WRITE	10	/* raw write(a, b, c) */
/*
 * Write c bytes of value b to wfd a, 4096 at a time (each write atomic):
 * r0 = 0 when all went, else the first error; r1 = bytes written.
 */
#define AG_PUT		11
/*
 * Read up to b (1 .. AG_IO_SIZE) bytes from rfd a into the I/O area, whose
 * first byte is AG_UNTOUCHED before the call: r0 = raw read, r1 = that
 * byte afterwards.
 */
#define AG_READ		12
/* Read rfd a to its end: r0 = 0 at end of stream, else the error; r1 = bytes. */
#define AG_DRAIN	13
/* Copy rfd a to wfd b until the end of a: r0 = 0 or the error; r1 = bytes. */
#define AG_COPY		14
/*
 * Write bytes [c, c + b) of the agent's own image to wfd a (b = -1: up to
 * its end): r0 = 0 or the error; r1 = bytes written.
 */
#define AG_SELF		15
#define AG_SELF_SIZE	16	/* r0 = size of the agent's image in bytes */
/*
 * Forward the c bytes that follow this command in the stream (at most
 * AG_FORWARD_MAX) to wfd a, then read one reply from rfd b and answer with
 * it: a call to a child agent; nested, to any descendant. When no reply
 * comes: r0 = the write or read result, r1 = AG_NO_REPLY.
 */
#define AG_CALL		17
/* The same, without waiting: r0 = the write's result. */
#define AG_SEND		18
/* Read one reply from rfd a and answer with it, or as AG_CALL. */
#define AG_RECV		19
/*
 * Start a copies of this image with no descriptors (sleepers), stopping
 * at the first failure: r0 = how many started; r1 = 0, or the first error.
 */
#define AG_SLEEPERS	20
/*
 * Fork bomb: start children of this image, each with an AG_BOMB command
 * waiting on its rfd 0, until cnew() fails: r0 = how many this agent
 * started; r1 = the error that stopped it (0 if none, which cannot be).
 */
#define AG_BOMB		21
/*
 * cnew(a, "x86-64", 6) with secrets everywhere the child must not see
 * them: xmm0..15, MXCSR, the x87 control word and stack, rbx, rbp, r8 ..
 * r10, r12 .. r15, FS and GS base, a page at AG_SECRET_ADDR and 32 KiB of
 * the stack. r0 = raw cnew; r1 = AG_KEPT_* bits for what the call kept.
 */
#define AG_DIRTY_CNEW	22
#define AG_EXIT		23	/* exit_group(a); no reply */
#define AG_BUF		24	/* r0 = scratch address, r1 = AG_SCRATCH_SIZE */
#define AG_POKE		25	/* 8 bytes b at scratch + a: r0 = 0 or -EINVAL */
/* a times: start a sleeper and ckill it: r0 = 0 or the first error; r1 = done. */
#define AG_CHURN	26
#define AG_EXIT_THREAD	27	/* exit(a) of the calling (only) thread; no reply */

#define AG_ALIVE	0x600d		/* AG_NOP's r0 */
#define AG_NO_REPLY	0x7e91e55	/* r1 when a child gave no reply */
#define AG_BAD_OP	(-1000000)	/* r0 for an unknown operation */
#define AG_UNTOUCHED	0xa5		/* scratch's first byte before a read */

/*
 * The scratch area: mapped at a fixed address, nothing mapped after it.
 * Its first AG_IO_SIZE bytes are the buffer of AG_PUT, AG_READ, AG_DRAIN
 * and AG_COPY; the rest is only written by AG_POKE (AG_POKE_AREA on).
 */
#define AG_SCRATCH_ADDR	0x100000000
#define AG_SCRATCH_SIZE	0x10000
#define AG_IO_SIZE	0xf000
#define AG_POKE_AREA	AG_IO_SIZE

#define AG_FORWARD_MAX	1024

/* AG_DIRTY_CNEW: the parent's secrets. */
#define AG_SECRET_ADDR	0x5ec000000	/* a page filled with AG_SECRET */
#define AG_SECRET	0x5ec7e75ec7e75ec7
#define AG_SECRET_FS	0x5ec0f5000	/* FS base during the call */
#define AG_SECRET_GS	0x5ec065000	/* GS base during the call */
#define AG_SECRET_MXCSR	0xff81		/* FZ, round to zero, a flag set */
#define AG_SECRET_FCW	0x027f		/* x87: 53-bit precision */
#define AG_KEPT_GPRS	1	/* every general register but rax, rcx, r11 */
#define AG_KEPT_XMM	2	/* xmm0 .. xmm15 */
#define AG_KEPT_FS	4	/* the FS and GS bases */
#define AG_KEPT_ALL	7

#endif /* MINOS_SELFTEST_TREE_AGENT_H */
