// Originals as sources: saved web pages and Project Gutenberg HTML (real files, copied from the
// development corpus: test/corpus/README.md), scored against the notes and clean text of the
// same documents' text copies; our own EPUBs read back; damaged and wrong files refused plainly.
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { normaliseFile } from '../src/run/build.ts';
import { root, SOURCES } from './helpers.ts';
import { scoreJobs, type GaugeJob, type Score } from './gauge/score.ts';

const corpus = join(root, 'test', 'corpus');
const originals = readdirSync(join(corpus, 'originals'))
  .filter((f) => /\.(?:html?|pdf|epub)$/.test(f))
  .map((f) => join(corpus, 'originals', f));
/** The same document's text copy (its notes, its clean text): beside the original, or in the corpus subset. */
const textCopy = (orig: string) => {
  const id = orig.split('/').pop()!.replace(/\.[^.]+$/, '');
  if (existsSync(join(corpus, 'originals', `${id}.expect.json`))) return join(corpus, 'originals', id);
  const kind = ({ g: 'gutenberg', p: 'pdf', w: 'web', s: 'scan' } as Record<string, string>)[id[0]];
  return join(corpus, kind, id);
};

const scores = new Map<string, Score>();
const tmp = mkdtempSync(join(tmpdir(), 'editions-originals-'));

beforeAll(async () => {
  const jobs: GaugeJob[] = [];
  for (const orig of originals) {
    const base = textCopy(orig);
    const out = join(tmp, `${orig.split('/').pop()}.md`);
    writeFileSync(out, (await normaliseFile(orig)).markdown);
    jobs.push({ raw: `${base}.txt`, out, expect: `${base}.expect.json`, gold: existsSync(`${base}.gold.txt`) ? `${base}.gold.txt` : null });
  }
  scoreJobs(jobs, tmp).forEach((s, i) => scores.set(originals[i], s));
}, 300_000);

describe('an original links every note the text copy expects', () => {
  it.each(originals.map((o) => [o.split('/').pop()!, o]))('%s', (_n, orig) => {
    const s = scores.get(orig)!;
    expect(s.expected).toBeGreaterThan(0);
    expect(s.dangling).toBe(0);
    expect(s.linked, JSON.stringify(s.failures)).toBe(s.expected);
    // a page's markup leaves nothing of its carrier; a PDF's text may keep a few (compound hyphens, digits in names)
    expect(s.residue, JSON.stringify(s.residueByClass)).toBeLessThanOrEqual(orig.endsWith('.pdf') ? 5 : 0);
    if (s.gold !== null) expect(s.gold).toBeGreaterThanOrEqual(0.97);
  });
});

const editions = join(root, 'bin', 'editions.js');
const run = (args: string[], cwd = root) => spawnSync(process.execPath, [editions, ...args], { cwd, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } });

/** The words of the text and the notes' texts of a Markdown model, without its front matter. */
function parts(md: string) {
  const body = md.replace(/^---\n[\s\S]*?\n---\n/, '');
  const notes: string[] = [];
  const text = body.replace(/^\[\^\d+\]: ([^\n]*(?:\n(?: {4}[^\n]*|))*)/gm, (_m, t: string) => {
    notes.push(t.replace(/\s+/g, ' ').trim());
    return '';
  });
  const words = text.replace(/<!--[^>]*-->/g, '').replace(/\[\^\d+\]/g, '').toLowerCase().match(/\p{L}+/gu) ?? [];
  return { words, notes: notes.sort(), refs: (text.match(/\[\^\d+\]/g) ?? []).length };
}

