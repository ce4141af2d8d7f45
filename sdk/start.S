/* SPDX-License-Identifier: MIT */
/*
 * Minos SDK start code, linked first into every flat image.
 *
 * MIT licensed, like the rest of the SDK, because it becomes part of every
 * Minos program: see include/minos.h.
 *
 * A new x86-64 container starts at 0x10000, the first byte of its image,
 * with rsp = 0x7ffffffff000 and every other register 0 (minos-abi.md).
 * _start sets up the main thread's TLS block and thread pointer when the
 * program needs them, calls int main(void) and ends the container with
 * exit_group of main's return value.
 *
 * Also here: the memcpy, memmove, memset and memcmp symbols that compiled C
 * may call even in a freestanding program (weak, so a program may bring
 * its own), and minos_clone_thread(), which must be assembly because the
 * new thread starts on a stack that holds no C frame.
 */

#include <minos/thread.h>

#define NR_MMAP		9
#define NR_EXIT		60
#define NR_CLONE	56
#define NR_ARCH_PRCTL	158
#define NR_EXIT_GROUP	231

#define PROT_RW		3	/* PROT_READ | PROT_WRITE */
#define MAP_PRIV_ANON	0x22	/* MAP_PRIVATE | MAP_ANONYMOUS */
#define ARCH_SET_FS	0x1002

	.section .text.minos_start, "ax", @progbits
	.globl	_start
	.type	_start, @function
_start:
	xorl	%ebp, %ebp		/* outermost frame */
	andq	$-16, %rsp		/* already so; the ABI needs it for call */
	cld
	call	minos_start_tls
	call	main
	movl	%eax, %edi
	movl	$NR_EXIT_GROUP, %eax
	syscall
	ud2				/* exit_group does not return */
	.size	_start, . - _start

/*
 * The main thread's TLS block and thread control block, in a mapping of
 * their own: [TLS block | struct minos_thread], the FS base pointing to
 * the latter, aligned to the TLS alignment and at least to 64 bytes (see
 * minos.ld and lib/thread.c). Only when the program has __thread
 * variables or uses the SDK's threads (which define
 * __minos_thread_main_init); otherwise FS stays 0 as the container
 * started. A failed mmap ends the container on ud2 (SIGILL).
 */
	.weak	__minos_thread_main_init
	.type	minos_start_tls, @function
minos_start_tls:
	movl	$__minos_tls_size, %eax
	movl	$__minos_thread_main_init, %ecx
	orq	%rcx, %rax
	jnz	1f
	ret
1:	pushq	%rbx
	pushq	%r12
	subq	$8, %rsp		/* 16-byte aligned for the call */
	movl	$__minos_tls_align, %r12d
	movl	$64, %eax
	cmpq	%rax, %r12
	cmovbq	%rax, %r12		/* r12: the thread pointer's alignment */
	/* mmap(0, round_up(tls + align + TCB, 4096), RW, anon, -1, 0) */
	xorl	%edi, %edi
	leaq	__minos_tls_size + MINOS_TCB_SIZE + 4095(%r12), %rsi
	andq	$-4096, %rsi
	movl	$PROT_RW, %edx
	movl	$MAP_PRIV_ANON, %r10d
	movq	$-1, %r8
	xorl	%r9d, %r9d
	movl	$NR_MMAP, %eax
	syscall
	cmpq	$-4095, %rax
	jae	2f
	/* The thread pointer: aligned, with room for the block below it. */
	leaq	__minos_tls_size - 1(%rax, %r12), %rbx
	negq	%r12
	andq	%r12, %rbx
	movq	%rbx, (%rbx)		/* its self pointer */
	/* Copy .tdata to the start of the block; .tbss is already zero. */
	movq	%rbx, %rdi
	subq	$__minos_tls_size, %rdi
	movl	$__minos_tdata_start, %esi
	movl	$__minos_tdata_size, %ecx
	rep movsb
	movl	$ARCH_SET_FS, %edi
	movq	%rbx, %rsi
	movl	$NR_ARCH_PRCTL, %eax
	syscall
	testq	%rax, %rax
	jnz	2f
	movl	$__minos_thread_main_init, %eax
	testq	%rax, %rax
	jz	3f
	movq	%rbx, %rdi
	call	*%rax
3:	addq	$8, %rsp
	popq	%r12
	popq	%rbx
	ret
2:	ud2
	.size	minos_start_tls, . - minos_start_tls

	.text

/* void *memcpy(void *dst, const void *src, unsigned long n) */
	.weak	memcpy
	.type	memcpy, @function
memcpy:
	movq	%rdi, %rax
	movq	%rdx, %rcx
	rep movsb
	ret
	.size	memcpy, . - memcpy

/* void *memmove(void *dst, const void *src, unsigned long n) */
	.weak	memmove
	.type	memmove, @function
memmove:
	movq	%rdi, %rax
	movq	%rdx, %rcx
	movq	%rdi, %r8
	subq	%rsi, %r8		/* dst - src, unsigned */
	cmpq	%rdx, %r8
	jae	1f			/* dst before src or past its end */
	leaq	-1(%rsi, %rdx), %rsi	/* overlap with dst above: go down */
	leaq	-1(%rdi, %rdx), %rdi
	std
	rep movsb
	cld
	ret
1:	rep movsb
	ret
	.size	memmove, . - memmove

/* void *memset(void *dst, int c, unsigned long n) */
	.weak	memset
	.type	memset, @function
memset:
	movq	%rdi, %r8
	movl	%esi, %eax
	movq	%rdx, %rcx
	rep stosb
	movq	%r8, %rax
	ret
	.size	memset, . - memset

/* int memcmp(const void *a, const void *b, unsigned long n) */
	.weak	memcmp
	.type	memcmp, @function
memcmp:
	xorl	%eax, %eax
	testq	%rdx, %rdx
	jz	2f
1:	movzbl	(%rdi), %eax
	movzbl	(%rsi), %ecx
	subl	%ecx, %eax
	jnz	2f
	incq	%rdi
	incq	%rsi
	decq	%rdx
	jnz	1b
2:	ret
	.size	memcmp, . - memcmp

/*
 * long minos_clone_thread(unsigned long flags, void *stack_top, int *ptid,
 *			   int *ctid, unsigned long tls, int (*fn)(void *),
 *			   void *arg)
 *
 * rdi flags, rsi stack_top, rdx ptid, rcx ctid, r8 tls, r9 fn, 8(%rsp) arg.
 * fn and arg are stored on the new stack before the call, so the child
 * needs nothing from the parent's registers or stack.
 */
	.globl	minos_clone_thread
	.type	minos_clone_thread, @function
minos_clone_thread:
	movq	8(%rsp), %rax		/* arg */
	andq	$-16, %rsi
	subq	$16, %rsi
	movq	%r9, 0(%rsi)		/* fn */
	movq	%rax, 8(%rsi)		/* arg */
	movq	%rcx, %r10		/* clone: flags, stack, ptid, ctid, tls */
	movl	$NR_CLONE, %eax
	syscall
	testq	%rax, %rax
	jz	1f
	ret				/* the caller: tid or -errno */
1:	xorl	%ebp, %ebp		/* the new thread, on its own stack */
	popq	%rax			/* fn */
	popq	%rdi			/* arg; rsp is 16-byte aligned again */
	call	*%rax
	movl	%eax, %edi
	movl	$NR_EXIT, %eax
	syscall
	ud2
	.size	minos_clone_thread, . - minos_clone_thread

	.section .note.GNU-stack, "", @progbits
