// Page feet of a typeset PDF, made here with pdfkit: a note whose text is all a URL set in
// typewriter type (no listing's numbered line), a mark raised in a line of small type (an
// option set in typewriter, hardly smaller than its mark), and a float's caption set small
// below the notes after a wide gap (no part of the last note), though a note after a gap
// that opens with its label is a note. And a contents page whose page numbers were drawn apart.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseFile } from '../src/run/build.ts';
import { drawPdf, putText } from './helpers.ts';

const PROSE = 'The harbour at Dunbar kept its boats through the winter, and the town kept a record of them that the council read each spring before the fishing began again.';

const feetPdf = () =>
  drawPdf((doc) => {
    const put = (text: string, font: string, size: number, x: number, y: number, width?: number) => putText(doc, text, font, size, x, y, width);
    const left = 72;
    let note = 0;
    for (let p = 1; p <= 4; p++) {
      doc.addPage();
      let y = 80;
      for (let k = 0; k < 18; k++, y += 13) put(`${PROSE.slice(0, 96)} line ${p}.${k}`, 'Times-Roman', 10, left, y);
      // a sentence ending in a mark raised 3.5 points, set in 6 points
      const a = ++note;
      put(String(a), 'Times-Roman', 6, put('Its records are kept online, at the council’s own site', 'Times-Roman', 10, left, y) + 0.5, y - 3.5);
      y += 13;
      // an option set in small type, its name in typewriter, its mark hardly smaller than the line
      const b = ++note;
      let x = put('‣ ', 'Times-Roman', 8.6, left + 12, y);
      x = put('keepwinterboats', 'Courier', 8.6, x, y);
      put(String(b), 'Times-Roman', 8, put(' = true or false', 'Times-Roman', 8.6, x, y) + 0.5, y - 3.9);
      y += 13;
      for (let k = 0; k < 6; k++, y += 13) put(`${PROSE.slice(0, 90)} after ${p}.${k}`, 'Times-Roman', 10, left, y);
      // the notes at the foot, labels raised; the first all a URL in typewriter type
      let fy = 700;
      put(`https://dunbar.example.org/records/${a}`, 'Courier', 8, put(String(a), 'Times-Roman', 6, left + 10, fy - 3), fy);
      // (on one page the next note stands after a wide gap, as after a display in a note: its label keeps it a note)
      fy += p === 2 ? 30 : 10;
      put(`Up to the year ${1800 + b} the option was called keepboats.`, 'Times-Roman', 8, put(String(b), 'Times-Roman', 6, left + 10, fy - 3) + 1, fy);
      // a float's caption well below them, set small
      put('Boats drawn up on the shore for the winter.', 'Times-Roman', 9, put(`Example ${p}: `, 'Times-Bold', 9, left + 14, fy + 40), fy + 40);
      put(String(p), 'Times-Roman', 10, 290, 800);
    }
  }, false);

