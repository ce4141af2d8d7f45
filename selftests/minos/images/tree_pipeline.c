// SPDX-License-Identifier: GPL-2.0
/*
 * tree_pipeline: a parent that builds a pipeline of three children from
 * the stage images it carries in its own image (.incbin of tree_upper.bin,
 * tree_revline.bin and tree_rot13.bin), connected by pipes:
 *
 *	parent -p0-> upper -p1-> revline -p2-> rot13 -p3-> parent
 *
 * It writes the input of tree_pipeline.h into p0 and closes it, reads p3
 * to its end, checks each byte against what it computes itself, and
 * releases the three cids. The four pipes hold 256 KiB together, more than
 * the whole input: writing all of it before reading cannot block for ever.
 *
 * It reports on wfd 1, one "name value" line each: the cids (cid0 ..
 * cid2), where each stage got its input and output (in0 .. in2, out0 ..
 * out2), the result of writing its code (code0 .. code2), the input
 * length (in_len), the result of writing it (wrote), the output length
 * (out_len), the read that ended it (read_end), the offset of the first
 * byte that is not the expected one (mismatch, -1 if none), the FNV-1a
 * hash of the output (hash), the results of the three ckills (ckill0 ..
 * ckill2) and of one more (ckill_again). Exit 0, or 1 when a buffer cannot
 * be mapped.
 */
#include <minos.h>
#include "tree_pipeline.h"

#define BLOB(name, file)						\
	__asm__(".pushsection .rodata." #name ", \"a\"\n"		\
		#name ":\n"						\
		".incbin \"" file "\"\n"				\
		#name "_end:\n"						\
		".popsection\n");					\
	extern const char name[], name##_end[]

BLOB(upper_code, "images/tree_upper.bin");
BLOB(revline_code, "images/tree_revline.bin");
BLOB(rot13_code, "images/tree_rot13.bin");

#define STAGES		3
#define BUF_SIZE	0x80000UL	/* > TP_INPUT_MAX */

static void kv(const char *name, long i, long v)
{
	minos_puts(1, name);
	if (i >= 0)
		minos_put_long(1, i);
	minos_puts(1, " ");
	minos_put_long(1, v);
	minos_puts(1, "\n");
}

static char *map_buf(void)
{
	long addr = minos_mmap((void *)0, BUF_SIZE, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return minos_is_error(addr) ? (char *)0 : (char *)addr;
}

static char expected(char c)
{
	if (c >= 'a' && c <= 'z')
		c -= 'a' - 'A';
	if (c >= 'A' && c <= 'Z')
		c = (char)('A' + (c - 'A' + 13) % 26);
	return c;
}

/* The input into @in, what must come out into @exp; returns the length. */
static long make_input(char *in, char *exp)
{
	unsigned int state = TP_SEED;
	long len = 0, n, k, body;
	int i;

	for (i = 0; i < TP_LINES; i++) {
		n = tp_line(&state, i, in + len);
		body = in[len + n - 1] == '\n' ? n - 1 : n;
		for (k = 0; k < body; k++)
			exp[len + k] = expected(in[len + body - 1 - k]);
		if (body < n)
			exp[len + body] = '\n';
		len += n;
	}
	return len;
}

int main(void)
{
	const char *code[STAGES] = { upper_code, revline_code, rot13_code };
	const char *code_end[STAGES] = {
		upper_code_end, revline_code_end, rot13_code_end
	};
	int w[STAGES + 1], r[STAGES + 1], cw, cr;
	char *in = map_buf(), *exp = map_buf(), *out = map_buf();
	long cid[STAGES], len, n, got = 0, mismatch = -1, i;
	unsigned long hash = 0xcbf29ce484222325UL;

	if (!in || !exp || !out)
		return 1;
	len = make_input(in, exp);
	for (i = 0; i <= STAGES; i++)
		minos_pipe(&w[i], &r[i]);

	for (i = 0; i < STAGES; i++) {
		minos_pipe(&cw, &cr);
		cid[i] = minos_cnew_native(cr);
		kv("cid", i, cid[i]);
		kv("in", i, minos_rpass(r[i], cid[i]));
		kv("out", i, minos_wpass(w[i + 1], cid[i]));
		n = minos_write_all(cw, code[i], code_end[i] - code[i]);
		kv("code", i, n == code_end[i] - code[i] ? 0 : n);
		minos_wclose(cw);
	}

	kv("in_len", -1, len);
	kv("wrote", -1, minos_write_all(w[0], in, len));
	minos_wclose(w[0]);

	while ((n = minos_read_one(r[STAGES], out + got, BUF_SIZE - got)) > 0)
		got += n;
	kv("out_len", -1, got);
	kv("read_end", -1, n);

	for (i = 0; i < got; i++) {
		if (mismatch < 0 && (i >= len || out[i] != exp[i]))
			mismatch = i;
		hash = (hash ^ (unsigned char)out[i]) * 0x100000001b3UL;
	}
	if (mismatch < 0 && got < len)
		mismatch = got;
	kv("mismatch", -1, mismatch);
	kv("hash", -1, (long)hash);

	for (i = 0; i < STAGES; i++)
		kv("ckill", i, minos_ckill(cid[i]));
	kv("ckill_again", -1, minos_ckill(cid[0]));
	return 0;
}
