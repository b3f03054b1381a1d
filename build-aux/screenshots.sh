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

# page_config PAGE — a settings folder whose keyfile opens the window on
# PAGE (the Risk page's one-time disclaimer already seen).
page_config ()
{
  local dir
  dir=$(mktemp -d)
  mkdir -p "$dir/glib-2.0/settings"
  printf "[com/example/StrideStrong]\nlast-page='%s'\nrisk-disclaimer-seen=true\n" "$1" \
    > "$dir/glib-2.0/settings/keyfile"
  echo "$dir"
}

plan_config=$(page_config plan)
charts_config=$(page_config charts)
balance_config=$(page_config balance)
risk_config=$(page_config risk)

shoot plan GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME="$plan_config"
shoot journal
shoot journal-dark ADW_DEBUG_COLOR_SCHEME=prefer-dark
shoot preferences
shoot charts GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME="$charts_config"
shoot balance GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME="$balance_config"
shoot risk GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME="$risk_config"
shoot risk-dark GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME="$risk_config" ADW_DEBUG_COLOR_SCHEME=prefer-dark
rm -rf "$plan_config" "$charts_config" "$balance_config" "$risk_config"
