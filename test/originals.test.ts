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

const corpus = join(root, 'test', 'corpus');
const originals = readdirSync(join(corpus, 'originals')).map((f) => join(corpus, 'originals', f));
const textCopy = (orig: string) => {
  const id = orig.split('/').pop()!.replace(/\.[^.]+$/, '');
  const kind = id.startsWith('g') ? 'gutenberg' : 'web';
  return join(corpus, kind, id);
};

interface Score {
  linked: number;
  expected: number;
  failures: unknown[];
  residue: number;
  residueByClass: Record<string, number>;
  gold: number | null;
  dangling: number;
}
const scores = new Map<string, Score>();
const tmp = mkdtempSync(join(tmpdir(), 'editions-originals-'));

beforeAll(async () => {
  const jobs = [];
  for (const orig of originals) {
    const base = textCopy(orig);
    const out = join(tmp, `${orig.split('/').pop()}.md`);
    writeFileSync(out, (await normaliseFile(orig)).markdown);
    jobs.push({ raw: `${base}.txt`, out, expect: `${base}.expect.json`, gold: existsSync(`${base}.gold.txt`) ? `${base}.gold.txt` : null });
  }
  writeFileSync(join(tmp, 'jobs.json'), JSON.stringify(jobs));
  const r = spawnSync('python3', [join(root, 'test', 'gauge', 'score.py'), join(tmp, 'jobs.json')], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`the gauge failed: ${r.stderr || r.error}`);
  (JSON.parse(r.stdout) as Score[]).forEach((s, i) => scores.set(originals[i], s));
}, 300_000);

describe('an original links every note the text copy expects', () => {
  it.each(originals.map((o) => [o.split('/').pop()!, o]))('%s', (_n, orig) => {
    const s = scores.get(orig)!;
    expect(s.expected).toBeGreaterThan(0);
    expect(s.dangling).toBe(0);
    expect(s.linked, JSON.stringify(s.failures)).toBe(s.expected);
    expect(s.residue, JSON.stringify(s.residueByClass)).toBe(0);
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

describe('the kind is told from the bytes', () => {
  it('an HTML page saved as .txt is read as HTML; markup-like text in a .txt stays text', async () => {
    const d = mkdtempSync(join(tmpdir(), 'editions-sniff-'));
    writeFileSync(join(d, 'page.txt'), '<!DOCTYPE html><html><body><p>Words of the page.<sup><a href="#n1">1</a></sup></p><ol><li id="n1">The note.</li></ol></body></html>');
    const r = await normaliseFile(join(d, 'page.txt'));
    expect(r.markdown).toContain('Words of the page.[^1]');
    expect(r.markdown).toContain('[^1]: The note.');
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

describe('bad originals are one plain message naming the file', () => {
  const d = mkdtempSync(join(tmpdir(), 'editions-bad-'));
  const cases: [string, () => Promise<Buffer> | Buffer, RegExp][] = [
    ['not-a-book.epub', async () => Buffer.from(await new JSZip().file('readme.txt', 'hello').generateAsync({ type: 'uint8array' })), /EPUB/],
    ['archive.zip', async () => Buffer.from(await new JSZip().file('a.txt', 'hello').generateAsync({ type: 'uint8array' })), /zip archive that is not an EPUB/],
    ['damaged.epub', () => Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64, 7)]), /damaged EPUB/],
    ['empty-page.html', () => Buffer.from('<!DOCTYPE html><html><head><title>x</title><script>document.write("hi")</script></head><body><nav><a href="/">Home</a></nav></body></html>'), /no body text/],
    ['scan.pdf', () => Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'), /PDF/],
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
