# SPDX-License-Identifier: MIT
#
# Minos SDK make fragment (MIT like the rest of the SDK: it only builds
# programs, see include/minos.h). In a Makefile:
#
#	MINOS_SDK := path/to/sdk
#	include $(MINOS_SDK)/sdk.mk
#
#	all: foo.bin
#
# gives the rules foo.c -> foo.elf -> foo.bin (a flat image, linked at
# 0x10000, start code first). Extra objects or sources (.c, .S; sources are
# compiled with the image flags) are linked in from
#
#	MINOS_OBJS	into every image
#	foo_OBJS	into foo.bin only (foo: the file name, no folder)
#
# and last the SDK's archive, libminos.a (malloc, minos_printf, threads,
# the C string functions: sdk/lib/*.c), built with the image flags into
# MINOS_LIB_DIR (default .minos-sdk/ in the folder make runs in), from
# which each image takes only what it uses.
#
# MINOS_CC, MINOS_AR, MINOS_OBJCOPY, MINOS_CFLAGS_EXTRA and
# MINOS_LDFLAGS_EXTRA may be set, before or after the include, to change
# the toolchain or add flags; MINOS_LIB_DIR before it.
# MINOS_CFLAGS and MINOS_LDFLAGS are there for your own rules. `make V=1`
# shows the commands; $(minos_q) is "@" unless V=1, for quiet rules of your
# own.

ifndef MINOS_SDK
MINOS_SDK := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
endif

MINOS_CC	?= gcc
MINOS_AR	?= ar
MINOS_OBJCOPY	?= objcopy
MINOS_LIB_DIR	?= .minos-sdk

# Position-dependent code at 0x10000, no libc, no runtime support that a
# flat image cannot carry (stack protector canary in TLS, CET notes, unwind
# tables). The red zone is kept: a container runs no signal handlers, and
# nothing else writes below its stack pointer.
MINOS_CFLAGS	= -std=gnu11 -O2 -g -Wall -Wextra \
		   -ffreestanding -fno-pic -fno-pie -fno-stack-protector \
		   -fno-asynchronous-unwind-tables -fno-unwind-tables \
		   -fcf-protection=none -fno-stack-clash-protection \
		   -fno-common -ffunction-sections -fdata-sections \
		   -I$(MINOS_SDK)/include $(MINOS_CFLAGS_EXTRA)

MINOS_LDFLAGS	= -nostdlib -static -no-pie -Wl,--build-id=none \
		   -Wl,-T,$(MINOS_SDK)/minos.ld -Wl,--gc-sections \
		   $(MINOS_LDFLAGS_EXTRA)

MINOS_START	:= $(MINOS_SDK)/start.S

MINOS_LIB_SRCS	:= $(wildcard $(MINOS_SDK)/lib/*.c)
MINOS_LIB_OBJS	:= $(patsubst $(MINOS_SDK)/lib/%.c,$(MINOS_LIB_DIR)/%.o,\
			     $(MINOS_LIB_SRCS))
MINOS_LIB	:= $(MINOS_LIB_DIR)/libminos.a

# Images are rebuilt when the SDK or the ABI header changes.
MINOS_SDK_DEPS	:= $(MINOS_START) $(MINOS_SDK)/minos.ld \
		   $(wildcard $(MINOS_SDK)/include/*.h \
			      $(MINOS_SDK)/include/minos/*.h) \
		   $(wildcard $(MINOS_SDK)/../uapi/minos.h) \
		   $(MINOS_SDK)/sdk.mk

ifeq ($(V),1)
minos_q :=
else
minos_q := @
endif

.SECONDEXPANSION:

# The archive rule below must not become the including Makefile's default
# goal: the goal is restored after it (empty: the next target).
minos_default_goal := $(.DEFAULT_GOAL)

%.elf: %.c $(MINOS_SDK_DEPS) $$(MINOS_OBJS) $$($$(*F)_OBJS) $(MINOS_LIB)
	@$(if $(minos_q),echo "  MINOS   $@")
	$(minos_q)$(MINOS_CC) $(MINOS_CFLAGS) $(MINOS_LDFLAGS) -o $@ \
		$(MINOS_START) $< $(MINOS_OBJS) $($(*F)_OBJS) $(MINOS_LIB)

$(MINOS_LIB_DIR)/%.o: $(MINOS_SDK)/lib/%.c $(MINOS_SDK_DEPS)
	@mkdir -p $(MINOS_LIB_DIR)
	@$(if $(minos_q),echo "  CC      $@")
	$(minos_q)$(MINOS_CC) $(MINOS_CFLAGS) -c -o $@ $<

# Replaced whole, so that a link never sees a half-written archive.
$(MINOS_LIB): $(MINOS_LIB_OBJS)
	@$(if $(minos_q),echo "  AR      $@")
	$(minos_q)rm -f $@.tmp && $(MINOS_AR) rcs $@.tmp $^ && mv -f $@.tmp $@

.DEFAULT_GOAL := $(minos_default_goal)

%.bin: %.elf
	@$(if $(minos_q),echo "  FLAT    $@")
	$(minos_q)$(MINOS_OBJCOPY) -O binary $< $@

# Keep the ELF beside the image: it has the symbols for objdump and gdb.
.PRECIOUS: %.elf