describe('page feet of a typeset PDF', () => {
  it('links a URL note, a mark in small type, and leaves a caption below the notes out of them', async () => {
    const d = mkdtempSync(join(tmpdir(), 'editions-feet-'));
    writeFileSync(join(d, 'feet.pdf'), await feetPdf());
    const md = (await normaliseFile(join(d, 'feet.pdf'))).markdown;
    const defs = [...md.matchAll(/^\[\^(\d+)\]: (.*)$/gm)].map((m) => [Number(m[1]), m[2]] as const);
    expect(defs.map(([n]) => n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const [n, text] of defs) {
      if (n % 2) expect(text).toBe(`https://dunbar.example.org/records/${n}`);
      else expect(text).toBe(`Up to the year ${1800 + n} the option was called keepboats.`);
      expect(md).toContain(n % 2 ? `own site[^${n}]` : `keepwinterboats = true or false[^${n}]`);
    }
    // the captions stay in the text, none in a note
    expect(md.match(/Boats drawn up on the shore/g)).toHaveLength(4);
    expect(defs.some(([, t]) => /Boats drawn/.test(t))).toBe(false);
  });

  it('reads a contents page whose page numbers are drawn apart from their entries as one list, without the numbers', async () => {
    const titles = ['Introduction', 'Evolution', 'Stripping', 'Bitmap images', 'Logging', 'Directions'];
    const pdf = await drawPdf((doc) => {
      doc.font('Times-Bold').fontSize(20).text('Table of contents', 56, 60, { lineBreak: false });
      // the entries first, then (as a second pass, at the same heights) their page numbers
      titles.forEach((t, k) => doc.font('Times-Roman').fontSize(12).text(`${k + 1}  ${t}`, 56, 110 + 30 * k, { lineBreak: false }));
      titles.forEach((_t, k) => doc.font('Times-Roman').fontSize(12).text(String(3 + 8 * k), 500, 110 + 30 * k, { lineBreak: false }));
      for (const t of titles) {
        doc.addPage();
        doc.font('Times-Bold').fontSize(16).text(t, 56, 60, { lineBreak: false });
        for (let k = 0; k < 12; k++) doc.font('Times-Roman').fontSize(10).text(`${PROSE.slice(0, 96)} ${k}`, 56, 100 + 13 * k, { lineBreak: false });
      }
    });
    const d = mkdtempSync(join(tmpdir(), 'editions-contents-'));
    writeFileSync(join(d, 'contents.pdf'), pdf);
    const md = (await normaliseFile(join(d, 'contents.pdf'))).markdown;
    expect(md).toContain(titles.map((t, k) => `- ${k + 1} ${t}`).join('\n'));
    // no page number of the source's is left standing alone
    expect(md).not.toMatch(/^(?:3|11|19|27|35|43)$/m);
  });

  it("reads a part's own contents, set on the page its text opens, as a list, and the text after it as text", async () => {
    const parts = [
      ['The harbour', ['Boats in winter', 'The council’s record', 'Nets and lines', 'The spring fishing']],
      ['The town', ['Streets and wynds', 'The market cross', 'The tolbooth', 'The kirk and its yard']],
      ['The coast', ['Belhaven sands', 'The castle rock', 'Tides and weather', 'The lifeboat']],
    ] as const;
    const pdf = await drawPdf((doc) => {
      parts.forEach(([title, entries], part) => {
        if (part) doc.addPage();
        doc.font('Times-Bold').fontSize(20).text(`Part ${part + 1}: ${title}`, 56, 50 + 7 * part, { lineBreak: false });
        doc.font('Times-Bold').fontSize(14).text('Table of Contents', 56, 90 + 5 * part, { lineBreak: false });
        entries.forEach((t, k) => {
          const y = 115 + 5 * part + 14 * k;
          doc.font('Times-Roman').fontSize(9).text(`${part * 4 + k + 1}  ${t} ${' .'.repeat(30)}`, 70, y, { lineBreak: false });
          doc.font('Times-Roman').fontSize(9).text(String(11 + 10 * part + 2 * k), 500, y, { lineBreak: false });
        });
        doc.font('Times-Bold').fontSize(14).text(`${part * 4 + 1}  ${entries[0]}`, 56, 210 + 5 * part, { lineBreak: false });
        doc.font('Times-Roman').fontSize(10).text(`${PROSE} `.repeat(6), 56, 235 + 5 * part, { width: 480, align: 'justify' });
      });
    });
    const d = mkdtempSync(join(tmpdir(), 'editions-minitoc-'));
    writeFileSync(join(d, 'parts.pdf'), pdf);
    const md = (await normaliseFile(join(d, 'parts.pdf'))).markdown;
    for (const [, entries] of parts) for (const t of entries) expect(md).toMatch(new RegExp(`^- \\d+ ${t}$`, 'm'));
    expect(md).not.toMatch(/\. \. \.|\.{4}/);
    // the text after each list is the text's, a paragraph under its heading
    expect(md.match(new RegExp(`^${PROSE.slice(0, 40)}`, 'gm'))).toHaveLength(3);
  });

  it('reads notes labelled with TeX’s asterisk (∗, a math symbol), and no foot on an index page set small throughout nor in a display’s small numbers', async () => {
    const serif = join(import.meta.dirname, '..', 'fonts', 'LinLibertine_R.otf');
    const pdf = await drawPdf((doc) => {
      const put = (text: string, size: number, x: number, y: number) => putText(doc, text, serif, size, x, y);
      const words = `${PROSE} ${PROSE}`.split(' ');
      const said = ['That is the cardinal formula of electro-dynamics.', 'The first known work came from Hindoo sources.', 'These are the fundamental laws of algebra.'];
      for (let p = 1; p <= 3; p++) {
        doc.addPage();
        let y = 80;
        for (let k = 0; k < 24; k++, y += 14) put(words.slice((k * 7 + p * 3) % 12, ((k * 7 + p * 3) % 12) + 14).join(' '), 11, 72, y);
        put('∗', 7, put(said[p - 1], 11, 72, y) + 0.5, y - 4);
        put(`Electricity and Magnetism, volume ${p}, chapter iii.`, 8.5, put('∗', 6, 80, 700 - 3) + 1, 700);
        put(String(p), 11, 290, 800);
      }
      // a page whose last lines are a display's small numbers (a fraction's parts), no note
      doc.addPage();
      for (let k = 0; k < 24; k++) put(words.slice((k * 5) % 12, ((k * 5) % 12) + 14).join(' '), 11, 72, 80 + 14 * k);
      put('3 + 1 10 + 4 100 + 1', 8, 72, 440);
      put('1000 + 5 10000', 8, 72, 452);
      put('4', 11, 290, 800);
      // the index, set small under a larger heading, its lines opening with page numbers
      doc.addPage();
      put('INDEX', 14, 260, 60);
      const entries = ['Abel, 127', 'Abstract Nature of Geometry,', '199 et seqq.', 'Adams, 181', 'Axioms of Quantity,', '203 et seqq.', 'Bacon, 127', 'Ball, W. W. R., 43'];
      for (let k = 0; k < 40; k++) put(entries[k % entries.length], 9, 72, 100 + 17 * k);
    });
    const d = mkdtempSync(join(tmpdir(), 'editions-asterisk-'));
    writeFileSync(join(d, 'asterisk.pdf'), pdf);
    const md = (await normaliseFile(join(d, 'asterisk.pdf'))).markdown;
    const defs = [...md.matchAll(/^\[\^(\d+)\]: (.*)$/gm)].map((m) => m[2]);
    expect(defs).toEqual([1, 2, 3].map((p) => `Electricity and Magnetism, volume ${p}, chapter iii.`));
    for (const p of [1, 2, 3]) expect(md).toContain(`${['electro-dynamics.', 'Hindoo sources.', 'laws of algebra.'][p - 1]}[^${p}]`);
    expect(md).toContain('203 et seqq.');
    expect(md).toContain('1000 + 5 10000');
  });
});

describe('a manual whose listings outweigh its prose', () => {
  it('takes its text’s size from the prose, not the smaller code: paragraphs, not headings; the notes at the feet linked; a listing’s numbered guard line no note', async () => {
    const SECTIONS = [2, 5, 9];
    const TITLES = ['The harbour macros', 'The winter register', 'What the council reads'];
    const code = ['\\def\\harbour#1{\\boats{#1}\\relax}', '\\newcommand\\winter[2]{#1 and #2 kept}', '\\let\\council\\relax % read each spring', '\\ifx\\fishing\\undefined \\else \\fi'];
    const pdf = await drawPdf((doc) => {
      const put = (text: string, font: string, size: number, x: number, y: number) => putText(doc, text, font, size, x, y);
      for (let p = 1; p <= 3; p++) {
        doc.addPage();
        let y = 60 + 20 * p;
        put(`${SECTIONS[p - 1]} ${TITLES[p - 1]}`, 'Times-Bold', 14, 72, y);
        y += 24;
        for (let k = 0; k < 4; k++, y += 12) put(`${PROSE.slice(0, 92)} ${p}.${k}`, 'Times-Roman', 10, 72, y);
        put(String(p), 'Times-Roman', 6, put('and the town kept a record of every boat in its register', 'Times-Roman', 10, 72, y) + 0.5, y - 3.5);
        y += 18;
        // a macro's signature set as its listing is, its argument's name in italic
        put('}', 'Courier', 8, put('boats', 'Times-Italic', 8, put(`\\harbour${p}:n{`, 'Courier', 8, 72, y), y), y);
        y += 14;
        // the listing: more characters than the prose, set smaller in typewriter type
        for (let k = 0; k < 34; k++, y += 10) put(code[k % code.length], 'Courier', 8, 90, y);
        y += 8;
        // then its numbered lines, as a documented package's code: the first a guard in italic
        put('<*package>', 'Times-Italic', 9, put('15', 'Times-Roman', 6, 74, y) + 6, y);
        for (let k = 0; k < 3; k++) put(code[k], 'Courier', 9, put(String(16 + k), 'Times-Roman', 6, 74, y + 11 * (k + 1)) + 6, y + 11 * (k + 1));
        // (a blank line of the listing keeps its number)
        put('19', 'Times-Roman', 6, 74, y + 44);
        put(code[3], 'Courier', 9, put('20', 'Times-Roman', 6, 74, y + 55) + 6, y + 55);
        put(`Up to the year ${1800 + p} the macro was called boats.`, 'Times-Roman', 8, put(String(p), 'Times-Roman', 6, 82, 740 - 3) + 1, 740);
        put(String(p), 'Times-Roman', 10, 290, 800);
      }
      // a last page of prose ending in a small line of the text's own, below its last paragraph:
      // no continuation of the last page's note, which ended its sentence
      doc.addPage();
      for (let k = 0; k < 30; k++) put(PROSE.slice(k, k + 90), 'Times-Roman', 10, 72, 80 + 12 * k);
      put('(End of the definition of \\harbour. It is documented on page 2.)', 'Times-Italic', 8, 90, 560);
      put('4', 'Times-Roman', 10, 290, 800);
    });
    const d = mkdtempSync(join(tmpdir(), 'editions-manual-'));
    writeFileSync(join(d, 'manual.pdf'), pdf);
    const md = (await normaliseFile(join(d, 'manual.pdf'))).markdown;
    const defs = [...md.matchAll(/^\[\^(\d+)\]: (.*)$/gm)].map((m) => m[2]);
    expect(defs).toEqual([1, 2, 3].map((p) => `Up to the year ${1800 + p} the macro was called boats.`));
    // the prose a paragraph (not a heading, nor a list) on each page, its mark linked; the sections headings
    expect(md.match(new RegExp(`^${PROSE.slice(0, 40)}`, 'gm'))).toHaveLength(4);
    for (const p of [1, 2, 3]) {
      expect(md).toContain(`every boat in its register[^${p}]`);
      expect(md).toMatch(new RegExp(`^#+ ${SECTIONS[p - 1]} ${TITLES[p - 1]}$`, 'm'));
    }
    expect(md).not.toMatch(/^#+ The harbour at Dunbar/m);
    // a listing's numbered lines are code, its guard among them, each number kept apart from its line
    expect(md).toContain(`\n   ${code[0]}\n   ${code[1]}\n15 <*package>\n${code.slice(0, 3).map((c, k) => `${16 + k} ${c}`).join('\n')}\n19\n20 ${code[3]}\n\`\`\`\n`);
    // (a signature is no quotation)
    for (const p of [1, 2, 3]) expect(md).toMatch(new RegExp(`^\\\\\\\\harbour${p}:n\\{[*_]boats[*_]\\}$`, 'm'));
    expect(md).toMatch(/^(?:> )?[*_]?\(End of the definition of \\\\harbour\. It is documented on page 2\.\)[*_]?$/m);
  });
});

describe('a title page that goes on into the contents', () => {
  it('reads the contents from their heading on: the title, authors and date above are text, their marks linked', async () => {
    const titles = ['Introduction', 'Setting up', 'Languages', 'Fonts', 'Numbering', 'Further reading'];
    const pdf = await drawPdf((doc) => {
      const put = (text: string, font: string, size: number, x: number, y: number) => putText(doc, text, font, size, x, y);
      put('Harbours of the North Sea', 'Times-Bold', 20, 150, 90);
      put('*', 'Times-Roman', 8, put('Margaret Ashworth', 'Times-Roman', 12, 230, 130) + 0.5, 125);
      put('†', 'Times-Roman', 8, put('2022/11/29 v1.59', 'Times-Roman', 12, 245, 150) + 0.5, 145);
      put('Contents', 'Times-Bold', 14, 72, 200);
      titles.forEach((t, k) => put(`${k + 1} ${t} . . . . . . . . . . . . . . . . . . . . ${2 + k}`, 'Times-Roman', 10, 72, 230 + 16 * k));
      put('*', 'Times-Roman', 6, 72, 740 - 3);
      put('Her address is the harbour office at Dunbar.', 'Times-Roman', 8, 78, 740);
      put('†', 'Times-Roman', 6, 72, 752 - 3);
      put('This is the version of the last day of November.', 'Times-Roman', 8, 78, 752);
      for (const [k, t] of titles.entries()) {
        doc.addPage();
        put(`${k + 1} ${t}`, 'Times-Bold', 14, 72, 80);
        for (let j = 0; j < 12; j++) put(PROSE.slice(j + 3 * k, j + 3 * k + 90), 'Times-Roman', 10, 72, 110 + 13 * j);
        put(String(k + 2), 'Times-Roman', 10, 290, 800);
      }
    }, true);
    const d = mkdtempSync(join(tmpdir(), 'editions-titlepage-'));
    writeFileSync(join(d, 'titlepage.pdf'), pdf);
    const md = (await normaliseFile(join(d, 'titlepage.pdf'))).markdown;
    const defs = [...md.matchAll(/^\[\^(\d+)\]: (.*)$/gm)].map((m) => m[2]);
    expect(defs).toEqual(['Her address is the harbour office at Dunbar.', 'This is the version of the last day of November.']);
    expect(md).toMatch(/Margaret Ashworth\[\^1\]$/m);
    expect(md).toMatch(/2022\/11\/29 v1\.59\[\^2\]$/m);
    expect(md).toContain(titles.map((t, k) => `- ${k + 1} ${t}`).join('\n'));
  });
});
