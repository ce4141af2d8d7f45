// SPDX-License-Identifier: GPL-2.0
/*
 * Minos: the binary format that starts a container.
 *
 * A container starts with a clean exec, so that nothing of the process it
 * came from survives: new address space, FPU state, signal state, rseq and
 * credentials as exec leaves them. Which exec becomes a container is never
 * decided from file content: the task must have been armed through
 * /dev/minos, and it must exec the "key", an empty, immutable shmem file
 * made at module load. The binary format sits at the head of the list and
 * turns down every other exec after one pointer comparison.
 *
 * The container's code is read from the code stream after the point of no
 * return, straight into the new address space; an error from then on kills
 * the container before its first instruction.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/binfmts.h>
#include <linux/compat.h>
#include <linux/ptrace.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/mman.h>
#include <linux/pid.h>
#include <linux/sched/signal.h>
#include <linux/sched/task_stack.h>
#include <linux/shmem_fs.h>
#include <linux/slab.h>
#include <linux/uio.h>
#include <asm/elf.h>

#include "arch.h"
#include "container.h"
#include "image.h"
#include "personality.h"
#include "pipe.h"
#include "spawn.h"

/* Arguments and environment an armed exec may carry. */
#define MINOS_EXEC_ARGS_MAX	SZ_64K

/* The code's mapping grows by this much first, doubling up to the max. */
#define MINOS_CODE_CHUNK	SZ_64K
#define MINOS_CODE_CHUNK_MAX	SZ_4M

/**
 * struct minos_arm_fd - a host file waiting to become a descriptor
 * @file:     the file (a reference), NULL once moved into a container
 * @minos_fd: its number in the container
 * @type:     %MINOS_RFD or %MINOS_WFD
 */
struct minos_arm_fd {
	struct file *file;
	u32 minos_fd;
	enum minos_fd_type type;
};

/**
 * struct minos_arm - what the next exec of one task turns into
 * @node:   in minos_arms
 * @pid:    the armed task (a reference): no other task can use the arm
 * @owner:  the /dev/minos file that armed; its release drops the arm
 * @code:   the code stream (a reference)
 * @arch:   the architecture of the code
 * @nr_fds: entries in @fds
 * @fds:    the descriptors the container starts with
 */
struct minos_arm {
	struct list_head node;
	struct pid *pid;
	const struct file *owner;
	struct file *code;
	const struct minos_arch *arch;
	unsigned int nr_fds;
	struct minos_arm_fd fds[] __counted_by(nr_fds);
};

/* minos_arms_lock guards minos_arms. */
static DEFINE_SPINLOCK(minos_arms_lock);
static LIST_HEAD(minos_arms);

static struct file *minos_key;

static void minos_arm_free(struct minos_arm *arm)
{
	unsigned int i;

	for (i = 0; i < arm->nr_fds; i++)
		if (arm->fds[i].file)
			fput(arm->fds[i].file);
	if (arm->code)
		fput(arm->code);
	put_pid(arm->pid);
	kvfree(arm);
}

/* Unlink and return the arm of @pid (and, when @owner is set, of @owner). */
static struct minos_arm *minos_arm_take(struct pid *pid,
					const struct file *owner)
{
	struct minos_arm *arm, *found = NULL;

	spin_lock(&minos_arms_lock);
	list_for_each_entry(arm, &minos_arms, node) {
		if ((pid && arm->pid == pid) || (owner && arm->owner == owner)) {
			list_del(&arm->node);
			found = arm;
			break;
		}
	}
	spin_unlock(&minos_arms_lock);
	return found;
}

static int minos_arm_fds(struct minos_arm *arm,
			 const struct minos_exec_fd __user *ufds)
{
	unsigned long limit = rlimit(RLIMIT_NOFILE);
	struct minos_exec_fd efd;
	unsigned int i, j;

	for (i = 0; i < arm->nr_fds; i++) {
		struct minos_arm_fd *afd = &arm->fds[i];
		fmode_t mode;

		if (copy_from_user(&efd, &ufds[i], sizeof(efd)))
			return -EFAULT;
		if (efd.reserved)
			return -EINVAL;
		if (efd.type == MINOS_FD_READ)
			afd->type = MINOS_RFD;
		else if (efd.type == MINOS_FD_WRITE)
			afd->type = MINOS_WFD;
		else
			return -EINVAL;
		if (efd.minos_fd >= limit || efd.minos_fd > INT_MAX)
			return -EMFILE;
		for (j = 0; j < i; j++)
			if (arm->fds[j].minos_fd == efd.minos_fd)
				return -EINVAL;
		afd->minos_fd = efd.minos_fd;
		afd->file = fget(efd.host_fd);
		if (!afd->file)
			return -EBADF;
		mode = afd->type == MINOS_RFD ? FMODE_READ : FMODE_WRITE;
		if (!(afd->file->f_mode & mode))
			return -EBADF;
	}
	return 0;
}

