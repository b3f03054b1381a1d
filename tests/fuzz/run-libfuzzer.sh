#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# run-libfuzzer.sh [--seconds N] [--max-len BYTES] [--dict FILE]
#                  [--artifacts DIR] FUZZER SOURCE...
#
# A short libFuzzer run for `meson test --suite fuzz` (-Dfuzzing=true):
# copies the seeds into a temporary corpus folder (libFuzzer adds the inputs
# it finds to its first corpus folder, and the seeds in the source tree must
# stay as they are), fuzzes for N seconds, and fails on any crash, leak,
# timeout or out-of-memory. A crashing input is kept in the artifacts folder
# (crash-…, leak-…, timeout-…, oom-…); replay it with `FUZZER FILE`.
#
# A SOURCE is a file, a folder, or FOLDER:SUFFIX[,SUFFIX…] (files whose
# names end with one of the suffixes, in any case), as for standalone-main.c.

set -u

seconds=20
max_len=65536
dict=
artifacts=$PWD
while [ $# -gt 0 ]; do
  case $1 in
    --seconds) seconds=$2; shift 2 ;;
    --max-len) max_len=$2; shift 2 ;;
    --dict) dict=$2; shift 2 ;;
    --artifacts) artifacts=$2; shift 2 ;;
    *) break ;;
  esac
done
if [ $# -lt 2 ]; then
  echo "usage: $0 [--seconds N] [--max-len BYTES] [--dict FILE] [--artifacts DIR] FUZZER SOURCE..." >&2
  exit 2
fi
fuzzer=$1
shift

work=$(mktemp -d "${TMPDIR:-/tmp}/stride-fuzz-XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" "$artifacts" || exit 2

shopt -s nocasematch
n=0
for source in "$@"; do
  if [ -f "$source" ]; then
    cp "$source" "$work/corpus/$n-$(basename "$source")" && n=$((n + 1))
    continue
  fi
  folder=$source
  suffixes=
  if [[ $source == *:* ]]; then
    folder=${source%:*}
    suffixes=${source##*:}
  fi
  for file in "$folder"/*; do
    [ -f "$file" ] || continue
    keep=
    if [ -z "$suffixes" ]; then
      keep=1
    else
      IFS=, read -ra list <<< "$suffixes"
      for suffix in "${list[@]}"; do
        [[ $file == *"$suffix" ]] && keep=1
      done
    fi
    if [ -n "$keep" ]; then
      cp "$file" "$work/corpus/$n-$(basename "$file")" && n=$((n + 1))
    fi
  done
done
shopt -u nocasematch
if [ "$n" -eq 0 ]; then
  echo "no seed files found in: $*" >&2
  exit 2
fi
echo "$(basename "$fuzzer"): $n seed files, $seconds s"

args=(
  -max_total_time="$seconds"
  -timeout=10
  -rss_limit_mb=2048
  -max_len="$max_len"
  -print_final_stats=1
  -artifact_prefix="$artifacts/"
)
[ -n "$dict" ] && args+=(-dict="$dict")

# libFuzzer exits non-zero on a crash, a leak, a timeout or running out of
# memory, and says which on stderr (meson keeps it in the test log).
"$fuzzer" "${args[@]}" "$work/corpus"
status=$?
if [ $status -ne 0 ]; then
  echo "$(basename "$fuzzer"): libFuzzer failed (exit status $status); inputs kept in $artifacts" >&2
fi
exit $status
