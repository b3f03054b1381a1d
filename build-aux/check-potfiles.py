#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-potfiles.py [--write] [SOURCE_ROOT]

Test 'po-potfiles': po/POTFILES.in must list every file with translatable
strings and nothing that does not exist.

Files with translatable strings are
  - src/**/*.c and *.h that call _(), N_(), C_(), NC_(), g_dngettext() or
    g_dpgettext(),
  - src/**/*.ui with a translatable="yes" attribute,
  - data/*.in (desktop entry, metainfo) and data/*.gschema.xml.

With --write, POTFILES.in is rewritten with exactly those files (its
comment header is kept).
"""

import os
import re
import sys

# _( N_( C_( NC_( g_dngettext( g_dpgettext( as a whole word: not g_(, foo_(
# or FOO_N_(.
C_MARK = re.compile(r'(?<![A-Za-z0-9_])(?:(?:N|C|NC)?_|g_dngettext|g_dpgettext2?)\s*\(')
UI_MARK = re.compile(r'translatable\s*=\s*["\']yes["\']')


def strip_c_comments(text):
    """Drop /* */ and // comments so a commented-out _() does not count."""
    pattern = re.compile(r'/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'',
                         re.S)
    return pattern.sub(lambda m: m.group(0) if m.group(0)[0] in '"\'' else ' ', text)


def wanted_files(root):
    found = set()
    src = os.path.join(root, 'src')
    for dirpath, dirnames, filenames in os.walk(src):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith('.'))
        for name in filenames:
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            try:
                with open(path, encoding='utf-8', errors='replace') as f:
                    text = f.read()
            except OSError:
                continue
            if name.endswith(('.c', '.h')):
                if C_MARK.search(strip_c_comments(text)):
                    found.add(rel)
            elif name.endswith('.ui'):
                if UI_MARK.search(text):
                    found.add(rel)
    data = os.path.join(root, 'data')
    if os.path.isdir(data):
        for name in os.listdir(data):
            if name.endswith('.in') or name.endswith('.gschema.xml'):
                found.add(os.path.join('data', name))
    return found


def read_potfiles(path):
    header = []
    listed = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            stripped = line.strip()
            if not stripped or stripped.startswith('#') or stripped.startswith('['):
                if not listed:
                    header.append(line)
                continue
            listed.append(stripped)
    return header, listed


def main(argv):
    write = '--write' in argv
    args = [a for a in argv if a != '--write']
    root = os.path.abspath(args[0] if args else os.path.join(os.path.dirname(__file__), '..'))
    potfiles = os.path.join(root, 'po', 'POTFILES.in')

    wanted = wanted_files(root)
    if os.path.exists(potfiles):
        header, listed = read_potfiles(potfiles)
    else:
        header, listed = ['# List of source files containing translatable strings.\n'], []

    if write:
        with open(potfiles, 'w', encoding='utf-8') as f:
            f.writelines(header)
            for rel in sorted(wanted):
                f.write(rel + '\n')
        print(f'wrote {len(wanted)} files to po/POTFILES.in')
        return 0

    listed_set = set(listed)
    missing = sorted(wanted - listed_set)
    nonexistent = sorted(p for p in listed_set if not os.path.isfile(os.path.join(root, p)))
    duplicates = sorted(p for p in listed_set if listed.count(p) > 1)
    without_strings = sorted(listed_set - wanted - set(nonexistent))

    ok = True
    if missing:
        ok = False
        print('Missing from po/POTFILES.in (they have translatable strings):')
        for p in missing:
            print(f'  {p}')
    if nonexistent:
        ok = False
        print('Listed in po/POTFILES.in but do not exist:')
        for p in nonexistent:
            print(f'  {p}')
    if duplicates:
        ok = False
        print('Listed more than once in po/POTFILES.in:')
        for p in duplicates:
            print(f'  {p}')
    if without_strings:
        # Harmless for xgettext; only worth a note.
        print('Note: listed in po/POTFILES.in without translatable strings:')
        for p in without_strings:
            print(f'  {p}')

    if ok:
        print(f'po/POTFILES.in lists all {len(wanted)} files with translatable strings')
        return 0
    print('Fix: build-aux/check-potfiles.py --write')
    return 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
