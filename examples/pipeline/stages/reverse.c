// SPDX-License-Identifier: GPL-2.0
/*
 * A stage of examples/pipeline: copies rfd 0 to wfd 1, each line
 * reversed (its newline stays at the end). Lines longer than 4096 bytes
 * are reversed in pieces of 4096.
 */
#include <minos.h>

#define LINE	4096

static int put_reversed(char *line, long len)
{
	long i;
	char c;

	for (i = 0; i < len / 2; i++) {
		c = line[i];
		line[i] = line[len - 1 - i];
		line[len - 1 - i] = c;
	}
	return minos_write_all(1, line, len) < 0;
}

int main(void)
{
	char buf[4096], line[LINE];
	long n, i, len = 0;

	while ((n = minos_read_one(0, buf, sizeof(buf))) > 0) {
		for (i = 0; i < n; i++) {
			if (buf[i] == '\n') {
				if (put_reversed(line, len) ||
				    minos_write_all(1, "\n", 1) < 0)
					return 1;
				len = 0;
				continue;
			}
			if (len == LINE && put_reversed(line, len))
				return 1;
			if (len == LINE)
				len = 0;
			line[len++] = buf[i];
		}
	}
	if (n < 0)
		return 1;
	return put_reversed(line, len);
}
