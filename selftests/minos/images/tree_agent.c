// SPDX-License-Identifier: GPL-2.0
/*
 * tree_agent: a container that makes the calls it is asked for, one
 * command at a time, and starts copies of itself as child agents, sleepers
 * or a fork bomb. The protocol and the roles are in tree_agent.h.
 *
 * A copy of the agent is made from the bytes of its own image, mapped at
 * 0x10000 up to __minos_image_end. So the agent has no writable static
 * data at all: everything it changes lives on its stack or in mmap()ed
 * memory, and the copy is the image file, byte for byte.
 */
#include <minos.h>
#include "tree_agent.h"

extern const char __minos_image_start[], __minos_image_end[];

static const char arch_x86[] = MINOS_ARCH_X86_64;
#define ARCH_X86_LEN	(sizeof(arch_x86) - 1)

#define CHUNK		4096
/* rdx going into pipe(): what the caller sees if the call left it alone. */
#define PIPE_RDX_UNSET	(-0x5e5eL)

#define XSTR(x)		STR(x)
#define STR(x)		#x

static unsigned char *const scratch = (unsigned char *)AG_SCRATCH_ADDR;

/* Block for ever: a read of a pipe whose write end this container keeps. */
static __attribute__((noreturn)) void sleep_forever(void)
{
	int w, r;
	char c;

	if (minos_pipe(&w, &r))
		minos_exit_group(4);
	for (;;)
		minos_read_one(r, &c, 1);
}

/* Exactly @n bytes: @n; 0 at end of stream before any; else -errno. */
static long read_full(int rfd, void *buf, unsigned long n)
{
	unsigned long done = 0;

	while (done < n) {
		long r = minos_read_one(rfd, (char *)buf + done, n - done);

		if (r < 0)
			return r;
		if (r == 0)
			return done ? -EIO : 0;
		done += r;
	}
	return n;
}

/* Write all of @buf, counting what went in *@done: 0 or the first error. */
static long write_counted(int wfd, const void *buf, unsigned long n,
			  long *done)
{
	const char *p = buf;

	while (n) {
		long r = minos_write(wfd, p, n > CHUNK ? CHUNK : n);

		if (r < 0)
			return r;
		if (r == 0)
			return -EIO;
		p += r;
		n -= r;
		*done += r;
	}
	return 0;
}

static void reply(long r0, long r1)
{
	struct ag_reply rep = { r0, r1 };

	/* No one to answer to: stay alive (see tree_agent.h). */
	if (minos_write_all(1, &rep, sizeof(rep)) != sizeof(rep))
		sleep_forever();
}

static unsigned long self_size(void)
{
	return (unsigned long)(__minos_image_end - __minos_image_start);
}

static long write_self(int wfd, unsigned long off, unsigned long len,
		       long *done)
{
	unsigned long size = self_size();

	if (off > size)
		off = size;
	if (len > size - off)
		len = size - off;
	return write_counted(wfd, __minos_image_start + off, len, done);
}

/*
 * A child running this image; @rfd, if >= 0, passed to it first. Returns
 * its cid or the first error; no descriptor is left behind either way.
 */
static long start_copy(int rfd)
{
	long cid, ret, done = 0;
	int cw, cr;

	ret = minos_pipe(&cw, &cr);
	if (ret)
		return ret;
	cid = minos_cnew_native(cr);
	if (cid < 0) {
		minos_rclose(cr);
		minos_wclose(cw);
		if (rfd >= 0)
			minos_rclose(rfd);
		return cid;
	}
	if (rfd >= 0) {
		ret = minos_rpass(rfd, cid);
		if (ret < 0)
			minos_rclose(rfd);
	}
	ret = write_self(cw, 0, -1UL, &done);
	minos_wclose(cw);
	return ret < 0 ? ret : cid;
}

