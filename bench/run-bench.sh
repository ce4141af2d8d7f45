#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The guest half of "make bench": scripts/bench copies bench/out/ (this
# script, minos-bench and img/*.bin) into the test VM and runs this script
# there. Arguments go to minos-bench (see "minos-bench --help").
cd "$(dirname "$0")" || exit 1
exec ./minos-bench --images ./img --ko /minos/minos.ko "$@"
