#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Checks of minos-exec that need no module: options, messages and exit
# statuses for bad options, bad descriptors and bad images, and, on a
# machine without /dev/minos, the "module not loaded" error. Run by
# `make -C loader check`; usage: check-host.sh [path/to/minos-exec].
set -u
here=$(cd "$(dirname "$0")" && pwd)
mx=${1:-$here/minos-exec}
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# expect DESC STATUS PATTERN CMD...: CMD exits with STATUS and its
# standard error (or output, for status 0) matches the grep -E PATTERN.
expect() {
	desc=$1 want=$2 pattern=$3
	shift 3
	"$@" > "$tmp/out" 2>&1
	got=$?
	if [ "$got" -eq "$want" ] && grep -qE -- "$pattern" "$tmp/out"; then
		pass=$((pass + 1))
		echo "ok - $desc"
	else
		fail=$((fail + 1))
		echo "not ok - $desc (status $got, wanted $want)"
		sed 's/^/#   /' "$tmp/out"
	fi
}

printf '\353\376' > "$tmp/img"		# jmp . : any non-empty image
: > "$tmp/empty"
mkdir "$tmp/dir"

expect "--version" 0 "^minos-exec [0-9.]+ \(Minos ABI version 1\)$" \
	"$mx" --version
expect "--help names the options" 0 "--rfd N=fd:M" "$mx" --help
expect "--help tells how to load the module" 0 "insmod minos\.ko" \
	"$mx" --help
expect "--help lists exit status 127" 0 "^  127 " "$mx" --help
expect "no image" 125 "no image given" "$mx"
expect "unknown long option" 125 "unknown option '--bogus'" \
	"$mx" --bogus "$tmp/img"
expect "unknown short option" 125 "unknown option '-x'" \
	"$mx" -x "$tmp/img"
expect "missing option argument" 125 "'--rfd' needs an argument" \
	"$mx" --rfd
expect "spec without =" 125 "expected N=PATH or N=fd:M" \
	"$mx" --rfd 3 "$tmp/img"
expect "spec with a bad number" 125 "'x' is not a descriptor number" \
	"$mx" --wfd x=out "$tmp/img"
expect "spec with a negative number" 125 "is not a descriptor number" \
	"$mx" --wfd -1=out "$tmp/img"
expect "spec without a file" 125 "no file after" "$mx" --rfd 3= "$tmp/img"
expect "spec with a bad host fd" 125 "'1x' is not a host descriptor" \
	"$mx" --rfd 3=fd:1x "$tmp/img"
expect "a number given twice" 125 "descriptor 3 given twice" \
	"$mx" --rfd 3=a --wfd 3=b "$tmp/img"
expect "a closed host fd" 125 "host descriptor 987 is not open" \
	"$mx" --rfd 3=fd:987 "$tmp/img"
expect "a write-only fd as rfd" 125 "is open for writing only" \
	sh -c '"$0" --rfd 3=fd:4 "$1" 4>/dev/null' "$mx" "$tmp/img"
expect "a read-only fd as wfd" 125 "is open for reading only" \
	sh -c '"$0" --wfd 3=fd:4 "$1" 4</dev/null' "$mx" "$tmp/img"
expect "an empty --arch" 125 "--arch '': a name of 1 to 64 bytes" \
	"$mx" --arch "" "$tmp/img"
expect "an arch name over 64 bytes" 125 "a name of 1 to 64 bytes" \
	"$mx" --arch "$(printf '%065d' 0)" "$tmp/img"
expect "something after the image" 125 "one image only" \
	"$mx" "$tmp/img" extra
expect "an image that does not exist" 127 "No such file or directory" \
	"$mx" "$tmp/none.bin"
expect "an image that is a directory" 126 "Is a directory" \
	"$mx" "$tmp/dir"
expect "an empty image" 126 "the image is empty" "$mx" "$tmp/empty"
expect "an empty image on stdin" 126 "standard input: the image is empty" \
	sh -c '"$0" - < "$1"' "$mx" "$tmp/empty"
expect "stdin closed for -" 126 "standard input is not open" \
	sh -c '"$0" - <&-' "$mx"
if truncate -s $((256 * 1024 * 1024 + 1)) "$tmp/big" 2>/dev/null; then
	expect "an image over 256 MiB" 126 "larger than 256 MiB" \
		"$mx" "$tmp/big"
fi

if [ ! -e /dev/minos ]; then
	expect "module not loaded" 125 \
		"the Minos module is not loaded.*insmod minos\.ko" \
		"$mx" "$tmp/img"
	expect "module not loaded: --wfd file not created" 125 "not loaded" \
		sh -c '"$0" --wfd 3="$1" "$2"; s=$?; [ ! -e "$1" ] && exit $s' \
		"$mx" "$tmp/created" "$tmp/img"
else
	echo "# /dev/minos exists: the module-not-loaded checks are skipped"
fi

echo "minos-exec host checks: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
