// SPDX-License-Identifier: GPL-2.0
/*
 * tree_revline: a pipeline stage of tree_pipeline.bin. Copies rfd 0 to
 * wfd 1 with every line reversed (the '\n' stays at its end; a last line
 * without one is reversed too), to the end of rfd 0. Exits 0, 1 when a
 * call fails, 2 for a line longer than it can hold.
 */
#include <minos.h>

#define LINE_MAX	4096

static long put_reversed(char *line, long len, int newline)
{
	long i;
	char c;

	for (i = 0; i < len / 2; i++) {
		c = line[i];
		line[i] = line[len - 1 - i];
		line[len - 1 - i] = c;
	}
	if (newline)
		line[len++] = '\n';
	return minos_write_all(1, line, len) == len ? 0 : 1;
}

int main(void)
{
	char buf[4096], line[LINE_MAX + 1];
	long n, i, len = 0;

	while ((n = minos_read_one(0, buf, sizeof(buf))) > 0) {
		for (i = 0; i < n; i++) {
			if (buf[i] == '\n') {
				if (put_reversed(line, len, 1))
					return 1;
				len = 0;
			} else if (len < LINE_MAX) {
				line[len++] = buf[i];
			} else {
				return 2;
			}
		}
	}
	if (n)
		return 1;
	return len ? put_reversed(line, len, 0) : 0;
}