describe('our own EPUB read back', () => {
  it.each([SOURCES.foundations, SOURCES.james])('%s gives the words and notes of the Markdown it was made from', (name) => {
    const out = mkdtempSync(join(tmpdir(), 'editions-rt-'));
    const b = run(['build', '--only', name, '--format', 'epub', '--out', out]);
    expect(b.status, b.stderr).toBe(0);
    const md = join(out, 'markdown', `${name}.md`);
    const back = run(['normalize', join(out, 'epub', `${name}.epub`), '-o', join(out, 'back.md')]);
    expect(back.status, back.stderr).toBe(0);
    const a = parts(readFileSync(md, 'utf8'));
    const r = parts(readFileSync(join(out, 'back.md'), 'utf8'));
    expect(a.notes.length).toBeGreaterThan(0);
    expect(r.words).toEqual(a.words);
    expect(r.notes).toEqual(a.notes);
    expect(r.refs).toBe(a.refs);
    const front = readFileSync(join(out, 'back.md'), 'utf8').split('\n---\n')[0];
    expect(front).toMatch(/\ntitle: /);
    expect(front).toMatch(/\nauthor: /);
  }, 120_000);
});

describe('our own PDF read back', () => {
  it.each([SOURCES.foundations, SOURCES.npa])('%s gives the notes of the Markdown it was made from, and its words', (name) => {
    const out = mkdtempSync(join(tmpdir(), 'editions-rtpdf-'));
    const b = run(['build', '--only', name, '--format', 'pdf', '--out', out]);
    expect(b.status, b.stderr).toBe(0);
    const back = run(['normalize', join(out, 'pdf', `${name}.pdf`), '-o', join(out, 'back.md')]);
    expect(back.status, back.stderr).toBe(0);
    const a = parts(readFileSync(join(out, 'markdown', `${name}.md`), 'utf8'));
    const r = parts(readFileSync(join(out, 'back.md'), 'utf8'));
    // every note, word for word, each at its reference (page-foot notes by their labels and marks)
    expect(r.notes).toEqual(a.notes);
    expect(r.refs).toBe(a.refs);
    // the text's words, all but a compound's hyphen at a line end (the PDF keeps no trace of which it was);
    // what the PDF adds is its title page, colophon and contents, which the Markdown has as front matter
    const count = (ws: string[]) => ws.reduce((m, w) => m.set(w, (m.get(w) ?? 0) + 1), new Map<string, number>());
    const back2 = count(r.words);
    let lost = 0;
    for (const [w, n] of count(a.words)) lost += Math.max(0, n - (back2.get(w) ?? 0));
    expect(lost / a.words.length).toBeLessThan(0.001);
  }, 120_000);
});

describe('notes of a page', () => {
  it('a note whose label links back before its anchor is a note; a page anchor in a paragraph is not', async () => {
    // the markup of Project Gutenberg HTML books made with a back-linked label ahead of the note's anchor
    const para = (i: number) => `<p><a name="ft0${i}"></a>A sentence of the page that makes a point of its own, number ${i}, and cites a source<a class="fn" href="#fn0${i}">&nbsp;${i}&nbsp;</a> before it goes on.</p>`;
    const note = (i: number) => `<p class="fn"><span><a class="fn" href="#ft0${i}">&nbsp;${i}&nbsp;</a></span><a name="fn0${i}"></a>\nThe source of point ${i}.</p>`;
    const page = '<p>An index line: Mendelssohn, <a href="#page12">12</a>.</p><p>Text <span class="pagenum">[12]</span><a name="page12"></a> of the page goes on here.</p>';
    const html = `<!DOCTYPE html><html><head><title>Notes</title></head><body><h1>Notes</h1>${[1, 2, 3].map(para).join('')}${page}<h2>Footnotes</h2>${[1, 2, 3].map(note).join('')}</body></html>`;
    const d = mkdtempSync(join(tmpdir(), 'editions-backlabel-'));
    writeFileSync(join(d, 'book.html'), html);
    const md = (await normaliseFile(join(d, 'book.html'))).markdown;
    for (const i of [1, 2, 3]) {
      expect(md).toContain(`cites a source[^${i}] before`);
      expect(md).toContain(`[^${i}]: The source of point ${i}.`);
    }
    expect(md).not.toContain('[^4]');
    expect(md).toMatch(/Mendelssohn, 12\./);
  });
});

