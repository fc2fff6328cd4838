// Tables in a typeset PDF, made here with pdfkit: a table whose header is set in italics, its
// cells left-aligned, right-aligned and centred, one cell wrapped onto a second line and a note
// marked in a cell; and around it, paragraphs justified so loosely that pdf.js gives their words
// apart, which are no table. And a description list, whose hanging lines are neither a table
// nor quotations.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseFile } from '../src/run/build.ts';
import { drawPdf, putText } from './helpers.ts';

const LOOSE = ['The boats were drawn up on the shingle', 'high above the line of the spring tides', 'and were kept there through the winter,'];
const LAST = 'while the council read out its record.';
const ROWS: [string, string, string][] = [
  ['Dunbar', '40', 'herring and cod'],
  ['North Berwick', '12', 'lobster'],
  ['Eyemouth', '7', 'haddock'],
  ['Cockenzie', '125', 'oysters'],
];

const tablePdf = () =>
  drawPdf((doc) => {
    const put = (text: string, font: string, size: number, x: number, y: number, width?: number) => putText(doc, text, font, size, x, y, width);
    const left = 72;
    let y = 90;
    // a loosely justified paragraph: its word spaces stretched to 0.75–0.9 em, which pdf.js gives apart
    const loose = (line: string) => {
      put(line, 'Times-Roman', 10, left, y, 195);
      y += 12;
    };
    for (const line of LOOSE) loose(line);
    put(LAST, 'Times-Roman', 10, left, y);
    y += 18;
    put('The harbours stood thus:', 'Times-Roman', 10, left, y);
    y += 20;
    // the header in italics; the first column flush left, the second flush right, the third centred
    const col = [left, left + 80, left + 100];
    doc.font('Times-Italic').fontSize(10);
    const [boatsW, catchW] = [doc.widthOfString('Boats'), doc.widthOfString('Catch')];
    put('Harbour', 'Times-Italic', 10, col[0], y);
    put('Boats', 'Times-Italic', 10, col[1] + 30 - boatsW, y);
    put('Catch', 'Times-Italic', 10, col[2] + 50 - catchW / 2, y);
    y += 12;
    doc.font('Times-Roman').fontSize(10);
    for (const [k, [name, boats, catchOf]] of ROWS.entries()) {
      const end = put(name, 'Times-Roman', 10, col[0], y);
      // a note marked in the first row's cell, raised and small
      if (k === 0) put('1', 'Times-Roman', 6, end + 0.5, y - 3.5);
      doc.font('Times-Roman').fontSize(10);
      put(boats, 'Times-Roman', 10, col[1] + 30 - doc.widthOfString(boats), y);
      doc.font('Times-Roman').fontSize(10);
      put(catchOf, 'Times-Roman', 10, col[2] + 50 - doc.widthOfString(catchOf) / 2, y);
      doc.font('Times-Roman').fontSize(10);
      y += 12;
      // the second row's last cell runs on to a second line, under its column
      if (k === 1) {
        put('in the summer', 'Times-Roman', 10, col[2] + 50 - doc.widthOfString('in the summer') / 2, y);
        doc.font('Times-Roman').fontSize(10);
        y += 12;
      }
    }
    y += 10;
    for (const line of LOOSE) loose(line);
    put(LAST, 'Times-Roman', 10, left, y);
    put('1', 'Times-Roman', 6, left + 10, 700 - 3);
    put('Counted in the spring, before the fishing began.', 'Times-Roman', 8, left + 14, 700);
  });

describe('tables in a typeset PDF', async () => {
  const d = mkdtempSync(join(tmpdir(), 'editions-tables-'));
  writeFileSync(join(d, 'tables.pdf'), await tablePdf());
  const { markdown: md, report } = await normaliseFile(join(d, 'tables.pdf'));
  const table = md.split('\n\n').filter((b) => b.startsWith('|'));

  it('reads the rows as a table, each cell in its column, the italic first row its header', () => {
    expect(table).toHaveLength(1);
    const rows = table[0].split('\n');
    expect(rows[0]).toBe('| Harbour | Boats | Catch |');
    expect(rows[1]).toBe('| --- | --- | --- |');
    expect(rows[2]).toBe('| Dunbar[^1] | 40 | herring and cod |');
    // (the wrapped cell joined to its row)
    expect(rows[3]).toBe('| North Berwick | 12 | lobster in the summer |');
    expect(rows.slice(4)).toEqual(['| Eyemouth | 7 | haddock |', '| Cockenzie | 125 | oysters |']);
    expect(md).toMatch(/^\[\^1\]: Counted in the spring, before the fishing began\.$/m);
    expect(report.changes.some((c) => c.kind === 'table')).toBe(true);
  });

  it('keeps the loosely justified paragraphs around it as paragraphs', () => {
    const paras = md.split('\n\n').filter((b) => b.startsWith('The boats were drawn up'));
    expect(paras).toEqual([`${LOOSE.join(' ')} ${LAST}`, `${LOOSE.join(' ')} ${LAST}`]);
  });
});

