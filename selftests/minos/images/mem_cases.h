/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The memory calls that mem_test checks, run twice: in a container by
 * images/mem_table.bin, and natively by mem_test itself, as a plain Linux
 * process on the same kernel. Each case yields one number; mem_test then
 * wants, case by case:
 *
 * - an argument the ABI allows (abi.rst, "How Minos reads the open
 *   points"): the same number as Linux gave natively (Linux semantics);
 * - an argument it does not allow: -EINVAL, and no effect (the image
 *   checks what it can from inside, mem_test looks at /proc/PID/maps).
 *
 * So this file must build both as a freestanding image (with the SDK) and
 * as part of a hosted test program: it makes its system calls itself and
 * needs nothing but the Linux uapi constants.
 *
 * The tables (mc_run_tables) try every bit 0..63 of mmap's prot and flags,
 * of mprotect's prot (alone and with PROT_READ | PROT_WRITE) and of
 * mremap's flags (alone and with MREMAP_MAYMOVE). The behaviours
 * (mc_run_behaviour) are mprotect, munmap, mmap and mremap edge cases whose
 * results, errors and effects must be Linux's. Everything happens at fixed
 * addresses from MC_BASE, free in both processes, and is unmapped again.
 */
#ifndef MINOS_SELFTEST_MEM_CASES_H
#define MINOS_SELFTEST_MEM_CASES_H

#include <linux/mman.h>

#include "raw_syscall.h"

/* Linux 6.11; the build machine's uapi headers may be older. */
#ifndef MAP_DROPPABLE
#define MAP_DROPPABLE	0x08
#endif

#define MC_PAGE		4096UL
#define MC_HUGE		(2UL << 20)

/* The scratch area: A and C for mremap, P for mprotect. */
#define MC_BASE		0x300000000000UL
#define MC_A		MC_BASE
#define MC_C		(MC_BASE + 0x1000000UL)
#define MC_P		(MC_BASE + 0x2000000UL)
#define MC_END		(MC_BASE + 0x3000000UL)

/* Case ids: table << 8 | index. */
#define MC_MMAP_PROT		1	/* prot = 1 << i; 64: 0, 65: 7 */
#define MC_MMAP_FLAGS		2	/* see mc_mmap_flags() */
#define MC_MPROTECT		3	/* prot = 1 << i; 64: 0, 65: 7 */
#define MC_MPROTECT_RW		4	/* prot = RW | 1 << i */
#define MC_MREMAP		5	/* flags = 1 << i */
#define MC_MREMAP_MAYMOVE	6	/* flags = MREMAP_MAYMOVE | 1 << i */
#define MC_BEHAVIOUR		7	/* mc_behaviours[i] */
#define MC_FILE			8	/* container only: mem_table.c */
#define MC_ID(table, i)		((table) << 8 | (i))
#define MC_TABLE(id)		((id) >> 8)
#define MC_INDEX(id)		((id) & 0xff)

/* mmap flags for bit i: that bit, MAP_PRIVATE unless it is a type bit. */
static inline unsigned long mc_mmap_flags(int i)
{
	unsigned long f = 1UL << i;

	if (!(f & MAP_TYPE))
		f |= MAP_PRIVATE;
	return f | MAP_ANONYMOUS;
}

/*
 * The bits the ABI allows, as abi.rst lists them. In the MAP_TYPE field,
 * bit 2 alone (type 4) is no sharing type: -EINVAL either way.
 */
#define MC_ALLOWED_PROT		(PROT_READ | PROT_WRITE | PROT_EXEC)
#define MC_ALLOWED_MMAP		(MAP_SHARED | MAP_PRIVATE | MAP_DROPPABLE | \
				 MAP_FIXED | MAP_ANONYMOUS | MAP_32BIT | \
				 MAP_GROWSDOWN | MAP_LOCKED | MAP_NORESERVE | \
				 MAP_POPULATE | MAP_NONBLOCK | MAP_STACK | \
				 MAP_HUGETLB | MAP_FIXED_NOREPLACE | \
				 ((unsigned long)MAP_HUGE_MASK << MAP_HUGE_SHIFT))
#define MC_ALLOWED_MREMAP	(MREMAP_MAYMOVE | MREMAP_FIXED | \
				 MREMAP_DONTUNMAP)

/* Where the results go: a report line, or the test's array. */
struct mc_out {
	void (*put)(void *ctx, int id, long value);
	void *ctx;
	int native;	/* 1 in the test process: no checks that could fault */
};