describe('a page that is a plain text in preformatted lines (an RFC as a web page)', () => {
  it('is read as a text: its pages’ heads and feet out, its wrapped paragraphs joined, its page anchors no notes', async () => {
    const topics = ['storage', 'versions', 'tokens', 'folders', 'headers', 'errors', 'caching', 'origins', 'clients', 'servers', 'sessions', 'paths', 'documents', 'requests', 'answers', 'limits'];
    const openers = ['', 'Many services for data storage are available over the internet today.', 'Each item in storage is stored as a document, with its content type.', 'A request may carry a bearer token, which the server checks first.', 'Versions let two clients write the same folder without losing work.'];
    const para = (k: number) =>
      [
        ...(k % 10 === 1 ? [`   ${openers[Math.floor(k / 10)]}`] : []),
        `   Paragraph ${k} of the draft is about ${topics[k % 16]}: it describes how a client talks`,
        `   to a server about ${topics[(k * 7) % 16]}, and how the server answers each of the requests`,
        `   about ${topics[(k * 3) % 16]} that the client may send to it in the course of a session.`,
      ].join('\n');
    const page = (n: number) =>
      `<pre class='newpage'><a name="page-${n}" id="page-${n}" href="#page-${n}" class="invisible"> </a>\n<span class="grey">Internet-Draft              remoteStorage                  December 2014</span>\n\n${n === 1 ? 'Table of Contents\n\n   1. Introduction......................................<a href="#page-2">2</a>\n   2. Requests..........................................<a href="#page-3">3</a>\n\n' : ''}${[1, 2, 3, 4].map((k) => para(n * 10 + k)).join('\n\n')}\n\n\n<span class="grey">de Jong                                                         [Page ${n}]</span>\n</pre>`;
    const html = `<!DOCTYPE html><html><head><title>draft-remotestorage</title></head><body><div class="nav">[Docs] [txt|pdf]</div>${[1, 2, 3, 4].map(page).join('<!--NewPage-->')}</body></html>`;
    const d = mkdtempSync(join(tmpdir(), 'editions-rfc-'));
    writeFileSync(join(d, 'draft.html'), html);
    const r = await normaliseFile(join(d, 'draft.html'));
    expect(r.markdown).not.toMatch(/\[\^\d+\]|```|Internet-Draft|\[Page \d\]/);
    for (const k of [12, 22, 24, 32, 44]) expect(r.markdown).toMatch(new RegExp(`^Paragraph ${k} of the draft is about \\w+: it describes how a client talks to a server about \\w+, and how the server answers each of the requests about \\w+ that the client may send to it in the course of a session\\.$`, 'm'));
    expect(r.report.decoding.join(' ')).toMatch(/plain text set in preformatted lines/);
  });
});

describe('links that are not notes, and notes in an e-text’s own wrapping', () => {
  const page = async (body: string) => {
    const d = mkdtempSync(join(tmpdir(), 'editions-xref-'));
    writeFileSync(join(d, 'page.html'), `<!DOCTYPE html><html><head><title>Drill</title></head><body>${body}</body></html>`);
    return (await normaliseFile(join(d, 'page.html'))).markdown;
  };
  const filler = 'The company forms in line, its squads abreast, and each man keeps his interval from the man on his right as he marches.';
  it('a plain number standing as a word links to a numbered paragraph or page: a cross-reference, kept as text', async () => {
    // a drill book: every paragraph anchored and numbered, a few of them cited by number; and its notes, set against their words
    const par = (i: number) => `<p><a name="para_${i}"><b>${i}.</b></a> ${filler} Rule ${i} holds.${i === 6 ? '<a name="FNanchor_1_1"></a><a href="#Footnote_1_1" class="fnanchor">1</a>' : ''}</p>`;
    const md = await page(`<h1>Drill</h1><p>Orders are more fully described in paragraphs <a href="#para_9">9</a> to 11, inclusive; the charge in <a href="#para_4">4</a>.</p>${Array.from({ length: 12 }, (_, i) => par(i + 1)).join('')}<p>Supports are considered in <a href="#Par_10">Par 10</a>, and a mark pushed off its word by a page number:\n<span class="pagenum">12</span>\n<a name="FNanchor_2_2"></a><a href="#Footnote_2_2" class="fnanchor">2</a> is a mark.</p><div class="footnote"><p><a name="Footnote_1_1" href="#FNanchor_1_1">1</a> The first note.</p></div><div class="footnote"><p><a name="Footnote_2_2" href="#FNanchor_2_2">2</a> The second note.</p></div>`);
    expect(md).toContain('described in paragraphs 9 to 11, inclusive; the charge in 4.');
    for (let i = 1; i <= 12; i++) expect(md).toContain(`**${i}.** ${filler} Rule ${i} holds.`);
    expect(md).toContain('Rule 6 holds.[^1]');
    expect(md).toContain('considered in Par 10, and');
    expect(md).toMatch(/\[\^2\] is a mark\./);
    expect(md).toContain('[^1]: The first note.');
    expect(md).toContain('[^2]: The second note.');
    expect(md).not.toContain('[^3]');
  });
  it('a page number set between chapters in a block of its own leaves with the others, also where the main content is chosen', async () => {
    const chapter = (n: number) => `<div class="pagenum">${n * 2}</div>\n<h2 id="chap_${n}">Chapitre ${n}. Papa se fâche.</h2>\n<p>${filler} <span class="pagenum">${n * 2 + 1}</span>${filler}</p>\n<p>${filler}</p>`;
    const md = await page(`<h1>Entre nous</h1>${[1, 2, 3, 4].map(chapter).join('\n')}`);
    expect(md).toContain('## Chapitre 2. Papa se fâche.');
    expect(md).not.toMatch(/^\d+$/m);
    expect(md).not.toMatch(/marches\. ?\d/);
  });
  it('the main content is the article, not a short block for print that a lower bar would take first', async () => {
    // the article sits in a box whose class Readability's first pass strips as unlikely ("sidebar");
    // a print-only notice of 250 characters would have been taken as the content at a bar of 200
    const notice = '<div class="print"><p>This page was printed from the site of the journal, where the latest version of it can be read at its own address; visit the site for the news of the day, posted throughout the day, every day, by our editors and their many correspondents.</p></div>';
    const body = Array.from({ length: 8 }, (_, i) => `<p>Neuroscience tells us, in the ${i + 1}th study of the series, that most of the work done by our brains happens on an unconscious level, but when does that unconscious information become conscious thought, and how does it get there?</p>`).join('');
    const md = await page(`<header><h1>How does the brain turn information into thought?</h1></header><div class="sidebar-wrap"><article>${body}</article></div>${notice}`);
    for (let i = 1; i <= 8; i++) expect(md).toContain(`in the ${i}th study of the series`);
  });
  it('a heading its page left open holds the letters after it: its own words are the heading, the rest paragraphs with their notes', async () => {
    const letter = (n: number) => `<h3 class="letter" id="let${n}">${n}.\n<sup class="footref"><a href="#footnote${n}">[1]</a></sup><br>\nTO SCHINDLER.</p>\n<p class="date">Hetzendorf, 1823.</p>\n<p>${filler} ${filler}</p>\n<div class="footnote" id="footnote${n}"><p>[Footnote 1: Written in letter ${n}’s own\nnote-book.]</p></div>`;
    const md = await page(`<h1>Letters</h1>${[328, 329, 330].map(letter).join('\n')}`);
    for (const [k, n] of [328, 329, 330].entries()) {
      expect(md).toMatch(new RegExp(`^#+ ${n}\\.\\[\\^${k + 1}\\] TO SCHINDLER\\.$`, 'm'));
      // the e-text's own "[Footnote 1: …]" around the body is its text copy's wrapping, not the note's words
      expect(md).toContain(`[^${k + 1}]: Written in letter ${n}’s own note-book.`);
    }
    expect(md).toMatch(/^Hetzendorf, 1823\.$/m);
  });
});

