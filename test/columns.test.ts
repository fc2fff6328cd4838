// A PDF set in two columns, made here with pdfkit: read in order, one column after the other,
// each column's notes at its foot linked to their raised marks. Two ways of drawing it: one
// column after the other (as TeX does) and line by line across both (as word processors do).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseFile } from '../src/run/build.ts';

const PLACES = ['Berwick', 'Dunbar', 'Leith', 'Kirkcaldy', 'Anstruther', 'Arbroath', 'Montrose', 'Stonehaven'];
/** Sentence n, with a mark ^k after it where note k is cited. */
const sentence = (n: number) => `Sentence ${n} tells of the harbour at ${PLACES[n % PLACES.length]} and of the boats that wintered there.`;

interface Line {
  parts: { text: string; mark?: number }[];
  indent: number;
}

async function twoColumnPdf(interleaved: boolean): Promise<{ pdf: Buffer; sentences: number; paragraphs: number[][]; notes: Map<number, string> }> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margin: 0 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((r) => doc.on('end', () => r()));
  const W = 595.28;
  const margin = 56;
  const gap = 20;
  const colW = (W - 2 * margin - gap) / 2;
  const lead = 13;
  doc.font('Times-Roman').fontSize(10);
  // paragraphs of sentences; a note cited after every seventh sentence
  const paragraphs: number[][] = [];
  const notes = new Map<number, string>();
  let n = 0;
  for (let p = 0; p < 40; p++) paragraphs.push(Array.from({ length: 3 + (p % 4) }, () => ++n));
  const cited = (s: number) => (s % 7 === 0 ? s / 7 : 0);
  // break each paragraph into lines of the column's measure
  const lines: Line[] = [];
  for (const [p, sents] of paragraphs.entries()) {
    const words: { w: string; mark?: number }[] = [];
    for (const s of sents) {
      const ws = sentence(s).split(' ');
      ws.forEach((w, k) => words.push({ w, mark: k === ws.length - 1 && cited(s) ? cited(s) : undefined }));
      if (cited(s)) notes.set(cited(s), `Note ${cited(s)} gives the harbour master’s record for ${PLACES[s % PLACES.length]}.`);
    }
    let cur: Line = { parts: [], indent: p ? 12 : 0 };
    let x = cur.indent;
    for (const { w, mark } of words) {
      const ww = doc.widthOfString(`${w} `) + (mark ? 6 : 0);
      if (x + ww > colW && cur.parts.length) {
        lines.push(cur);
        cur = { parts: [], indent: 0 };
        x = 0;
      }
      cur.parts.push({ text: `${w}${mark ? '' : ' '}`, mark });
      if (mark) cur.parts.push({ text: ' ' });
      x += ww;
    }
    lines.push(cur);
  }
  // pages of two columns, each column with room at its foot for its notes
  const top = (page: number) => (page ? 70 : 110);
  const foot = 700;
  type Col = { x: number; lines: Line[]; notes: number[] };
  const pages: Col[][] = [];
  let k = 0;
  while (k < lines.length) {
    const page = pages.length;
    const cols: Col[] = [0, 1].map((c) => ({ x: margin + c * (colW + gap), lines: [], notes: [] }));
    for (const col of cols) {
      for (let y = top(page); y < foot && k < lines.length; y += lead) {
        col.lines.push(lines[k]);
        for (const part of lines[k].parts) if (part.mark) col.notes.push(part.mark);
        k++;
      }
    }
    pages.push(cols);
  }
  // justified as a book is: the spaces of every line but a paragraph's last stretched to the measure
  const last = new Set(lines.filter((_l, i) => i + 1 === lines.length || lines[i + 1].indent > 0));
  const drawLine = (col: Col, i: number, y: number) => {
    const l = col.lines[i];
    doc.font('Times-Roman').fontSize(10);
    const natural = l.parts.reduce((w, p) => w + doc.fontSize(10).widthOfString(p.text) + (p.mark ? doc.fontSize(6.5).widthOfString(String(p.mark)) : 0), 0);
    const gaps = l.parts.filter((p) => p.text.endsWith(' ')).length - 1;
    const extra = last.has(l) || gaps <= 0 ? 0 : (colW - l.indent - natural) / gaps;
    let x = col.x + l.indent;
    for (const part of l.parts) {
      doc.font('Times-Roman').fontSize(10).text(part.text, x, y, { lineBreak: false });
      x += doc.widthOfString(part.text) + (part.text.endsWith(' ') ? extra : 0);
      if (part.mark) {
        doc.fontSize(6.5).text(String(part.mark), x, y - 2, { lineBreak: false });
        x += doc.widthOfString(String(part.mark));
      }
    }
  };
  pages.forEach((cols, page) => {
    if (page) doc.addPage();
    if (page === 0) doc.font('Times-Bold').fontSize(16).text('On the Harbours of the North Coast', margin, 60, { width: W - 2 * margin, align: 'center' });
    const rows = Math.max(...cols.map((c) => c.lines.length));
    if (interleaved) {
      for (let i = 0; i < rows; i++) for (const col of cols) if (i < col.lines.length) drawLine(col, i, top(page) + i * lead);
    } else for (const col of cols) col.lines.forEach((_, i) => drawLine(col, i, top(page) + i * lead));
    for (const col of cols) {
      col.notes.forEach((m, i) => {
        doc.font('Times-Roman').fontSize(8).text(`${m} ${notes.get(m)}`, col.x, 740 + i * 11, { width: colW, lineBreak: false });
      });
    }
    doc.font('Times-Roman').fontSize(9).text(String(page + 1), margin, 800, { width: W - 2 * margin, align: 'center' });
  });
  doc.end();
  await done;
  return { pdf: Buffer.concat(chunks), sentences: n, paragraphs, notes };
}

describe.each([
  ['one column after the other', false],
  ['line by line across both columns', true],
])('a two-column PDF drawn %s', (_name, interleaved) => {
  it('reads the columns in order, each paragraph whole, and links every column’s notes', async () => {
    const { pdf, sentences, paragraphs, notes } = await twoColumnPdf(interleaved);
    const f = join(mkdtempSync(join(tmpdir(), 'editions-columns-')), 'columns.pdf');
    writeFileSync(f, pdf);
    const { markdown } = await normaliseFile(f);
    const text = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
    // every sentence once, in order
    let at = -1;
    for (let s = 1; s <= sentences; s++) {
      const k = text.indexOf(`Sentence ${s} tells`);
      expect(k, `sentence ${s}`).toBeGreaterThan(at);
      at = k;
    }
    // each paragraph is one block of the model, whichever column or page its lines stood in
    const blocks = text.split('\n\n');
    for (const sents of paragraphs) {
      const block = blocks.find((b) => b.includes(`Sentence ${sents[0]} tells`)) ?? '';
      for (const s of sents) expect(block, `sentence ${s} in its paragraph`).toContain(`Sentence ${s} tells`);
    }
    // each note linked after its sentence, with its own body
    for (const [m, body] of notes) {
      const ref = new RegExp(`Sentence ${m * 7} tells of the harbour at \\w+ and of the boats that wintered there\\.\\[\\^(\\d+)\\]`).exec(text);
      expect(ref, `mark ${m}`).not.toBeNull();
      expect(text).toContain(`[^${ref![1]}]: ${body}`);
    }
    expect(text).toMatch(/^# On the Harbours of the North Coast$/m);
  }, 60_000);
});
