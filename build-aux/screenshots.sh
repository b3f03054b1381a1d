#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# build-aux/screenshots.sh [BUILD_DIR]
#
# Regenerates data/screenshots/*.png (AppStream screenshots and the README's)
# from the real app on the demo journal, under Xvfb: light, dark and the
# preferences window. Needs xvfb, dbus, xdotool and imagemagick.

set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
out=data/screenshots
mkdir -p "$out"

# shoot NAME [ENV=VALUE...] — one app instance on its own display and bus.
shoot ()
{
  local name=$1
  shift
  xvfb-run -a -s "-screen 0 960x680x24" dbus-run-session -- bash -c '
    out=$1; shift
    env GSETTINGS_SCHEMA_DIR='"$build"'/data GSETTINGS_BACKEND=memory GSK_RENDERER=cairo \
      "$@" '"$build"'/src/stridestrong --demo >/dev/null 2>&1 &
    pid=$!
    xdotool search --sync --name "^StrideStrong$" >/dev/null
    # Let the demo journal appear and its toast time out.
    sleep 8
    case "$out" in
      *preferences*)
        gdbus call --session --dest com.example.StrideStrong \
          --object-path /com/example/StrideStrong \
          --method org.gtk.Actions.Activate preferences "[]" "{}" >/dev/null
        window=$(xdotool search --sync --name "^Preferences$" | head -1)
        sleep 2
        import -window "$window" "$out" ;;
      *)
        import -window root "$out" ;;
    esac
    kill $pid
    wait $pid 2>/dev/null || true
  ' shoot "$out/$name.png" "$@"
  echo "$out/$name.png"
}

# The Charts page: a settings file that opens on it.
charts_config=$(mktemp -d)
mkdir -p "$charts_config/glib-2.0/settings"
printf "[com/example/StrideStrong]\nlast-page='charts'\n" > "$charts_config/glib-2.0/settings/keyfile"

shoot journal
shoot journal-dark ADW_DEBUG_COLOR_SCHEME=prefer-dark
shoot preferences
shoot charts GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME="$charts_config"
rm -rf "$charts_config"
