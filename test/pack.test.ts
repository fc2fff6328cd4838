// The reading pack of the project's editions.yaml, rendered: one EPUB and one PDF in which
// each piece is a part with its own notes, numbered from 1, under anchors that never clash.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import JSZip from 'jszip';
import { root, source } from './helpers.ts';
import { loadEditions } from '../src/config/editions.ts';
import { bookOf, renderEdition, type RenderJob } from '../src/render/edition.ts';
import { renderPdf } from '../src/render/pdf/index.ts';
import { loadPrintSettings } from '../src/render/pdf/settings.ts';
import type { Book } from '../src/model/book.ts';

const out = mkdtempSync(join(tmpdir(), 'editions-pack-'));
const cfg = loadEditions(join(root, 'editions.yaml'));
const edition = cfg.editions.find((e) => e.name === 'lenin-and-the-state')!;
const job: RenderJob = {
  edition,
  markdowns: edition.pieces.map((p) => source(p.source).paged),
  introduction: readFileSync(edition.introduction!, 'utf8'),
  outDir: out,
  templateDir: join(root, 'templates/default'),
  fontsDir: join(root, 'fonts'),
  modified: new Date(1700000000 * 1000).toISOString(),
};
const epubPath = join(out, 'epub', 'lenin-and-the-state.epub');
const pdfPath = join(out, 'pdf', 'lenin-and-the-state.pdf');
let book: Book;
let zip: JSZip;
const file = (name: string) => zip.file(`OEBPS/${name}`)!.async('string');

beforeAll(async () => {
  book = bookOf(job);
  await renderEdition(job);
  zip = await JSZip.loadAsync(readFileSync(epubPath));
}, 120_000);

