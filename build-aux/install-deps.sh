#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# install-deps.sh PACKAGE...
#
# Installs the Debian packages that are missing, with apt-get (through sudo
# when not root). When everything is already installed it only asks dpkg,
# so a ready machine spends well under a second here.

set -eu

missing=()
for pkg in "$@"; do
  status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null || true)
  if [ "${status:0:2}" != "ii" ]; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing missing packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo > /dev/null; then
  sudo=(sudo)
else
  echo "install-deps.sh: not root and no sudo; install these first: ${missing[*]}" >&2
  exit 1
fi

"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
