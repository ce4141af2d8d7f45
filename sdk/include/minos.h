/* SPDX-License-Identifier: MIT */
/*
 * Minos SDK: everything a flat Minos image needs, in one include.
 *
 * The SDK is MIT licensed, not GPL-2.0: its inline functions, start code
 * and string routines are compiled into every Minos program, and any
 * program, whatever its licence, must be able to use them. The ABI numbers
 * come from uapi/minos.h (GPL-2.0 WITH Linux-syscall-note, which allows the
 * same).
 *
 * The SDK is freestanding: it needs no libc, only the compiler and the
 * Linux uapi headers (linux-libc-dev) for the Linux constants it shares
 * with Linux (PROT_*, MAP_*, MREMAP_*, CLONE_*, FUTEX_*, ARCH_*, E*).
 *
 *   minos/syscall.h  raw system calls, struct minos_pair, error test
 *   minos/calls.h    one wrapper per call of the Minos table
 *   minos/string.h   minos_strlen, minos_memcpy, ...
 *   minos/io.h       minos_write_all, minos_puts, minos_put_long, ...
 *   minos/stdlib.h   malloc, calloc, realloc, free
 *   minos/format.h   minos_printf, minos_snprintf, ...
 *   minos/thread.h   threads, __thread support, mutexes, condition variables
 *
 * The wrappers and helpers are static inline. The C library functions
 * (malloc, minos_printf, threads, strlen, ...) are declared here and come
 * from the SDK's archive (lib/, built and linked by sdk.mk), from which an
 * image gets only what it uses.
 */
#ifndef MINOS_SDK_H
#define MINOS_SDK_H

#include "minos/syscall.h"
#include "minos/calls.h"
#include "minos/string.h"
#include "minos/io.h"
#include "minos/stdlib.h"
#include "minos/format.h"
#include "minos/thread.h"

#endif /* MINOS_SDK_H */