/* Start @n sleepers: r0 = how many, r1 = 0 or the error that stopped it. */
static void sleepers(long n, long *r0, long *r1)
{
	long cid;

	for (*r0 = 0, *r1 = 0; *r0 < n; ++*r0) {
		cid = start_copy(-1);
		if (cid < 0) {
			*r1 = cid;
			return;
		}
	}
}

/* Each child gets an AG_BOMB command waiting on its rfd 0. */
static void bomb(long *r0, long *r1)
{
	struct ag_cmd cmd = { .op = AG_BOMB };
	long cid, ret;
	int w, r;

	for (*r0 = 0;; ++*r0) {
		ret = minos_pipe(&w, &r);
		if (ret) {
			*r1 = ret;
			return;
		}
		ret = minos_write_all(w, &cmd, sizeof(cmd));
		minos_wclose(w);
		if (ret < 0) {
			minos_rclose(r);
			*r1 = ret;
			return;
		}
		cid = start_copy(r);
		if (cid < 0) {
			*r1 = cid;
			return;
		}
	}
}

static void churn(long n, long *r0, long *r1)
{
	long cid;

	for (*r0 = 0, *r1 = 0; *r1 < n; ++*r1) {
		cid = start_copy(-1);
		if (cid < 0) {
			*r0 = cid;
			return;
		}
		*r0 = minos_ckill(cid);
		if (*r0)
			return;
	}
}

/*
 * AG_DIRTY_CNEW. dirty_cnew() loads the secrets into the registers, makes
 * the call and records what the call returned and kept.
 */
struct dirty {
	long code_rfd;			/* 0 */
	long arch;			/* 8 */
	long arch_len;			/* 16 */
	long ret;			/* 24: rax after the call */
	long gpr_diff;			/* 32: OR of (register ^ value before) */
	long pad;			/* 40 */
	unsigned char xmm[256];		/* 48: xmm0 .. xmm15 before */
	unsigned char xmm_after[256];	/* 304 */
};

_Static_assert(__builtin_offsetof(struct dirty, xmm) == 48, "dirty.xmm");
_Static_assert(__builtin_offsetof(struct dirty, xmm_after) == 304,
	       "dirty.xmm_after");

void dirty_cnew(struct dirty *d);

#define SECRET_REG(n)	"0x5ec7e7000000000" #n