#define MC_NR_MMAP	9
#define MC_NR_MPROTECT	10
#define MC_NR_MUNMAP	11
#define MC_NR_MREMAP	25

static inline long mc_mmap(unsigned long addr, unsigned long len, long prot,
			   long flags, long fd, long off)
{
	return raw_sys6(MC_NR_MMAP, (long)addr, (long)len, prot, flags, fd,
			off);
}

static inline long mc_mprotect(unsigned long addr, unsigned long len,
			       long prot)
{
	return raw_sys6(MC_NR_MPROTECT, (long)addr, (long)len, prot, 0, 0, 0);
}

static inline long mc_munmap(unsigned long addr, unsigned long len)
{
	return raw_sys6(MC_NR_MUNMAP, (long)addr, (long)len, 0, 0, 0, 0);
}

static inline long mc_mremap(unsigned long old, unsigned long old_len,
			     unsigned long new_len, long flags,
			     unsigned long new_addr)
{
	return raw_sys6(MC_NR_MREMAP, (long)old, (long)old_len, (long)new_len,
			flags, (long)new_addr, 0);
}

static inline int mc_failed(long ret)
{
	return (unsigned long)ret >= (unsigned long)-4095;
}

/* 1 when [addr, addr + len) is all mapped (mprotect fails on holes). */
static inline long mc_mapped(unsigned long addr, unsigned long len)
{
	return mc_mprotect(addr, len, PROT_READ | PROT_WRITE) == 0;
}

static inline unsigned char mc_byte(unsigned long addr, unsigned long i)
{
	return (unsigned char)((addr >> 12) * 31 + i * 7 + 13);
}

/* Fill @len bytes at @addr with a pattern that depends on @tag. */
static inline void mc_fill(unsigned long addr, unsigned long len,
			   unsigned long tag)
{
	volatile unsigned char *p = (volatile unsigned char *)addr;
	unsigned long i;

	for (i = 0; i < len; i++)
		p[i] = mc_byte(tag, i);
}

static inline long mc_holds(unsigned long addr, unsigned long len,
			    unsigned long tag)
{
	volatile unsigned char *p = (volatile unsigned char *)addr;
	unsigned long i;

	for (i = 0; i < len; i++)
		if (p[i] != mc_byte(tag, i))
			return 0;
	return 1;
}

static inline long mc_zero(unsigned long addr, unsigned long len)
{
	volatile unsigned char *p = (volatile unsigned char *)addr;
	unsigned long i;

	for (i = 0; i < len; i++)
		if (p[i])
			return 0;
	return 1;
}

/* Unmap the whole scratch area. */
static inline void mc_clear(void)
{
	mc_munmap(MC_BASE, MC_END - MC_BASE);
}

/* A read-write private mapping at @addr, filled with its pattern. */
static inline long mc_map_at(unsigned long addr, unsigned long len,
			     long flags)
{
	long r = mc_mmap(addr, len, PROT_READ | PROT_WRITE,
			 flags | MAP_ANONYMOUS | MAP_FIXED, -1, 0);

	if (!mc_failed(r))
		mc_fill(addr, len, addr);
	return r;
}

/* One mmap try at MC_A: 0 when it mapped (then unmapped it), or -errno. */
static inline long mc_mmap_try(long prot, unsigned long flags)
{
	long r = mc_mmap(MC_A, MC_PAGE, prot, (long)flags, -1, 0);

	if (mc_failed(r))
		return r;
	mc_munmap((unsigned long)r,
		  (flags & MAP_HUGETLB) ? MC_HUGE : MC_PAGE);
	return 0;
}

/*
 * mprotect of the page at MC_P (read-write before), then, in a container
 * whose call failed, a write to it: it faults if the protection changed
 * after all. The page is made read-write again.
 */
static inline long mc_mprotect_try(const struct mc_out *o, long prot)
{
	long r = mc_mprotect(MC_P, MC_PAGE, prot);

	if (mc_failed(r) && !o->native)
		*(volatile char *)MC_P = *(volatile char *)MC_P;
	mc_mprotect(MC_P, MC_PAGE, PROT_READ | PROT_WRITE);
	return r;
}

