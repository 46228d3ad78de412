#!/usr/bin/env node
'use strict';
// The CLI runs from the compiled output (`npm run build`, done by `npm install` through "prepare").
let cli;
try {
  cli = require('../dist/src/cli/main.js');
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND') {
    process.stderr.write('kg: the project is not built yet; run `npm run build` (or `npm install`) first.\n');
    process.exit(2);
  }
  throw error;
}
cli.run(process.argv.slice(2));