__asm__(
	".text\n"
	".type dirty_cnew, @function\n"
	"dirty_cnew:\n"
	"	pushq %rbx\n"
	"	pushq %rbp\n"
	"	pushq %r12\n"
	"	pushq %r13\n"
	"	pushq %r14\n"
	"	pushq %r15\n"
	"	subq $24, %rsp\n"
	"	movq %rdi, 8(%rsp)\n"
	"	stmxcsr (%rsp)\n"
	"	movdqu 48(%rdi), %xmm0\n"
	"	movdqu 64(%rdi), %xmm1\n"
	"	movdqu 80(%rdi), %xmm2\n"
	"	movdqu 96(%rdi), %xmm3\n"
	"	movdqu 112(%rdi), %xmm4\n"
	"	movdqu 128(%rdi), %xmm5\n"
	"	movdqu 144(%rdi), %xmm6\n"
	"	movdqu 160(%rdi), %xmm7\n"
	"	movdqu 176(%rdi), %xmm8\n"
	"	movdqu 192(%rdi), %xmm9\n"
	"	movdqu 208(%rdi), %xmm10\n"
	"	movdqu 224(%rdi), %xmm11\n"
	"	movdqu 240(%rdi), %xmm12\n"
	"	movdqu 256(%rdi), %xmm13\n"
	"	movdqu 272(%rdi), %xmm14\n"
	"	movdqu 288(%rdi), %xmm15\n"
	"	movl $" XSTR(AG_SECRET_MXCSR) ", 4(%rsp)\n"
	"	ldmxcsr 4(%rsp)\n"
	"	movw $" XSTR(AG_SECRET_FCW) ", 16(%rsp)\n"
	"	fldcw 16(%rsp)\n"
	"	fld1\n"
	"	fldpi\n"
	"	fldl2t\n"
	"	movabsq $" SECRET_REG(1) ", %rbx\n"
	"	movabsq $" SECRET_REG(2) ", %rbp\n"
	"	movabsq $" SECRET_REG(3) ", %r8\n"
	"	movabsq $" SECRET_REG(4) ", %r9\n"
	"	movabsq $" SECRET_REG(5) ", %r10\n"
	"	movabsq $" SECRET_REG(6) ", %r12\n"
	"	movabsq $" SECRET_REG(7) ", %r13\n"
	"	movabsq $" SECRET_REG(8) ", %r14\n"
	"	movabsq $" SECRET_REG(9) ", %r15\n"
	"	movq 8(%rdi), %rsi\n"
	"	movq 16(%rdi), %rdx\n"
	"	movq 0(%rdi), %rdi\n"
	"	movl $" XSTR(MINOS_NR_CNEW) ", %eax\n"
	"	syscall\n"
	"	movq 8(%rsp), %rcx\n"
	"	movq %rax, 24(%rcx)\n"
	"	movabsq $" SECRET_REG(1) ", %r11\n"
	"	xorq %r11, %rbx\n"
	"	movabsq $" SECRET_REG(2) ", %r11\n"
	"	xorq %r11, %rbp\n"
	"	orq %rbp, %rbx\n"
	"	movabsq $" SECRET_REG(3) ", %r11\n"
	"	xorq %r11, %r8\n"
	"	orq %r8, %rbx\n"
	"	movabsq $" SECRET_REG(4) ", %r11\n"
	"	xorq %r11, %r9\n"
	"	orq %r9, %rbx\n"
	"	movabsq $" SECRET_REG(5) ", %r11\n"
	"	xorq %r11, %r10\n"
	"	orq %r10, %rbx\n"
	"	movabsq $" SECRET_REG(6) ", %r11\n"
	"	xorq %r11, %r12\n"
	"	orq %r12, %rbx\n"
	"	movabsq $" SECRET_REG(7) ", %r11\n"
	"	xorq %r11, %r13\n"
	"	orq %r13, %rbx\n"
	"	movabsq $" SECRET_REG(8) ", %r11\n"
	"	xorq %r11, %r14\n"
	"	orq %r14, %rbx\n"
	"	movabsq $" SECRET_REG(9) ", %r11\n"
	"	xorq %r11, %r15\n"
	"	orq %r15, %rbx\n"
	"	xorq 0(%rcx), %rdi\n"
	"	orq %rdi, %rbx\n"
	"	xorq 8(%rcx), %rsi\n"
	"	orq %rsi, %rbx\n"
	"	xorq 16(%rcx), %rdx\n"
	"	orq %rdx, %rbx\n"
	"	movq %rbx, 32(%rcx)\n"
	"	movdqu %xmm0, 304(%rcx)\n"
	"	movdqu %xmm1, 320(%rcx)\n"
	"	movdqu %xmm2, 336(%rcx)\n"
	"	movdqu %xmm3, 352(%rcx)\n"
	"	movdqu %xmm4, 368(%rcx)\n"
	"	movdqu %xmm5, 384(%rcx)\n"
	"	movdqu %xmm6, 400(%rcx)\n"
	"	movdqu %xmm7, 416(%rcx)\n"
	"	movdqu %xmm8, 432(%rcx)\n"
	"	movdqu %xmm9, 448(%rcx)\n"
	"	movdqu %xmm10, 464(%rcx)\n"
	"	movdqu %xmm11, 480(%rcx)\n"
	"	movdqu %xmm12, 496(%rcx)\n"
	"	movdqu %xmm13, 512(%rcx)\n"
	"	movdqu %xmm14, 528(%rcx)\n"
	"	movdqu %xmm15, 544(%rcx)\n"
	"	fninit\n"
	"	ldmxcsr (%rsp)\n"
	"	addq $24, %rsp\n"
	"	popq %r15\n"
	"	popq %r14\n"
	"	popq %r13\n"
	"	popq %r12\n"
	"	popq %rbp\n"
	"	popq %rbx\n"
	"	ret\n"
	".size dirty_cnew, . - dirty_cnew\n");