describe('tables of a page', () => {
  it('a table of data is a table — its caption above it, its header row, a note in a cell linked —, a table that lays out paragraphs stays text, a contents table is a list, a table of links goes', async () => {
    const md = (await normaliseFile(join(root, 'test/fixtures/html-tables.html'))).markdown;
    expect(md).toContain('Boats and catch, from the record\n\n| Year | Boats | Catch |\n| --- | --- | --- |\n| 1621 | 40 | 1,250 |\n| 1634 | 38 | 980[^2] |\n| 1648 | 31 | 402 |');
    expect(md).toContain('[^2]: Two boats were lost in the March gale.');
    expect(md).toMatch(/^A layout table’s cell holds a paragraph of its own, .* A second column of the same kind/m);
    expect(md.match(/^\|/gm)).toHaveLength(5);
    // a table of links to the site's other pages and little else: its navigation
    expect(md).not.toMatch(/Harbours of the coast|Harbour 7/);
    // a contents set as a table (its last column the source's pages): a list of its entries
    expect(md).toContain('- I. The Boats\n- II. The Record\n- Index');
  });
});

describe('an e-text made into HTML and EPUB by its publisher\'s tools', () => {
  // the shapes of Project Gutenberg's ebookmaker output: an XHTML chapter with self-closed
  // elements, placeholder metadata, the catalogue header, a page number's own class, an
  // ornamental initial drawn as an image
  const header = (title: string) => `<section id="pg-header"><h2>The Project Gutenberg eBook of <span>${title}</span></h2><p><strong>Title</strong>: ${title}</p><p><strong>Author</strong>: Frank Herbert</p><div>*** START OF THE PROJECT GUTENBERG EBOOK OPERATION HAYSTACK ***</div></section>`;
  // (the EPUB as the one found: its header, like its package, names no title but a placeholder)
  const chapter = (title: string) => `<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body>${header(title)}<pre/>\n<div class="chapter"/>\n<p>Transcriber’s Note:</p>\n<p>This eBook was produced from Astounding Science Fiction May 1959; no renewal of its copyright was found.</p>\n<p>Illustrated by van Dongen</p>\n<h1>OPERATION HAYSTACK</h1>\n<p><span class="pagenumber"><a id="p092">p. 92</a></span></p>\n<p><img alt="Ornamental letter 'W'" src="w.png"/>hen the scout cruiser landed on Marak it carried a man the doctors had no hope of saving.</p>\n<p>The man’s name was Lewis Orne, and he had been a blocky redhead.</p>\n<p>Stetson went back into his cruiser’s office after a hospital flitter took the pod.</p></body></html>`;
  it('reads an XHTML chapter’s self-closed elements as empty, drops placeholder metadata and page numbers, keeps the initial, finds the title', async () => {
    const zip = new JSZip();
    zip.file('mimetype', 'application/epub+zip', { compression: 'STORE' });
    zip.file('META-INF/container.xml', '<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0"><rootfiles><rootfile full-path="b/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>');
    zip.file('b/content.opf', '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">x</dc:identifier><dc:title>UnknownTitle</dc:title><dc:creator>Frank Herbert</dc:creator><dc:language>en</dc:language></metadata><manifest><item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c1"/></spine></package>');
    zip.file('b/c1.xhtml', chapter('UnknownTitle'));
    const d = mkdtempSync(join(tmpdir(), 'editions-etext-'));
    writeFileSync(join(d, 'book.epub'), await zip.generateAsync({ type: 'uint8array' }));
    writeFileSync(join(d, 'page.html'), chapter('Operation Haystack').replace('<?xml version="1.0" encoding="utf-8"?>\n', ''));
    for (const file of ['book.epub', 'page.html']) {
      const md = (await normaliseFile(join(d, file))).markdown;
      expect(md, file).not.toContain('```');
      expect(md, file).toContain('\nWhen the scout cruiser landed on Marak');
      expect(md, file).toContain('\nThe man’s name was Lewis Orne');
      expect(md, file).not.toMatch(/p\. 92|UnknownTitle|Project Gutenberg/);
      expect(md, file).toMatch(/^author: Frank Herbert$/m);
      // the page's title from its catalogue header; the EPUB, whose metadata has only a placeholder, from its first heading
      expect(md, file).toMatch(/^title: Operation Haystack$/im);
    }
  });
});

