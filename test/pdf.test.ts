// The print editions: built once from the real sources, then read back with poppler and qpdf.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { SOURCES, root, source } from './helpers.ts';
import { buildPdf } from '../src/run/build.ts';
import type { PageFacts } from '../src/render/pdf/index.ts';
import { parseBook } from '../src/model/parse.ts';
import { blockText, plain, type Block } from '../src/model/book.ts';

const out = mkdtempSync(join(tmpdir(), 'editions-pdf-'));
const settings = { outDir: out, templateDir: join(root, 'templates/default'), fontsDir: join(root, 'fonts'), modified: new Date(1700000000 * 1000), publisher: 'editions test' };
const names = Object.values(SOURCES);
const built = new Map<string, { pages: number; facts: PageFacts[]; missing: string[] }>();
const pdfPath = (name: string) => join(out, 'pdf', `${name}.pdf`);
const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8' });
const pageText = (name: string, p: number) => run('pdftotext', ['-f', String(p), '-l', String(p), pdfPath(name), '-']).stdout;

beforeAll(async () => {
  for (const name of names) built.set(name, await buildPdf(name, source(name).paged, settings));
}, 120_000);

describe('sound files', () => {
  it.each(names)('%s: qpdf --check is clean', (name) => {
    const r = run('qpdf', ['--check', pdfPath(name)]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/No syntax or stream encoding errors/);
  });

  it.each(names)('%s: every font embedded and subset, none of the standard 14', (name) => {
    const rows = run('pdffonts', [pdfPath(name)]).stdout.trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatch(/^[A-Z]{6}\+LinLibertine/);
      expect(row).toMatch(/\byes\s+yes\s+yes\b/);
    }
  });

  it.each(names)('%s: every character has a glyph', (name) => {
    expect(built.get(name)!.missing).toEqual([]);
  });

  it('two builds are byte-identical', async () => {
    const again = mkdtempSync(join(tmpdir(), 'editions-pdf2-'));
    await buildPdf(SOURCES.james, source(SOURCES.james).paged, { ...settings, outDir: again });
    expect(readFileSync(join(again, 'pdf', `${SOURCES.james}.pdf`)).equals(readFileSync(pdfPath(SOURCES.james)))).toBe(true);
  });

  it('metadata: title (with & escaped), author, subject, language', () => {
    const info = run('pdfinfo', [pdfPath(SOURCES.lorimer)]).stdout;
    expect(info).toMatch(/^Title:\s+Introduction to Lenin’s State & Revolution$/m);
    expect(info).toMatch(/^Author:\s+Doug Lorimer$/m);
    expect(info).toMatch(/^Subject:\s+\S/m);
    expect(readFileSync(pdfPath(SOURCES.lorimer)).toString('latin1')).toMatch(/\/Lang \(en-GB\)/);
  });
});

describe('footnotes at the foot of their page', () => {
  it.each(names)('%s: every note starts on the page of its first reference', (name) => {
    const book = parseBook(source(name).paged);
    const facts = built.get(name)!.facts;
    const refPage = new Map<number, number>();
    const bodyPage = new Map<number, number>();
    for (const f of facts) {
      for (const n of f.refs) if (!refPage.has(n)) refPage.set(n, f.number);
      for (const n of f.notes) bodyPage.set(n, f.number);
    }
    expect(bodyPage.size).toBe(book.notes.size);
    for (const [n, p] of bodyPage) expect(p, `note ${n}`).toBe(refPage.get(n));
  });

  it.each(names)('%s: the text layer shows each note’s number at a line start under its reference on the same page', (name) => {
    const book = parseBook(source(name).paged);
    for (const f of built.get(name)!.facts) {
      const text = pageText(name, f.number);
      for (const n of f.notes) {
        const note = book.notes.get(n)!;
        const start = plain((note.blocks[0] as Extract<Block, { kind: 'para' }>).content).split(/\s+/).slice(0, 2).join(' ');
        expect(text, `page ${f.number}, note ${n}`).toMatch(new RegExp(`(^|\\D)${n} ${escapeRe(start.split(' ')[0])}`, 'm'));
        expect(text, `page ${f.number}, reference ${n}`).toMatch(new RegExp(`[\\p{L}.,;:!?”’)\\]]${n}(?!\\d)`, 'u'));
      }
    }
  });
});

