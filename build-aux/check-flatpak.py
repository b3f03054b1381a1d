#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-flatpak.py MANIFEST APP_ID COMMAND PROJECT_NAME

Test 'flatpak-manifest': the Flatpak manifest must build this project and
ask for no more than it needs.

  - json-glib-validate accepts it (strict JSON, as flatpak-builder reads it);
  - app-id (or id) is the build's app id, command is the executable;
  - the last module is this project: name == meson project name,
    buildsystem meson, a "dir" source;
  - every downloaded source is pinned by a sha256;
  - finish-args give no network and no file system access (files come in
    and go out through the portals), no session/system bus wildcards;
  - if flatpak-builder is installed, `flatpak-builder --show-manifest`
    parses it with fatal warnings (unknown properties fail).
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

FORBIDDEN_PREFIXES = (
    '--share=network',
    '--filesystem',
    '--socket=session-bus',
    '--socket=system-bus',
    '--socket=x11',          # fallback-x11 is enough next to wayland
    '--device=all',
    '--talk-name=*',
    '--system-talk-name=*',
    '--persist',
)


def main(argv):
    if len(argv) != 4:
        print(__doc__)
        return 2
    manifest_path, app_id, command, project = argv
    errors = []

    validator = shutil.which('json-glib-validate')
    if validator is None:
        errors.append('json-glib-validate not found (Debian package json-glib-tools)')
    else:
        r = subprocess.run([validator, manifest_path], capture_output=True, text=True)
        if r.returncode != 0:
            errors.append('json-glib-validate: ' + (r.stdout + r.stderr).strip())

    with open(manifest_path, encoding='utf-8') as f:
        manifest = json.load(f)

    manifest_id = manifest.get('app-id', manifest.get('id'))
    if manifest_id != app_id:
        errors.append(f'app-id is {manifest_id!r}, the build says {app_id!r}')
    if manifest.get('command') != command:
        errors.append(f'command is {manifest.get("command")!r}, the executable is {command!r}')
    for key in ('runtime', 'runtime-version', 'sdk'):
        if not manifest.get(key):
            errors.append(f'{key} is missing')

    finish_args = manifest.get('finish-args', [])
    for arg in finish_args:
        if arg.startswith(FORBIDDEN_PREFIXES):
            errors.append(f'finish-args must not contain {arg!r}')
    for needed in ('--share=ipc', '--socket=wayland', '--socket=fallback-x11'):
        if needed not in finish_args:
            errors.append(f'finish-args lack {needed!r}')

    modules = manifest.get('modules', [])
    if not modules or not isinstance(modules[-1], dict):
        errors.append('the last module must be this project, written out as an object')
    else:
        last = modules[-1]
        if last.get('name') != project:
            errors.append(f'last module is {last.get("name")!r}, the project is {project!r}')
        if last.get('buildsystem') != 'meson':
            errors.append(f'last module builds with {last.get("buildsystem")!r}, not meson')
        if not any(s.get('type') == 'dir' for s in last.get('sources', [])):
            errors.append('last module has no "dir" source for this checkout')

    def walk(mods, where):
        for m in mods:
            if isinstance(m, str):
                continue  # a module kept in its own file
            name = m.get('name', '?')
            for s in m.get('sources', []):
                if isinstance(s, dict) and s.get('type') in ('archive', 'file') and 'url' in s:
                    if not s.get('sha256') or len(s['sha256']) != 64:
                        errors.append(f'{where}{name}: {s["url"]} has no sha256')
            walk(m.get('modules', []), f'{where}{name}/')

    walk(modules, '')

    builder = shutil.which('flatpak-builder')
    if builder:
        env = dict(os.environ, G_DEBUG='fatal-warnings')
        # flatpak-builder leaves a .flatpak-builder/ state dir in its cwd.
        with tempfile.TemporaryDirectory() as scratch:
            r = subprocess.run([builder, '--show-manifest', os.path.abspath(manifest_path)],
                               capture_output=True, text=True, env=env, cwd=scratch)
        if r.returncode != 0:
            errors.append('flatpak-builder --show-manifest failed (exit %d): %s'
                          % (r.returncode, r.stderr.strip()))
        else:
            print('flatpak-builder --show-manifest: parsed')
    else:
        print('flatpak-builder not installed: its parse check is left out')

    if errors:
        for e in errors:
            print('FAIL: ' + e)
        return 1
    print(f'{os.path.basename(manifest_path)}: app-id {app_id}, command {command}, '
          f'{len(modules)} modules, finish-args {" ".join(finish_args)}')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