/* The call, with 32 KiB of secrets on the stack below the caller's frame. */
static __attribute__((noinline)) void dirty_stack_call(struct dirty *d)
{
	volatile long stack[4096];
	int i;

	for (i = 0; i < 4096; i++)
		stack[i] = AG_SECRET;
	dirty_cnew(d);
	(void)stack[0];
}

static long dirty(long code_rfd, long *kept)
{
	long *page = (long *)AG_SECRET_ADDR;
	unsigned long fs = 0, gs = 0, old_fs = 0, old_gs = 0;
	struct dirty d = {
		.code_rfd = code_rfd,
		.arch = (long)arch_x86,
		.arch_len = ARCH_X86_LEN,
	};
	long ret;
	int i;

	ret = minos_mmap(page, 4096, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	if (minos_is_error(ret))
		return ret;
	for (i = 0; i < 512; i++)
		page[i] = AG_SECRET;
	for (i = 0; i < 256; i++)
		d.xmm[i] = (unsigned char)(0x80 | i);
	/* The start code may have set them (thread-local storage). */
	if (minos_arch_prctl(ARCH_GET_FS, (unsigned long)&old_fs) ||
	    minos_arch_prctl(ARCH_GET_GS, (unsigned long)&old_gs) ||
	    minos_arch_prctl(ARCH_SET_FS, AG_SECRET_FS) ||
	    minos_arch_prctl(ARCH_SET_GS, AG_SECRET_GS))
		return -EIO;

	dirty_stack_call(&d);

	minos_arch_prctl(ARCH_GET_FS, (unsigned long)&fs);
	minos_arch_prctl(ARCH_GET_GS, (unsigned long)&gs);
	minos_arch_prctl(ARCH_SET_FS, old_fs);
	minos_arch_prctl(ARCH_SET_GS, old_gs);
	*kept = 0;
	if (!d.gpr_diff)
		*kept |= AG_KEPT_GPRS;
	if (!minos_memcmp(d.xmm, d.xmm_after, sizeof(d.xmm)))
		*kept |= AG_KEPT_XMM;
	if (fs == AG_SECRET_FS && gs == AG_SECRET_GS)
		*kept |= AG_KEPT_FS;
	return d.ret;
}

/* AG_CALL, AG_SEND and AG_RECV: talk to a child agent. */
static void forward(const struct ag_cmd *c, long *r0, long *r1)
{
	char buf[AG_FORWARD_MAX];
	struct ag_reply rep;
	long n;

	*r1 = AG_NO_REPLY;
	if (c->op != AG_RECV) {
		/* The stream cannot be resynchronised after a bad length. */
		if (c->c < 0 || c->c > AG_FORWARD_MAX)
			minos_exit_group(6);
		n = read_full(0, buf, c->c);
		if (n != c->c)
			minos_exit_group(7);
		*r0 = minos_write_all(c->a, buf, c->c);
		if (c->op == AG_SEND)
			*r1 = 0;
		if (*r0 < 0 || c->op == AG_SEND)
			return;
	}
	n = read_full(c->op == AG_RECV ? c->a : c->b, &rep, sizeof(rep));
	if (n != sizeof(rep)) {
		*r0 = n;
		return;
	}
	*r0 = rep.r0;
	*r1 = rep.r1;
}

static void run(const struct ag_cmd *c)
{
	struct minos_pair p;
	long r0 = AG_BAD_OP, r1 = 0;
	int rfd = (int)c->a;

	switch (c->op) {
	case AG_NOP:
		r0 = AG_ALIVE;
		r1 = minos_gettid();
		break;
	case AG_PIPE:
		p = minos_syscall_pair4(MINOS_NR_PIPE, 0, 0, PIPE_RDX_UNSET, 0);
		r0 = p.a;
		r1 = p.b;
		break;
	case AG_CNEW:
		r0 = minos_syscall3(MINOS_NR_CNEW, c->a, c->b, c->c);
		break;
	case AG_CNEW_X86:
		r0 = minos_syscall3(MINOS_NR_CNEW, c->a, (long)arch_x86,
				    ARCH_X86_LEN);
		break;
	case AG_CKILL:
		r0 = minos_syscall1(MINOS_NR_CKILL, c->a);
		break;
	case AG_WPASS:
		r0 = minos_syscall2(MINOS_NR_WPASS, c->a, c->b);
		break;
	case AG_RPASS:
		r0 = minos_syscall2(MINOS_NR_RPASS, c->a, c->b);
		break;
	case AG_WCLOSE:
		r0 = minos_syscall1(MINOS_NR_WCLOSE, c->a);
		break;
	case AG_RCLOSE:
		r0 = minos_syscall1(MINOS_NR_RCLOSE, c->a);
		break;
	case AG_WRITE:
		r0 = minos_syscall3(MINOS_NR_WRITE, c->a, c->b, c->c);
		break;
	case AG_PUT:
		minos_memset(scratch, (int)c->b, CHUNK);
		for (r0 = 0; !r0 && r1 < c->c;)
			r0 = write_counted(c->a, scratch,
					   c->c - r1 > CHUNK ? CHUNK : c->c - r1,
					   &r1);
		break;
	case AG_READ:
		if (c->b < 1 || c->b > AG_IO_SIZE) {
			r0 = -EINVAL;
			break;
		}
		scratch[0] = AG_UNTOUCHED;
		r0 = minos_read(&rfd, 1, scratch, c->b, (int *)0);
		r1 = scratch[0];
		break;
	case AG_DRAIN:
		do {
			r0 = minos_read(&rfd, 1, scratch, AG_IO_SIZE,
					(int *)0);
			if (r0 > 0)
				r1 += r0;
		} while (r0 > 0);
		break;
	case AG_COPY:
		do {
			r0 = minos_read(&rfd, 1, scratch, AG_IO_SIZE,
					(int *)0);
			if (r0 > 0)
				r0 = write_counted(c->b, scratch, r0, &r1) ?: 1;
		} while (r0 > 0);
		break;
	case AG_SELF:
		r0 = write_self(c->a, c->c, c->b, &r1);
		break;
	case AG_SELF_SIZE:
		r0 = self_size();
		break;
	case AG_CALL:
	case AG_SEND:
	case AG_RECV:
		forward(c, &r0, &r1);
		break;
	case AG_SLEEPERS:
		sleepers(c->a, &r0, &r1);
		break;
	case AG_BOMB:
		bomb(&r0, &r1);
		break;
	case AG_DIRTY_CNEW:
		r0 = dirty(c->a, &r1);
		break;
	case AG_EXIT:
		minos_exit_group((int)c->a);
	case AG_EXIT_THREAD:
		minos_exit((int)c->a);
	case AG_BUF:
		r0 = AG_SCRATCH_ADDR;
		r1 = AG_SCRATCH_SIZE;
		break;
	case AG_POKE:
		r0 = -EINVAL;
		if (c->a >= 0 && c->a <= AG_SCRATCH_SIZE - 8) {
			minos_memcpy(scratch + c->a, &c->b, 8);
			r0 = 0;
		}
		break;
	case AG_CHURN:
		churn(c->a, &r0, &r1);
		break;
	}
	reply(r0, r1);
}

int main(void)
{
	struct ag_cmd cmd;
	long n, addr;

	n = read_full(0, &cmd, sizeof(cmd));
	if (n == -EBADF)
		sleep_forever();
	addr = minos_mmap(scratch, AG_SCRATCH_SIZE, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
			  -1, 0);
	if (addr != AG_SCRATCH_ADDR)
		return 5;
	while (n == sizeof(cmd)) {
		run(&cmd);
		n = read_full(0, &cmd, sizeof(cmd));
	}
	return n ? 3 : 0;
}