describe('page breaking', () => {
  it.each(names)('%s: no widows or orphans, no heading last on a page, chapters open new pages', (name) => {
    const facts = built.get(name)!.facts.filter((f) => f.lines.length);
    facts.forEach((f, i) => {
      const last = f.lines[f.lines.length - 1];
      const next = facts[i + 1]?.lines[0];
      expect(last.heading, `page ${f.number} ends with a heading`).toBe(false);
      if (next && next.par === last.par && !last.heading) {
        expect(last.idx + 1, `orphan at the foot of page ${f.number}`).toBeGreaterThanOrEqual(2);
        expect(next.count - next.idx, `widow at the head of page ${facts[i + 1].number}`).toBeGreaterThanOrEqual(2);
      }
      // a heading is followed by at least two lines of its text on its page
      f.lines.forEach((l, k) => {
        if (l.heading && !f.lines[k + 1]?.heading) expect(f.lines.length - k - 1, `heading on page ${f.number}`).toBeGreaterThanOrEqual(Math.min(2, f.lines.length - k - 1 + (next ? 2 : 0)));
      });
    });
    const book = parseBook(source(name).paged);
    expect(built.get(name)!.facts.filter((f) => f.opening)).toHaveLength(book.chapters.length);
  });
});

describe('page furniture', () => {
  it('running heads and folios, none on chapter openings; contents with real page numbers', () => {
    const name = SOURCES.foundations;
    const facts = built.get(name)!.facts;
    for (const f of facts.slice(0, 30)) {
      // the original edition's page numbers in the margin ("[3]") are not furniture
      const first = pageText(name, f.number).replace(/ ?\[\d+\]/g, '').split('\n').filter(Boolean).slice(0, 2).join(' ');
      if (f.opening) expect(first).not.toMatch(new RegExp(`^${f.number}\\b|\\b${f.number}$`));
      else expect(first).toMatch(f.number % 2 === 0 ? new RegExp(`^${f.number} The Foundations of Leninism`) : new RegExp(`^(Chapter|Introduction).* ${f.number}$|^${f.number} (Chapter|Introduction)`));
    }
    const m = /Chapter IV\. The Dictatorship of the Proletariat (\d+)$/m.exec(run('pdftotext', ['-raw', '-f', '3', '-l', '3', pdfPath(name), '-']).stdout)!;
    expect(m).not.toBeNull();
    expect(pageText(name, Number(m[1]))).toMatch(/^Chapter IV\. The Dictatorship of the$/m);
  });

  it('outline mirrors the headings; links to notes', () => {
    const raw = readFileSync(pdfPath(SOURCES.foundations)).toString('latin1');
    expect(raw).toMatch(/\/Outlines/);
    expect((raw.match(/\/Subtype \/Link/g) ?? []).length).toBeGreaterThan(32);
    expect(raw).toMatch(/\(fn-20\)/);
  });
});

