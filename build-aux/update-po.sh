#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# update-po.sh — for translators and the release: regenerates
# po/stridestrong.pot from the files in po/POTFILES.in and merges it into
# every po/LANG.po listed in po/LINGUAS (creating a missing one with
# msginit). Then translate the empty and fuzzy entries and check with
#   meson test -C build po-de-complete
# (or build-aux/check-translation.sh de).

set -eu

srcdir=$(cd "$(dirname "$0")/.." && pwd)
cd "$srcdir"

# Bring po/POTFILES.in up to date first, so no new source file is left out.
if ! /usr/bin/python3 build-aux/check-potfiles.py "$srcdir" > /dev/null; then
  /usr/bin/python3 build-aux/check-potfiles.py --write "$srcdir"
fi

build-aux/make-pot.sh po/stridestrong.pot
echo "po/stridestrong.pot: $(grep -c '^msgid ' po/stridestrong.pot) entries (including the header)"

# LINGUAS holds language codes separated by spaces or newlines.
# shellcheck disable=SC2013
for lang in $(sed -e 's/#.*//' po/LINGUAS); do
  po=po/$lang.po
  if [ -f "$po" ]; then
    msgmerge --quiet --update --backup=none --previous "$po" po/stridestrong.pot
  else
    msginit --no-translator --locale="$lang" --input=po/stridestrong.pot --output-file="$po"
  fi
  printf '%s: ' "$po"
  msgfmt --check --statistics --output-file=/dev/null "$po"
done
