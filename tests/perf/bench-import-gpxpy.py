#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""bench-import-gpxpy.py REPEAT FILE...

The reference parser of bench-import's import-gpx line: gpxpy (Debian's
python3-gpxpy), the most used GPX library for Python. Reads every file into
memory first, then times gpxpy.parse() on each text REPEAT times, and prints
one line:

    bytes=B points=P seconds=S failures=F version=V

Only parsing is timed (not the interpreter's start or reading the files), as
for our own parser. Points are the track points gpxpy returns.
"""

import sys
import time

import gpxpy


def main(argv):
    repeat = int(argv[0])
    texts = []
    for path in argv[1:]:
        with open(path, 'rb') as f:
            texts.append(f.read())

    n_bytes = n_points = failures = 0
    started = time.perf_counter()
    for _ in range(repeat):
        for text in texts:
            n_bytes += len(text)
            try:
                gpx = gpxpy.parse(text.decode('utf-8', errors='replace'))
            except Exception:  # a reference that gives up still spent the time
                failures += 1
                continue
            for track in gpx.tracks:
                for segment in track.segments:
                    n_points += len(segment.points)
    seconds = time.perf_counter() - started

    print(f'bytes={n_bytes} points={n_points} seconds={seconds:.6f} failures={failures} '
          f'version={getattr(gpxpy, "__version__", "?")}')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
