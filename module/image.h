/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Minos: the binary format that starts a container, and its arming.
 */
#ifndef _MINOS_IMAGE_H
#define _MINOS_IMAGE_H

#include <linux/fs.h>
#include <minos.h>

int minos_image_arm(struct file *owner,
		    const struct minos_exec_arm __user *uarg);
void minos_image_disarm(struct file *owner);
int minos_image_install_key(void);

int minos_image_init(void);
void minos_image_exit(void);

#endif /* _MINOS_IMAGE_H */
