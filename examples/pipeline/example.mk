# SPDX-License-Identifier: GPL-2.0
# Included by examples/Makefile. pipeline.bin carries the flat images of
# its three children, stages/*.c, which are built first and included with
# the assembler's .incbin (paths relative to examples/, where make runs).

PIPELINE_STAGES := $(patsubst %.c,%.bin,$(wildcard pipeline/stages/*.c))

pipeline/pipeline.elf: $(PIPELINE_STAGES)

clean: clean-pipeline

clean-pipeline:
	rm -f pipeline/stages/*.elf pipeline/stages/*.bin

.PHONY: clean-pipeline
