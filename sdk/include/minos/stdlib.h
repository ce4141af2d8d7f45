/* SPDX-License-Identifier: MIT */
/*
 * Minos SDK: memory allocation.
 *
 * MIT licensed so that any program may be built with it: see <minos.h>.
 *
 * The C functions, over anonymous mmap(): requests up to
 * MINOS_MALLOC_SMALL_MAX bytes come from size classes (blocks of 32 bytes
 * to 32 KiB, carved from 64 KiB or larger chunks, kept on free lists and
 * reused, never given back); larger ones get a mapping of their own, which
 * free() unmaps and realloc() grows or shrinks with mremap(). Every block
 * is 16-byte aligned. All four are thread-safe (a futex mutex guards the
 * size classes). A program may define its own: the SDK's come from an
 * archive, so they are linked in only when nothing else defines them.
 *
 * free() of a pointer that malloc() did not return, or a second free() of
 * the same block, stops the container (ud2, SIGILL) when it is detected.
 */
#ifndef MINOS_SDK_STDLIB_H
#define MINOS_SDK_STDLIB_H

/* Largest request served from the size classes; beyond, one mapping each. */
#define MINOS_MALLOC_SMALL_MAX	(32768UL - 16)

/* @size bytes, uninitialised; NULL when there is no memory. */
void *malloc(unsigned long size);

/* @n elements of @size bytes, zeroed; NULL on overflow or no memory. */
void *calloc(unsigned long n, unsigned long size);

/*
 * Resize @ptr to @size bytes, keeping its contents up to the smaller size;
 * may move it. realloc(NULL, size) is malloc(size); realloc(ptr, 0) frees
 * @ptr and returns NULL. On failure returns NULL and leaves @ptr as it was.
 */
void *realloc(void *ptr, unsigned long size);

/* Give back a block of malloc(), calloc() or realloc(); NULL is ignored. */
void free(void *ptr);

/* Bytes usable at @ptr (at least what was asked for). */
unsigned long minos_malloc_usable_size(void *ptr);

#endif /* MINOS_SDK_STDLIB_H */
