#!/usr/bin/env node
// The command-line tool: `npx kamerstukken corpus <folder> --format csv|jsonl [--out file]`.
// Runs dist/cli.js, which `npm run build` makes from src/cli/ (scripts/build.mjs).
'use strict';
// A CommonJS launcher, as dist/cli.js is CommonJS: `require` is the way to load it.
/* eslint-disable @typescript-eslint/no-require-imports */
const { join } = require('node:path');

const cli = join(__dirname, '..', 'dist', 'cli.js');
let loaded;
try {
  loaded = require(cli);
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes(cli)) {
    console.error(`kamerstukken: ${cli} is missing: run "npm run build" first`);
    process.exit(1);
  }
  throw error;
}
loaded.run();