/*
 * The outcome of an mremap of @len bytes at MC_A (holding its pattern) to
 * @new_len bytes, whose new address may be MC_C: -errno, or where it went
 * (1 MC_A, 2 MC_C, 3 elsewhere) + 10 if the data moved with it + 100 if
 * MC_A is still mapped + 1000 if so and MC_A then reads as zeros. A new
 * mapping elsewhere is unmapped (mc_clear() does the scratch area).
 */
static inline long mc_remap_outcome(long r, unsigned long len,
				    unsigned long new_len)
{
	unsigned long to = (unsigned long)r;
	long v;

	if (mc_failed(r))
		return r;
	v = to == MC_A ? 1 : to == MC_C ? 2 : 3;
	if (mc_holds(to, len, MC_A))
		v += 10;
	if (to != MC_A && mc_mapped(MC_A, len)) {
		v += 100;
		if (mc_zero(MC_A, len))
			v += 1000;
	}
	if (to < MC_BASE || to >= MC_END)
		mc_munmap(to, new_len);
	return v;
}

static inline long mc_remap_try(long flags)
{
	long r;

	mc_clear();
	if (mc_failed(mc_map_at(MC_A, 2 * MC_PAGE, MAP_PRIVATE)))
		return -1000;
	r = mc_mremap(MC_A, 2 * MC_PAGE, 2 * MC_PAGE, flags, MC_C);
	r = mc_remap_outcome(r, 2 * MC_PAGE, 2 * MC_PAGE);
	mc_clear();
	return r;
}

static inline void mc_run_tables(const struct mc_out *o)
{
	int i;

	mc_clear();
	for (i = 0; i < 64; i++)
		o->put(o->ctx, MC_ID(MC_MMAP_PROT, i),
		       mc_mmap_try((long)(1UL << i), MAP_PRIVATE | MAP_ANONYMOUS));
	o->put(o->ctx, MC_ID(MC_MMAP_PROT, 64),
	       mc_mmap_try(PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS));
	o->put(o->ctx, MC_ID(MC_MMAP_PROT, 65),
	       mc_mmap_try(PROT_READ | PROT_WRITE | PROT_EXEC,
			   MAP_PRIVATE | MAP_ANONYMOUS));

	for (i = 0; i < 64; i++)
		o->put(o->ctx, MC_ID(MC_MMAP_FLAGS, i),
		       mc_mmap_try(PROT_READ | PROT_WRITE, mc_mmap_flags(i)));

	if (mc_failed(mc_map_at(MC_P, MC_PAGE, MAP_PRIVATE))) {
		o->put(o->ctx, MC_ID(MC_MPROTECT, 0), -1000);
		return;
	}
	for (i = 0; i < 64; i++)
		o->put(o->ctx, MC_ID(MC_MPROTECT, i),
		       mc_mprotect_try(o, (long)(1UL << i)));
	o->put(o->ctx, MC_ID(MC_MPROTECT, 64), mc_mprotect_try(o, PROT_NONE));
	o->put(o->ctx, MC_ID(MC_MPROTECT, 65),
	       mc_mprotect_try(o, PROT_READ | PROT_WRITE | PROT_EXEC));
	for (i = 0; i < 64; i++)
		o->put(o->ctx, MC_ID(MC_MPROTECT_RW, i),
		       mc_mprotect_try(o, (long)(PROT_READ | PROT_WRITE |
						 (1UL << i))));
	/* The page kept its data through all of it. */
	o->put(o->ctx, MC_ID(MC_MPROTECT, 66), mc_holds(MC_P, MC_PAGE, MC_P));
	mc_clear();

	for (i = 0; i < 64; i++)
		o->put(o->ctx, MC_ID(MC_MREMAP, i),
		       mc_remap_try((long)(1UL << i)));
	for (i = 0; i < 64; i++)
		o->put(o->ctx, MC_ID(MC_MREMAP_MAYMOVE, i),
		       mc_remap_try((long)(MREMAP_MAYMOVE | (1UL << i))));
}

/* --- Behaviours: each returns a number that must be Linux's. --------- */

/* mprotect of a range that does not start on a page. */
static inline long mcb_mprotect_unaligned(void)
{
	mc_map_at(MC_A, MC_PAGE, MAP_PRIVATE);
	return mc_mprotect(MC_A + 1, MC_PAGE, PROT_READ);
}

/* mprotect of a range with nothing mapped. */
static inline long mcb_mprotect_unmapped(void)
{
	return mc_mprotect(MC_C, 4 * MC_PAGE, PROT_READ);
}

