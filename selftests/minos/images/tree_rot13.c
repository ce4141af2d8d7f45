// SPDX-License-Identifier: GPL-2.0
/*
 * tree_rot13: a pipeline stage of tree_pipeline.bin. Copies rfd 0 to
 * wfd 1 with every letter rotated by 13, to the end of rfd 0; exits 0, or
 * 1 when a call fails.
 */
#include <minos.h>

static char rot13(char c)
{
	if (c >= 'a' && c <= 'z')
		return (char)('a' + (c - 'a' + 13) % 26);
	if (c >= 'A' && c <= 'Z')
		return (char)('A' + (c - 'A' + 13) % 26);
	return c;
}

int main(void)
{
	char buf[4096];
	long n, i;

	while ((n = minos_read_one(0, buf, sizeof(buf))) > 0) {
		for (i = 0; i < n; i++)
			buf[i] = rot13(buf[i]);
		if (minos_write_all(1, buf, n) != n)
			return 1;
	}
	return n ? 1 : 0;
}
