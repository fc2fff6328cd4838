import { existsSync, readFileSync } from 'node:fs';
import { parseDocument, isMap, isScalar, LineCounter } from 'yaml';
import { UserError } from '../errors.ts';
import type { Sidecar } from '../normalize/types.ts';

const META_KEYS = ['title', 'title_note', 'subtitle', 'author', 'date', 'original_publication', 'source', 'language', 'rights', 'description', 'publisher', 'translator', 'editor'];
const OTHER_KEYS = ['notes', 'missing_notes', 'errata'];

/** Path of the sidecar beside a source: `name.txt` → `name.yaml`. */
export const sidecarPath = (source: string): string => `${source.replace(/\.[^./]+$/, '')}.yaml`;

/**
 * Reads a source's sidecar. A wrong key or a bad value is refused with the file, line
 * and key, so a typo never silently changes an edition.
 */
export function loadSidecar(source: string): Sidecar {
  const path = sidecarPath(source);
  if (!existsSync(path)) return { meta: {} };
  return parseSidecar(readFileSync(path, 'utf8'), path);
}

export function parseSidecar(text: string, path: string): Sidecar {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  const at = (offset: number | undefined) => `${path}:${lc.linePos(offset ?? 0).line}`;
  if (doc.errors.length) throw new UserError(`${at(doc.errors[0].pos[0])}: ${doc.errors[0].message.split('\n')[0]}`);
  if (doc.contents === null) return { meta: {} };
  if (!isMap(doc.contents)) throw new UserError(`${path}:1: a sidecar is a mapping of keys to values`);
  const out: Sidecar = { meta: {} };
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const where = at(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
    const value = (pair.value as { toJSON?: () => unknown })?.toJSON?.() ?? (isScalar(pair.value) ? pair.value.value : undefined);
    if (META_KEYS.includes(key)) {
      if (typeof value !== 'string' && typeof value !== 'number') throw new UserError(`${where}: “${key}” must be text`);
      out.meta[key] = String(value);
    } else if (key === 'notes') {
      if (!value || typeof value !== 'object' || Array.isArray(value)) throw new UserError(`${where}: “notes” maps a note label to its text`);
      out.notes = Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
    } else if (key === 'missing_notes') {
      if (value !== 'drop' && value !== 'placeholder') throw new UserError(`${where}: “missing_notes” is “drop” or “placeholder”, not “${String(value)}”`);
      out.missing_notes = value;
    } else if (key === 'errata') {
      const list = Array.isArray(value) ? value : [];
      if (!Array.isArray(value) || list.some((e) => !e || typeof e.from !== 'string' || typeof e.to !== 'string'))
        throw new UserError(`${where}: “errata” is a list of {from, to} pairs`);
      out.errata = list as { from: string; to: string }[];
    } else {
      throw new UserError(`${where}: unknown key “${key}” (known: ${[...META_KEYS, ...OTHER_KEYS].join(', ')})`);
    }
  }
  return out;
}