describe('a numbered list whose labels hang a wide gap before their text', () => {
  const STEPS = ['Suppose p were the largest prime number.', 'Let q be the product of the first p numbers.', 'Then q + 1 is not divisible by any of them.', 'Thus q + 1 is also prime and greater than p.'];
  it('is no table', async () => {
    const d = mkdtempSync(join(tmpdir(), 'editions-tables-'));
    const pdf = await drawPdf((doc) => {
      let y = 90;
      putText(doc, 'The proof runs in four steps, each following from the one before it:', 'Times-Roman', 10, 72, y);
      y += 16;
      STEPS.forEach((step, k) => {
        // (the label right-aligned in its box, the text 1.5 em after it)
        putText(doc, `${k + 1}.`, 'Times-Roman', 10, 84, y);
        putText(doc, step, 'Times-Roman', 10, 106, y);
        y += 12;
      });
      putText(doc, 'And so there is no largest prime number, as was to be shown.', 'Times-Roman', 10, 72, y + 6);
    });
    writeFileSync(join(d, 'steps.pdf'), pdf);
    const md = (await normaliseFile(join(d, 'steps.pdf'))).markdown;
    expect(md).not.toMatch(/^\|/m);
    for (const step of STEPS) expect(md).toContain(step);
  });
});

describe('a table that runs on to the next page, its header set again there', () => {
  it('is one table, its header once', async () => {
    const d = mkdtempSync(join(tmpdir(), 'editions-tables-'));
    const harbours = ['Dunbar', 'North Berwick', 'Eyemouth', 'Cockenzie', 'Musselburgh', 'Fisherrow', 'Prestonpans', 'Port Seton'];
    // (counts that do not rise, as a contents page's page numbers would)
    const boats = [40, 12, 7, 125, 30, 9, 22, 14];
    const pdf = await drawPdf((doc) => {
      const put = (text: string, font: string, x: number, y: number) => putText(doc, text, font, 10, x, y);
      for (let p = 0; p < 2; p++) {
        doc.addPage();
        // (the table at the foot of the first page, at the head of the second)
        if (p === 0) put('The harbours of the coast and their boats stood thus in the year of the survey:', 'Times-Roman', 72, 90);
        let y = p === 0 ? 680 : 90;
        put('Harbour', 'Times-Italic', 72, y);
        put('Boats', 'Times-Italic', 220, y);
        y += 12;
        for (const [k, name] of harbours.slice(p * 4, p * 4 + 4).entries()) {
          put(name, 'Times-Roman', 72, y);
          put(String(boats[p * 4 + k]), 'Times-Roman', 220, y);
          y += 12;
        }
        if (p === 1) put('Cockenzie and the harbours west of it kept fewer boats than those to the east.', 'Times-Roman', 72, 300);
      }
    }, false);
    writeFileSync(join(d, 'pages.pdf'), pdf);
    const md = (await normaliseFile(join(d, 'pages.pdf'))).markdown;
    const tables = md.split('\n\n').filter((b) => b.startsWith('|'));
    expect(tables).toHaveLength(1);
    expect(tables[0].split('\n')).toEqual(['| Harbour | Boats |', '| --- | --- |', ...harbours.map((h, k) => `| ${h} | ${boats[k]} |`)]);
  });
});

describe('a description list whose items’ second lines hang under their text', () => {
  it('keeps each item one paragraph, its last line no quotation', async () => {
    const d = mkdtempSync(join(tmpdir(), 'editions-tables-'));
    const items: [string, string, string][] = [
      ['series', 'How heavy and/or expanded a font is. For example, ‘medium weight’,', '‘narrow’ and ‘bold extended’ are all series.'],
      ['shape', 'The form of the letters within a font family. For example, ‘italic’,', '‘oblique’ and ‘upright’ are all font shapes.'],
      ['size', 'The design size of the font, for example ‘10pt’. If no dimension is', 'specified, ‘pt’ is assumed.'],
    ];
    const pdf = await drawPdf((doc) => {
      let y = 90;
      const prose = 'Every text font in the system has five attributes, and each of them is set by a command of its own, as the table of commands';
      for (const line of [prose, 'on the next page shows for each of them in turn.']) {
        putText(doc, line, 'Times-Roman', 10, 72, y, line === prose ? 400 : undefined);
        y += 12;
      }
      for (const [term, first, second] of items) {
        // the term in bold, its text after it to the measure; the second line hangs 2.5 em in
        const end = putText(doc, term, 'Times-Bold', 10, 72, y);
        putText(doc, first, 'Times-Roman', 10, end + 5, y, 472 - end - 5);
        y += 12;
        putText(doc, second, 'Times-Roman', 10, 97, y);
        y += 12;
      }
    });
    writeFileSync(join(d, 'terms.pdf'), pdf);
    const md = (await normaliseFile(join(d, 'terms.pdf'))).markdown;
    for (const [term, first, second] of items) expect(md).toContain(`**${term}** ${first} ${second}`);
    expect(md).not.toMatch(/^> /m);
  });
});
