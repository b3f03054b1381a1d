#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-app-id.py SOURCE_ROOT APP_ID COMMAND

Test 'data-app-id': the app id and the executable name are spelled the same
in every file that names them, so the desktop entry, the metainfo, the
icons, the GSettings schema and the running application find each other.
"""

import configparser
import os
import sys
import xml.etree.ElementTree as ET


def main(argv):
    if len(argv) != 3:
        print(__doc__)
        return 2
    root, app_id, command = argv
    data = os.path.join(root, 'data')
    errors = []

    desktop_in = os.path.join(data, app_id + '.desktop.in')
    metainfo_in = os.path.join(data, app_id + '.metainfo.xml.in')
    schema = os.path.join(data, app_id + '.gschema.xml')
    icon = os.path.join(data, 'icons/hicolor/scalable/apps', app_id + '.svg')
    symbolic = os.path.join(data, 'icons/hicolor/symbolic/apps', app_id + '-symbolic.svg')
    for path in (desktop_in, metainfo_in, schema, icon, symbolic):
        if not os.path.isfile(path):
            errors.append(f'missing {os.path.relpath(path, root)}')

    if os.path.isfile(desktop_in):
        entry = configparser.ConfigParser(interpolation=None)
        entry.optionxform = str
        entry.read(desktop_in, encoding='utf-8')
        group = entry['Desktop Entry']
        if group.get('Icon') != app_id:
            errors.append(f'desktop Icon={group.get("Icon")}, want {app_id}')
        if (group.get('Exec') or '').split()[:1] != [command]:
            errors.append(f'desktop Exec={group.get("Exec")}, want {command}')

    if os.path.isfile(metainfo_in):
        comp = ET.parse(metainfo_in).getroot()
        if comp.findtext('id') != app_id:
            errors.append(f'metainfo id {comp.findtext("id")!r}, want {app_id!r}')
        if comp.findtext('launchable') != app_id + '.desktop':
            errors.append(f'metainfo launchable {comp.findtext("launchable")!r}')
        if comp.findtext('provides/binary') not in (None, command):
            errors.append(f'metainfo binary {comp.findtext("provides/binary")!r}, want {command!r}')

    if os.path.isfile(schema):
        schemas = ET.parse(schema).getroot().findall('schema')
        ids = [s.get('id') for s in schemas]
        if app_id not in ids:
            errors.append(f'no schema with id {app_id} (found {ids})')
        for s in schemas:
            want = '/' + s.get('id').replace('.', '/') + '/'
            if s.get('path') not in (None, want):
                errors.append(f'schema {s.get("id")} has path {s.get("path")}, want {want}')

    for e in errors:
        print('FAIL: ' + e)
    if not errors:
        print(f'{app_id} and {command} agree across desktop entry, metainfo, icons and schema')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
