// SPDX-License-Identifier: GPL-2.0
/*
 * pipeline: a Minos program that runs three child containers, wired with
 * pipes, on its standard input:
 *
 *	rfd 0 -> upper -> reverse -> number -> this program -> wfd 1
 *
 * upper makes letters upper case, reverse reverses each line, number puts
 * the line number before each line. The children's code is carried inside
 * this image: the stages/ programs are built into flat images first, and the
 * assembler's .incbin puts their bytes here (see example.mk).
 *
 *	echo hello | minos-exec pipeline.bin
 *	     1	OLLEH
 *
 * The walkthrough in Documentation/walkthrough.rst explains it step by step.
 */
#include <minos.h>

/* The bytes of the flat image @file, between @name and @name_end. */
#define IMAGE(name, file)						\
	__asm__(".pushsection .rodata." #name ", \"a\"\n"		\
		#name ":\n"						\
		".incbin \"" file "\"\n"				\
		#name "_end:\n"						\
		".popsection\n");					\
	extern const char name[], name##_end[]

IMAGE(upper, "pipeline/stages/upper.bin");
IMAGE(reverse, "pipeline/stages/reverse.bin");
IMAGE(number, "pipeline/stages/number.bin");

static int fail(const char *what, long err)
{
	minos_puts(2, "pipeline: ");
	minos_puts(2, what);
	minos_puts(2, ": error ");
	minos_put_long(2, err);
	minos_puts(2, "\n");
	return 1;
}

/*
 * Start a child running @code: it gets rfd @in as its rfd 0 and wfd @out
 * as its wfd 1, which leave this container. Returns the child's cid, or
 * -errno.
 */
static long start(const char *code, const char *code_end, int in, int out)
{
	int code_w, code_r;
	long cid, ret;

	ret = minos_pipe(&code_w, &code_r);
	if (ret)
		return ret;
	/* On success, the child has code_r: it reads its code from there. */
	cid = minos_cnew_native(code_r);
	if (cid < 0) {
		minos_wclose(code_w);
		minos_rclose(code_r);
		return cid;
	}
	/*
	 * Until its code stream ends, the child does not run, and what it
	 * is given is numbered 0, 1, ... in order.
	 */
	ret = minos_rpass(in, cid);
	if (ret >= 0)
		ret = minos_wpass(out, cid);
	if (ret >= 0)
		ret = minos_write_all(code_w, code, code_end - code);
	/* The end of the stream: now the child starts. */
	minos_wclose(code_w);
	if (ret < 0) {
		minos_ckill(cid);
		return ret;
	}
	return cid;
}

int main(void)
{
	int w1, r1, w2, r2, w3, r3;
	long cid[3], n, i;
	char buf[4096];

	if (minos_pipe(&w1, &r1) || minos_pipe(&w2, &r2) ||
	    minos_pipe(&w3, &r3))
		return fail("pipe", -1);

	cid[0] = start(upper, upper_end, 0, w1);
	if (cid[0] < 0)
		return fail("upper", cid[0]);
	cid[1] = start(reverse, reverse_end, r1, w2);
	if (cid[1] < 0)
		return fail("reverse", cid[1]);
	cid[2] = start(number, number_end, r2, w3);
	if (cid[2] < 0)
		return fail("number", cid[2]);

	/*
	 * Our end would kill the children: stay until the last stage's
	 * output ends, which is when it has read all of its input.
	 */
	while ((n = minos_read_one(r3, buf, sizeof(buf))) > 0) {
		if (minos_write_all(1, buf, n) < 0)
			return fail("write", n);
	}
	if (n < 0)
		return fail("read", n);

	/* They have ended; release their cids. */
	for (i = 0; i < 3; i++)
		minos_ckill(cid[i]);
	return 0;
}
