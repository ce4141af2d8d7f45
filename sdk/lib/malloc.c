// SPDX-License-Identifier: MIT
/*
 * Minos SDK: malloc, calloc, realloc and free over anonymous mmap().
 *
 * MIT licensed so that any program may be built with it: see <minos.h>.
 *
 * Every block starts with a 16-byte header, so the pointer handed out is
 * 16-byte aligned and free() knows the block's size:
 *
 * - small blocks (header included, 32 bytes to 32 KiB, powers of two)
 *   belong to a size class: a free list of blocks given back, and the rest
 *   of the class's current chunk, a mapping of at least 64 KiB carved from
 *   its start. Freed blocks go back on their class's list and are reused;
 *   chunks are never unmapped.
 * - a larger request gets a mapping of its own (header in its first
 *   bytes), unmapped by free() and resized in place or moved by realloc()
 *   with mremap().
 *
 * One futex mutex guards the classes; large blocks need no lock.
 */
#include <minos.h>

#define MINOS_PAGE		4096UL
#define MINOS_HDR		16UL
#define MINOS_CLASSES		11		/* 32 << 0 .. 32 << 10 */
#define MINOS_CLASS_MIN		32UL
#define MINOS_CHUNK_MIN		(64 * 1024UL)

/* Header magic numbers: in use, and given back. */
#define MINOS_MAGIC_USED	0x4d696e6f73557365UL	/* "MinosUse" */
#define MINOS_MAGIC_FREE	0x4d696e6f73467265UL	/* "MinosFre" */

/*
 * @size: the class number of a small block (< MINOS_CLASSES), or the
 * length of the mapping of a large one (whole pages, so never that small).
 */
struct minos_block {
	unsigned long size;
	unsigned long magic;
};

/* A free small block: the header, then the link. */
struct minos_free {
	struct minos_block hdr;
	struct minos_free *next;
};

struct minos_class {
	struct minos_free *free;	/* blocks given back */
	char *next;			/* the unused rest of the chunk */
	char *end;
};

static struct minos_class minos_classes[MINOS_CLASSES];
static struct minos_mutex minos_malloc_lock = MINOS_MUTEX_INIT;

static __attribute__((noreturn)) void minos_malloc_corrupt(void)
{
	for (;;)
		__asm__ volatile ("ud2");
}

static inline unsigned long minos_class_size(unsigned int cls)
{
	return MINOS_CLASS_MIN << cls;
}

/* The smallest class whose blocks hold @size bytes and the header. */
static unsigned int minos_class_of(unsigned long size)
{
	unsigned int cls = 0;

	while (minos_class_size(cls) - MINOS_HDR < size)
		cls++;
	return cls;
}