static inline long mcb_mprotect_len0(void)
{
	mc_map_at(MC_A, MC_PAGE, MAP_PRIVATE);
	return mc_mprotect(MC_A, 0, PROT_READ);
}

/* A range of which only the start is mapped: -ENOMEM. */
static inline long mcb_mprotect_hole(void)
{
	mc_map_at(MC_A, 2 * MC_PAGE, MAP_PRIVATE);
	return mc_mprotect(MC_A, 4 * MC_PAGE, PROT_READ);
}

/* Read-only, then none, then read-write again: the data stays. */
static inline long mcb_mprotect_roundtrip(void)
{
	long v = 0;

	mc_map_at(MC_A, 3 * MC_PAGE, MAP_PRIVATE);
	v += mc_mprotect(MC_A + MC_PAGE, MC_PAGE, PROT_READ);
	v += mc_mprotect(MC_A, 3 * MC_PAGE, PROT_NONE);
	v += mc_mprotect(MC_A, 3 * MC_PAGE, PROT_READ);
	v += 10 * mc_holds(MC_A, 3 * MC_PAGE, MC_A);
	v += mc_mprotect(MC_A, 3 * MC_PAGE, PROT_READ | PROT_WRITE);
	mc_fill(MC_A, 3 * MC_PAGE, MC_C);
	return v + 100 * mc_holds(MC_A, 3 * MC_PAGE, MC_C);
}

static inline long mcb_munmap_unaligned(void)
{
	mc_map_at(MC_A, MC_PAGE, MAP_PRIVATE);
	return mc_munmap(MC_A + 8, MC_PAGE);
}

static inline long mcb_munmap_len0(void)
{
	return mc_munmap(MC_A, 0);
}

static inline long mcb_munmap_unmapped(void)
{
	return mc_munmap(MC_C, 8 * MC_PAGE);
}

/* Unmapping the middle page leaves the two others. */
static inline long mcb_munmap_middle(void)
{
	long v;

	mc_map_at(MC_A, 3 * MC_PAGE, MAP_PRIVATE);
	v = mc_munmap(MC_A + MC_PAGE, MC_PAGE);
	v += 10 * mc_mapped(MC_A, MC_PAGE);
	v += 100 * mc_mapped(MC_A + MC_PAGE, MC_PAGE);
	v += 1000 * mc_mapped(MC_A + 2 * MC_PAGE, MC_PAGE);
	return v;
}

static inline long mcb_mmap_noreplace_taken(void)
{
	long r;

	mc_map_at(MC_A, MC_PAGE, MAP_PRIVATE);
	r = mc_mmap(MC_A, MC_PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS |
		    MAP_FIXED_NOREPLACE, -1, 0);
	return r == (long)MC_A ? 1 : r;
}

