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