describe('text layer', () => {
  it.each(names)('%s: pdftotext gives back the Markdown’s words in order', (name) => {
    const book = parseBook(source(name).paged);
    const want = book.chapters.flatMap((c) => c.blocks.map(blockText)).join(' ').split(/\s+/).filter(Boolean);
    // -raw: the content stream's order, which is the reading order we draw in. Punctuation
    // after a raised note number comes out as its own token: it goes back onto its word.
    const got = run('pdftotext', ['-raw', pdfPath(name), '-'])
      .stdout.split(/\s+/)
      .filter(Boolean)
      .reduce<string[]>((acc, t) => {
        if (/^[.,;:!?”’)\]]+$/.test(t) && acc.length && /\d$/.test(acc[acc.length - 1])) acc[acc.length - 1] += t;
        else acc.push(t);
        return acc;
      }, []);
    // a note's number reads glued to its word: strip it (a year's "1871.22" too, but not 2.5 or 25,000 by accident)
    const forms = (t: string) => [t, t.replace(/(?<!\d[.,])(?<=[\p{L}.,;:!?”’)\]])\d{1,3}(?=[.,;:!?”’)\]]*$)/u, ''), t.replace(/(?<=[\p{L}\d.,;:!?”’)\]])\d{1,3}(?=[.,;:!?”’)\]]*$)/u, '')];
    let j = 0;
    const missing: string[] = [];
    for (const w of want) {
      // within a window, allowing folios, heads and notes between; a word broken at a
      // line end (word- + rest) reads back as the word
      let found = -1;
      for (let k = j; k < Math.min(got.length, j + 400); k++) {
        const next = got[k + 1] ?? '';
        // poppler may join a word broken at a line end itself, dropping the hyphen even of a compound
        const hit = forms(got[k]).some((g) => g === w || g === w.replace('-', '') || (/[-—–]$/.test(g) && (g.slice(0, -1) + next === w || g + next === w || forms(g + next).includes(w) || forms(g.slice(0, -1) + next).includes(w))));
        if (hit) {
          found = forms(got[k]).includes(w) || got[k].replace('-', '') === w.replace('-', '') ? k + 1 : k + 2;
          break;
        }
        // a word broken across a page: its end comes after the page's notes and furniture
        const head = got[k].replace(/-$/, '');
        if (got[k].endsWith('-') && head.length > 1 && w.startsWith(head)) {
          const rest = got.slice(k + 1, k + 200).findIndex((t) => forms(head + t).includes(w) || forms(`${head}-${t}`).includes(w));
          if (rest >= 0) {
            found = k + rest + 2;
            break;
          }
        }
      }
      if (found < 0) missing.push(`${w} @ ${got.slice(j, j + 6).join(' ')}`);
      else j = found;
    }
    expect(missing.slice(0, 10)).toEqual([]);
  });
});

describe('paper', () => {
  it.each([
    ['A4', '595.28 x 841.89'],
    ['Letter', '612 x 792'],
  ])('%s', async (paper, size) => {
    const dir = mkdtempSync(join(tmpdir(), `editions-${paper}-`));
    await buildPdf('p', source(SOURCES.paged).paged, { ...settings, outDir: dir, paper });
    expect(run('pdfinfo', [join(dir, 'pdf', 'p.pdf')]).stdout).toMatch(new RegExp(`Page size:\\s+${size.replace('.', '\\.')} pts`));
  });
});

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('a long footnote', () => {
  it('starts on the page of its reference and runs on at the foot of the next page', async () => {
    const para = 'This paragraph is filler of an ordinary length, long enough to fill several lines of the page with text that means nothing in particular but wraps as prose does.';
    const longNote = Array.from({ length: 60 }, (_, i) => `Sentence ${i + 1} of a very long note that cannot fit on one page.`).join(' ');
    const md = `---\ntitle: Long note\nlanguage: en\n---\n\n## One\n\n${Array(8).fill(para).join('\n\n')}\n\nHere is the reference.[^1]\n\n${Array(30).fill(para).join('\n\n')}\n\n[^1]: ${longNote} The last words of the note.\n`;
    const dir = mkdtempSync(join(tmpdir(), 'editions-longnote-'));
    const r = await buildPdf('long', md, { ...settings, outDir: dir });
    const start = r.facts.find((f) => f.notes.includes(1))!;
    expect(start.refs).toContain(1);
    const file = join(dir, 'pdf', 'long.pdf');
    const text = (p: number) => run('pdftotext', ['-f', String(p), '-l', String(p), file, '-']).stdout;
    expect(text(start.number)).toMatch(/^1 Sentence 1 of a very long note/m);
    expect(text(start.number)).not.toContain('The last words of the note.');
    expect(text(start.number + 1)).toContain('The last words of the note.');
  });
});