describe('the pack as one book', () => {
  it('four parts with the title, author and source their sidecars give', () => {
    expect(book.parts.map((p) => [p.title, p.author])).toEqual([
      ['Introduction to Lenin’s State & Revolution', 'Doug Lorimer'],
      ['The Dictatorship of the Proletariat', 'J. V. Stalin'],
      ['Lenin: Lessons from the Past and Promises of Victory', 'Jean-Baptiste Pelé and Léo Baserli'],
      ['Lenin’s Last Years', 'C. L. R. James'],
    ]);
    for (const p of book.parts) expect(p.source).toBeTruthy();
    expect(book.meta).toMatchObject({ title: 'Lenin and the State', editor: 'The editions study group' });
  });

  it('each piece’s notes numbered from 1, as in its own edition; 0 + 14 + 15 + 9 in all', () => {
    const byPart = new Map<number, number[]>();
    for (const [, note] of book.notes) {
      const part = book.chapters[note.chapter].part!;
      byPart.set(part, [...(byPart.get(part) ?? []), note.n]);
    }
    expect([0, 1, 2, 3].map((p) => byPart.get(p) ?? [])).toEqual([[], range(14), range(15), range(9)]);
    expect(new Set([...book.notes.values()].map((n) => n.id)).size).toBe(38);
  });

  it('the introduction comes first, outside the parts, under its own heading', () => {
    expect(book.chapters[0].part).toBeUndefined();
    expect(book.chapters[0].title).toBe('About this pack');
    expect(book.chapters.slice(1).every((c) => c.part !== undefined)).toBe(true);
  });
});

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('the pack’s EPUB', () => {
  it('epubcheck finds nothing', () => {
    const r = spawnSync('java', ['-jar', '/usr/share/java/epubcheck.jar', epubPath], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).toMatch(/Messages: 0 fatals \/ 0 errors \/ 0 warnings/);
    expect(r.status).toBe(0);
  });

  it('Ace by DAISY passes it with no violations', () => {
    const report = join(out, 'ace');
    spawnSync(join(root, 'node_modules/.bin/ace-puppeteer'), ['-s', '-o', report, epubPath], { encoding: 'utf8', env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium' } });
    const r = JSON.parse(readFileSync(join(report, 'report.json'), 'utf8'));
    const violations = r.assertions.flatMap((a: { assertions?: { 'earl:test': { 'dct:title': string } }[] }) => a.assertions ?? []).map((v: { 'earl:test': { 'dct:title': string } }) => v['earl:test']['dct:title']);
    expect(violations).toEqual([]);
    expect(r['earl:result']['earl:outcome']).toBe('pass');
  }, 120_000);

  it('the nav nests pieces → chapters, each piece opening on its part page', async () => {
    const nav = await file('toc.xhtml');
    const toc = /<nav epub:type="toc"[\s\S]*?<\/nav>/.exec(nav)![0];
    const top = [...toc.matchAll(/^ {2}<li><a href="([^"]+)">([^<]+)<\/a>/gm)].map((m) => [m[1], m[2]]);
    expect(top).toEqual([
      ['intro-ch01.xhtml', 'About this pack'],
      ['p1-part.xhtml', 'Introduction to Lenin’s State &amp; Revolution — Doug Lorimer'],
      ['p2-part.xhtml', 'The Dictatorship of the Proletariat — J. V. Stalin'],
      ['p3-part.xhtml', 'Lenin: Lessons from the Past and Promises of Victory — Jean-Baptiste Pelé and Léo Baserli'],
      ['p4-part.xhtml', 'Lenin’s Last Years — C. L. R. James'],
    ]);
    expect(toc).toMatch(/<li><a href="p1-part\.xhtml">[^<]*<\/a>\n\s+<ol>\n\s+<li><a href="p1-ch02\.xhtml">Impetus for Lenin’s book<\/a><\/li>/);
    expect(toc).toMatch(/<li><a href="p3-ch02\.xhtml">Lenin against the reformists[^<]*<\/a>\n\s+<ol>\n\s+<li><a href="p3-ch02\.xhtml#p3-h\d+">Understanding the nature of the state/);
    const part = await file('p2-part.xhtml');
    expect(part).toMatch(/<section class="part" epub:type="part" role="doc-part"/);
    expect(part).toContain('J. V. Stalin');
    expect(part).toContain('Source: Transcription of a printed edition with page markers');
  });

  it('every note reference lands on its own note, shown with the piece’s number, and back', async () => {
    const files = Object.keys(zip.files).filter((f) => /OEBPS\/(intro|p\d)-ch\d+\.xhtml$/.test(f));
    const texts = new Map(await Promise.all(files.map(async (f) => [f.slice(6), await zip.file(f)!.async('string')] as const)));
    const ids = new Set([...texts.values()].flatMap((t) => [...t.matchAll(/ id="([^"]+)"/g)].map((m) => m[1])));
    let refs = 0;
    for (const [name, t] of texts) {
      for (const m of t.matchAll(/<a epub:type="noteref" role="doc-noteref" id="ref-(p\d-(\d+))" href="([^"#]*)#fn-([^"]+)">(\d+)<\/a>/g)) {
        const [, refId, n, target, fnId, shown] = m;
        expect(fnId).toBe(refId);
        expect(shown).toBe(n);
        const where = texts.get(target || name)!;
        expect(where, `${fnId} in ${target || name}`).toMatch(new RegExp(`<aside [^>]*id="fn-${fnId}"><p><a class="back" href="#ref-${fnId}"`));
        refs++;
      }
    }
    expect(refs).toBe(38);
    expect(ids.size).toBe([...texts.values()].reduce((n, t) => n + (t.match(/ id="/g) ?? []).length, 0));
  });

  it('the editor is the creator, each piece’s author a contributor', async () => {
    const opf = await file('content.opf');
    expect(opf).toMatch(/<dc:creator id="editor">The editions study group<\/dc:creator>\s*<meta refines="#editor" property="role" scheme="marc:relators">edt<\/meta>/);
    for (const a of ['Doug Lorimer', 'J. V. Stalin', 'Jean-Baptiste Pelé and Léo Baserli', 'C. L. R. James']) expect(opf).toMatch(new RegExp(`<dc:contributor id="contributor-\\d">${a.replace(/\./g, '\\.')}</dc:contributor>`));
  });

  it('the paged piece keeps its page list (pp. 38–51)', async () => {
    const nav = await file('toc.xhtml');
    const pages = [...(/<nav epub:type="page-list"[\s\S]*?<\/nav>/.exec(nav)?.[0] ?? '').matchAll(/href="p2-ch\d+\.xhtml#p2-page-(\d+)">(\d+)</g)].map((m) => m[2]);
    expect(pages).toEqual(Array.from({ length: 14 }, (_, i) => String(38 + i)));
  });
});

describe('the pack’s PDF', () => {
  it('qpdf finds nothing wrong, and every footnote sits on the page of its reference', async () => {
    const r = spawnSync('qpdf', ['--check', pdfPath], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const pdf = await renderPdf(book, { settings: loadPrintSettings(job.templateDir), fontsDir: job.fontsDir, modified: new Date(job.modified), publisher: 'editions' });
    const placed = new Map<number, number>();
    for (const f of pdf.body) for (const n of f.notes) placed.set(n, f.number);
    const referred = new Map<number, number>();
    for (const f of pdf.body) for (const n of f.refs) if (!referred.has(n)) referred.set(n, f.number);
    expect(placed.size).toBe(38);
    for (const [n, page] of placed) expect(page, `note ${n}`).toBe(referred.get(n));
  });

  it('running heads carry the piece’s title on versos, the chapter’s on rectos', () => {
    const pages = spawnSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).stdout.split('\f');
    const heads = pages.map((t, i) => ({ n: i + 1, head: t.split('\n').find((l) => l.trim())?.trim().replace(/\s+/g, ' ') ?? '' }));
    const versoHead = (title: string) => heads.filter((h) => h.n % 2 === 0 && h.head.startsWith(`${h.n} ${title}`)).length;
    expect(versoHead('Lenin’s Last Years')).toBeGreaterThan(3);
    expect(versoHead('The Dictatorship of the Proletariat')).toBeGreaterThan(2);
    expect(versoHead('Lenin: Lessons from the Past')).toBeGreaterThan(3);
    expect(heads.some((h) => h.n > 3 && h.n % 2 === 0 && h.head.includes('Lenin and the State'))).toBe(false);
    // the contents list the pieces, and under them their chapters
    const contents = pages[2];
    expect(contents).toMatch(/Introduction to Lenin’s State & Revolution\s+\d+\n\s+Impetus for Lenin’s book\s+\d+/);
    expect(contents).toMatch(/Lenin’s Last Years\s+\d+/);
  });
});
