// SPDX-License-Identifier: GPL-2.0
/*
 * A stage of examples/pipeline: copies rfd 0 to wfd 1 with the line
 * number, right-aligned in six columns, and a tab before each line.
 */
#include <minos.h>

static int put_number(long nr)
{
	char buf[8] = "      \t";
	int i = 5;

	do {
		buf[i--] = (char)('0' + nr % 10);
		nr /= 10;
	} while (nr && i >= 0);
	return minos_write_all(1, buf, 7) < 0;
}

int main(void)
{
	char buf[4096];
	long n, i, start, nr = 0;
	int at_line_start = 1;

	while ((n = minos_read_one(0, buf, sizeof(buf))) > 0) {
		for (start = i = 0; i < n; i++) {
			if (at_line_start) {
				if (minos_write_all(1, buf + start, i - start) < 0 ||
				    put_number(++nr))
					return 1;
				start = i;
				at_line_start = 0;
			}
			if (buf[i] == '\n')
				at_line_start = 1;
		}
		if (minos_write_all(1, buf + start, n - start) < 0)
			return 1;
	}
	return n < 0;
}
