# SPDX-License-Identifier: GPL-2.0
#
# make            module/minos.ko (against KDIR), loader/minos-exec, the
#                 SDK and the examples
# make check      set up this machine, fetch the test kernel, build, run
#                 every test in a VM; ends with "minos: N passed, ..."
# make demo       the same set-up, then run examples/hello in the VM
# make bench      boot the VM once and print Minos / Linux time ratios
# make selftests  build the kselftests (needs the fetched kernel source)
# make clean

KDIR ?= /lib/modules/$(shell uname -r)/build

.PHONY: all module loader examples selftests check demo bench clean help

all: module loader examples

module:
	@if [ ! -d "$(KDIR)" ]; then \
		echo "minos: no kernel headers at KDIR=$(KDIR)"; \
		echo "       install linux-headers-$$(uname -r), or pass KDIR=..."; \
		exit 1; fi
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules

loader:
	$(MAKE) -C loader

examples:
	$(MAKE) -C examples

selftests:
	$(MAKE) -C selftests/minos

check:
	scripts/check

demo:
	scripts/demo

bench:
	scripts/bench

clean:
	$(MAKE) -C $(KDIR) M=$(CURDIR) clean 2>/dev/null || true
	$(MAKE) -C loader clean
	$(MAKE) -C examples clean
	$(MAKE) -C selftests/minos clean

help:
	@sed -n 's/^# \{0,1\}//p' Makefile | sed -n '2,10p'
