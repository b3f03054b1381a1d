#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""count-tests.py BUILDDIR...

Counts the test cases of the last `meson test` run in each build directory
and prints, as its last line, exactly

    N passed, N failed

Exit status 1 if anything failed (or a build directory has no test log),
0 otherwise. Skipped cases are neither: they get a line of their own above
the last one, only when there are any.

A case is a TAP subtest (GTest with --tap) or a whole non-TAP test. The
junit file (meson-logs/testlog.junit.xml) alone undercounts failures with
meson 1.0: it records no <failure> for
  - a TAP program that passed its cases and then crashed, exited non-zero
    (e.g. a sanitizer report at exit), bailed out, printed fewer cases than
    its plan, or timed out;
  - a non-TAP test that timed out or passed unexpectedly (should_fail).
So each test's overall result is read from meson-logs/testlog.json too: a
TAP program that ended badly without a failing case counts as one extra
failed case, and a non-TAP test takes its result from there.
"""

import json
import os
import sys
import xml.etree.ElementTree as ET

BAD = {'FAIL', 'ERROR', 'TIMEOUT', 'INTERRUPT', 'UNEXPECTEDPASS'}


def read_results(logdir):
    """testlog.json: one JSON object per test run, keyed by test name."""
    results = {}
    path = os.path.join(logdir, 'testlog.json')
    if os.path.exists(path):
        with open(path, encoding='utf-8') as f:
            for line in f:
                line = line.strip()
                if line:
                    entry = json.loads(line)
                    results[entry['name']] = entry
    return results


def count_build(builddir, failures):
    logdir = os.path.join(builddir, 'meson-logs')
    junit = os.path.join(logdir, 'testlog.junit.xml')
    label = os.path.basename(os.path.normpath(builddir))
    if not os.path.exists(junit):
        failures.append(f'{label}: no test log ({junit}): the build or the test run did not happen')
        return 0, 1, 0

    results = read_results(logdir)
    seen = set()
    passed = failed = skipped = 0

    for suite in ET.parse(junit).getroot().iter('testsuite'):
        suite_name = suite.get('name', '')
        # A TAP program's suite is "<project>.<test name>"; the non-TAP tests
        # share one suite named "<project>", one <testcase> per test.
        program = None
        for name in results:
            if suite_name.endswith('.' + name):
                if program is None or len(name) > len(program):
                    program = name
        cases = suite.findall('testcase')
        case_failed = False
        for case in cases:
            if program is None:
                result = results.get(case.get('name'), {}).get('result')
                seen.add(case.get('name'))
            else:
                result = None
            title = f'{label}: {program + " / " if program else ""}{case.get("name")}'
            if case.find('failure') is not None or case.find('error') is not None or result in BAD:
                failed += 1
                case_failed = True
                failures.append(title + (f' ({result})' if result else ''))
            elif case.find('skipped') is not None:
                skipped += 1
            else:
                passed += 1
        if program is not None:
            seen.add(program)
            entry = results[program]
            if entry['result'] in BAD and not case_failed:
                failed += 1
                failures.append(f'{label}: {program}: {entry["result"]} after {len(cases)} case(s), '
                                f'exit status {entry.get("returncode")}')

    # A test in the JSON log that the junit file left out entirely.
    for name, entry in results.items():
        if name not in seen:
            if entry['result'] in BAD:
                failed += 1
                failures.append(f'{label}: {name} ({entry["result"]})')
            elif entry['result'] == 'SKIP':
                skipped += 1
            else:
                passed += 1

    return passed, failed, skipped


def main(argv):
    if not argv:
        print(__doc__)
        return 2
    passed = failed = skipped = 0
    failures = []
    for builddir in argv:
        p, f, s = count_build(builddir, failures)
        print(f'{os.path.basename(os.path.normpath(builddir))}: {p} passed, {f} failed'
              + (f', {s} skipped' if s else ''))
        passed += p
        failed += f
        skipped += s
    if failures:
        print('Failed:')
        for line in failures:
            print('  ' + line)
    if skipped:
        print(f'{skipped} skipped')
    print(f'{passed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
