// SPDX-License-Identifier: GPL-2.0
/*
 * A stage of examples/pipeline: copies rfd 0 to wfd 1, with the letters
 * a-z made upper case.
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
		if (minos_write_all(1, buf, n) < 0)
			return 1;
	}
	return n < 0;
}
