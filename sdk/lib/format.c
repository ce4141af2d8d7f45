// SPDX-License-Identifier: MIT
/*
 * Minos SDK: minos_snprintf() and minos_printf() (see minos/format.h).
 *
 * MIT licensed so that any program may be built with it: see <minos.h>.
 *
 * One formatting loop writes into a sink: either a caller's buffer (the
 * bytes beyond its size are counted, not stored) or a buffer on the stack
 * that is written to a wfd whenever it fills up.
 */
#include <minos.h>

struct minos_sink {
	char *buf;
	unsigned long size;	/* bytes of @buf usable for text */
	unsigned long used;	/* bytes of @buf holding text */
	unsigned long total;	/* bytes produced, kept or not */
	int wfd;		/* -1: a caller's buffer */
	long error;		/* first write error (wfd sink) */
};

static void minos_sink_flush(struct minos_sink *s)
{
	long ret;

	if (s->wfd < 0 || !s->used)
		return;
	if (!s->error) {
		ret = minos_write_all(s->wfd, s->buf, s->used);
		if (ret < 0)
			s->error = ret;
	}
	s->used = 0;
}

static void minos_sink_put(struct minos_sink *s, char c)
{
	if (s->used == s->size)
		minos_sink_flush(s);
	if (s->used < s->size)
		s->buf[s->used++] = c;
	s->total++;
}

static void minos_sink_fill(struct minos_sink *s, char c, long n)
{
	for (; n > 0; n--)
		minos_sink_put(s, c);
}

static void minos_sink_mem(struct minos_sink *s, const char *p,
			   unsigned long n)
{
	while (n--)
		minos_sink_put(s, *p++);
}

/* A conversion's flags, width and precision (-1: none). */
struct minos_spec {
	unsigned int left : 1;
	unsigned int zero : 1;
	unsigned int plus : 1;
	unsigned int space : 1;
	unsigned int alt : 1;
	int width;
	int prec;
};

/*
 * Emit @len bytes at @body, preceded by @prefix (a sign or 0x) and by
 * @zeros zeros, padded to the width.
 */
static void minos_emit(struct minos_sink *s, const struct minos_spec *sp,
		       const char *prefix, long zeros, const char *body,
		       long len)
{
	long plen = (long)minos_strlen(prefix);
	long pad = sp->width - plen - zeros - len;

	if (sp->zero && !sp->left && sp->prec < 0) {
		zeros += pad > 0 ? pad : 0;
		pad = 0;
	}
	if (!sp->left)
		minos_sink_fill(s, ' ', pad);
	minos_sink_mem(s, prefix, (unsigned long)plen);
	minos_sink_fill(s, '0', zeros);
	minos_sink_mem(s, body, (unsigned long)len);
	if (sp->left)
		minos_sink_fill(s, ' ', pad);
}

/*
 * A number of the given @base, with its sign (@negative: -@v). @upper is
 * 1 for upper-case hex, 0 for lower-case, -1 for a pointer: lower-case
 * with "0x" always.
 */
static void minos_emit_number(struct minos_sink *s,
			      const struct minos_spec *sp,
			      unsigned long long v, int negative,
			      unsigned int base, int upper)
{
	const char *digits = upper > 0 ? "0123456789ABCDEF" :
					 "0123456789abcdef";
	char buf[24];
	char *p = buf + sizeof(buf);
	const char *prefix = "";
	long len, zeros = 0;

	while (v) {
		*--p = digits[v % base];
		v /= base;
	}
	len = buf + sizeof(buf) - p;
	/* Zero has one digit, none with a precision of 0. */
	if (!len && sp->prec != 0) {
		*--p = '0';
		len = 1;
	}
	if (sp->prec > len)
		zeros = sp->prec - len;

	if (negative)
		prefix = "-";
	else if (sp->plus)
		prefix = "+";
	else if (sp->space)
		prefix = " ";
	if (sp->alt && base == 16 && len && *p != '0')
		prefix = upper > 0 ? "0X" : "0x";
	if (upper < 0)
		prefix = "0x";
	if (sp->alt && base == 8 && !zeros && (!len || *p != '0'))
		zeros = 1;
	minos_emit(s, sp, prefix, zeros, p, len);
}

/* Read an int argument of '*', or digits; advances *@fmt. */
static int minos_parse_int(const char **fmt)
{
	int n = 0;

	while (**fmt >= '0' && **fmt <= '9') {
		if (n < 100000000)
			n = n * 10 + (**fmt - '0');
		(*fmt)++;
	}
	return n;
}

enum minos_len { LEN_INT, LEN_CHAR, LEN_SHORT, LEN_LONG, LEN_LLONG };

