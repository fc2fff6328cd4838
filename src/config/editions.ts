// editions.yaml: the list of editions to build. Read with yaml's document API (so every
// value knows its line), checked against editions.schema.json with Ajv, then against the
// world (sources, introduction files, templates, papers). Any problem: nothing is built.
import { codeDir, ownOr, projectRoot } from '../paths.ts';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ErrorObject } from 'ajv';
import { createRequire } from 'node:module';
// Ajv's options, read by the compile step too, so the compiled validator is the same one
import AJV_OPTIONS from './ajv-options.json' with { type: 'json' };
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { UserError } from '../errors.ts';
import { readSource, sourceFile } from '../io/source.ts';
import { papersOf } from '../render/pdf/settings.ts';

export type Format = 'md' | 'epub' | 'pdf';

export interface PieceSpec {
  source: string;
  /** The pack editor's corrections to the piece's own title, author and dates. */
  overrides: Record<string, string>;
}

export interface Edition {
  name: string;
  kind: 'book' | 'pack';
  /** Source names, in reading order (one for a book). */
  pieces: PieceSpec[];
  /** The edition's own metadata: a book's title corrections, a pack's title, editor… */
  meta: Record<string, string>;
  /** A pack's introduction: path to its Markdown. */
  introduction?: string;
  template: string;
  paper?: string;
  formats: Format[];
  publisher: string;
  /** Line of the edition in editions.yaml, for messages. */
  line: number;
}

export interface EditionsFile {
  path: string;
  sourcesDir: string;
  templatesDir: string;
  editions: Edition[];
}

const SCHEMA_PATH = join(projectRoot, 'editions.schema.json');
type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
let validator: Validator | undefined;
function validate(data: unknown): ErrorObject[] {
  // The compiled command carries the schema's validator as code (Ajv's standalone output,
  // made by scripts/compile.mjs); run from the TypeScript, Ajv compiles the schema here.
  const require = createRequire(import.meta.url);
  const pre = join(codeDir, 'editions-schema.cjs');
  if (!validator && existsSync(pre)) validator = require(pre) as Validator;
  if (!validator) {
    const { Ajv } = require('ajv') as typeof import('ajv');
    validator = new Ajv(AJV_OPTIONS).compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'))) as Validator;
  }
  return validator(data) ? [] : (validator.errors ?? []);
}

/** `/editions/3/pieces/1` → `editions[3].pieces[1]`, the way a reader of the file says it. */
const keyPath = (segs: (string | number)[]) => segs.reduce<string>((acc, s) => (typeof s === 'number' ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s), '');

/** The line of a value (or of a key, with `key`) in the document. */
function lineOf(doc: Document, lc: LineCounter, segs: (string | number)[], key?: string): number {
  const node = segs.length ? doc.getIn(segs, true) : doc.contents;
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    if (pair && isScalar(pair.key) && pair.key.range) return lc.linePos(pair.key.range[0]).line;
  }
  const range = (node as { range?: [number, number, number] } | null)?.range;
  if (range) return lc.linePos(range[0]).line;
  return segs.length ? lineOf(doc, lc, segs.slice(0, -1)) : 1;
}

/** One line per schema problem, in the words of the file. */
function describe(e: ErrorObject, doc: Document, lc: LineCounter, path: string): string | undefined {
  if (e.keyword === 'if') return undefined; // the branch's own errors say what is wrong
  const segs = e.instancePath.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
  const where = keyPath(segs) || 'the file';
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const known = Object.keys(((e.parentSchema as { properties?: object })?.properties ?? {}) as object).join(', ');
      return `${path}:${lineOf(doc, lc, segs, key)}: ${keyPath([...segs, key])}: unknown key “${key}” (known: ${known})`;
    }
    case 'required':
      return `${path}:${lineOf(doc, lc, segs)}: ${where}: “${(e.params as { missingProperty: string }).missingProperty}” is missing`;
    case 'enum':
      return `${path}:${lineOf(doc, lc, segs)}: ${where}: must be one of ${((e.params as { allowedValues: unknown[] }).allowedValues ?? []).join(', ')}`;
    case 'pattern':
      return `${path}:${lineOf(doc, lc, segs)}: ${where}: “${String(doc.getIn(segs))}” is not a valid value (${(e.parentSchema as { description?: string })?.description ?? `pattern ${(e.params as { pattern: string }).pattern}`})`;
    case 'type': {
      const t = (e.params as { type: string }).type;
      const words: Record<string, string> = { object: 'a mapping of keys to values', array: 'a list', string: 'text' };
      return `${path}:${lineOf(doc, lc, segs)}: ${where}: must be ${words[t] ?? t}`;
    }
    default:
      return `${path}:${lineOf(doc, lc, segs)}: ${where}: ${e.message}`;
  }
}

