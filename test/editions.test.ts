// editions.yaml: what the project builds, and how a broken file is refused.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './helpers.ts';
import { loadEditions } from '../src/config/editions.ts';
import { UserError } from '../src/errors.ts';

const dir = mkdtempSync(join(tmpdir(), 'editions-config-'));
const header = `sources: ${join(root, 'sources')}\ntemplates: ${join(root, 'templates')}\n`;
/** Writes a config (after the header lines that point at the project's sources) and loads it. */
function load(body: string): unknown {
  const path = join(dir, `e${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(path, header + body);
  try {
    return loadEditions(path);
  } catch (e) {
    if (e instanceof UserError) return new Error(e.message.replace(path, 'FILE'));
    throw e;
  }
}
const GOOD = `editions:
  - name: james
    source: james-world-revolution-lenin
  - name: pack
    title: A pack
    pieces:
      - source: lorimer-introduction-to-state-and-revolution
      - source: npa-lenin-lessons-from-the-past
        title: Two articles
`;

describe('the project’s editions.yaml', () => {
  it('lists the five texts as books and the Lenin and the State pack', () => {
    const cfg = loadEditions(join(root, 'editions.yaml'));
    const books = cfg.editions.filter((e) => e.kind === 'book');
    expect(books.map((b) => b.pieces[0].source).sort()).toEqual([
      'james-world-revolution-lenin',
      'lorimer-introduction-to-state-and-revolution',
      'npa-lenin-lessons-from-the-past',
      'stalin-dictatorship-of-the-proletariat-paged',
      'stalin-foundations-of-leninism',
    ]);
    const pack = cfg.editions.find((e) => e.kind === 'pack')!;
    expect(pack.name).toBe('lenin-and-the-state');
    expect(pack.meta.title).toBe('Lenin and the State');
    expect(pack.pieces.map((p) => p.source)).toEqual(['lorimer-introduction-to-state-and-revolution', 'stalin-dictatorship-of-the-proletariat-paged', 'npa-lenin-lessons-from-the-past', 'james-world-revolution-lenin']);
    expect(pack.introduction).toMatch(/packs\/lenin-and-the-state\.md$/);
    for (const e of cfg.editions) expect([e.template, e.paper, e.formats]).toEqual(['default', 'A5', ['md', 'epub', 'pdf']]);
  });

  it('a good file: books and packs, piece overrides, defaults', () => {
    const cfg = load(GOOD) as ReturnType<typeof loadEditions>;
    expect(cfg.editions.map((e) => [e.name, e.kind, e.line])).toEqual([['james', 'book', 4], ['pack', 'pack', 6]]);
    expect(cfg.editions[1].pieces[1].overrides).toEqual({ title: 'Two articles' });
  });
});

describe('an editions file that is not one', () => {
  it.each([
    ['empty', '', /: the file is empty$/],
    ['binary', Buffer.from([0, 1, 2, 3, 0, 0, 7]), /: this looks like a binary file, not text$/],
    ['not a mapping', '- just\n- a list\n', /:1: the file: must be a mapping of keys to values$/],
  ])('%s: one plain message', (_what, data, message) => {
    const path = join(dir, `odd-${_what.replace(/ /g, '-')}.yaml`);
    writeFileSync(path, data);
    expect(() => loadEditions(path)).toThrow(message);
  });
});

describe('a broken editions.yaml names the file, the line and the key', () => {
  it.each([
    ['an unknown key', GOOD.replace('    source: james', '    papr: A4\n    source: james'), /^FILE:5: editions\[0\]\.papr: unknown key “papr” \(known: name, source, title/],
    ['an unknown key in a piece', GOOD.replace('        title: Two', '        titel: Two'), /^FILE:11: editions\[1\].pieces\[1\]\.titel: unknown key “titel”/],
    ['a missing source', GOOD.replace('source: james-world-revolution-lenin', 'source: james-world-revolution'), /^FILE:5: editions\[0\]\.source: no source “james-world-revolution” in/],
    ['a missing piece source', GOOD.replace('source: npa-lenin-lessons-from-the-past', 'source: npa'), /^FILE:10: editions\[1\].pieces\[1\].source: no source “npa”/],
    ['a pack without a title', GOOD.replace('    title: A pack\n', ''), /^FILE:6: editions\[1\]: “title” is missing/],
    ['a book without a source', GOOD.replace('    source: james-world-revolution-lenin\n', ''), /^FILE:4: editions\[0\]: “source” is missing/],
    ['a bad format', GOOD.replace('    source: james-world-revolution-lenin', '    source: james-world-revolution-lenin\n    formats: [epub, mobi]'), /^FILE:6: editions\[0\]\.formats\[1\]: must be one of md, epub, pdf/],
    ['a paper the template does not have', GOOD.replace('    source: james-world-revolution-lenin', '    source: james-world-revolution-lenin\n    paper: B5'), /^FILE:6: paper “B5” is not in template “default” \(known: A5, A4, Letter\)/],
    ['a bad name', GOOD.replace('name: james', 'name: James Book'), /^FILE:4: editions\[0\]\.name: “James Book” is not a valid value/],
    ['a name given twice', GOOD.replace('name: pack', 'name: james'), /^FILE:6: editions\[1\]\.name: “james” is already the name of editions\[0\]/],
    ['a missing introduction', GOOD.replace('    title: A pack', '    title: A pack\n    introduction: nowhere.md'), /^FILE:8: editions\[1\]\.introduction: no file nowhere\.md/],
    ['a YAML syntax error', GOOD.replace('  - name: pack', '  - name: pack\n   bad: [unclosed'), /^FILE:\d+: /],
    ['a duplicate key', GOOD.replace('    title: A pack', '    title: A pack\n    title: Again'), /^FILE:8: Map keys must be unique/],
    ['no editions at all', 'editions: []\n', /^FILE:3: editions: must NOT have fewer than 1 items/],
    ['a title that is not text', GOOD.replace('title: A pack', 'title: [A, pack]'), /^FILE:7: editions\[1\]\.title: must be text/],
  ])('%s', (_what, body, message) => {
    const r = load(body);
    expect(r).toBeInstanceOf(Error);
    expect((r as Error).message).toMatch(message);
  });
});