/**
 * minos_image_install_key() - a new close-on-exec descriptor of the key
 *
 * Exec'ing it (execveat(fd, "", ..., AT_EMPTY_PATH)) is how an armed task,
 * or a child container, enters the Minos binary format.
 *
 * Context: process context, may sleep.
 * Return: the descriptor, or a negative errno.
 */
int minos_image_install_key(void)
{
	struct file *key;
	int fd;

	fd = get_unused_fd_flags(O_CLOEXEC);
	if (fd < 0)
		return fd;
	key = dentry_open(&minos_key->f_path, O_RDONLY, current_cred());
	if (IS_ERR(key)) {
		put_unused_fd(fd);
		return PTR_ERR(key);
	}
	fd_install(fd, key);
	return fd;
}

static void minos_image_disarm_pid(struct pid *pid)
{
	struct minos_arm *arm = minos_arm_take(pid, NULL);

	if (arm)
		minos_arm_free(arm);
}

/**
 * minos_image_arm() - arm the caller's next exec as a first container
 * @owner: the /dev/minos file the request came through
 * @uarg:  the request, see &struct minos_exec_arm
 *
 * An earlier arm of the caller is dropped.
 *
 * Context: process context, may sleep.
 * Return: the key descriptor (close-on-exec) to execveat(); -%EFAULT on a
 * bad pointer; -%EINVAL on a bad field or a repeated descriptor number;
 * -%ENOEXEC for an unknown architecture; -%EBADF when a descriptor is not
 * open, or not open for the use asked; -%EMFILE when a number is not below
 * RLIMIT_NOFILE; -%ENOMEM.
 */
int minos_image_arm(struct file *owner,
		    const struct minos_exec_arm __user *uarg)
{
	char name[MINOS_ARCH_NAME_MAX];
	struct minos_exec_arm req;
	struct minos_arm *arm, *old;
	int fd, ret;

	if (copy_from_user(&req, uarg, sizeof(req)))
		return -EFAULT;
	if (req.flags || req.nr_fds > MINOS_EXEC_MAX_FDS ||
	    !req.arch_len || req.arch_len > MINOS_ARCH_NAME_MAX)
		return -EINVAL;
	if (copy_from_user(name, u64_to_user_ptr(req.arch), req.arch_len))
		return -EFAULT;

	arm = kvzalloc(struct_size(arm, fds, req.nr_fds), GFP_KERNEL_ACCOUNT);
	if (!arm)
		return -ENOMEM;
	arm->nr_fds = req.nr_fds;
	arm->pid = get_pid(task_pid(current));
	arm->owner = owner;
	ret = -ENOEXEC;
	arm->arch = minos_arch_find(name, req.arch_len);
	if (!arm->arch)
		goto err_arm;
	ret = minos_arm_fds(arm, u64_to_user_ptr(req.fds));
	if (ret)
		goto err_arm;
	ret = -EBADF;
	arm->code = fget(req.code_fd);
	if (!arm->code || !(arm->code->f_mode & FMODE_READ))
		goto err_arm;

	old = minos_arm_take(arm->pid, NULL);
	spin_lock(&minos_arms_lock);
	list_add(&arm->node, &minos_arms);
	spin_unlock(&minos_arms_lock);
	if (old)
		minos_arm_free(old);
	fd = minos_image_install_key();
	if (fd < 0)
		minos_image_disarm_pid(arm->pid);
	return fd;

err_arm:
	minos_arm_free(arm);
	return ret;
}

/**
 * minos_image_disarm() - drop the arms made through @owner
 * @owner: a /dev/minos file being released
 */
void minos_image_disarm(struct file *owner)
{
	struct minos_arm *arm;

	while ((arm = minos_arm_take(NULL, owner)))
		minos_arm_free(arm);
}

/* A code stream whose size is known must fit the ABI before we commit. */
static int minos_image_check_code(struct file *code)
{
	struct inode *inode = file_inode(code);
	loff_t left;

	if (!S_ISREG(inode->i_mode))
		return 0;
	left = i_size_read(inode) - code->f_pos;
	if (left <= 0 || left > MINOS_CODE_MAX)
		return -ENOEXEC;
	return 0;
}

/* Close every Linux file descriptor: exec closed only close-on-exec ones. */
static void minos_image_close_files(void)
{
	unsigned int fd, max;

	rcu_read_lock();
	max = files_fdtable(current->files)->max_fds;
	rcu_read_unlock();
	for (fd = 0; fd < max; fd++)
		close_fd(fd);
}

