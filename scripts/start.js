#!/usr/bin/env node
// `npm start`: build if needed, then start the API on embedded defaults with the demo council.
// The server runs in this very process (no child), so a signal sent to npm's child, or to the whole
// process group, reaches the server itself: nothing is orphaned, and a repeated signal is ignored.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const entry = path.join(root, 'dist/apps/api/src/main.js');
const newest = (dir) => fs.readdirSync(dir, { withFileTypes: true, recursive: true })
  .filter((e) => e.isFile() && e.name.endsWith('.ts'))
  .reduce((t, e) => Math.max(t, fs.statSync(path.join(e.parentPath ?? e.path, e.name)).mtimeMs), 0);
const stale = !fs.existsSync(entry) || ['apps', 'libs'].some((d) => newest(path.join(root, d)) > fs.statSync(entry).mtimeMs);
if (stale) {
  process.stdout.write('Building the ledger...\n');
  const built = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
process.env.LEDGER_SEED_DEMO = process.env.LEDGER_SEED_DEMO ?? 'true';
process.chdir(root);
require(entry);
