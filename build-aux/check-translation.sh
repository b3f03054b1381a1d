#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-translation.sh [LANG]   (default: de)
#
# Test 'po-de-complete': extracts a fresh template from po/POTFILES.in,
# merges po/LANG.po into a temporary copy and fails if any message is
# untranslated or fuzzy there, or if msgfmt --check finds an error (broken
# format strings, a bad header). po/LANG.po itself is not changed; fix it
# with build-aux/update-po.sh and a translation pass.

set -eu

# msgfmt's statistics are parsed below: keep them in English.
export LC_ALL=C

lang=${1:-de}
srcdir=$(cd "$(dirname "$0")/.." && pwd)
po=$srcdir/po/$lang.po

if [ ! -f "$po" ]; then
  echo "FAIL: po/$lang.po does not exist yet." >&2
  echo "Create it with build-aux/update-po.sh, then translate every message." >&2
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$srcdir/build-aux/make-pot.sh" "$tmp/stridestrong.pot"
msgmerge --quiet --previous --output-file="$tmp/$lang.po" "$po" "$tmp/stridestrong.pot"

if ! msgfmt --check --statistics --output-file=/dev/null "$tmp/$lang.po" 2> "$tmp/stats"; then
  cat "$tmp/stats" >&2
  echo "FAIL: msgfmt --check rejects po/$lang.po (merged with the current sources)" >&2
  exit 1
fi
stats=$(cat "$tmp/stats")
echo "po/$lang.po merged with the current sources: $stats"

status=0
n_fuzzy=$(echo "$stats" | sed -n 's/.* \([0-9][0-9]*\) fuzzy translation.*/\1/p')
n_untranslated=$(echo "$stats" | sed -n 's/.* \([0-9][0-9]*\) untranslated message.*/\1/p')

# Prints the entries of a PO file except its header (msgid "" msgstr "…").
entries ()
{
  awk 'BEGIN { RS = "" } !/(^|\n)msgid ""\nmsgstr/ { print; print "" }'
}

if [ "${n_untranslated:-0}" -gt 0 ]; then
  echo "FAIL: $n_untranslated untranslated message(s):" >&2
  msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | entries >&2
  status=1
fi
if [ "${n_fuzzy:-0}" -gt 0 ]; then
  echo "FAIL: $n_fuzzy fuzzy message(s) (the source text changed: check each" \
       "translation, then remove its fuzzy flag):" >&2
  msgattrib --only-fuzzy --no-obsolete "$tmp/$lang.po" | entries >&2
  status=1
fi
if [ "$status" -ne 0 ]; then
  echo "Run build-aux/update-po.sh, translate po/$lang.po, and run this test again." >&2
fi
exit "$status"