describe('a table', () => {
  it('sets each row across its columns (figures to the right), runs over pages under its header set again, and keeps a note referred to from a cell on its page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'editions-table-'));
    const r = await buildPdf('table', readFileSync(join(root, 'test/fixtures/table.md'), 'utf8'), { ...settings, outDir: dir });
    const file = join(dir, 'pdf', 'table.pdf');
    expect(run('qpdf', ['--check', file]).status).toBe(0);
    const layout = run('pdftotext', ['-layout', file, '-']).stdout;
    // a row's cells on one line, in their columns
    expect(layout).toMatch(/^\s*1603\s+32\s+811\s+Two boats lost in the March gale\.2\s*$/m);
    expect(layout).toMatch(/^\s*Harbour master\s+John Aird\s*$/m);
    for (let y = 1600; y < 1660; y++) expect(layout).toMatch(new RegExp(`^\\s*${y}\\s+\\d+\\s+[\\d,]+`, 'm'));
    // the figures of a right-aligned column (the catch: 700, 1,033) end at one place on each page
    const bbox = run('pdftotext', ['-bbox', file, '-']).stdout;
    for (const page of bbox.split('<page').slice(1)) {
      const ends = [...page.matchAll(/xMax="([\d.]+)"[^>]*>(\d{3}|\d,\d{3})<\/word>/g)].map((m) => Number(m[1]));
      if (ends.length) expect(Math.max(...ends) - Math.min(...ends)).toBeLessThan(0.5);
    }
    expect(bbox.match(/>(\d{3}|\d,\d{3})<\/word>/g)!.length).toBeGreaterThanOrEqual(60);
    expect(r.pages).toBeGreaterThan(5);
    // each page the table runs on to opens with its header again
    const withRows = layout.split('\f').filter((pg) => /^\s*16\d\d\s+\d+\s+[\d,]+/m.test(pg));
    expect(withRows.length).toBeGreaterThanOrEqual(3);
    for (const pg of withRows.slice(1)) expect(pg).toMatch(/^\s*Year\s+Boats\s+Catch\s+Remarks\s*\n(?:\s*\(barrels\)\s*\n)?\s*16\d\d\s/m);
    const at = r.facts.find((f) => f.refs.includes(2))!;
    expect(at.notes).toContain(2);
  }, 60_000);
});

describe('two note marks in a row', () => {
  it('are set apart by a raised comma (“1,2”, not “12”)', async () => {
    const md = '---\ntitle: Marks\nlanguage: en\n---\n\n## One\n\nA sentence that cites two sources at once.[^1][^2] And one more that cites a third.[^3]\n\n[^1]: The first.\n[^2]: The second.\n[^3]: The third.\n';
    const dir = mkdtempSync(join(tmpdir(), 'editions-marks-'));
    await buildPdf('marks', md, { ...settings, outDir: dir });
    const text = run('pdftotext', [join(dir, 'pdf', 'marks.pdf'), '-']).stdout;
    expect(text).toContain('at once.1,2 And');
    expect(text).toContain('a third.3');
  }, 60_000);
});

describe('a code listing', () => {
  it('keeps its lines’ indents, draws box characters the faces lack in ASCII, and reports no missing glyph for them', async () => {
    const md = '---\ntitle: Listings\nlanguage: en\n---\n\n# Listings\n\nThe query and what it prints:\n\n```\nSELECT\n    avg(n) AS mean\nFROM series;\n```\n\n```\n n │ is_anomaly\n───┼────────────\n 2 │ f\n```\n\nThe paragraph after it.\n';
    const r = await buildPdf('listing', md, settings);
    expect(r.missing).toEqual([]);
    const text = run('pdftotext', ['-layout', join(out, 'pdf', 'listing.pdf'), '-']).stdout;
    expect(text).toMatch(/^\s*SELECT\n\s+avg\(n\) AS mean\n\s*FROM series;/m);
    // (the indent is set: the second line starts to the right of the first)
    const lines = text.split('\n');
    const at = (w: string) => lines.find((l) => l.includes(w))!.search(/\S/);
    expect(at('avg(n)')).toBeGreaterThan(at('SELECT'));
    expect(text).toContain('---+------------');
    expect(text).not.toMatch(/[\u2500-\u257f]/);
  });
});

