/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What images/spawn_probe.bin reports on wfd 0, in two writes: first the
 * registers it found at entry (struct regs_dump, as regs.bin writes it),
 * then struct probe_extra. It is run as a child of a parent that filled
 * its own registers and memory with secrets (tree_agent.h, AG_DIRTY_CNEW),
 * to see that none of them reached the child. The parent's image must be
 * longer than the probe's: then image_addr, the first page after the
 * probe's code, is still the parent's code in the parent.
 */
#ifndef MINOS_SELFTEST_SPAWN_PROBE_H
#define MINOS_SELFTEST_SPAWN_PROBE_H

#define PROBE_EXTRA_SLOTS	9
#define PROBE_MAGIC		0x70726f6265	/* "probe" */
/* The stack below this is scanned; the probe itself writes above it. */
#define PROBE_SCAN_END		(0x7ffffffff000 - 0x1000)

#ifndef __ASSEMBLER__
#include <stdint.h>

struct probe_extra {
	uint64_t fsbase;	/* arch_prctl(ARCH_GET_FS) */
	uint64_t gsbase;	/* arch_prctl(ARCH_GET_GS) */
	int64_t get_fs_ret;
	int64_t get_gs_ret;
	int64_t secret_ret;	/* write(8 bytes at AG_SECRET_ADDR) to a pipe */
	int64_t image_ret;	/* write(8 bytes at image_addr) to a pipe */
	uint64_t stack_nonzero;	/* nonzero 8-byte words below PROBE_SCAN_END */
	uint64_t image_addr;	/* the first page after the probe's code */
	uint64_t magic;		/* PROBE_MAGIC */
};

_Static_assert(sizeof(struct probe_extra) == PROBE_EXTRA_SLOTS * 8,
	       "probe_extra does not match spawn_probe.S");
#endif

#endif /* MINOS_SELFTEST_SPAWN_PROBE_H */
