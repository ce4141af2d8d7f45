/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The driver's raw thread start, for the Linux twins of the thread rows:
 * the same code as the SDK's minos_clone_thread(), so that both sides
 * make the same clone() call and the new thread starts the same way.
 *
 * long bench_clone_thread(unsigned long flags, void *stack_top, int *ptid,
 *			   int *ctid, unsigned long tls, int (*fn)(void *),
 *			   void *arg)
 *
 * rdi flags, rsi stack_top, rdx ptid, rcx ctid, r8 tls, r9 fn, 8(%rsp) arg.
 * Returns the new thread's tid, or -errno; the thread runs fn(arg) on its
 * stack and then exit(fn's return value), the Linux call that ends one
 * thread. fn must not use libc: the thread shares the caller's TLS.
 */

#define NR_EXIT		60
#define NR_CLONE	56

	.text
	.globl	bench_clone_thread
	.type	bench_clone_thread, @function
bench_clone_thread:
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
	.size	bench_clone_thread, . - bench_clone_thread

	.section .note.GNU-stack, "", @progbits