/** Reads, checks and resolves editions.yaml. Every problem is reported with file, line and key. */
export function loadEditions(path: string, overrides: { paper?: string; publisher?: string } = {}): EditionsFile {
  // Decoded like a source: a missing, empty, binary or oddly encoded file gets one plain message.
  const text = readSource(path).text;
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) throw new UserError(`${path}:${lc.linePos(doc.errors[0].pos[0]).line}: ${doc.errors[0].message.split('\n')[0]}`);
  const data = doc.toJS() as Record<string, unknown> | null;
  const problems = validate(data ?? {}).map((e) => describe(e, doc, lc, path)).filter((x): x is string => !!x);
  if (problems.length) throw new UserError(problems.slice(0, 8).join('\n') + (problems.length > 8 ? `\n… and ${problems.length - 8} more` : ''));

  const base = dirname(path);
  const raw = data as { sources?: string; templates?: string; defaults?: Record<string, unknown>; editions: Record<string, unknown>[] };
  const sourcesDir = resolve(base, raw.sources ?? 'sources');
  const templatesDir = resolve(base, raw.templates ?? 'templates');
  const d = raw.defaults ?? {};
  const at = (segs: (string | number)[], key?: string) => `${path}:${lineOf(doc, lc, segs, key)}`;
  const sourceExists = (name: string) => existsSync(sourceFile(sourcesDir, name));
  const seen = new Map<string, number>();
  const editions = raw.editions.map((e, i): Edition => {
    const name = String(e.name);
    if (seen.has(name)) throw new UserError(`${at(['editions', i], 'name')}: editions[${i}].name: “${name}” is already the name of editions[${seen.get(name)}]`);
    seen.set(name, i);
    const pack = Array.isArray(e.pieces);
    const pieces: PieceSpec[] = pack
      ? (e.pieces as Record<string, string>[]).map(({ source, ...rest }) => ({ source, overrides: rest }))
      : [{ source: String(e.source), overrides: {} }];
    pieces.forEach((p, k) => {
      const segs = pack ? ['editions', i, 'pieces', k] : ['editions', i];
      if (!sourceExists(p.source)) throw new UserError(`${at(segs, 'source')}: ${keyPath([...segs, 'source'])}: no source “${p.source}” in ${sourcesDir}/ (a .txt or .md file)`);
    });
    const template = String(e.template ?? d.template ?? 'default');
    if (!existsSync(join(templatesDir, template))) throw new UserError(`${at(['editions', i], e.template ? 'template' : undefined)}: editions[${i}].template: no template “${template}” in ${templatesDir}/`);
    const paper = (overrides.paper ?? e.paper ?? d.paper) as string | undefined;
    if (paper) {
      const papers = papersOf(join(templatesDir, template));
      if (!papers.includes(paper)) throw new UserError(`${overrides.paper ? '--paper' : at(['editions', i], e.paper ? 'paper' : undefined)}: paper “${paper}” is not in template “${template}” (known: ${papers.join(', ')})`);
    }
    let introduction: string | undefined;
    if (e.introduction) {
      introduction = resolve(base, String(e.introduction));
      if (!existsSync(introduction)) throw new UserError(`${at(['editions', i], 'introduction')}: editions[${i}].introduction: no file ${String(e.introduction)}`);
    }
    const meta = Object.fromEntries(
      Object.entries(e).filter(([k, v]) => !['name', 'source', 'pieces', 'introduction', 'template', 'paper', 'formats', 'publisher'].includes(k) && typeof v === 'string'),
    ) as Record<string, string>;
    return {
      name,
      kind: pack ? 'pack' : 'book',
      pieces,
      meta,
      introduction,
      template,
      paper,
      formats: (e.formats ?? d.formats ?? ['md', 'epub', 'pdf']) as Format[],
      publisher: String(overrides.publisher ?? e.publisher ?? d.publisher ?? 'editions'),
      line: lineOf(doc, lc, ['editions', i]),
    };
  });
  return { path, sourcesDir, templatesDir, editions };
}

/** Without an editions file: every source in a folder as a book of its own. */
export function editionsOfFolder(sourcesDir: string, names: string[], o: { paper?: string; publisher?: string }): EditionsFile {
  return {
    path: '(every source)',
    sourcesDir,
    templatesDir: ownOr('templates'),
    editions: names.map((name) => ({ name, kind: 'book', pieces: [{ source: name, overrides: {} }], meta: {}, template: 'default', paper: o.paper, formats: ['md', 'epub', 'pdf'], publisher: o.publisher ?? 'editions', line: 0 })),
  };
}
