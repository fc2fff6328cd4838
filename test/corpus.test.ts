// The normaliser on real texts it was not written against: a fixed subset of the development
// corpus (test/corpus/, see its README), each normalised in-process and scored by the project's
// gauge (test/gauge/eval_clean.py, the same evaluator `npm run eval` runs over the whole corpus).
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normaliseTextFile } from '../src/run/build.ts';
import { root } from './helpers.ts';
import { scoreJobs, type Score } from './gauge/score.ts';

const dir = join(root, 'test', 'corpus');
const FLOORS = { link: 0.95, resid: 5, keep: 0.995, gold: 0.97 };
const special = JSON.parse(readFileSync(join(dir, 'floors.json'), 'utf8')) as Record<string, Partial<typeof FLOORS>>;

const texts = readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'originals') // originals.test.ts reads those
  .flatMap((d) => readdirSync(join(dir, d.name)).filter((f) => f.endsWith('.txt') && !f.endsWith('.gold.txt')).map((f) => join(dir, d.name, f)));

const scores = new Map<string, Score>();

beforeAll(() => {
  const out = mkdtempSync(join(tmpdir(), 'editions-corpus-'));
  const jobs = texts.map((raw) => {
    const md = join(out, raw.split('/').pop()!.replace(/\.txt$/, '.md'));
    writeFileSync(md, normaliseTextFile(raw).markdown);
    const side = (ext: string) => (existsSync(raw.replace(/\.txt$/, ext)) ? raw.replace(/\.txt$/, ext) : null);
    return { raw, out: md, expect: side('.expect.json'), gold: side('.gold.txt') };
  });
  scoreJobs(jobs, out).forEach((s, i) => scores.set(texts[i], s));
}, 300_000);

describe('the development corpus subset meets the floors', () => {
  it('holds texts of every kind', () => {
    const kinds = new Set(texts.map((t) => t.split('/').at(-2)));
    expect([...kinds].sort()).toEqual(['gutenberg', 'pdf', 'scan', 'web']);
  });

  it.each(texts.map((t) => [t.split('/').slice(-2).join('/'), t]))('%s', (_name, raw) => {
    const name = raw.split('/').pop()!.replace(/\.txt$/, '');
    const fl = { ...FLOORS, ...special[name] };
    const s = scores.get(raw)!;
    expect(s.expected).toBeGreaterThan(0);
    // every reference has its definition, and the expected notes are linked to the right bodies
    expect(s.dangling).toBe(0);
    expect(s.linked / s.expected, JSON.stringify(s.failures)).toBeGreaterThanOrEqual(fl.link);
    expect(s.residue, JSON.stringify(s.residueByClass)).toBeLessThanOrEqual(fl.resid);
    expect(s.kept).toBeGreaterThanOrEqual(fl.keep);
    if (s.gold !== null) expect(s.gold).toBeGreaterThanOrEqual(fl.gold);
  });
});

describe('the Debian FAQ through pdftotext (DocBook): its structure, as its clean text has it', () => {
  let text: string | undefined;
  const md = () => (text ??= normaliseTextFile(join(dir, 'pdf', 'p07-debian-faq.txt')).markdown);
  it('heads each question with its section number, set on a line of its own above it in the copy', () => {
    const m = md();
    for (const h of ['4.1 On what hardware architectures/systems does Debian GNU/Linux run?', '5.2 Who wrote all that software?', '5.9 How does Debian support non-English languages?', '11.3 How do I load a console font on startup the Debian way?'])
      expect(m).toMatch(new RegExp(`^### (?:<!--page \\d+-->)?${h.replace(/[.?/()]/g, '\\$&')}$`, 'm'));
  });
  it('joins each chapter’s label and title, a title set on two short lines too', () => {
    expect(md()).toMatch(/^## (?:<!--page \d+-->)?Chapter 7\. Basics of the Debian package management system$/m);
  });
  it('takes the sections’ running heads, cut short in capitals, off every page', () => {
    expect(md()).not.toMatch(/WHAT KERNELS DOES DEBIAN|CAN I USE DEBIAN PACKAGES|WHAT ABOUT ”SID”/);
  });
});
