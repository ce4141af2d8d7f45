/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The input of images/tree_pipeline.bin, made the same way by the image
 * and by the test: TP_LINES lines of pseudo-random lower-case words,
 * digits, spaces and commas, each TP_LINE_MIN .. TP_LINE_MAX bytes and
 * '\n'-terminated, except the last, which has no '\n'.
 *
 * About TP_LINES * 51 bytes in all: far below the 256 KiB the four pipes
 * of the pipeline buffer together, so that the parent can write all of it
 * before it reads anything (see tree_pipeline.c).
 */
#ifndef MINOS_SELFTEST_TREE_PIPELINE_H
#define MINOS_SELFTEST_TREE_PIPELINE_H

#define TP_LINES	3000
#define TP_LINE_MIN	1
#define TP_LINE_MAX	100
#define TP_SEED		0x7ee5u
#define TP_INPUT_MAX	(TP_LINES * (TP_LINE_MAX + 1))

static inline unsigned int tp_rand(unsigned int *state)
{
	*state = *state * 1103515245u + 12345u;
	return (*state >> 16) & 0x7fff;
}

/*
 * Line @i of the input (0 .. TP_LINES - 1) into @buf, with its '\n' if it
 * has one; the lines must be made in order from *@state = TP_SEED.
 * Returns its length.
 */
static inline int tp_line(unsigned int *state, int i, char *buf)
{
	static const char chars[] = "abcdefghijklmnopqrstuvwxyz0123456789 ,";
	int len = TP_LINE_MIN + tp_rand(state) % (TP_LINE_MAX - TP_LINE_MIN + 1);
	int k;

	for (k = 0; k < len; k++)
		buf[k] = chars[tp_rand(state) % (sizeof(chars) - 1)];
	if (i < TP_LINES - 1)
		buf[len++] = '\n';
	return len;
}

#endif /* MINOS_SELFTEST_TREE_PIPELINE_H */
