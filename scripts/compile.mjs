// Compiles src/ into lib/ (plain JavaScript, ES modules) with esbuild: the CLI and the build
// worker as entry points, each command's modules split into chunks it loads only when used,
// npm packages left to Node. No TypeScript is compiled at run time. Run by `npm install`
// (prepare) and again by bin/editions.js whenever a file in src/ is newer than lib/.
import { build } from 'esbuild';
import { readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const lib = join(root, 'lib');
const require = createRequire(import.meta.url);
const BUNDLED = ['yaml', 'franc-min', 'iso-639-3', 'hyphen', 'epub-gen-memory', 'markdown-it', 'markdown-it-footnote', 'jszip', 'htmlparser2'];

export async function compile() {
  // Built beside lib/ and moved into place, so that a command started meanwhile never sees half
  // a lib/; when two compile at once, the first to finish wins and the other's copy is dropped.
  const tmp = `${lib}.${process.pid}`;
  const stamp = Math.max(newest(join(root, 'src')), statSync(join(root, 'editions.schema.json')).mtimeMs);
  await build({
    absWorkingDir: root,
    entryPoints: { main: 'src/cli/main.ts', worker: 'src/run/worker.ts' },
    outdir: tmp,
    // flat, so that every chunk finds the project from the same folder
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    // ES2022, as tsconfig: a node target makes esbuild rewrite \p{…} regex literals as new RegExp() calls, compiled on every call
    target: 'es2022',
    // npm packages stay Node's to load, except the small pure-JavaScript ones every normalize
    // loads: bundled, they cost no module resolution (yaml alone is fifty files)
    external: Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies).filter((d) => !BUNDLED.includes(d)),
    legalComments: 'none',
    // (a bundled CommonJS package requires Node's own modules: given a require to do it with)
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  // editions.yaml's validator as code, so that the command never compiles the schema
  const { Ajv } = require('ajv');
  const standalone = require('ajv/dist/standalone').default;
  const options = JSON.parse(readFileSync(join(root, 'src', 'config', 'ajv-options.json'), 'utf8'));
  const ajv = new Ajv({ ...options, code: { source: true } });
  writeFileSync(join(tmp, 'editions-schema.cjs'), standalone(ajv, ajv.compile(JSON.parse(readFileSync(join(root, 'editions.schema.json'), 'utf8')))));
  // the English word list sorted and distinct, one word a line: the normaliser reads it as it
  // is (WordList.ofLines) instead of parsing and sorting 275,000 strings
  const words = [...new Set(require('an-array-of-english-words/index.json'))].sort();
  writeFileSync(join(tmp, 'words.txt'), `${words.join('\n')}\n`);
  writeFileSync(join(tmp, 'stamp'), `${stamp}\n`);
  rmSync(lib, { recursive: true, force: true });
  try {
    renameSync(tmp, lib);
  } catch {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The newest modification time of any file under dir (ms). */
export function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) t = Math.max(t, statSync(join(e.parentPath, e.name)).mtimeMs);
  }
  return t;
}

if (import.meta.url === `file://${process.argv[1]}`) await compile();
