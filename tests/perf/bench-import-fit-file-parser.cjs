// SPDX-License-Identifier: GPL-3.0-or-later
//
// node bench-import-fit-file-parser.cjs MODULE_DIR REPEAT FILE...
//
// The reference parser of bench-import's import-fit line: fit-file-parser
// from npm (installed by bench-import into MODULE_DIR/node_modules, a cache
// folder in the build directory). Reads every file into memory first, then
// times parseAsync() on each REPEAT times, and prints one line:
//
//     bytes=B points=P seconds=S failures=F version=V
//
// Only parsing is timed (not node's start or reading the files), as for our
// own parser. Points are the record messages it returns. It is told to check
// CRCs (force: false), as our decoder does.

'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { createRequire } = require('node:module');

async function main (argv) {
  const moduleDir = argv[0];
  const repeat = parseInt(argv[1], 10);
  const requireFromCache = createRequire(path.join(path.resolve(moduleDir), 'package.json'));
  const mod = requireFromCache('fit-file-parser');
  const FitParser = mod.default || mod;
  const version = JSON.parse(fs.readFileSync(path.join(moduleDir, 'node_modules', 'fit-file-parser',
                                                      'package.json'), 'utf8')).version;
  const buffers = argv.slice(2).map((file) => fs.readFileSync(file));

  let bytes = 0;
  let points = 0;
  let failures = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < repeat; i++) {
    for (const buffer of buffers) {
      bytes += buffer.length;
      try {
        const parser = new FitParser({ force: false, mode: 'list' });
        const data = await parser.parseAsync(buffer);
        points += data.records ? data.records.length : 0;
      } catch (e) {
        failures++;
      }
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  console.log(`bytes=${bytes} points=${points} seconds=${seconds.toFixed(6)} failures=${failures} version=${version}`);
}

main(process.argv.slice(2)).catch((e) => {
  console.error(e);
  process.exit(1);
});