describe('a page that opens several <html> tags (old IE conditional comments)', () => {
  it('is read from its real body, not refused as empty', async () => {
    const d = mkdtempSync(join(tmpdir(), 'editions-iehtml-'));
    const tags = ['ie6', 'ie7', 'ie8', 'ie9'].map((c) => `<!--[if IE]><!--><html lang="en" class="${c}"> <!--<![endif]-->`).join('\n');
    writeFileSync(join(d, 'page.html'), `<!DOCTYPE html>\n${tags}\n<html lang="en">\n<head><title>Berlin renames its streets</title></head>\n<body><article><h1>Berlin renames its streets</h1><p>The German capital has launched a five-year project to mark its part in European colonialism, and three streets will carry new names.</p><p>The renaming has been a major issue for the organisations of the city, which have argued for it for many years.</p></article></body></html>`);
    const md = (await normaliseFile(join(d, 'page.html'))).markdown;
    expect(md).toContain('The German capital has launched a five-year project');
    expect(md).toContain('The renaming has been a major issue');
  });
});

describe('the kind is told from the bytes', () => {
  it('an HTML page saved as .txt is read as HTML; markup-like text in a .txt stays text', async () => {
    const d = mkdtempSync(join(tmpdir(), 'editions-sniff-'));
    writeFileSync(join(d, 'page.txt'), '<!DOCTYPE html><html><body><p>Words of the page.<sup><a href="#n1">1</a></sup></p><ol><li id="n1">The note.</li></ol></body></html>');
    const r = await normaliseFile(join(d, 'page.txt'));
    expect(r.markdown).toContain('Words of the page.[^1]');
    expect(r.markdown).toContain('[^1]: The note.');
    // scripts, styles and navigation never reach the text; nothing runs
    writeFileSync(join(d, 'hostile.html'), '<!DOCTYPE html><html><head><style>p{color:red}</style><script>globalThis.ran = 1; document.write("INJECTED")</script></head><body><nav><a href="/">Home</a> <a href="/about">About</a></nav><article><h1>A Title</h1><p>Text with &lt;script&gt; shown as text.</p><p onclick="alert(1)">More text of the article, long enough to be the article.</p></article><noscript>Enable scripts</noscript></body></html>');
    const h = (await normaliseFile(join(d, 'hostile.html'))).markdown;
    expect(h).toContain('\\<script\\> shown as text');
    expect(h).not.toMatch(/INJECTED|color:red|Enable scripts|About/);
    expect((globalThis as { ran?: number }).ran).toBeUndefined();
    writeFileSync(join(d, 'notes.txt'), 'A note on <p> tags and <a href="#x">links</a>.\n');
    expect((await normaliseFile(join(d, 'notes.txt'))).markdown).toContain('\\<p\\> tags');
  });

  it('a source folder builds from an HTML page, with its review page', () => {
    const d = mkdtempSync(join(tmpdir(), 'editions-html-src-'));
    mkdirSync(join(d, 'sources'));
    writeFileSync(join(d, 'sources', 'letter.htm'), readFileSync(originals.find((o) => o.includes('w03'))!));
    const b = spawnSync(process.execPath, [editions, 'build', '--sources', join(d, 'sources'), '--out', join(d, 'out'), '--format', 'epub'], { cwd: root, encoding: 'utf8' });
    expect(b.status, b.stderr + b.stdout).toBe(0);
    expect(readFileSync(join(d, 'out', 'markdown', 'letter.md'), 'utf8')).toMatch(/\[\^12\]: /);
    expect(readFileSync(join(d, 'out', 'report', 'letter.html'), 'utf8')).toContain('link-note-ref');
    expect(existsSync(join(d, 'out', 'epub', 'letter.epub'))).toBe(true);
  }, 120_000);
});

