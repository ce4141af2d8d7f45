/* SPDX-License-Identifier: GPL-2.0 */
/*
 * enosys: make every call of ENOSYS_TABLE (enosys_table.h), each with the
 * syscall instruction or int $0x80, store each result (rax, all 64 bits),
 * then write the results and ENOSYS_MAGIC on wfd 1 in one Minos write and
 * spin, so that the test can look at the process before it kills it.
 *
 * Every pointer argument points into the image, below 4 GiB, so that it is
 * the same for int $0x80.
 */
#include <asm/unistd_64.h>
#include "asm.h"
#include "enosys_table.h"

#define ENTRY(cat, name, nr, a1, a2, a3, a4, a5, a6)	\
	.quad cat, nr, a1, a2, a3, a4, a5, a6;

/* One table entry: 8 quadwords. */
#define E_CAT	0
#define E_NR	8
#define E_A1	16
#define E_A2	24
#define E_A3	32
#define E_A4	40
#define E_A5	48
#define E_A6	56
#define E_SIZE	64

	.text
	.globl	_start
_start:
	leaq	table(%rip), %r12
	leaq	table_end(%rip), %r13
	leaq	results(%rip), %r14
1:	cmpq	%r13, %r12
	jae	4f
	cmpq	$ENOSYS_INT80, E_CAT(%r12)
	je	2f
	movq	E_NR(%r12), %rax
	movq	E_A1(%r12), %rdi
	movq	E_A2(%r12), %rsi
	movq	E_A3(%r12), %rdx
	movq	E_A4(%r12), %r10
	movq	E_A5(%r12), %r8
	movq	E_A6(%r12), %r9
	syscall
	jmp	3f
2:	movq	E_NR(%r12), %rax
	movq	E_A1(%r12), %rbx
	movq	E_A2(%r12), %rcx
	movq	E_A3(%r12), %rdx
	movq	E_A4(%r12), %rsi
	movq	E_A5(%r12), %rdi
	movq	E_A6(%r12), %rbp
	int	$0x80
3:	movq	%rax, (%r14)
	addq	$8, %r14
	addq	$E_SIZE, %r12
	jmp	1b

4:	movabsq	$ENOSYS_MAGIC, %rax
	movq	%rax, (%r14)
	addq	$8, %r14
	leaq	results(%rip), %rsi
	movq	%r14, %rdx
	subq	%rsi, %rdx
	movl	$1, %edi
	movl	$ASM_NR_WRITE, %eax
	syscall
5:	jmp	5b

	.balign	8
table:
	ENOSYS_TABLE(ENTRY)
table_end:

results:
	.fill	(table_end - table) / E_SIZE + 1, 8, 0x5a5a5a5a5a5a5a5a

/* struct kernel_sigaction { handler = SIG_IGN, flags, restorer, mask } */
sa_ign:		.quad	1, 0, 0, 0
/* sigset_t with SIGTERM (15) */
mask_term:	.quad	1 << (15 - 1)
/* struct timespec: 1 ns */
ts_short:	.quad	0, 1
/* struct rlimit { 1, 1 } */
rlim_one:	.quad	1, 1
argv_sh:	.quad	s_sh, s_dash_c, s_exit42, 0
zero_block:	.fill	128, 1, 0
scratch:	.fill	512, 1, 0

s_leak:		.ascii	"LEAK\n"
s_empty:	.asciz	""
s_none:		.asciz	"none"
s_tmpfs:	.asciz	"tmpfs"
s_minos:	.asciz	"minos"
s_hacked:	.asciz	ENOSYS_HACKED_NAME
s_sh:		.asciz	"/bin/sh"
s_dash_c:	.asciz	"-c"
s_exit42:	.asciz	"exit 42"
s_keep:		.asciz	ENOSYS_KEEP
s_mnt:		.asciz	ENOSYS_MNT
s_open:		.ascii	ENOSYS_DIR
		.asciz	"/open"
s_hiopen:	.ascii	ENOSYS_DIR
		.asciz	"/open-high-bits"
s_creat:	.ascii	ENOSYS_DIR
		.asciz	"/creat"
s_openat:	.ascii	ENOSYS_DIR
		.asciz	"/openat"
s_renamed:	.ascii	ENOSYS_DIR
		.asciz	"/renamed"
s_link:		.ascii	ENOSYS_DIR
		.asciz	"/link"
s_symlink:	.ascii	ENOSYS_DIR
		.asciz	"/symlink"
s_newdir:	.ascii	ENOSYS_DIR
		.asciz	"/newdir"
s_mkdirat:	.ascii	ENOSYS_DIR
		.asciz	"/mkdirat"
s_x32open:	.ascii	ENOSYS_DIR
		.asciz	"/x32-open"
s_i386open:	.ascii	ENOSYS_DIR
		.asciz	"/i386-open"
s_i386dir:	.ascii	ENOSYS_DIR
		.asciz	"/i386-dir"