static void minos_format(struct minos_sink *s, const char *fmt, va_list ap)
{
	while (*fmt) {
		const char *start = fmt;
		struct minos_spec sp = { .width = 0, .prec = -1 };
		enum minos_len len = LEN_INT;
		unsigned long long u;
		long long v;
		const char *str;
		char c;

		if (*fmt != '%') {
			minos_sink_put(s, *fmt++);
			continue;
		}
		fmt++;
		for (;; fmt++) {
			if (*fmt == '-')
				sp.left = 1;
			else if (*fmt == '0')
				sp.zero = 1;
			else if (*fmt == '+')
				sp.plus = 1;
			else if (*fmt == ' ')
				sp.space = 1;
			else if (*fmt == '#')
				sp.alt = 1;
			else
				break;
		}
		if (*fmt == '*') {
			sp.width = va_arg(ap, int);
			if (sp.width < 0) {
				sp.left = 1;
				sp.width = sp.width < -100000000 ?
					   100000000 : -sp.width;
			}
			fmt++;
		} else {
			sp.width = minos_parse_int(&fmt);
		}
		if (*fmt == '.') {
			fmt++;
			if (*fmt == '*') {
				sp.prec = va_arg(ap, int);
				if (sp.prec < 0)
					sp.prec = -1;
				fmt++;
			} else {
				sp.prec = minos_parse_int(&fmt);
			}
		}
		switch (*fmt) {
		case 'h':
			fmt++;
			len = LEN_SHORT;
			if (*fmt == 'h') {
				fmt++;
				len = LEN_CHAR;
			}
			break;
		case 'l':
			fmt++;
			len = LEN_LONG;
			if (*fmt == 'l') {
				fmt++;
				len = LEN_LLONG;
			}
			break;
		case 'z':
		case 't':
		case 'j':
			fmt++;
			len = LEN_LONG;
			break;
		}

		switch (*fmt) {
		case 'd':
		case 'i':
			switch (len) {
			case LEN_LONG:
				v = va_arg(ap, long);
				break;
			case LEN_LLONG:
				v = va_arg(ap, long long);
				break;
			case LEN_SHORT:
				v = (short)va_arg(ap, int);
				break;
			case LEN_CHAR:
				v = (signed char)va_arg(ap, int);
				break;
			default:
				v = va_arg(ap, int);
			}
			u = v < 0 ? 0ULL - (unsigned long long)v :
				    (unsigned long long)v;
			minos_emit_number(s, &sp, u, v < 0, 10, 0);
			break;
		case 'u':
		case 'x':
		case 'X':
		case 'o':
			switch (len) {
			case LEN_LONG:
				u = va_arg(ap, unsigned long);
				break;
			case LEN_LLONG:
				u = va_arg(ap, unsigned long long);
				break;
			case LEN_SHORT:
				u = (unsigned short)va_arg(ap, unsigned int);
				break;
			case LEN_CHAR:
				u = (unsigned char)va_arg(ap, unsigned int);
				break;
			default:
				u = va_arg(ap, unsigned int);
			}
			minos_emit_number(s, &sp, u, 0,
					  *fmt == 'o' ? 8 : *fmt == 'u' ? 10 : 16,
					  *fmt == 'X');
			break;
		case 'p':
			u = (unsigned long)va_arg(ap, void *);
			minos_emit_number(s, &sp, u, 0, 16, -1);
			break;
		case 'c':
			c = (char)va_arg(ap, int);
			sp.prec = -1;
			sp.zero = 0;
			minos_emit(s, &sp, "", 0, &c, 1);
			break;
		case 's':
			str = va_arg(ap, const char *);
			if (!str)
				str = "(null)";
			sp.zero = 0;
			minos_emit(s, &sp, "", 0, str,
				   (long)strnlen(str, sp.prec < 0 ? ~0UL :
						 (unsigned long)sp.prec));
			break;
		case '%':
			minos_sink_put(s, '%');
			break;
		default:
			/* Unknown, or the format ended: print it as it is. */
			minos_sink_mem(s, start, (unsigned long)(fmt - start));
			if (!*fmt)
				return;
			minos_sink_put(s, *fmt);
			break;
		}
		fmt++;
	}
}

int minos_vsnprintf(char *buf, unsigned long size, const char *fmt,
		    va_list ap)
{
	struct minos_sink s = {
		.buf = buf,
		.size = size ? size - 1 : 0,
		.wfd = -1,
	};

	minos_format(&s, fmt, ap);
	if (size)
		buf[s.used] = '\0';
	return s.total > 0x7fffffffUL ? 0x7fffffff : (int)s.total;
}

int minos_snprintf(char *buf, unsigned long size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = minos_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

long minos_vprintf(int wfd, const char *fmt, va_list ap)
{
	char buf[MINOS_PRINTF_BUFFER];
	struct minos_sink s = {
		.buf = buf,
		.size = sizeof(buf),
		.wfd = wfd,
	};

	minos_format(&s, fmt, ap);
	minos_sink_flush(&s);
	return s.error ? s.error : (long)s.total;
}

long minos_printf(int wfd, const char *fmt, ...)
{
	va_list ap;
	long n;

	va_start(ap, fmt);
	n = minos_vprintf(wfd, fmt, ap);
	va_end(ap);
	return n;
}
