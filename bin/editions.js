#!/usr/bin/env node
// The editions command: runs the compiled CLI (lib/main.js) in this one process. lib/ is made
// by `npm install` (scripts/compile.mjs); after an edit in src/ it is remade here first, so the
// command never runs stale code.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// The font subsetter is WebAssembly: in a process this short, tiering it up to optimised code
// costs far more (measured: 0.3–0.4 s of the Foundations EPUB's 0.8 s) than its baseline code ever runs.
setFlagsFromString('--liftoff-only');

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const lib = join(root, 'lib');
const src = join(root, 'src');

function stale() {
  const stamp = join(lib, 'stamp');
  if (!existsSync(stamp)) return true;
  if (!existsSync(src)) return false;
  const built = Number(readFileSync(stamp, 'utf8'));
  if (statSync(join(root, 'editions.schema.json')).mtimeMs > built) return true;
  for (const e of readdirSync(src, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && statSync(join(e.parentPath, e.name)).mtimeMs > built) return true;
  }
  return false;
}

if (stale()) await (await import('../scripts/compile.mjs')).compile();
await import(pathToFileURL(join(lib, 'main.js')).href);
