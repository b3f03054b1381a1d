#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# build-aux/gallery.sh [BUILD_DIR]
#
# Regenerates data/screenshots/gallery/PAGE-WIDTH-SCHEME.png: every page of
# the window (plan, journal, balance, risk, charts) on the demo journal, at
# 360 px (a phone running GNOME Mobile or Phosh) and 1400 px (a wide
# desktop), light and dark, and at 1400 px in high contrast
# (PAGE-1400-hc.png), and every chart (charts-KIND-1400-SCHEME.png), from
# the real app under Xvfb. Needs xvfb, dbus,
# xdotool and imagemagick.

set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
out=data/screenshots/gallery
mkdir -p "$out"

# shoot PAGE WIDTH HEIGHT SCHEME — one app instance on a screen of exactly
# the window's size, so the root window is the screenshot.
shoot ()
{
  local page=$1 width=$2 height=$3 scheme=$4 name=${5:-$1} extra=${6:-}
  local config file color_scheme=prefer-$4 high_contrast=0
  if [ "$scheme" = hc ]; then
    color_scheme=prefer-light
    high_contrast=1
  fi
  config=$(mktemp -d)
  file="$out/$name-$width-$scheme.png"
  mkdir -p "$config/glib-2.0/settings" "$config/gtk-4.0"
  # No window manager under Xvfb: the close button is the only decoration
  # worth drawing, and the window takes its saved size.
  printf "[Settings]\ngtk-decoration-layout=:close\n" > "$config/gtk-4.0/settings.ini"
  printf "[com/example/StrideStrong]\nlast-page='%s'\nwindow-width=%d\nwindow-height=%d\nrisk-disclaimer-seen=true\nwelcome-seen=true\n%b" \
    "$page" "$width" "$height" "$extra" > "$config/glib-2.0/settings/keyfile"

  xvfb-run -a -s "-screen 0 ${width}x${height}x24" dbus-run-session -- bash -c '
    env XDG_CONFIG_HOME="$1" GSETTINGS_SCHEMA_DIR="$2"/data GSETTINGS_BACKEND=keyfile \
      GSK_RENDERER=cairo ADW_DEBUG_COLOR_SCHEME="$3" ADW_DEBUG_HIGH_CONTRAST="$5" \
      "$2"/src/stridestrong --demo >/dev/null 2>&1 &
    pid=$!
    xdotool search --sync --name "^StrideStrong$" >/dev/null
    # Let the demo journal load, the charts draw and the toast time out.
    sleep 9
    import -window root "$4"
    kill $pid
    wait $pid 2>/dev/null || true
  ' shoot "$config" "$build" "$color_scheme" "$file" "$high_contrast"
  rm -rf "$config"
  echo "$file"
}

# Every chart of the Charts page over its last year, light and dark, as
# charts-KIND-1400-SCHEME.png (CHARTS chooses some, CHARTS= none).
for kind in ${CHARTS-pace run volume load hq lsi}; do
  for scheme in light dark; do
    shoot charts 1400 900 "$scheme" "charts-$kind" "last-chart='$kind'\nchart-range='1-year'\n"
  done
done

# PAGES and SCHEMES choose a part of the gallery, e.g. SCHEMES=hc.
pages=${PAGES:-plan journal balance risk charts}
schemes=${SCHEMES:-light dark hc}
for page in $pages; do
  for scheme in $schemes; do
    [ "$scheme" = hc ] || shoot "$page" 360 760 "$scheme"
    shoot "$page" 1400 900 "$scheme"
  done
done