/* MAP_FIXED over the middle of a mapping: zeros there, data around. */
static inline long mcb_mmap_fixed_over(void)
{
	long r, v;

	mc_map_at(MC_A, 3 * MC_PAGE, MAP_PRIVATE);
	r = mc_mmap(MC_A + MC_PAGE, MC_PAGE, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	if (mc_failed(r))
		return r;
	v = r == (long)(MC_A + MC_PAGE);
	v += 10 * mc_zero(MC_A + MC_PAGE, MC_PAGE);
	v += 100 * mc_holds(MC_A, MC_PAGE, MC_A);
	return v;
}

/* A length of 0, and a MAP_FIXED address off a page: -EINVAL. */
static inline long mcb_mmap_zero_len(void)
{
	return mc_mmap(0, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}

static inline long mcb_mmap_fixed_unaligned(void)
{
	return mc_mmap(MC_A + 16, MC_PAGE, PROT_READ,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
}

/* Grow into the free page after it: stays, keeps its data. */
static inline long mcb_mremap_grow_in_place(void)
{
	long r;

	mc_map_at(MC_A, MC_PAGE, MAP_PRIVATE);
	r = mc_mremap(MC_A, MC_PAGE, 2 * MC_PAGE, 0, 0);
	if (mc_failed(r))
		return r;
	return mc_remap_outcome(r, MC_PAGE, 2 * MC_PAGE) +
	       10000 * mc_zero(MC_A + MC_PAGE, MC_PAGE);
}

/* The next page is taken and it may not move: -ENOMEM. */
static inline long mcb_mremap_grow_blocked(void)
{
	mc_map_at(MC_A, 2 * MC_PAGE, MAP_PRIVATE);
	mc_munmap(MC_A + MC_PAGE, MC_PAGE);
	mc_map_at(MC_A + MC_PAGE, MC_PAGE, MAP_SHARED);
	return mc_mremap(MC_A, MC_PAGE, 4 * MC_PAGE, 0, 0);
}

/* The same with MREMAP_MAYMOVE: it moves, with its data. */
static inline long mcb_mremap_grow_moves(void)
{
	long r;

	mc_map_at(MC_A, 2 * MC_PAGE, MAP_PRIVATE);
	mc_munmap(MC_A + MC_PAGE, MC_PAGE);
	mc_map_at(MC_A + MC_PAGE, MC_PAGE, MAP_SHARED);
	r = mc_mremap(MC_A, MC_PAGE, 4 * MC_PAGE, MREMAP_MAYMOVE, 0);
	return mc_remap_outcome(r, MC_PAGE, 4 * MC_PAGE);
}

/* Shrink 4 pages to 1: stays, the tail is gone. */
static inline long mcb_mremap_shrink(void)
{
	long r;

	mc_map_at(MC_A, 4 * MC_PAGE, MAP_PRIVATE);
	r = mc_mremap(MC_A, 4 * MC_PAGE, MC_PAGE, 0, 0);
	if (mc_failed(r))
		return r;
	return mc_remap_outcome(r, MC_PAGE, MC_PAGE) +
	       10000 * mc_mapped(MC_A + MC_PAGE, 3 * MC_PAGE);
}

/* MREMAP_FIXED onto a mapping: replaces it. */
static inline long mcb_mremap_fixed_replaces(void)
{
	long r;

	mc_map_at(MC_A, 2 * MC_PAGE, MAP_PRIVATE);
	mc_map_at(MC_C, 4 * MC_PAGE, MAP_PRIVATE);
	r = mc_mremap(MC_A, 2 * MC_PAGE, 2 * MC_PAGE,
		      MREMAP_MAYMOVE | MREMAP_FIXED, MC_C);
	if (mc_failed(r))
		return r;
	return mc_remap_outcome(r, 2 * MC_PAGE, 2 * MC_PAGE) +
	       10000 * mc_holds(MC_C + 2 * MC_PAGE, 2 * MC_PAGE, MC_C);
}

/* MREMAP_FIXED onto an overlapping range: -EINVAL. */
static inline long mcb_mremap_fixed_overlap(void)
{
	mc_map_at(MC_A, 2 * MC_PAGE, MAP_PRIVATE);
	return mc_mremap(MC_A, 2 * MC_PAGE, 2 * MC_PAGE,
			 MREMAP_MAYMOVE | MREMAP_FIXED, MC_A + MC_PAGE);
}

static inline long mcb_mremap_fixed_unaligned(void)
{
	mc_map_at(MC_A, MC_PAGE, MAP_PRIVATE);
	return mc_mremap(MC_A, MC_PAGE, MC_PAGE, MREMAP_MAYMOVE | MREMAP_FIXED,
			 MC_C + 8);
}

/* old_len 0 duplicates a shared mapping; of a private one, -EINVAL. */
static inline long mcb_mremap_dup_private(void)
{
	long r;

	mc_map_at(MC_A, MC_PAGE, MAP_PRIVATE);
	r = mc_mremap(MC_A, 0, MC_PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, MC_C);
	return mc_failed(r) ? r : 1;
}

static inline long mcb_mremap_dup_shared(void)
{
	long r;

	mc_map_at(MC_A, MC_PAGE, MAP_SHARED);
	r = mc_mremap(MC_A, 0, MC_PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, MC_C);
	if (mc_failed(r))
		return r;
	/* Both see the pattern, and a write through one shows in the other. */
	r = (r == (long)MC_C) + 10 * mc_holds(MC_C, MC_PAGE, MC_A);
	mc_fill(MC_C, MC_PAGE, MC_P);
	return r + 100 * mc_holds(MC_A, MC_PAGE, MC_P);
}

static inline long mcb_mremap_unaligned(void)
{
	mc_map_at(MC_A, 2 * MC_PAGE, MAP_PRIVATE);
	return mc_mremap(MC_A + 1, MC_PAGE, 2 * MC_PAGE, MREMAP_MAYMOVE, 0);
}

static inline long mcb_mremap_unmapped(void)
{
	return mc_mremap(MC_C, MC_PAGE, 2 * MC_PAGE, MREMAP_MAYMOVE, 0);
}

static inline long mcb_mremap_new_len0(void)
{
	mc_map_at(MC_A, MC_PAGE, MAP_PRIVATE);
	return mc_mremap(MC_A, MC_PAGE, 0, MREMAP_MAYMOVE, 0);
}

/* DONTUNMAP with FIXED: data at MC_C, MC_A still mapped, as zeros. */
static inline long mcb_mremap_dontunmap_fixed(void)
{
	long r;

	mc_map_at(MC_A, 2 * MC_PAGE, MAP_PRIVATE);
	r = mc_mremap(MC_A, 2 * MC_PAGE, 2 * MC_PAGE,
		      MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP, MC_C);
	return mc_remap_outcome(r, 2 * MC_PAGE, 2 * MC_PAGE);
}

/* DONTUNMAP needs old_len == new_len. */
static inline long mcb_mremap_dontunmap_grow(void)
{
	mc_map_at(MC_A, 2 * MC_PAGE, MAP_PRIVATE);
	return mc_mremap(MC_A, 2 * MC_PAGE, 4 * MC_PAGE,
			 MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0);
}

/* Shared anonymous memory grows and moves with its data. */
static inline long mcb_mremap_shared_grow(void)
{
	long r;

	mc_map_at(MC_A, 2 * MC_PAGE, MAP_SHARED);
	mc_map_at(MC_A + 2 * MC_PAGE, MC_PAGE, MAP_PRIVATE);
	r = mc_mremap(MC_A, 2 * MC_PAGE, 8 * MC_PAGE, MREMAP_MAYMOVE, 0);
	return mc_remap_outcome(r, 2 * MC_PAGE, 8 * MC_PAGE);
}

/* Growing a mapping of prot PROT_NONE, then making it usable. */
static inline long mcb_mremap_none_grow(void)
{
	long r, v;

	r = mc_mmap(MC_A, MC_PAGE, PROT_NONE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	if (mc_failed(r))
		return r;
	r = mc_mremap(MC_A, MC_PAGE, 3 * MC_PAGE, MREMAP_MAYMOVE, 0);
	if (mc_failed(r))
		return r;
	v = (r == (long)MC_A) + 10 * mc_mapped((unsigned long)r, 3 * MC_PAGE) +
	    100 * mc_zero((unsigned long)r, 3 * MC_PAGE);
	if (r != (long)MC_A)
		mc_munmap((unsigned long)r, 3 * MC_PAGE);
	return v;
}

#define MC_BEHAVIOURS(B)		\
	B(mprotect_unaligned)		\
	B(mprotect_unmapped)		\
	B(mprotect_len0)		\
	B(mprotect_hole)		\
	B(mprotect_roundtrip)		\
	B(munmap_unaligned)		\
	B(munmap_len0)			\
	B(munmap_unmapped)		\
	B(munmap_middle)		\
	B(mmap_noreplace_taken)		\
	B(mmap_fixed_over)		\
	B(mmap_zero_len)		\
	B(mmap_fixed_unaligned)		\
	B(mremap_grow_in_place)		\
	B(mremap_grow_blocked)		\
	B(mremap_grow_moves)		\
	B(mremap_shrink)		\
	B(mremap_fixed_replaces)	\
	B(mremap_fixed_overlap)		\
	B(mremap_fixed_unaligned)	\
	B(mremap_dup_private)		\
	B(mremap_dup_shared)		\
	B(mremap_unaligned)		\
	B(mremap_unmapped)		\
	B(mremap_new_len0)		\
	B(mremap_dontunmap_fixed)	\
	B(mremap_dontunmap_grow)	\
	B(mremap_shared_grow)		\
	B(mremap_none_grow)

#define MC_B_FN(name)	mcb_##name,
#define MC_B_NAME(name)	#name,

static inline void mc_run_behaviour(const struct mc_out *o)
{
	static long (*const fns[])(void) = { MC_BEHAVIOURS(MC_B_FN) };
	unsigned int i;

	for (i = 0; i < sizeof(fns) / sizeof(fns[0]); i++) {
		long v;

		mc_clear();
		v = fns[i]();
		mc_clear();
		o->put(o->ctx, MC_ID(MC_BEHAVIOUR, (int)i), v);
	}
}

#endif /* MINOS_SELFTEST_MEM_CASES_H */