/** A one-page PDF made with pdfkit: blank, or with a line of text. */
async function blankPdf(text?: string): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A5' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((r) => doc.on('end', () => r()));
  if (text) doc.text(text);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** Three pages made with pdfkit: prose with a raised mark, a numbered listing below it, the note at the foot. */
async function listingPdf(): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A5', margin: 50 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((r) => doc.on('end', () => r()));
  const openings = ['The loader reads the file named in its first argument. ', 'The parser keeps the state of the run between two calls. ', 'Every line goes to the parser in the order of the file. '];
  for (let p = 0; p < 3; p++) {
    if (p) doc.addPage();
    doc.font('Times-Roman').fontSize(11).text(`${openings[p].repeat(4)}See the options of the loader for the details`, { continued: true });
    doc.fontSize(7).text('1', { continued: true, baseline: 'top' } as never);
    doc.fontSize(11).text(' below.');
    doc.moveDown();
    for (let k = 1; k <= 3; k++) {
      doc.font('Helvetica').fontSize(7).text(String(k), 50, doc.y, { continued: true });
      doc.font('Courier').fontSize(8).text(`   let value${k} = read(file${p}, ${k * (p + 2)});`);
    }
    doc.font('Times-Roman').fontSize(8).text(`1 The options are read once, when loader ${p} starts.`, 50, 520);
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

describe('a PDF whose pages end in alike listings', () => {
  it('keeps every line of the listings (no running head is code) and links each page’s note', async () => {
    const f = join(mkdtempSync(join(tmpdir(), 'editions-listing-')), 'listing.pdf');
    writeFileSync(f, await listingPdf());
    const { markdown } = await normaliseFile(f);
    for (let p = 0; p < 3; p++) for (let k = 1; k <= 3; k++) expect(markdown).toContain(`let value${k} = read(file${p}, ${k * (p + 2)});`);
    expect(markdown.match(/^\[\^\d+\]: The options are read once, when loader \d starts\.$/gm)).toHaveLength(3);
    expect(markdown.match(/for the details\[\^\d+\] below\./g)).toHaveLength(3);
  }, 60_000);
});

describe('bad originals are one plain message naming the file', () => {
  const d = mkdtempSync(join(tmpdir(), 'editions-bad-'));
  const cases: [string, () => Promise<Buffer> | Buffer, RegExp][] = [
    ['not-a-book.epub', async () => Buffer.from(await new JSZip().file('readme.txt', 'hello').generateAsync({ type: 'uint8array' })), /EPUB/],
    ['archive.zip', async () => Buffer.from(await new JSZip().file('a.txt', 'hello').generateAsync({ type: 'uint8array' })), /zip archive that is not an EPUB/],
    ['damaged.epub', () => Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64, 7)]), /damaged EPUB/],
    ['empty-page.html', () => Buffer.from('<!DOCTYPE html><html><head><title>x</title><script>document.write("hi")</script></head><body><nav><a href="/">Home</a></nav></body></html>'), /no body text/],
    ['damaged.pdf', () => Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'), /damaged PDF/],
    ['blank.pdf', blankPdf, /PDF with no text/],
    ['locked.pdf', async () => {
      const plainPdf = join(d, 'plain.pdf');
      writeFileSync(plainPdf, await blankPdf('Some words on the page.'));
      const locked = join(d, 'locked-src.pdf');
      const q = spawnSync('qpdf', ['--encrypt', 'secret', 'secret', '256', '--', plainPdf, locked]);
      if (q.status !== 0) throw new Error(`qpdf: ${q.stderr}`);
      return readFileSync(locked);
    }, /encrypted PDF/],
  ];
  it.each(cases.map(([n, b, re]) => [n, b, re] as const))('%s', async (name, bytes, re) => {
    const f = join(d, name);
    writeFileSync(f, await bytes());
    const r = run(['normalize', f, '-o', join(d, `${name}.md`)]);
    expect(r.status).not.toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(f);
    expect(lines[0]).toMatch(re);
    expect(existsSync(join(d, `${name}.md`))).toBe(false);
  });
});
