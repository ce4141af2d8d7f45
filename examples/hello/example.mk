# SPDX-License-Identifier: GPL-2.0
# Included by examples/Makefile: the hand-assembled image beside hello.bin.

all: hello/hello-raw.bin

hello/hello-raw.bin: hello/make-raw.sh
	@$(if $(minos_q),echo "  RAW     $@")
	$(minos_q)sh hello/make-raw.sh $@
