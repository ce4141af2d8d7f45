# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Bash helpers shared by scripts/vm, scripts/check and scripts/demo.
# Source it; it defines functions and a few variables and runs nothing.
#
#   MINOS_ROOT    top of the source tree (the folder holding this scripts/)
#   MINOS_CACHE   cache folder (kernel packages, logs of the last VM run)
#   MINOS_VERBOSE 1 = show the output of builds that are otherwise quiet

MINOS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MINOS_CACHE=${MINOS_CACHE:-$HOME/.cache/minos}
MINOS_VERBOSE=${MINOS_VERBOSE:-0}
export MINOS_CACHE

# minos_msg TEXT...: one "minos: " line on stderr.
minos_msg() {
	printf 'minos: %s\n' "$*" >&2
}

# minos_jobs: how many jobs to give make.
minos_jobs() {
	nproc 2>/dev/null || echo 2
}

# minos_setup: run scripts/setup (it is quiet when nothing is missing).
# Its messages go to stderr so that callers keep stdout for results.
minos_setup() {
	if ! "$MINOS_ROOT/scripts/setup" >&2; then
		minos_msg "scripts/setup failed: cannot install the build and test tools"
		return 1
	fi
}

# minos_fetch_kernel: run scripts/fetch-kernel and set (and export) KVER,
# KROOT, KDIR, KCOMMON, VMLINUZ and KSRC_TAR from what it prints. Its other
# lines (progress) are passed on to stderr.
minos_fetch_kernel() {
	local out line key val
	out=$(mktemp)
	if ! "$MINOS_ROOT/scripts/fetch-kernel" >"$out"; then
		sed '/^[A-Z_]*=/d' "$out" >&2
		rm -f "$out"
		minos_msg "scripts/fetch-kernel failed: no test kernel"
		return 1
	fi
	# shellcheck disable=SC2034  # set for the callers
	KVER='' KROOT='' KDIR='' KCOMMON='' VMLINUZ='' KSRC_TAR=''
	while IFS= read -r line; do
		key=${line%%=*}
		val=${line#*=}
		case $line in
		KVER=* | KROOT=* | KDIR=* | KCOMMON=* | VMLINUZ=* | KSRC_TAR=*)
			printf -v "$key" '%s' "$val"
			export "${key?}"
			;;
		*) printf '%s\n' "$line" >&2 ;;
		esac
	done <"$out"
	rm -f "$out"
	if [ -z "$KVER" ] || [ ! -f "$VMLINUZ" ] || [ ! -d "$KDIR" ]; then
		minos_msg "scripts/fetch-kernel gave no usable kernel (KVER='$KVER' VMLINUZ='$VMLINUZ' KDIR='$KDIR')"
		return 1
	fi
}

# minos_make LOG TARGET [VAR=VALUE]...: build one top-level make target.
# With LOG empty the output is shown (on stderr); otherwise it goes to LOG
# and only a failure shows its last lines. Returns make's status.
minos_make() {
	local log=$1 target=$2 desc
	shift 2
	desc="make $target${*:+ $*}"
	if [ -z "$log" ] || [ "$MINOS_VERBOSE" = 1 ]; then
		make -C "$MINOS_ROOT" -j"$(minos_jobs)" "$target" "$@" >&2 && return 0
		minos_msg "building '$target' failed ($desc)"
		return 1
	fi
	printf '\n=== %s\n' "$desc" >>"$log"
	make -C "$MINOS_ROOT" -j"$(minos_jobs)" "$target" "$@" >>"$log" 2>&1 && return 0
	minos_msg "building '$target' failed ($desc); last lines of $log:"
	tail -n 25 "$log" | sed 's/^/    /' >&2
	return 1
}
