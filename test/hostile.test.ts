// Hostile input: text that looks like markup or template code, right-to-left and zero-width
// characters, a 100,000-character line and 10,000 nested quotation markers come out as the
// same text, escaped, in the Markdown, the EPUB (epubcheck clean), the PDF and the review page,
// which runs none of it when opened in a browser.
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import MarkdownIt from 'markdown-it';
import { root } from './helpers.ts';

const PWN = `document.body.setAttribute('data-pwned', '1')`;
const HOSTILE = [
  'A Title With <b>Markup</b> & More',
  '',
  `Some text with a <script>${PWN}</script> in it, and an <img src=x onerror="${PWN}"> image, and <!-- a comment --> and ]]> and &amp; and & alone.`,
  '',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder, as text, is the point
  'Template code: {{ user.name }} and <%= process.exit(1) %> and ${process.env.HOME} and `rm -rf /`.',
  '',
  'Right to left: \u202Egnp.exe\u202C and Hebrew שלום and Arabic مرحبا, zero\u200Bwidth and joiner\u200D here.',
  '',
  `${'>'.repeat(10_000)} deeply quoted`,
  '',
  `A long line: ${Array.from({ length: 14_000 }, (_, i) => `word${i % 97}`).join(' ')}.`,
  '',
].join('\n');

const dir = mkdtempSync(join(tmpdir(), 'editions-hostile-'));
const out = join(dir, 'out');
let build: ReturnType<typeof spawnSync>;
beforeAll(() => {
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src', 'hostile.txt'), HOSTILE);
  build = spawnSync(process.execPath, [join(root, 'bin/editions.js'), 'build', '--sources', join(dir, 'src'), '--out', out, '--jobs', '1'], { cwd: root, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } });
}, 300_000);

describe('hostile input', () => {
  it('builds', () => {
    expect(build.status, String(build.stderr)).toBe(0);
  });

  it('the Markdown holds the same text, escaped: markdown-it renders it as text, never as markup', () => {
    const md = readFileSync(join(out, 'markdown', 'hostile.md'), 'utf8');
    const html = new MarkdownIt({ html: true }).render(md.replace(/^---\n[\s\S]*?\n---\n/, ''));
    expect(html).not.toMatch(/<script|<img|<!--|<b>/i);
    for (const s of ['&lt;script&gt;', 'onerror', '{{ user.name }}', '&lt;%= process.exit(1) %&gt;', 'שלום', 'مرحبا', 'zero\u200Bwidth', '\u202Egnp.exe', 'deeply quoted', 'word96']) expect(html).toContain(s);
  });

  it('the EPUB shows it as text and passes epubcheck', async () => {
    const z = await JSZip.loadAsync(readFileSync(join(out, 'epub', 'hostile.epub')));
    const docs = await Promise.all(Object.keys(z.files).filter((f) => f.endsWith('.xhtml')).map((f) => z.file(f)!.async('string')));
    const all = docs.join('\n');
    expect(all).not.toMatch(/<script|<img src="x"|onerror="/i);
    expect(all).toContain('&lt;script&gt;');
    expect(all).toContain('{{ user.name }}');
    const check = spawnSync('java', ['-jar', '/usr/share/java/epubcheck.jar', join(out, 'epub', 'hostile.epub')], { encoding: 'utf8' });
    expect(check.stdout + check.stderr).toMatch(/0 fatals \/ 0 errors \/ 0 warnings/);
  }, 120_000);

  it('the PDF is sound and its text layer gives the words back', () => {
    const pdf = join(out, 'pdf', 'hostile.pdf');
    expect(spawnSync('qpdf', ['--check', pdf], { encoding: 'utf8' }).status).toBe(0);
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout;
    for (const s of ['<script>', 'onerror', '{{', 'user.name', 'deeply', 'word96']) expect(text).toContain(s);
  });

  it('the review page, opened in a browser, runs nothing of the source', () => {
    const page = join(out, 'report', 'hostile.html');
    expect(existsSync(page)).toBe(true);
    const html = readFileSync(page, 'utf8');
    expect(html).not.toMatch(/<script[^>]*>[^<]*data-pwned/);
    const r = spawnSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--virtual-time-budget=2000', '--dump-dom', `file://${page}`], { encoding: 'utf8', maxBuffer: 256 << 20 });
    expect(r.stdout.length).toBeGreaterThan(1000);
    expect(r.stdout).not.toContain('data-pwned="1"');
  }, 120_000);
});