static void *minos_map(unsigned long len)
{
	long p = minos_mmap((void *)0, len, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return minos_is_error(p) ? (void *)0 : (void *)p;
}

static struct minos_block *minos_header(void *ptr)
{
	struct minos_block *b = (struct minos_block *)((char *)ptr - MINOS_HDR);

	if (((unsigned long)ptr & (MINOS_HDR - 1)) ||
	    b->magic != MINOS_MAGIC_USED)
		minos_malloc_corrupt();
	if (b->size >= MINOS_CLASSES &&
	    (b->size < MINOS_PAGE || (b->size & (MINOS_PAGE - 1))))
		minos_malloc_corrupt();
	return b;
}

/* Called with the lock held. */
static struct minos_block *minos_class_take(unsigned int cls)
{
	struct minos_class *c = &minos_classes[cls];
	unsigned long bsize = minos_class_size(cls);
	struct minos_free *f = c->free;
	unsigned long chunk;

	if (f) {
		if (f->hdr.magic != MINOS_MAGIC_FREE || f->hdr.size != cls)
			minos_malloc_corrupt();
		c->free = f->next;
		return &f->hdr;
	}
	if ((unsigned long)(c->end - c->next) < bsize) {
		chunk = bsize * 8 > MINOS_CHUNK_MIN ? bsize * 8 :
			MINOS_CHUNK_MIN;
		c->next = minos_map(chunk);
		if (!c->next) {
			c->end = (char *)0;
			return (struct minos_block *)0;
		}
		c->end = c->next + chunk;
	}
	f = (struct minos_free *)c->next;
	c->next += bsize;
	return &f->hdr;
}

void *malloc(unsigned long size)
{
	struct minos_block *b;
	unsigned long len;
	unsigned int cls;

	if (size <= MINOS_MALLOC_SMALL_MAX) {
		cls = minos_class_of(size);
		minos_mutex_lock(&minos_malloc_lock);
		b = minos_class_take(cls);
		minos_mutex_unlock(&minos_malloc_lock);
		if (!b)
			return (void *)0;
		b->size = cls;
	} else {
		if (size > (1UL << 46))
			return (void *)0;
		len = (size + MINOS_HDR + MINOS_PAGE - 1) & ~(MINOS_PAGE - 1);
		b = minos_map(len);
		if (!b)
			return (void *)0;
		b->size = len;
	}
	b->magic = MINOS_MAGIC_USED;
	return (char *)b + MINOS_HDR;
}

void free(void *ptr)
{
	struct minos_block *b;
	struct minos_free *f;
	struct minos_class *c;

	if (!ptr)
		return;
	b = minos_header(ptr);
	if (b->size >= MINOS_CLASSES) {
		b->magic = MINOS_MAGIC_FREE;
		minos_munmap(b, b->size);
		return;
	}
	f = (struct minos_free *)b;
	c = &minos_classes[b->size];
	minos_mutex_lock(&minos_malloc_lock);
	f->hdr.magic = MINOS_MAGIC_FREE;
	f->next = c->free;
	c->free = f;
	minos_mutex_unlock(&minos_malloc_lock);
}

unsigned long minos_malloc_usable_size(void *ptr)
{
	struct minos_block *b;

	if (!ptr)
		return 0;
	b = minos_header(ptr);
	if (b->size >= MINOS_CLASSES)
		return b->size - MINOS_HDR;
	return minos_class_size((unsigned int)b->size) - MINOS_HDR;
}

void *calloc(unsigned long n, unsigned long size)
{
	unsigned long total;
	void *p;

	if (__builtin_mul_overflow(n, size, &total))
		return (void *)0;
	p = malloc(total);
	/* A large block is a fresh mapping, already zero. */
	if (p && total <= MINOS_MALLOC_SMALL_MAX)
		memset(p, 0, total);
	return p;
}

void *realloc(void *ptr, unsigned long size)
{
	unsigned long have, len;
	struct minos_block *b;
	void *p;
	long r;

	if (!ptr)
		return malloc(size);
	if (!size) {
		free(ptr);
		return (void *)0;
	}
	have = minos_malloc_usable_size(ptr);
	b = minos_header(ptr);
	if (b->size < MINOS_CLASSES) {
		/* Small: keep the block while it fits and is not too large. */
		if (size <= have && (b->size == 0 || size > have / 4))
			return ptr;
	} else if (size > MINOS_MALLOC_SMALL_MAX && size <= (1UL << 46)) {
		/* Large to large: let mremap grow, shrink or move it. */
		len = (size + MINOS_HDR + MINOS_PAGE - 1) & ~(MINOS_PAGE - 1);
		if (len == b->size)
			return ptr;
		r = minos_mremap(b, b->size, len, MREMAP_MAYMOVE, (void *)0);
		if (minos_is_error(r))
			return (void *)0;
		b = (struct minos_block *)r;
		b->size = len;
		return (char *)b + MINOS_HDR;
	}
	p = malloc(size);
	if (!p)
		return (void *)0;
	memcpy(p, ptr, size < have ? size : have);
	free(ptr);
	return p;
}
