// SPDX-License-Identifier: GPL-2.0
/*
 * Minos: a syscall personality for minimal, sandboxed containers.
 *
 * Module set-up and tear-down, /dev/minos (through which minos-exec arms
 * its exec into the first container), /sys/kernel/minos (state for tests
 * and administrators) and /sys/kernel/debug/minos/containers (the
 * container trees with their descriptors).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/kobject.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/seq_file.h>
#include <linux/sysfs.h>

#include "container.h"
#include "image.h"
#include "personality.h"
#include "pipe.h"

static long minos_dev_ioctl(struct file *file, unsigned int cmd,
			    unsigned long arg)
{
	switch (cmd) {
	case MINOS_IOC_EXEC_ARM:
		return minos_image_arm(file, (void __user *)arg);
	default:
		return -ENOTTY;
	}
}

static int minos_dev_release(struct inode *inode, struct file *file)
{
	minos_image_disarm(file);
	return 0;
}

static const struct file_operations minos_dev_fops = {
	.owner		= THIS_MODULE,
	.release	= minos_dev_release,
	.unlocked_ioctl	= minos_dev_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
};

static struct miscdevice minos_dev = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= "minos",
	.fops	= &minos_dev_fops,
	.mode	= 0666,
};

/* /sys/kernel/minos/containers: the number of live containers. */
static ssize_t containers_show(struct kobject *kobj,
			       struct kobj_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%u\n", minos_containers_live());
}

/* /sys/kernel/minos/probes: 1 while the syscall probes are registered. */
static ssize_t probes_show(struct kobject *kobj, struct kobj_attribute *attr,
			   char *buf)
{
	return sysfs_emit(buf, "%d\n", minos_probes_active());
}

static struct kobj_attribute containers_attr = __ATTR_RO(containers);
static struct kobj_attribute probes_attr = __ATTR_RO(probes);

static struct attribute *minos_attrs[] = {
	&containers_attr.attr,
	&probes_attr.attr,
	NULL,
};

static const struct attribute_group minos_attr_group = {
	.attrs = minos_attrs,
};

static struct kobject *minos_kobj;

/* /sys/kernel/debug/minos/containers: every container tree. */
static int containers_debug_show(struct seq_file *m, void *unused)
{
	minos_container_show(m);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(containers_debug);

static struct dentry *minos_debugfs;

static int __init minos_init(void)
{
	int ret;

	ret = minos_personality_init();
	if (ret)
		return ret;
	ret = minos_container_init();
	if (ret)
		return ret;
	ret = minos_pipe_init();
	if (ret)
		goto err_container;
	ret = minos_image_init();
	if (ret)
		goto err_pipe;
	minos_kobj = kobject_create_and_add("minos", kernel_kobj);
	if (!minos_kobj) {
		ret = -ENOMEM;
		goto err_image;
	}
	ret = sysfs_create_group(minos_kobj, &minos_attr_group);
	if (ret)
		goto err_kobj;
	ret = misc_register(&minos_dev);
	if (ret)
		goto err_kobj;
	/* Only a view for people: Minos works without it. */
	minos_debugfs = debugfs_create_dir("minos", NULL);
	debugfs_create_file("containers", 0400, minos_debugfs, NULL,
			    &containers_debug_fops);
	pr_info("Minos ABI %d ready\n", MINOS_ABI_VERSION);
	return 0;

err_kobj:
	kobject_put(minos_kobj);
err_image:
	minos_image_exit();
err_pipe:
	minos_pipe_exit();
err_container:
	minos_container_exit();
	return ret;
}

static void __exit minos_exit(void)
{
	debugfs_remove(minos_debugfs);
	misc_deregister(&minos_dev);
	kobject_put(minos_kobj);
	minos_image_exit();
	minos_pipe_exit();
	minos_container_exit();
	minos_personality_exit();
}

module_init(minos_init);
module_exit(minos_exit);

MODULE_DESCRIPTION("Minos: a syscall personality for sandboxed containers");
MODULE_LICENSE("GPL");
