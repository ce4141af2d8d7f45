/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Minos: the registry of architectures a container's code can be for.
 */
#ifndef _MINOS_ARCH_H
#define _MINOS_ARCH_H

#include <linux/types.h>

/**
 * struct minos_arch - an architecture containers can run
 * @name: the name cnew() and minos-exec take, e.g. "x86-64"
 */
struct minos_arch {
	const char *name;
};

const struct minos_arch *minos_arch_find(const char *name, size_t len);

#endif /* _MINOS_ARCH_H */
