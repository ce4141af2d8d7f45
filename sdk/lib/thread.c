// SPDX-License-Identifier: MIT
/*
 * Minos SDK: threads and their thread-local storage (see minos/thread.h).
 *
 * MIT licensed so that any program may be built with it: see <minos.h>.
 *
 * A thread's memory is one anonymous mapping, from low to high addresses:
 *
 *	guard page (PROT_NONE) | stack ... | TLS block | struct minos_thread
 *
 * The thread pointer (FS base, set by CLONE_SETTLS) is the address of the
 * struct minos_thread; the TLS block (a copy of .tdata, then the zeros of
 * .tbss) ends right there, as the x86-64 TLS ABI wants, and the stack
 * grows down from below the TLS block. The main thread's block and TCB
 * are set up by the start code, which calls __minos_thread_main_init()
 * when this file is linked in.
 *
 * The kernel stores the new thread's tid in its TCB before clone()
 * returns (CLONE_PARENT_SETTID) and, when the thread has ended and will
 * touch its stack no more, clears it and wakes it as a futex
 * (CLONE_CHILD_CLEARTID): minos_thread_join() waits for that, then
 * unmaps the whole thing.
 */
#include <minos.h>
#include <linux/time_types.h>

#define MINOS_PAGE		4096UL

/* From the linker script: the TLS layout (absolute symbols). */
extern char __minos_tdata_start[];
extern char __minos_tdata_size[];
extern char __minos_tls_size[];
extern char __minos_tls_align[];

_Static_assert(sizeof(struct minos_thread) <= MINOS_TCB_SIZE,
	       "struct minos_thread does not fit in MINOS_TCB_SIZE");
_Static_assert(__builtin_offsetof(struct minos_thread, stack_guard) == 0x28,
	       "the stack protector canary must be at %fs:0x28");

/* The main thread's TCB, set up by the start code (start.S). */
void __minos_thread_main_init(struct minos_thread *self);

void __minos_thread_main_init(struct minos_thread *self)
{
	self->tid = (int)minos_gettid();
	self->map = (void *)0;
}

struct minos_thread *minos_thread_self(void)
{
	struct minos_thread *self;

	__asm__ ("movq %%fs:0, %0" : "=r" (self));
	return self;
}

void minos_thread_set_specific(void *value)
{
	minos_thread_self()->specific = value;
}

void *minos_thread_get_specific(void)
{
	return minos_thread_self()->specific;
}

/* The new thread's first C function, on its own stack. */
static int minos_thread_start(void *arg)
{
	struct minos_thread *t = arg;

	t->result = t->fn(t->arg);
	return 0;
}

long minos_thread_create_stack(struct minos_thread **thread,
			       unsigned long stack_size, void *(*fn)(void *),
			       void *arg)
{
	unsigned long tls_size = (unsigned long)__minos_tls_size;
	unsigned long align = (unsigned long)__minos_tls_align;
	unsigned long stack, top, len, tp;
	struct minos_thread *t;
	char *map;
	long ret;

	if (align < 64)
		align = 64;
	if (stack_size > (1UL << 40))
		return -ENOMEM;
	stack = (stack_size + MINOS_PAGE - 1) & ~(MINOS_PAGE - 1);
	top = (tls_size + MINOS_TCB_SIZE + align + MINOS_PAGE - 1) &
	      ~(MINOS_PAGE - 1);
	len = MINOS_PAGE + stack + top;
	ret = minos_mmap((void *)0, len, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
	if (minos_is_error(ret))
		return ret;
	map = (char *)ret;
	ret = minos_mprotect(map, MINOS_PAGE, PROT_NONE);
	if (ret)
		goto fail;

	tp = ((unsigned long)map + len - MINOS_TCB_SIZE) & ~(align - 1);
	memcpy((char *)(tp - tls_size), __minos_tdata_start,
	       (unsigned long)__minos_tdata_size);
	t = (struct minos_thread *)tp;
	t->self = t;
	t->fn = fn;
	t->arg = arg;
	t->map = map;
	t->map_size = len;

	ret = minos_clone_thread(MINOS_CLONE_THREAD_FLAGS | CLONE_SETTLS |
				 CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID,
				 (void *)(tp - tls_size), &t->tid, &t->tid, tp,
				 minos_thread_start, t);
	if (ret < 0)
		goto fail;
	*thread = t;
	return 0;

fail:
	minos_munmap(map, len);
	return ret;
}

long minos_thread_create(struct minos_thread **thread, void *(*fn)(void *),
			 void *arg)
{
	return minos_thread_create_stack(thread, MINOS_THREAD_STACK_SIZE, fn,
					 arg);
}

long minos_thread_join(struct minos_thread *thread, void **result)
{
	int tid;

	if (!thread->map || thread == minos_thread_self())
		return -EINVAL;
	/*
	 * Not FUTEX_PRIVATE_FLAG: the kernel wakes the cleared tid word as
	 * a shared futex.
	 */
	while ((tid = __atomic_load_n(&thread->tid, __ATOMIC_ACQUIRE)) != 0)
		minos_futex(&thread->tid, FUTEX_WAIT, tid, (void *)0, (int *)0,
			    0);
	if (result)
		*result = thread->result;
	minos_munmap(thread->map, thread->map_size);
	return 0;
}

void minos_thread_exit(void *result)
{
	minos_thread_self()->result = result;
	minos_exit(0);
}

long minos_sleep_ns(unsigned long ns)
{
	struct __kernel_timespec ts = {
		.tv_sec = (long long)(ns / 1000000000UL),
		.tv_nsec = (long long)(ns % 1000000000UL),
	};
	int word = 0;

	minos_futex(&word, FUTEX_WAIT | FUTEX_PRIVATE_FLAG, 0, &ts, (int *)0,
		    0);
	return 0;
}
