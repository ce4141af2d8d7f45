// SPDX-License-Identifier: GPL-2.0
/*
 * tree_upper: a pipeline stage of tree_pipeline.bin. Copies rfd 0 to
 * wfd 1 with a-z made upper case, to the end of rfd 0; exits 0, or 1 when
 * a call fails.
 */
#include <minos.h>

int main(void)
{
	char buf[4096];
	long n, i;

	while ((n = minos_read_one(0, buf, sizeof(buf))) > 0) {
		for (i = 0; i < n; i++)
			if (buf[i] >= 'a' && buf[i] <= 'z')
				buf[i] -= 'a' - 'A';
		if (minos_write_all(1, buf, n) != n)
			return 1;
	}
	return n ? 1 : 0;
}
