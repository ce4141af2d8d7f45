// SPDX-License-Identifier: GPL-2.0
/*
 * Minos: the registry of architectures a container's code can be for.
 *
 * Today only native code runs; another architecture (an emulator, a
 * bytecode) is one more row here and a loader of its own.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <minos.h>

#include "arch.h"

static const struct minos_arch minos_arches[] = {
	{ .name = MINOS_ARCH_X86_64 },
};

/**
 * minos_arch_find() - look an architecture up by name
 * @name: the name, not NUL-terminated, in kernel memory
 * @len:  its length in bytes
 *
 * Return: the architecture, or NULL when none has that exact name.
 */
const struct minos_arch *minos_arch_find(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(minos_arches); i++) {
		if (strlen(minos_arches[i].name) == len &&
		    !memcmp(minos_arches[i].name, name, len))
			return &minos_arches[i];
	}
	return NULL;
}
