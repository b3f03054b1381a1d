#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# make-pot.sh OUTPUT.pot
#
# Extracts every translatable string of the files listed in po/POTFILES.in
# into OUTPUT.pot, with the same xgettext arguments as meson's
# i18n.gettext(preset: 'glib'). xgettext picks the language from the file
# name: C for *.c/*.h, GtkBuilder ITS rules for *.ui, Desktop for
# *.desktop.in, and the AppStream and GSettings ITS rules (installed by
# appstream and libglib2.0-dev) for *.metainfo.xml.in and *.gschema.xml.
# Used by update-po.sh and check-translation.sh.

set -eu

if [ $# -ne 1 ]; then
  echo "usage: $0 OUTPUT.pot" >&2
  exit 2
fi

case $1 in
  /*) out=$1 ;;
  *) out=$(pwd)/$1 ;;
esac

srcdir=$(cd "$(dirname "$0")/.." && pwd)
cd "$srcdir"

version=$(sed -n "s/^ *version: *'\([^']*\)'.*/\1/p" meson.build | head -n 1)

list=$(mktemp)
trap 'rm -f "$list"' EXIT
# POTFILES.in: one path per line; '#' comments, blank lines and
# '[encoding: …]' lines are not files.
sed -e 's/#.*//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' po/POTFILES.in \
  | grep -v -e '^$' -e '^\[' > "$list" || true

xgettext \
  --package-name=stridestrong \
  --package-version="${version:-0}" \
  --msgid-bugs-address=https://example.com/stridestrong/issues \
  --copyright-holder="The StrideStrong Developers" \
  --from-code=UTF-8 \
  --add-comments \
  --keyword=_ \
  --keyword=N_ \
  --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 \
  --keyword=g_dngettext:2,3 \
  --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format \
  --flag=C_:2:pass-c-format \
  --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format \
  --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format \
  --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format \
  --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format \
  --flag=g_log:3:c-format \
  --flag=g_print:1:c-format \
  --flag=g_printerr:1:c-format \
  --flag=g_printf:1:c-format \
  --flag=g_fprintf:2:c-format \
  --flag=g_sprintf:2:c-format \
  --flag=g_snprintf:3:c-format \
  --force-po \
  --sort-by-file \
  --directory="$srcdir" \
  --files-from="$list" \
  --output="$out"
