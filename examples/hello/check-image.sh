#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Static checks of the hello images, on the host (no module needed):
# hello.bin from the SDK and the hand-assembled image of make-raw.sh must
# start with their entry code at 0x10000, carry everything they need in
# the file (.bss included), and hold nothing a flat image cannot use.
# Run by `make -C examples check`, or from anywhere. Needs binutils.
set -u
dir=$(dirname "$0")
bin=$dir/hello.bin
elf=$dir/hello.elf
pass=0
fail=0

ok() { pass=$((pass + 1)); echo "ok - $1"; }
not_ok() { fail=$((fail + 1)); echo "not ok - $1"; }
check() { # description, then a command
	desc=$1
	shift
	if "$@" >/dev/null 2>&1; then ok "$desc"; else not_ok "$desc"; fi
}
disasm() {
	objdump -D -b binary -mi386:x86-64 --adjust-vma=0x10000 "$1" |
		sed -n 's/^ *\([0-9a-f]*\):\t[0-9a-f ]*\t\(.*\)$/\1 \2/p' |
		sed 's/  */ /g; s/ *$//'
}
has_line() { # file, exact line
	grep -qxF "$2" "$1"
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ ! -f "$bin" ] || [ ! -f "$elf" ]; then
	not_ok "hello.bin and hello.elf are built (make -C examples)"
	echo "hello images: $pass passed, $fail failed"
	exit 1
fi

# --- hello.bin, built with the SDK -----------------------------------
disasm "$bin" > "$tmp/hello.s"
start=$(nm "$elf" | sed -n 's/^\([0-9a-f]*\) T _start$/\1/p')
end=$(nm "$elf" | sed -n 's/^\([0-9a-f]*\) [A-Za-z] _end$/\1/p')
size=$(wc -c < "$bin")

check "_start is at 0x10000" test "$start" = 0000000000010000
check "the first instruction is the start code" \
	has_line "$tmp/hello.s" "10000 xor %ebp,%ebp"
check "the start code calls main" \
	grep -q "^1000[0-9a-f] call 0x1[0-9a-f]*$" "$tmp/hello.s"
check "the start code ends in exit_group" \
	grep -qx "1[0-9a-f]* mov \$0xe7,%eax" "$tmp/hello.s"
check "main makes a Minos write" \
	grep -q "mov \$0x4404," "$tmp/hello.s"
check "the image has syscall instructions" grep -qx "1[0-9a-f]* syscall" \
	"$tmp/hello.s"
check "the image holds everything up to _end (.bss too)" \
	test "$((0x$end - 0x10000))" -eq "$size"
check "the image holds the message" \
	grep -q "Hello from a Minos container!" "$bin"
check "the ELF is a fixed-address executable" \
	sh -c "readelf -h '$elf' | grep -q 'Type: *EXEC'"
check "no note, unwind, comment or dynamic sections" \
	sh -c "! readelf -SW '$elf' |
		grep -qE '\\.(note|eh_frame|comment|interp|dynamic|got|plt)'"

# --- the hand-assembled image ------------------------------------------
sh "$dir/make-raw.sh" "$tmp/raw.bin"
disasm "$tmp/raw.bin" > "$tmp/raw.s"
check "raw image: write on wfd 1 at 0x10000" \
	has_line "$tmp/raw.s" "10000 mov \$0x4404,%eax"
check "raw image: the message address" \
	has_line "$tmp/raw.s" "1000a lea 0x1a(%rip),%rsi # 0x1002b"
check "raw image: exit_group" has_line "$tmp/raw.s" "10022 mov \$0xe7,%eax"
check "raw image: the message is at 0x1002b" test \
	"$(dd if="$tmp/raw.bin" bs=1 skip=43 2>/dev/null)" = \
	"Hello from a raw Minos image!"
check "raw image: 73 bytes" test "$(wc -c < "$tmp/raw.bin")" -eq 73

echo "hello images: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