/*
 * Exec keeps ignored signals ignored and the blocked mask: reset all of it.
 * A container reports a broken pipe or an oversized file by the error of
 * its write, never by a signal, so SIGPIPE and SIGXFSZ are ignored; and
 * SIGCHLD, so that its children are reaped as they end.
 */
static void minos_image_reset_signals(void)
{
	struct k_sigaction *action = current->sighand->action;
	sigset_t none;
	int i;

	spin_lock_irq(&current->sighand->siglock);
	for (i = 0; i < _NSIG; i++) {
		action[i].sa.sa_handler = SIG_DFL;
		action[i].sa.sa_flags = 0;
#ifdef __ARCH_HAS_SA_RESTORER
		action[i].sa.sa_restorer = NULL;
#endif
		sigemptyset(&action[i].sa.sa_mask);
	}
	action[SIGPIPE - 1].sa.sa_handler = SIG_IGN;
	action[SIGXFSZ - 1].sa.sa_handler = SIG_IGN;
	/* Child containers are reaped by the kernel, never become zombies. */
	action[SIGCHLD - 1].sa.sa_handler = SIG_IGN;
	spin_unlock_irq(&current->sighand->siglock);

	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
}

/* Read from the code stream straight into the container's memory. */
static ssize_t minos_image_read(struct file *code, unsigned long addr,
				size_t size, loff_t *ppos)
{
	struct iov_iter iter;

	iov_iter_ubuf(&iter, ITER_DEST, (void __user *)addr, size);
	if (minos_file_is_pipe(code))
		return minos_pipe_read(code, &iter, 0);
	return vfs_iter_read(code, &iter, ppos, 0);
}

/*
 * Read @code to its end into memory mapped read-write-execute at
 * MINOS_CODE_BASE: the mapping grows by chunks (doubling, so that a large
 * image takes few of them), the bytes go straight into it, and what the
 * code did not fill is given back at the end.
 */
static int minos_image_read_code(struct file *code, unsigned long *len)
{
	unsigned long end = MINOS_CODE_BASE, mapped = MINOS_CODE_BASE;
	bool stream = code->f_mode & FMODE_STREAM;
	unsigned long chunk = MINOS_CODE_CHUNK;
	loff_t pos = code->f_pos;
	unsigned long addr;
	ssize_t n;
	int ret;
	char c;

	for (;;) {
		if (end == mapped && mapped - MINOS_CODE_BASE == MINOS_CODE_MAX) {
			/* Full: one more byte makes the stream too long. */
			n = kernel_read(code, &c, 1, stream ? NULL : &pos);
			ret = n > 0 ? -EFBIG : n;
			break;
		}
		if (end == mapped) {
			chunk = min(chunk, MINOS_CODE_MAX -
					   (mapped - MINOS_CODE_BASE));
			addr = vm_mmap(NULL, mapped, chunk,
				       PROT_READ | PROT_WRITE | PROT_EXEC,
				       MAP_PRIVATE | MAP_ANONYMOUS |
				       MAP_FIXED_NOREPLACE, 0);
			if (IS_ERR_VALUE(addr)) {
				ret = addr;
				break;
			}
			mapped += chunk;
			chunk = min(2 * chunk, MINOS_CODE_CHUNK_MAX);
		}
		n = minos_image_read(code, end, mapped - end,
				     stream ? NULL : &pos);
		if (n <= 0) {
			ret = n;
			break;
		}
		end += n;
	}
	if (!stream)
		code->f_pos = pos;
	if (!ret && end == MINOS_CODE_BASE)
		ret = -ENOEXEC;
	if (!ret && mapped > PAGE_ALIGN(end))
		ret = vm_munmap(PAGE_ALIGN(end), mapped - PAGE_ALIGN(end));
	*len = end - MINOS_CODE_BASE;
	return ret;
}

/* After the point of no return: build the container's address space. */
static int minos_image_setup(struct linux_binprm *bprm, struct file *code)
{
	struct mm_struct *mm = current->mm;
	unsigned long addr, len;
	int ret;

	/*
	 * The argument pages (at most MINOS_EXEC_ARGS_MAX, plus the 128 KiB
	 * exec adds below them) lie inside the stack mapped next: mapping it
	 * replaces them, so nothing of the exec's arguments survives.
	 */
	ret = setup_arg_pages(bprm, MINOS_STACK_TOP, EXSTACK_DISABLE_X);
	if (ret)
		return ret;
	addr = vm_mmap(NULL, MINOS_STACK_TOP - MINOS_STACK_SIZE,
		       MINOS_STACK_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0);
	if (IS_ERR_VALUE(addr))
		return addr;

	minos_image_close_files();
	minos_image_reset_signals();

	ret = minos_image_read_code(code, &len);
	if (ret)
		return ret;

	mm->start_code = MINOS_CODE_BASE;
	mm->end_code = MINOS_CODE_BASE + len;
	mm->start_data = mm->end_code;
	mm->end_data = mm->end_code;
	mm->start_brk = PAGE_ALIGN(mm->end_code);
	mm->brk = mm->start_brk;
	mm->start_stack = MINOS_STACK_TOP;
	return 0;
}

