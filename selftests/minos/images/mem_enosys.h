/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux x86-64 memory calls that the Minos table leaves out: from a
 * container each must return -ENOSYS (images/mem_enosys.bin writes their
 * results, one per line, in this order). The arguments are harmless ones
 * that Linux would accept: page-sized ranges at the bottom of the stack.
 */
#ifndef MINOS_SELFTEST_MEM_ENOSYS_H
#define MINOS_SELFTEST_MEM_ENOSYS_H

/* E(name, nr, a1, a2, a3): a1 == 1 means "an address on the stack" */
#define MEM_ENOSYS(E)				\
	E(brk, 12, 0, 0, 0)			\
	E(msync, 26, 1, 4096, 0)		\
	E(mincore, 27, 1, 4096, 1)		\
	E(madvise, 28, 1, 4096, 4)		\
	E(mlock, 149, 1, 4096, 0)		\
	E(munlock, 150, 1, 4096, 0)		\
	E(mlockall, 151, 1, 0, 0)		\
	E(munlockall, 152, 0, 0, 0)		\
	E(remap_file_pages, 216, 1, 4096, 0)	\
	E(mbind, 237, 1, 4096, 0)		\
	E(set_mempolicy, 238, 0, 0, 0)		\
	E(migrate_pages, 256, 0, 0, 0)		\
	E(move_pages, 279, 0, 0, 0)		\
	E(memfd_create, 319, 1, 0, 0)		\
	E(userfaultfd, 323, 0, 0, 0)		\
	E(mlock2, 325, 1, 4096, 0)		\
	E(pkey_mprotect, 329, 1, 4096, 3)	\
	E(pkey_alloc, 330, 0, 0, 0)		\
	E(process_madvise, 440, 0, 0, 0)	\
	E(map_shadow_stack, 453, 0, 4096, 0)	\
	E(mseal, 462, 1, 4096, 0)

#endif /* MINOS_SELFTEST_MEM_ENOSYS_H */
