// SPDX-License-Identifier: GPL-2.0
/*
 * tee: merge several input streams into wfd 1, one multi-read per chunk.
 *
 * Descriptors: wfd 1 is the output. The inputs are rfd 0, then rfd 2, 3,
 * 4, ... up to the first number that is not an rfd. For example
 *
 *	minos-exec --rfd 2=a.log --rfd 3=fd:5 examples/tee/tee.bin < in > out
 *
 * reads standard input, a.log and the shell's descriptor 5 (--rfd 2
 * replaces the default wfd 2, standard error). With only the standard
 * descriptors, tee reads rfd 0 alone, like cat.
 *
 * Each chunk is one read over every input not yet ended: the kernel picks
 * a ready one, taking them in turn, so a busy input does not hold back the
 * others, and a quiet one costs nothing. A chunk goes out whole (a partial
 * write is resumed) before the next read, so each input's bytes keep their
 * order and no chunk is split by another input's bytes; how the chunks of
 * different inputs interleave depends on when their data comes. An input
 * at end of stream leaves the set; tee ends when none is left.
 *
 * Finding the inputs: no call tells an rfd from a free number without
 * using it, and reading a quiet input alone would block. So tee makes a
 * private pipe that holds a byte and reads { number, private read end }:
 * -EBADF says the number is not an rfd; otherwise the read returns at
 * once, from the private pipe (the byte is put back) or from the input,
 * whose first bytes then go out like any chunk.
 *
 * Exit status: 0 when every input has ended, 1 if a read failed, 2 if a
 * write failed, 3 if the buffer or the private pipe could not be made.
 */
#include <minos.h>

#define CHUNK		(64 * 1024)

static int inputs[MINOS_READ_MAX_FDS];
static unsigned int ninputs;
static char *buf;		/* CHUNK bytes, mapped at start */

/* Write all @n bytes of buf to wfd 1; 0, or -1 on error. */
static int put(long n)
{
	long done = 0;

	while (done < n) {
		long w = minos_write(1, buf + done, (unsigned long)(n - done));

		if (w <= 0)
			return -1;
		done += w;
	}
	return 0;
}

/*
 * Is @nr an rfd? 1: yes, an input (its end not reached yet); 2: yes, but
 * already at end of stream; 0: no; -1: a read or write failed.
 */
static int probe(int nr, int pw, int pr)
{
	int pair[2] = { nr, pr };
	int served = -1;
	long n;

	n = minos_read(pair, 2, buf, CHUNK, &served);
	if (n == -EBADF)
		return 0;
	if (n < 0)
		return -1;
	if (served == pr)
		return minos_write(pw, buf, 1) == 1 ? 1 : -1;
	if (n == 0)
		return 2;
	return put(n) ? -1 : 1;
}

/* Collect the inputs: 0, 2, 3, ... up to the first number not an rfd. */
static int find_inputs(void)
{
	int pw, pr, nr, ret = 0;

	if (minos_pipe(&pw, &pr))
		return 3;
	if (minos_write(pw, "x", 1) != 1)
		return 3;
	for (nr = 0; ninputs < MINOS_READ_MAX_FDS; nr = nr ? nr + 1 : 2) {
		int kind;

		if (nr == pw || nr == pr)
			break;
		kind = probe(nr, pw, pr);
		if (kind < 0) {
			ret = 1;
			break;
		}
		if (kind == 0)
			break;
		if (kind == 1)
			inputs[ninputs++] = nr;
	}
	minos_wclose(pw);
	minos_rclose(pr);
	return ret;
}

int main(void)
{
	long mem = minos_mmap((void *)0, CHUNK, PROT_READ | PROT_WRITE,
			      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int ret;

	if (minos_is_error(mem))
		return 3;
	buf = (char *)mem;
	ret = find_inputs();
	if (ret)
		return ret;
	while (ninputs) {
		int served = -1;
		unsigned int i;
		long n = minos_read(inputs, ninputs, buf, CHUNK, &served);

		if (n < 0)
			return 1;
		if (n > 0) {
			if (put(n))
				return 2;
			continue;
		}
		/* End of that input's stream: it leaves the set. */
		for (i = 0; i < ninputs && inputs[i] != served; i++)
			;
		if (i == ninputs)
			return 1;
		minos_memmove(&inputs[i], &inputs[i + 1],
			      (ninputs - i - 1) * sizeof(inputs[0]));
		ninputs--;
	}
	return 0;
}
