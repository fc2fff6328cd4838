// The EPUB editions: built once from the real sources, then checked with the real validators.
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import JSZip from 'jszip';
import { SOURCES, root, source } from './helpers.ts';
import { buildEpub } from '../src/run/build.ts';
import { parseBook } from '../src/model/parse.ts';
import { blockText } from '../src/model/book.ts';

const EPOCH = 1700000000;
const out = mkdtempSync(join(tmpdir(), 'editions-epub-'));
const settings = { outDir: out, templateDir: join(root, 'templates/default'), fontsDir: join(root, 'fonts'), modified: new Date(EPOCH * 1000), publisher: 'editions test' };
const names = Object.values(SOURCES);
const zips = new Map<string, JSZip>();
const epubPath = (name: string) => join(out, 'epub', `${name}.epub`);
const text = async (name: string, file: string) => (await zips.get(name)!.file(`OEBPS/${file}`)!.async('string'));

beforeAll(async () => {
  for (const name of names) {
    await buildEpub(name, source(name).paged, settings);
    zips.set(name, await JSZip.loadAsync(readFileSync(epubPath(name))));
  }
}, 120_000);

describe('validators', () => {
  it.each(names)('epubcheck: %s has 0 fatals, 0 errors, 0 warnings', (name) => {
    const jar = '/usr/share/java/epubcheck.jar';
    expect(existsSync(jar), 'epubcheck is not installed (apt-get install epubcheck default-jre-headless)').toBe(true);
    const r = spawnSync('java', ['-jar', jar, epubPath(name)], { encoding: 'utf8' });
    expect(`${r.stdout}${r.stderr}`).toMatch(/Messages: 0 fatals \/ 0 errors \/ 0 warnings/);
  }, 60_000);

  it.each(names)('Ace by DAISY: %s passes with no violations', (name) => {
    const report = join(out, 'ace', name);
    const ace = join(root, 'node_modules/.bin/ace-puppeteer');
    expect(existsSync(ace), 'Ace is not installed (see .ci/run)').toBe(true);
    spawnSync(ace, ['-s', '-o', report, epubPath(name)], { encoding: 'utf8', env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium' } });
    const r = JSON.parse(readFileSync(join(report, 'report.json'), 'utf8'));
    const violations = r.assertions.flatMap((a: { assertions?: { 'earl:test': { 'dct:title': string } }[] }) => a.assertions ?? []).map((v: { 'earl:test': { 'dct:title': string } }) => v['earl:test']['dct:title']);
    expect(violations).toEqual([]);
    expect(r['earl:result']['earl:outcome']).toBe('pass');
  }, 120_000);
});

describe('structure', () => {
  it('Foundations: Introduction and nine chapters as separate files, a nested nav and an NCX', async () => {
    const z = zips.get(SOURCES.foundations)!;
    const chapters = Object.keys(z.files).filter((f) => /OEBPS\/ch\d+\.xhtml$/.test(f));
    expect(chapters).toHaveLength(10);
    expect(await text(SOURCES.foundations, 'ch01.xhtml')).toMatch(/<h1 id="h\d+">(<span epub:type="pagebreak"[^>]*\/>)?Introduction<\/h1>/);
    expect(await text(SOURCES.foundations, 'ch05.xhtml')).toMatch(/<h1 id="h\d+">(<span epub:type="pagebreak"[^>]*\/>)?Chapter IV\. The Dictatorship of the Proletariat<\/h1>/);
    const nav = await text(SOURCES.foundations, 'toc.xhtml');
    expect(nav).toMatch(/<nav epub:type="toc"/);
    // chapter → numbered section: two levels of <ol>
    expect(nav).toMatch(/Chapter IV\. The Dictatorship of the Proletariat<\/a>\s*<ol>\s*<li><a href="ch05\.xhtml#h\d+">1\) The dictatorship of the proletariat/);
    const ncx = await text(SOURCES.foundations, 'toc.ncx');
    expect(ncx.match(/<navPoint /g)!.length).toBe(30); // 10 chapters + 20 numbered sections
  });

  it('title page, colophon with the sidecar’s rights, and the font licence', async () => {
    const title = await text(SOURCES.foundations, 'titlepage.xhtml');
    expect(title).toContain('The Foundations of Leninism');
    expect(title).toContain('J. V. Stalin');
    expect(title).toContain('1924');
    const colophon = await text(SOURCES.foundations, 'colophon.xhtml');
    expect(colophon).toContain('Public domain (the work was first published in 1924).');
    expect(colophon).not.toMatch(/All rights reserved/i);
    expect(colophon).toMatch(/cleaned|removed/);
    expect(await text(SOURCES.foundations, 'licence.xhtml')).toContain('SIL OPEN FONT LICENSE');
  });
});

describe('footnotes', () => {
  it.each(names)('%s: every note is a referenced aside with a way back', async (name) => {
    const book = parseBook(source(name).paged);
    let refs = 0;
    let asides = 0;
    for (const ch of book.chapters) {
      const x = await text(name, `${ch.id}.xhtml`);
      refs += (x.match(/<sup><a epub:type="noteref" role="doc-noteref" id="ref-\d+(-\d+)?" href="[^"]*#fn-\d+">\d+<\/a><\/sup>/g) ?? []).length;
      for (const m of x.matchAll(/<aside class="footnote" epub:type="footnote" role="doc-footnote" id="fn-(\d+)"><p><a class="back" href="#ref-(\d+)" role="doc-backlink"/g)) {
        expect(m[1]).toBe(m[2]);
        asides++;
      }
      // notes at the end of their chapter file, after all the text
      if (ch.notes.length) expect(x.lastIndexOf('</p>\n<hr class="notes"/>')).toBeLessThan(x.indexOf('<aside'));
    }
    expect(asides).toBe(book.notes.size);
    expect(refs).toBeGreaterThanOrEqual(book.notes.size);
  });
});

describe('typography and metadata', () => {
  it('fonts embedded, CSS that respects the reader', async () => {
    const z = zips.get(SOURCES.james)!;
    for (const f of ['LinLibertine_R.otf', 'LinLibertine_RI.otf', 'LinLibertine_RB.otf', 'LinLibertine_RBI.otf']) expect(z.file(`OEBPS/fonts/${f}`)).not.toBeNull();
    const css = await text(SOURCES.james, 'style.css');
    expect(css).toMatch(/hyphens: auto/);
    expect(css).not.toMatch(/line-height:\s*\d+px|font-size:\s*\d+px|(?<!border-top: 1px solid )#[0-9a-f]{3,6}\b|\bcolor:\s*(?!inherit)[a-z#]/i);
    expect(css).toMatch(/h1 \+ p/);
    expect(await text(SOURCES.james, 'ch01.xhtml')).toMatch(/<html [^>]*lang="en-GB" xml:lang="en-GB"/);
  });

  it('OPF metadata: title, creator, language, dates, publisher, description, identifier, accessibility, cover', async () => {
    const opf = await text(SOURCES.paged, 'content.opf');
    expect(opf).toContain('<dc:title id="title">The Dictatorship of the Proletariat</dc:title>');
    expect(opf).toMatch(/<dc:creator id="creator">J\. V\. Stalin<\/dc:creator>\s*<meta refines="#creator" property="role" scheme="marc:relators">aut<\/meta>/);
    expect(opf).toContain('<dc:language>en-US</dc:language>');
    expect(opf).toContain('<dc:date>1924</dc:date>');
    expect(opf).toContain('<dc:publisher>editions test</dc:publisher>');
    expect(opf).toMatch(/<dc:description>[^<]{20,}<\/dc:description>/);
    expect(opf).toMatch(/<dc:identifier id="book-id">urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}<\/dc:identifier>/);
    expect(opf).toContain(`<meta property="dcterms:modified">${new Date(EPOCH * 1000).toISOString().replace(/\.000Z$/, 'Z')}</meta>`);
    for (const p of ['accessMode', 'accessModeSufficient', 'accessibilityFeature', 'accessibilityHazard', 'accessibilitySummary']) expect(opf).toContain(`property="schema:${p}"`);
    expect(opf).toMatch(/<item id="cover-image" href="cover\.png" media-type="image\/png" properties="cover-image"\/>/);
    const png = await zips.get(SOURCES.paged)!.file('OEBPS/cover.png')!.async('nodebuffer');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });
});

describe('the same words as the Markdown model', () => {
  const words = (s: string) => s.replace(/\u00ad/g, '').split(/\s+/).filter(Boolean);
  const xhtmlText = (x: string) =>
    x
      .replace(/<sup><a epub:type="noteref"[^>]*>\d+<\/a><\/sup>/g, '')
      .replace(/<\/?(em|strong|code|a|span|sup|b|i)\b[^>]*>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
      .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  it.each(names)('%s: chapter text and each note’s text', async (name) => {
    const book = parseBook(source(name).paged);
    for (const ch of book.chapters) {
      const x = await text(name, `${ch.id}.xhtml`);
      const [main, notes] = x.split('<hr class="notes"/>');
      const body = main.slice(main.indexOf('<body>'));
      expect(words(xhtmlText(body))).toEqual(words(ch.blocks.map(blockText).join(' ')));
      for (const n of ch.notes) {
        const aside = new RegExp(`<aside[^>]*id="fn-${n}">([\\s\\S]*?)</aside>`).exec(notes)![1];
        expect(words(xhtmlText(aside)).slice(1)).toEqual(words(book.notes.get(n)!.blocks.map(blockText).join(' ')));
      }
    }
  });
});

describe('determinism and bad Markdown', () => {
  it('two builds of the same inputs are byte-identical', async () => {
    const again = mkdtempSync(join(tmpdir(), 'editions-epub2-'));
    await buildEpub(SOURCES.npa, source(SOURCES.npa).paged, { ...settings, outDir: again });
    expect(readFileSync(join(again, 'epub', `${SOURCES.npa}.epub`)).equals(readFileSync(epubPath(SOURCES.npa)))).toBe(true);
  });

  it('sets a code listing flush, as its own kind of paragraph', async () => {
    const md = '---\ntitle: Listings\nlanguage: en\n---\n\n# Listings\n\nThe query:\n\n```\nSELECT\n    avg(n)\n```\n\nThe paragraph after it.\n';
    await buildEpub('listing', md, settings);
    const z = await JSZip.loadAsync(readFileSync(join(out, 'epub', 'listing.epub')));
    const ch = await z.file('OEBPS/ch01.xhtml')!.async('string');
    expect(ch).toContain('<p class="listing"><code>SELECT</code><br/><code>    avg(n)</code></p>');
    expect(await z.file('OEBPS/style.css')!.async('string')).toMatch(/p\.listing \{[^}]*text-indent: 0/);
  });
  it('missing, duplicate and unreferenced notes are warned about; markup-like text stays text', async () => {
    const md = '---\ntitle: "A <b>test</b> & more"\nlanguage: en\n---\n\n# A <b>test</b> & more\n\n## One\n\nText with a <script>alert(1)</script> & a < sign.[^1] And a missing one.[^9]\n\n[^1]: First.\n[^1]: Again.\n[^2]: Never referred to.\n';
    const r = await buildEpub('bad', md, settings);
    expect(r.warnings.join('\n')).toMatch(/\[\^9\] has no note definition/);
    expect(r.warnings.join('\n')).toMatch(/\[\^1\] is defined twice/);
    expect(r.warnings.join('\n')).toMatch(/\[\^2\] is never referred to/);
    const z = await JSZip.loadAsync(readFileSync(join(out, 'epub', 'bad.epub')));
    const ch = await z.file('OEBPS/ch01.xhtml')!.async('string');
    expect(ch).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; a &lt; sign.');
    expect(ch).not.toMatch(/<script|\[\^/);
    expect(ch).toContain('Never referred to.');
    expect(ch).toContain('First.');
    expect(ch).not.toContain('Again.');
    const opf = await z.file('OEBPS/content.opf')!.async('string');
    expect(opf).toContain('A &lt;b&gt;test&lt;/b&gt; &amp; more');
    const check = spawnSync('java', ['-jar', '/usr/share/java/epubcheck.jar', join(out, 'epub', 'bad.epub')], { encoding: 'utf8' });
    expect(check.stdout).toMatch(/0 fatals \/ 0 errors \/ 0 warnings/);
  }, 60_000);

  it('building never touches the network', () => {
    const dir = mkdtempSync(join(tmpdir(), 'editions-offline-'));
    const guard = join(dir, 'no-network.mjs');
    writeFileSync(guard, `import net from 'node:net';\nnet.Socket.prototype.connect = function () { throw new Error('network used'); };\nglobalThis.fetch = () => { throw new Error('network used'); };\n`);
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src', 'x.txt'), readFileSync(join(root, 'test/fixtures/superscript.txt')));
    const r = spawnSync(process.execPath, ['--import', guard, join(root, 'bin/editions.js'), 'build', '--sources', join(dir, 'src'), '--out', join(dir, 'out')], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/network used/);
    expect(r.status).toBe(0);
    expect(existsSync(join(dir, 'out/epub/x.epub'))).toBe(true);
  }, 60_000);
});


describe('a table', () => {
  it('is an XHTML table — header cells, columns aligned as the Markdown asks, a table with no header row without one — and validates', async () => {
    const r = await buildEpub('table', readFileSync(join(root, 'test/fixtures/table.md'), 'utf8'), settings);
    expect(r.warnings).toEqual([]);
    const z = await JSZip.loadAsync(readFileSync(epubPath('table')));
    const ch = await z.file('OEBPS/ch01.xhtml')!.async('string');
    const tables = ch.match(/<table>[\s\S]*?<\/table>/g) ?? [];
    expect(tables).toHaveLength(2);
    expect(tables[0]).toMatch(/<thead><tr><th class="left">Year<\/th><th class="right">Boats<\/th><th class="right">Catch \(barrels\)<\/th><th>Remarks<\/th><\/tr><\/thead>/);
    expect(tables[0]?.match(/<tr>/g)).toHaveLength(61);
    expect(tables[0]).toMatch(/<td class="right">811<\/td><td>Two boats lost in the March gale\.<sup><a epub:type="noteref"/);
    expect(tables[1]).not.toContain('<thead>');
    expect(tables[1]).toContain('<td>Harbour master</td><td>John Aird</td>');
    const check = spawnSync('java', ['-jar', '/usr/share/java/epubcheck.jar', epubPath('table')], { encoding: 'utf8' });
    expect(check.stdout).toMatch(/0 fatals \/ 0 errors \/ 0 warnings/);
  }, 60_000);
});

describe('two note marks in a row', () => {
  it('are set apart by a comma inside the superscript (“1,2”, not “12”)', async () => {
    const md = '---\ntitle: Marks\nlanguage: en\n---\n\n## One\n\nA sentence that cites two sources at once.[^1][^2] And one more.[^3]\n\n[^1]: The first.\n[^2]: The second.\n[^3]: The third.\n';
    await buildEpub('marks', md, settings);
    const ch = await (await JSZip.loadAsync(readFileSync(epubPath('marks')))).file('OEBPS/ch01.xhtml')!.async('string');
    expect(ch).toMatch(/at once\.<sup><a [^>]*>1<\/a><\/sup><sup>,<a [^>]*>2<\/a><\/sup> And one more\.<sup><a [^>]*>3<\/a><\/sup>/);
  }, 60_000);
});
