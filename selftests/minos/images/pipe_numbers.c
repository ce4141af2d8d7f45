// SPDX-License-Identifier: GPL-2.0
/*
 * pipe_numbers: descriptor numbers are allocated lowest-free first, also
 * after closes. Follows the script of pipe_numbers.h and reports every
 * step's results on wfd 9 (which the test hands over).
 */
#include <minos.h>
#include "pipe_lib.h"
#include "pipe_numbers.h"

static const struct pn_step script[] = PN_SCRIPT;

int main(void)
{
	int wfd[PN_PIPES], rfd[PN_PIPES];

	for (unsigned int i = 0; i < ARRAY_SIZE(script); i++) {
		const struct pn_step *s = &script[i];
		struct minos_pair p = { 0, 0 };

		switch (s->op) {
		case 'p':
			p = minos_syscall_pair4(MINOS_NR_PIPE, 0, 0, 0, 0);
			wfd[s->pipe] = (int)p.a;
			rfd[s->pipe] = (int)p.b;
			break;
		case 'w':
			p.a = minos_wclose(wfd[s->pipe]);
			break;
		case 'r':
			p.a = minos_rclose(rfd[s->pipe]);
			break;
		}
		report(PN_REPORT_FD, p.a);
		report(PN_REPORT_FD, p.b);
	}
	return 0;
}
