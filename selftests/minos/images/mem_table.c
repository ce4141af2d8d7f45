// SPDX-License-Identifier: GPL-2.0
/*
 * mem_table: the mmap, mprotect and mremap tables and behaviours of
 * mem_cases.h in a container, then every way of mapping a file, which
 * must all fail; see mem_table.h for the protocol.
 */
#include <minos.h>
#include "mem_cases.h"
#include "mem_table.h"

static void put(void *ctx, int id, long value)
{
	(void)ctx;
	minos_printf(1, "%d %ld\n", id, value);
}

static long try_map(long fd, long flags, long off)
{
	long r = minos_syscall6(MINOS_NR_MMAP, 0, MC_PAGE,
				PROT_READ | PROT_WRITE, flags, fd, off);

	if (minos_is_error(r))
		return r;
	minos_munmap((void *)r, MC_PAGE);
	return 0;
}

static void file_cases(void)
{
	static const long sharing[] = { MAP_PRIVATE, MAP_SHARED,
					MAP_SHARED_VALIDATE };
	long anon = MAP_PRIVATE | MAP_ANONYMOUS;
	int fd, s;

	for (s = 0; s < 3; s++)
		for (fd = 0; fd < MEM_FILE_FDS; fd++)
			put(0, MC_ID(MC_FILE, s * MEM_FILE_FDS + fd),
			    try_map(fd, sharing[s], 0));
	for (fd = 0; fd < MEM_FILE_FDS; fd++)
		put(0, MC_ID(MC_FILE, MEM_FILE_ANON_FD + fd),
		    try_map(fd, anon, 0));
	put(0, MC_ID(MC_FILE, MEM_FILE_FD_M1_64), try_map(-1L, anon, 0));
	put(0, MC_ID(MC_FILE, MEM_FILE_FD_M1_32),
	    try_map(0xffffffffL, anon, 0));
	put(0, MC_ID(MC_FILE, MEM_FILE_FD_M1_HIGH),
	    try_map(0x1ffffffffL, anon, 0));
	put(0, MC_ID(MC_FILE, MEM_FILE_FD_M2), try_map(-2L, anon, 0));
	put(0, MC_ID(MC_FILE, MEM_FILE_OFF_PAGE), try_map(-1L, anon, 4096));
	put(0, MC_ID(MC_FILE, MEM_FILE_OFF_1), try_map(-1L, anon, 1));
	put(0, MC_ID(MC_FILE, MEM_FILE_OFF_NEG), try_map(-1L, anon, -4096));
	put(0, MC_ID(MC_FILE, MEM_FILE_OFF_HIGH),
	    try_map(-1L, anon, 1L << 40));
	put(0, MC_ID(MC_FILE, MEM_FILE_NO_ANON), try_map(-1L, MAP_PRIVATE, 0));
	put(0, MC_ID(MC_FILE, MEM_FILE_SHARED_ANON),
	    try_map(-1L, MAP_SHARED | MAP_ANONYMOUS, 0));
	put(0, MC_ID(MC_FILE, MEM_FILE_VALIDATE_ANON),
	    try_map(-1L, MAP_SHARED_VALIDATE | MAP_ANONYMOUS, 0));
	put(0, MC_ID(MC_FILE, MEM_FILE_SYNC),
	    try_map(-1L, MAP_SHARED_VALIDATE | MAP_ANONYMOUS | MAP_SYNC, 0));
}

int main(void)
{
	struct mc_out out = { .put = put };
	char c;

	mc_run_tables(&out);
	mc_run_behaviour(&out);
	file_cases();
	minos_printf(1, "0 %d\n", MEM_TABLE_DONE);
	minos_read_one(0, &c, 1);
	return 0;
}
