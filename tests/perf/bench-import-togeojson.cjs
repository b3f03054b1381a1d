// SPDX-License-Identifier: GPL-3.0-or-later
//
// node bench-import-togeojson.cjs MODULE_DIR REPEAT FILE...
//
// The reference parser of bench-import's import-tcx line: @tmcw/togeojson,
// the most used TCX reader on npm, with @xmldom/xmldom, the DOM parser its
// README tells Node users to pair it with (node has no DOMParser). Both are
// installed by bench-import into MODULE_DIR/node_modules, a cache folder in
// the build directory. Reads every file into memory first, then times
// DOMParser.parseFromString() and tcx() on each REPEAT times, and prints one
// line:
//
//     bytes=B points=P seconds=S failures=F version=V
//
// Only parsing is timed (not node's start or reading the files), as for our
// own parser. The text is decoded from UTF-8 inside the timed part, as
// gpxpy's is. Points are the track points it returns: the coordinates of
// the lines of its features (it leaves out track points without a
// position, and laps of fewer than two points).

'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { createRequire } = require('node:module');

function packageVersion (moduleDir, name) {
  const file = path.join(moduleDir, 'node_modules', ...name.split('/'), 'package.json');

  return JSON.parse(fs.readFileSync(file, 'utf8')).version;
}

function countPoints (collection) {
  let n = 0;

  for (const feature of collection.features) {
    const geometry = feature.geometry;

    if (geometry === null)
      continue;
    if (geometry.type === 'LineString')
      n += geometry.coordinates.length;
    else if (geometry.type === 'MultiLineString')
      for (const line of geometry.coordinates)
        n += line.length;
  }

  return n;
}

function main (argv) {
  const moduleDir = path.resolve(argv[0]);
  const repeat = parseInt(argv[1], 10);
  const requireFromCache = createRequire(path.join(moduleDir, 'package.json'));
  const { tcx } = requireFromCache('@tmcw/togeojson');
  const { DOMParser } = requireFromCache('@xmldom/xmldom');
  const version = `${packageVersion(moduleDir, '@tmcw/togeojson')}` +
                  `+xmldom-${packageVersion(moduleDir, '@xmldom/xmldom')}`;
  const buffers = argv.slice(2).map((file) => fs.readFileSync(file));
  const decoder = new TextDecoder('utf-8');

  let bytes = 0;
  let points = 0;
  let failures = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < repeat; i++) {
    for (const buffer of buffers) {
      bytes += buffer.length;
      try {
        const doc = new DOMParser().parseFromString(decoder.decode(buffer), 'text/xml');
        points += countPoints(tcx(doc));
      } catch (e) {
        // A reference that gives up still spent the time.
        failures++;
      }
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  console.log(`bytes=${bytes} points=${points} seconds=${seconds.toFixed(6)} failures=${failures} version=${version}`);
}

main(process.argv.slice(2));
