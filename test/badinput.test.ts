// Bad input: each case is decoded correctly or refused with one line naming the file.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { decodeText } from '../src/io/decode.ts';
import { parseSidecar } from '../src/config/sidecar.ts';
import { root } from './helpers.ts';

const cli = (args: string[], cwd = root) => {
  const r = spawnSync(process.execPath, [join(root, 'bin/editions.js'), ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr.trim() };
};
const dir = mkdtempSync(join(tmpdir(), 'editions-bad-'));

describe('decoding', () => {
  it('reads Windows-1252 and Latin-1 bytes and names the encoding', () => {
    const d = decodeText(Buffer.from([0x93, 0x51, 0x94, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x85]), 'x.txt');
    expect(d.text).toBe('“Q” café – …');
    expect(d.encoding).toBe('Windows-1252');
  });
  it('reads UTF-16 with a BOM, and UTF-8 with one', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Café\nnext', 'utf16le')]);
    expect(decodeText(le, 'x').text).toBe('Café\nnext');
    expect(decodeText(Buffer.from('\ufeffHi', 'utf8'), 'x')).toMatchObject({ text: 'Hi', encoding: 'UTF-8 (BOM)' });
  });
  it('turns CRLF into LF and says so', () => {
    const d = decodeText(Buffer.from('a\r\nb\r\n'), 'x');
    expect(d.text).toBe('a\nb\n');
    expect(d.notes.join()).toMatch(/CRLF/);
  });
  it('refuses empty and binary files', () => {
    expect(() => decodeText(Buffer.alloc(0), 'e.txt')).toThrow('e.txt: the file is empty');
    expect(() => decodeText(Buffer.from([0, 1, 2, 3, 0, 0, 5, 6]), 'b.bin')).toThrow(/b\.bin: .*binary/);
    expect(() => decodeText(Buffer.from('  \n\n '), 'w.txt')).toThrow('w.txt: the file has no text');
  });
  it('reads a PDF extraction holding a symbol font’s unmapped glyphs as text, taking them out and counting them', () => {
    // pdftotext of a LaTeX manual: ⟨tabular-env⟩ came out as \x03 … \x04, about 1 % of the bytes
    const line = 'here’s a complete syntax for \x03tabular-env\x04 ::= \\begin \x07{tabular}\x06 and friends of the environment\n';
    const d = decodeText(Buffer.from(line.repeat(40)), 'manual.txt');
    expect(d.text).toContain('for tabular-env ::= \\begin {tabular} and friends');
    expect(d.text).not.toMatch(/[\u0000-\u0008\u000e-\u001f]/);
    expect(d.notes.join()).toMatch(/160 control characters taken out/);
    // a line of them alone (a display's big delimiters) goes with its line end
    expect(decodeText(Buffer.from('to get the displayed formula:\n\x01\n\x01\nf (x) − x f (y) − y\n'), 'tex.txt').text).toBe('to get the displayed formula:\nf (x) − x f (y) − y\n');
    expect(decodeText(Buffer.from('to get the displayed formula:\r\n\x01\r\nf (x) − x f (y) − y\r\n'), 'crlf.txt').text).toBe('to get the displayed formula:\nf (x) − x f (y) − y\n');
    // a terminal's colour codes go whole
    expect(decodeText(Buffer.from('\x1b[31mError:\x1b[0m the build failed\n'), 'log.txt').text).toBe('Error: the build failed\n');
    // dense control bytes, or any text that is not UTF-8 with more than a few, are still binary
    expect(() => decodeText(Buffer.from('ab\x03\x04cd\x05\x06'.repeat(50)), 'c.dat')).toThrow(/c\.dat: .*binary/);
  });
});

describe('the command line', () => {
  it('normalize writes Markdown to stdout and the summary to stderr', () => {
    const r = cli(['normalize', join(root, 'test/fixtures/superscript.txt')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^---\ntitle: On Measures/);
    expect(r.err).toMatch(/2 notes/);
  });
  it.each([
    [['normalize', join(dir, 'missing.txt')], 1, /missing\.txt: no such file/],
    [['normalize', dir], 1, /is a directory/],
    [['normalize'], 2, /normalize takes one raw file/],
    [['frobnicate'], 2, /unknown command/],
    [['build', '--nope'], 2, /Unknown option/],
  ])('%j exits %i with one plain message', (args, code, msg) => {
    const r = cli(args);
    expect(r.code).toBe(code);
    expect(r.err.split('\n')[0]).toMatch(msg);
  });
  it('a broken source fails the build, names the file, and leaves the previous good output alone', () => {
    const src = join(dir, 'src');
    const out = join(dir, 'out');
    mkdirSync(src);
    writeFileSync(join(src, 'good.txt'), readFileSync(join(root, 'test/fixtures/superscript.txt')));
    expect(cli(['build', '--sources', src, '--out', out]).code).toBe(0);
    const before = readFileSync(join(out, 'markdown/good.md'), 'utf8');
    writeFileSync(join(src, 'good.txt'), Buffer.from([0, 0, 0, 1, 2, 3, 4, 5]));
    writeFileSync(join(src, 'good.yaml'), 'title: x\n');
    const r = cli(['build', '--sources', src, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/good\.txt: this looks like a binary file/);
    expect(readFileSync(join(out, 'markdown/good.md'), 'utf8')).toBe(before);
    expect(readdirSync(join(out, 'markdown')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
  it('a broken sidecar is refused with file, line and key', () => {
    const src = join(dir, 'src2');
    mkdirSync(src);
    writeFileSync(join(src, 't.txt'), 'Some text of a reasonable length, enough to be a paragraph here.\n');
    writeFileSync(join(src, 't.yaml'), 'title: A\nauthr: B\n');
    const r = cli(['build', '--sources', src, '--out', join(dir, 'out2')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/t\.yaml:2: unknown key “authr”/);
    expect(existsSync(join(dir, 'out2/markdown/t.md'))).toBe(false);
  });
});

describe('sidecars', () => {
  it('reports YAML syntax errors with their line', () => {
    expect(() => parseSidecar('title: a\nauthor: [unclosed\n', 's.yaml')).toThrow(/^s\.yaml:\d+: /);
  });
  it('checks values', () => {
    expect(() => parseSidecar('missing_notes: maybe\n', 's.yaml')).toThrow('s.yaml:1: “missing_notes” is “drop” or “placeholder”, not “maybe”');
    expect(parseSidecar('notes:\n  "14": The Shipka Pass note\n', 's.yaml').notes).toEqual({ '14': 'The Shipka Pass note' });
  });
  it('a sidecar can supply a lost note', async () => {
    const { normalize } = await import('../src/normalize/chain.ts');
    const text = 'A title\n\nFirst claim of some length in this paragraph here.1 Second one of similar length here.2 Third.3\n';
    const { markdown } = normalize(text, { meta: {}, notes: { '2': 'Supplied text.' } });
    expect(markdown).toContain('here.[^1] Third');
    expect(markdown).toMatch(/^\[\^1\]: Supplied text\.$/m);
  });
});
