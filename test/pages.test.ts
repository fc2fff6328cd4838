// The original edition's page numbers: read or counted by the normaliser, kept in the
// Markdown model as <!--page N-->, and shown by both renderers.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import JSZip from 'jszip';
import { PAGE_MARK, SOURCES, fixture, root, source } from './helpers.ts';
import { numberPages } from '../src/normalize/pagelabels.ts';
import { markPosition } from '../src/normalize/passes/pagemarks.ts';
import { parseBook } from '../src/model/parse.ts';
import { buildEpub, buildPdf } from '../src/run/build.ts';
import type { PageFacts } from '../src/render/pdf/index.ts';

const labels = (md: string) => [...md.matchAll(PAGE_MARK)].map((m) => m[1]);
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => String(a + i));

describe('page numbers in the model', () => {
  it('paged Stalin: p. 38 (implicit, counted back from the markers) to p. 51, each once, in order', () => {
    expect(labels(source(SOURCES.paged).paged)).toEqual(range(38, 51));
  });

  it('paged Stalin: each page begins at the first word after its marker', () => {
    const md = source(SOURCES.paged).paged;
    expect(md).toMatch(/even without the <!--page 39-->dictatorship of the proletariat\. But/);
    // the only word split across pages stays whole; the mark goes after it
    expect(md).toMatch(/facilitates<!--page 51--> the practical application/);
  });

  it('Foundations: every printed page from the four stated folios, with blank versos p. 4 and p. 60 skipped (catalogue, appendix A)', () => {
    const want = [...range(1, 3), ...range(5, 59), ...range(61, 103)];
    expect(labels(source(SOURCES.foundations).paged)).toEqual(want);
  });

  it('Foundations: chapters open on their pages; a page cut mid-paragraph or mid-word is marked in place', () => {
    const md = source(SOURCES.foundations).paged;
    expect(md).toMatch(/^## <!--page 5-->Chapter I\. The Historical Roots of Leninism$/m);
    expect(md).toMatch(/^## <!--page 61-->Chapter VI\./m);
    expect(md).toMatch(/a screen\. Of <!--page 40-->course, the appearance/);
    expect(md).toMatch(/the mutual weakening<!--page 6--> of the imperialists/);
  });

  it('the counted numbers are reported as a change, the unchecked ones as a doubt', () => {
    const r = source(SOURCES.foundations).report;
    expect(r.changes.find((c) => c.kind === 'count-page-numbers')?.why).toMatch(/^97 original page numbers counted from the 4/);
    expect(r.doubts.filter((d) => d.kind === 'page-number')).toHaveLength(1);
  });

  it('a web copy or a Gutenberg text has no page numbers to keep', () => {
    for (const md of [source(SOURCES.james).paged, source(SOURCES.npa).paged, fixture('gutenberg.txt').paged]) expect(labels(md)).toEqual([]);
  });

  it('“Page 3 of 9” markers are page numbers too, each naming the page it begins, and the first page is counted back', async () => {
    const { normalize } = await import('../src/normalize/chain.ts');
    const para = (w: string) => `${w} is a paragraph of plain prose that runs on for a while, long enough to look like the body of a page.`;
    const text = [para('One'), '', 'Page 3 of 9', '', para('Two'), '', '- 4 -', '', para('Three'), '', 'Page 5 of 9', '', para('Four'), ''].join('\n');
    expect(labels(normalize(text).markdown)).toEqual(['2', '3', '4', '5']);
  });

  it('form-feed pages with “12 / 57” folios at their foot: each names the page that ends there', () => {
    expect(labels(fixture('pdf-formfeed.txt').paged)).toEqual(['12', '13', '14', '15', '16']);
    expect(fixture('pdf-formfeed.txt').paged).toMatch(/^<!--page 12-->The invention of movable type/m);
    expect(fixture('pdf-formfeed.txt').paged).toMatch(/The print<!--page 13-->ing of books|printing<!--page 13--> of books/);
  });
});

describe('counting pages', () => {
  const ev = (spec: string) => spec.split(' ').map((t) => ({ label: /^\d+$/.test(t.replace('*', '')) ? t.replace('*', '') : undefined, opens: t.includes('*') }));
  it('fills the pages between stated numbers and before the first', () => {
    expect(numberPages(ev('- - 7 - - 10 -')).labels).toEqual(['5', '6', '7', '8', '9', '10', '11']);
  });
  it('skips the blank verso before a chapter that would open on an even page', () => {
    const r = numberPages(ev('10 - - *c - 16'));
    expect(r.labels).toEqual(['10', '11', '12', '13', '14', '16'].map((x, i) => (i === 3 ? '13' : x)));
    expect(numberPages(ev('10 - *c - 15')).labels).toEqual(['10', '11', '13', '14', '15']);
    expect(numberPages(ev('10 - *c - 15')).conflicts).toEqual([]);
  });
  it('moves the pages before a chapter down when counting back puts the text’s opening on an even page', () => {
    expect(numberPages(ev('*i - - *c - - 8 9')).labels).toEqual(['1', '2', '3', '5', '6', '7', '8', '9']);
  });
  it('keeps a stated number that disagrees with the count, and reports it', () => {
    const r = numberPages(ev('10 - - 20'));
    expect(r.labels).toEqual(['10', '11', '12', '20']);
    expect(r.conflicts).toEqual([{ page: 3, counted: 13, stated: 20 }]);
  });
  it('does not count from a single stated number', () => {
    expect(numberPages(ev('- 7 -')).labels).toEqual([undefined, '7', undefined]);
  });
  it('places a mark before a word, or after a word the page cut in two', () => {
    expect(markPosition('one two three', 3)).toBe(4);
    expect(markPosition('one “two” three', 3)).toBe(4);
    expect(markPosition('weakening of it', 6)).toBe(9);
    expect(markPosition('anything', 0)).toBe(0);
  });
});

describe('page numbers in the editions', () => {
  const out = mkdtempSync(join(tmpdir(), 'editions-pages-'));
  const settings = { outDir: out, templateDir: join(root, 'templates/default'), fontsDir: join(root, 'fonts'), modified: new Date(1700000000 * 1000), publisher: 'editions test' };
  let zip: JSZip;
  let pdfText: string[];
  let facts: PageFacts[];
  beforeAll(async () => {
    await buildEpub('paged', source(SOURCES.paged).paged, settings);
    zip = await JSZip.loadAsync(readFileSync(join(out, 'epub', 'paged.epub')));
    facts = (await buildPdf('foundations', source(SOURCES.foundations).paged, settings)).facts;
    pdfText = spawnSync('pdftotext', ['-layout', join(out, 'pdf', 'foundations.pdf'), '-'], { encoding: 'utf8' }).stdout.split('\f');
  }, 120_000);

  it('EPUB: a page-list nav whose every entry lands on a pagebreak marker with its number', async () => {
    const nav = await zip.file('OEBPS/toc.xhtml')!.async('string');
    const list = /<nav epub:type="page-list"[^>]*>([\s\S]*?)<\/nav>/.exec(nav)?.[1] ?? '';
    const entries = [...list.matchAll(/<a href="([^"#]+)#([^"]+)">([^<]+)<\/a>/g)];
    expect(entries.map((e) => e[3])).toEqual(range(38, 51));
    for (const [, file, id, label] of entries) {
      const x = await zip.file(`OEBPS/${file}`)!.async('string');
      expect(x).toMatch(new RegExp(`<span epub:type="pagebreak" role="doc-pagebreak" class="pagebreak" id="${id}" title="${label}" aria-label="Page ${label}"(/>|></span>)`));
    }
    const opf = await zip.file('OEBPS/content.opf')!.async('string');
    expect(opf).toContain('<meta property="schema:accessibilityFeature">pageNavigation</meta>');
  });

  it('PDF: each original page number stands in the margin of the page where that page begins', () => {
    const book = parseBook(source(SOURCES.foundations).paged);
    expect(book.pages).toHaveLength(101);
    const md = source(SOURCES.foundations).paged;
    const inMargin = facts.flatMap((f) => f.original);
    expect(inMargin).toEqual(book.pages.map((p) => p.label));
    let checked = 0;
    for (const m of md.matchAll(/<!--page (\d+)-->([\p{L}’]+)/gu)) {
      const [, label, word] = m;
      const f = facts.find((x) => x.original.includes(label))!;
      // the word that begins the original page is on this page, maybe broken at a line end
      expect(pdfText[f.number - 1].replace(/-\n\s*/g, ''), `p. ${label} begins with “${word}”`).toContain(word.slice(0, 6));
      checked++;
    }
    expect(checked).toBeGreaterThan(60);
    // drawn as outlines: the numbers are not in the text layer, so a copied quotation has none
    expect(pdfText.join('\n')).not.toMatch(/\[\d+\]/);
  });
});