static struct linux_binfmt minos_binfmt;

/* Past the point of no return: make current the container and start it. */
static int minos_image_start(struct linux_binprm *bprm, struct file *code)
{
	struct pt_regs *regs = current_pt_regs();
	int ret;

	minos_mark_current();
	setup_new_exec(bprm);
	ret = minos_image_setup(bprm, code);
	if (ret) {
		force_sig(SIGKILL);
		return ret;
	}
	set_binfmt(&minos_binfmt);
	finalize_exec(bprm);
	ELF_PLAT_INIT(regs, 0);
	start_thread(regs, MINOS_CODE_BASE, MINOS_STACK_TOP);
	return 0;
}

/* The first container: a task armed through /dev/minos. */
static int minos_image_load_first(struct linux_binprm *bprm,
				  struct minos_arm *arm)
{
	struct minos_container *ctr;
	struct minos_thread *thread;
	unsigned int i;
	int ret;

	ret = -ENOEXEC;
	if (in_compat_syscall())
		goto out_arm;
	ret = -E2BIG;
	if (bprm->vma->vm_end - bprm->p > MINOS_EXEC_ARGS_MAX)
		goto out_arm;
	ret = minos_image_check_code(arm->code);
	if (ret)
		goto out_arm;

	ctr = minos_container_create();
	if (IS_ERR(ctr)) {
		ret = PTR_ERR(ctr);
		goto out_arm;
	}
	minos_container_add_root(ctr);
	for (i = 0; i < arm->nr_fds; i++) {
		ret = minos_fd_install_at(&ctr->fdt, arm->fds[i].minos_fd,
					  arm->fds[i].file, arm->fds[i].type);
		if (ret)
			goto out_abandon;
		arm->fds[i].file = NULL;
	}
	ret = -ENOMEM;
	thread = minos_thread_alloc(GFP_KERNEL);
	if (!thread)
		goto out_abandon;
	ret = minos_thread_attach(thread, ctr, current);
	if (ret)
		goto out_abandon;
	/* From here on, the thread's end is the container's end. */
	minos_container_put(ctr);

	ret = begin_new_exec(bprm);
	if (ret)
		goto out_thread;
	ret = minos_image_start(bprm, arm->code);
	minos_arm_free(arm);
	return ret;

out_thread:
	minos_thread_detach(thread);
	goto out_arm;
out_abandon:
	minos_container_abandon(ctr);
out_arm:
	minos_arm_free(arm);
	return ret;
}

/* A child container: the task a cnew() created and steered here. */
static int minos_image_load_child(struct linux_binprm *bprm,
				  struct minos_thread *thread)
{
	struct minos_spawn *start = thread->start;
	int ret;

	/*
	 * On failure before the point of no return, spawn.c kills it. The
	 * arguments were written to memory its parent's threads share.
	 */
	if (bprm->vma->vm_end - bprm->p > MINOS_EXEC_ARGS_MAX)
		return -E2BIG;
	ret = begin_new_exec(bprm);
	if (ret)
		return ret;
	thread->start = NULL;
	ret = minos_image_start(bprm, start->code);
	minos_spawn_put(start);
	return ret;
}

static int minos_image_load(struct linux_binprm *bprm)
{
	struct minos_thread *thread;
	struct minos_arm *arm;

	if (file_inode(bprm->file) != file_inode(minos_key))
		return -ENOEXEC;
	arm = minos_arm_take(task_pid(current), NULL);
	if (arm)
		return minos_image_load_first(bprm, arm);
	thread = minos_thread_find(current);
	if (thread && thread->start)
		return minos_image_load_child(bprm, thread);
	return -ENOEXEC;
}

static struct linux_binfmt minos_binfmt = {
	.module		= THIS_MODULE,
	.load_binary	= minos_image_load,
};

int minos_image_init(void)
{
	struct inode *inode;

	minos_key = shmem_file_setup("minos", 0, VM_NORESERVE);
	if (IS_ERR(minos_key))
		return PTR_ERR(minos_key);
	/* Executable by all, and writable through no descriptor ever. */
	inode = file_inode(minos_key);
	inode_lock(inode);
	inode->i_mode = S_IFREG | 0555;
	inode->i_flags |= S_IMMUTABLE;
	inode_unlock(inode);

	__register_binfmt(&minos_binfmt, 1);
	return 0;
}

void minos_image_exit(void)
{
	unregister_binfmt(&minos_binfmt);
	fput(minos_key);
}
