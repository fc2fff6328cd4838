// Furniture in several bands at a page's top, as a draft prints it: a small time stamp at the very
// top (whose first number a page also raises in its text), the draft's own page count under it,
// and the book's running head with its folio lower down — heads on even pages, catchwords on odd
// ones; a blank page carries the stamp and the count alone. None of it is text, and a paragraph
// that runs over a page break is one paragraph.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseFile } from '../src/run/build.ts';
import { drawPdf, putText } from './helpers.ts';

const WORDS = 'the harbour at dunbar kept its boats through the winter and the town kept a record of them that the council read each spring before the fishing began again'.split(' ');

const draftPdf = () =>
  drawPdf((doc) => {
    const put = (text: string, font: string, size: number, x: number, y: number, width?: number) => putText(doc, text, font, size, x, y, width);
    // one paragraph's words, 12 to a line, running on from page to page
    let w = 0;
    const line = () => Array.from({ length: 12 }, () => WORDS[w++ % WORDS.length]).join(' ');
    // (a last line, short, ends it)
    for (let p = 0; p < 7; p++) {
      doc.addPage();
      put('3 Jan 2020 2:18 p.m.', 'Times-Roman', 7, 380, 30);
      put(`Field Notes Draft No ${70 + p}`, 'Times-Bold', 12, 60, 52);
      if (p === 4) continue; // a blank page: the stamp and the count alone
      put(p % 2 ? `${WORDS[p]} ${50 + p}` : `${50 + p} Records of the harbour`, 'Times-Roman', 10, 100, 115);
      let y = 140;
      for (let k = 0; k < 30; k++, y += 12) {
        const x = put(line(), 'Times-Roman', 10, 100, y, 400);
        // a raised 3 (a square) in the text: the stamp's first number, but no note
        if (k === 10) put('3', 'Times-Roman', 6, x + 1, y - 3.5);
      }
      if (p === 6) put('and so the record ends.', 'Times-Roman', 10, 100, y);
    }
  }, false);

describe('furniture in bands at the top of a draft', () => {
  it('removes the stamp, the draft count and the running heads, and joins the paragraph across pages', async () => {
    const d = mkdtempSync(join(tmpdir(), 'editions-bands-'));
    writeFileSync(join(d, 'draft.pdf'), await draftPdf());
    const { markdown: md } = await normaliseFile(join(d, 'draft.pdf'));
    const body = md.replace(/^---[\s\S]*?---\n/, '');
    expect(body).not.toMatch(/Jan 2020|Draft No|Records of the harbour/);
    // no catchword head with its folio: every number left is the raised 3
    expect(body.match(/\d+/g)?.every((n) => n === '3')).toBe(true);
    // one paragraph: the pages' lines run on
    expect(body.trim().split(/\n\s*\n/)).toHaveLength(1);
  });
});
