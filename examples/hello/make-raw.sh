#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# make-raw.sh OUT: writes a hand-assembled flat image to OUT, built without
# the SDK or a compiler, to test a loader and module on the smallest
# possible program. It writes its message on wfd 1 and exits with 0 when
# the whole message was written, 1 otherwise. Loaded at 0x10000:
#
#   10000  b8 04 44 00 00        mov    $0x4404,%eax     Minos write
#   10005  bf 01 00 00 00        mov    $0x1,%edi        wfd 1
#   1000a  48 8d 35 1a 00 00 00  lea    0x1a(%rip),%rsi  the message
#   10011  ba 1e 00 00 00        mov    $0x1e,%edx       its 30 bytes
#   10016  0f 05                 syscall
#   10018  31 ff                 xor    %edi,%edi
#   1001a  48 83 f8 1e           cmp    $0x1e,%rax       all written?
#   1001e  40 0f 95 c7           setne  %dil             status 0 or 1
#   10022  b8 e7 00 00 00        mov    $0xe7,%eax       exit_group
#   10027  0f 05                 syscall
#   10029  0f 0b                 ud2
#   1002b  "Hello from a raw Minos image!\n"          30 bytes
set -e
out=${1:?usage: make-raw.sh OUT}

code="b8 04 44 00 00  bf 01 00 00 00  48 8d 35 1a 00 00 00  ba 1e 00 00 00
0f 05  31 ff  48 83 f8 1e  40 0f 95 c7  b8 e7 00 00 00  0f 05  0f 0b"

{
	for b in $code; do
		# shellcheck disable=SC2059 # the octal escape is the format
		printf "\\$(printf %03o "0x$b")"
	done
	printf 'Hello from a raw Minos image!\n'
} > "$out.tmp"
mv "$out.tmp" "$out"
