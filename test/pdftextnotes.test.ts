// Page feet in text extracted from typeset PDFs (pdftotext): marks and folios as the extraction
// writes them in documents no rule was written against (held-out package manuals).
import { describe, expect, it } from 'vitest';
import { normalize } from '../src/normalize/chain.ts';
import { bodyAfter } from './helpers.ts';

const SENTENCES = [
  'The output routine takes the boxes the page builder has collected and ships them out',
  'A float waits in its queue until a page has room for it at the top or the bottom',
  'Marks are remembered for each page so that the running heads can name the section',
  'The galley holds the paragraphs before they are broken into lines of equal measure',
  'Penalties tell the page builder where a break is welcome and where it is forbidden',
  'Inserts such as footnotes are held apart and placed at the foot of the current page',
  'Every template declares the keys it takes and the values they have by default',
  'The kernel loads the hooks first so that packages can add their code to each one',
  'Some older packages patch the commands directly, which the hooks now make needless',
  'A document that loads no package still gets the new behaviour from the kernel',
];
/** A page of running text, its lines different from every other page's. */
const filler = (n: number) => Array.from({ length: 8 }, (_, k) => `${SENTENCES[(n * 3 + k) % SENTENCES.length]}${k % 3 === 2 ? '.' : ','}`).join('\n');

describe('a page foot whose marks the extraction glued to years (“presented at TUG 19991”)', () => {
  const text = [
    filler(1),
    'The first ideas were presented at TUG 19991 and Lars wrote some notes on templates',
    'in 20002 . The galley2 package and the LATEX3 code are what this page is about, and',
    'LATEX3 is the name of the whole project, so LATEX3 stands here again and again.',
    'Morten spoke on this at TUG 20083 . Early work was published by Frank in 20004 .',
    '',
    '1 http://www.latex-project.org/papers/tug99.pdf',
    '2 http://www.latex-project.org/papers/template-notes.pdf',
    '3 http://river-valley.tv/the-galley-module/',
    '4 http://www.latex-project.org/papers/xo-pfloat.pdf',
    '\f' + filler(2),
    '\f' + filler(3),
    '',
  ].join('\n');
  const { markdown } = normalize(text);
  it('reads the year’s last digit as the mark, the year kept', () => {
    expect(bodyAfter(markdown, 'at TUG 1999')).toBe('http://www.latex-project.org/papers/tug99.pdf');
    expect(bodyAfter(markdown, 'Frank in 2000')).toBe('http://www.latex-project.org/papers/xo-pfloat.pdf');
  });
  it('and prefers it to a name the text writes again and again with the same digit (“LATEX3”)', () => {
    expect(bodyAfter(markdown, 'this at TUG 2008')).toBe('http://river-valley.tv/the-galley-module/');
    expect(markdown).toContain('LATEX3 is the name');
  });
});

describe('a date whose year ends in a page foot’s label (“2022/10/25” over a foot “2 …”)', () => {
  const text = [
    'The filehook package',
    'Version v0.8b—2022/10/25',
    filler(1),
    'The hook is run at line 202 of the file, after the file is read.',
    '',
    '2 Some of these hooks are also offered by the kernel now.',
    `\f${filler(2)}`,
    `\f${filler(3)}`,
    '',
  ].join('\n');
  const { markdown } = normalize(text);
  it('keeps the year whole: a year is written as itself, not a number with a mark glued to it', () => {
    expect(markdown).toContain('2022/10/25');
    expect(markdown).not.toMatch(/202\[\^/);
  });
});

describe('folios in bidi embeddings (pdftotext on pages set right to left)', () => {
  const rtl = (n: number) => `\u202b\u202a${n}\u202c\u202c`;
  const text = [
    'Le français1 est une langue romane parlée en France, dont elle est originaire.',
    filler(1),
    '1 From http://fr.wikipedia.org/wiki/Français',
    '',
    '1',
    `\f${filler(2)}`,
    '',
    '2',
    `\f${filler(3)}`,
    '',
    rtl(3),
    `\f${filler(4)}`,
    '',
    rtl(4),
    '',
  ].join('\n');
  const { markdown } = normalize(text);
  it('are taken off as the others are, so the foot above the first is read', () => {
    expect(bodyAfter(markdown, 'Le français')).toBe('From http://fr.wikipedia.org/wiki/Français');
    expect(markdown).not.toMatch(/^\s*\u202b?\u202a?[34]\u202c/m);
  });
});

describe('a page foot whose bare labels the extraction wrote out of order, one body a short line with no stop', () => {
  const text = [
    filler(1),
    'Your C compiler should be ISO/IEC 60559 compliant,1 and C99-compliant.2 R tries',
    'to choose suitable flags3 for the C compilers it knows about, but you may have to set CC.',
    '',
    '1',
    '',
    'also known as IEEE 754',
    'Note that C11 compilers need not be C99-compliant: R requires support for double complex and variable-length arrays.',
    '3',
    'Examples are -std=gnu99, -std=c99 and -c99.',
    '2',
    `\f${filler(2)}`,
    `\f${filler(3)}`,
    '',
  ].join('\n');
  const { markdown } = normalize(text);
  it('cuts the stretch holding two bodies after the short line, before the capital', () => {
    expect(bodyAfter(markdown, 'ISO/IEC 60559 compliant,')).toBe('also known as IEEE 754');
    expect(bodyAfter(markdown, 'C99-compliant.')).toMatch(/^Note that C11 compilers/);
    expect(bodyAfter(markdown, 'suitable flags')).toBe('Examples are -std=gnu99, -std=c99 and -c99.');
  });
});

describe('raised numbers after a closing quote or a command’s argument, the stop set off after them', () => {
  const text = [
    'Put the following \\pagestyle{fancy}2 : it sets the heads.',
    filler(1),
    'This is done “while \\output is active” 3 . See the warning below.',
    '',
    '2 Note that version 1 of fancyheadings worked differently.',
    '3 If you use 11pt or 12pt the values differ.',
    `\f${filler(2)}`,
    `\f${filler(3)}`,
    '',
  ].join('\n');
  const { markdown } = normalize(text);
  it('are marks', () => {
    expect(bodyAfter(markdown, '\\\\pagestyle{fancy}')).toBe('Note that version 1 of fancyheadings worked differently.');
    expect(bodyAfter(markdown, 'is active”')).toBe('If you use 11pt or 12pt the values differ.');
  });
});

describe('a page foot whose last label the extraction wrote after its body (“3⏎body⏎body⏎4”)', () => {
  const text = [
    'Polyglossia is written by many hands, as the acknowledgements say.3 It also',
    'supports language tags that conform to the IETF BCP-47 Best Current Practice.4 Thus, you can use tags.',
    filler(1),
    '3',
    '',
    'See acknowledgements at the end for due credit to the various contributors.',
    'Please refer to https://tools.ietf.org/html/bcp47 and https://en.wikipedia.org/wiki/',
    'IETF_language_tag for details.',
    '4',
    `\f${filler(2)}`,
    `\f${filler(3)}`,
    '',
  ].join('\n');
  const { markdown } = normalize(text);
  it('gives the label to the last body, cut from the one before at its sentence end', () => {
    expect(bodyAfter(markdown, 'as the acknowledgements say.')).toBe('See acknowledgements at the end for due credit to the various contributors.');
    expect(bodyAfter(markdown, 'Best Current Practice.')).toMatch(/^Please refer to https:\/\/tools\.ietf\.org\/html\/bcp47/);
  });
});

const matrixPage = (after: string) =>
  [
    filler(1),
    'give column specifications for any of the matrix environments; by default you',
    'can have up to 10 centered columns.2 (If you need left or right alignment in a',
    'column you may use array.)',
    after,
    '',
    '2 More precisely: The maximum number of columns in a matrix is set by a counter.',
    `\f${filler(2)}`,
    `\f${filler(3)}`,
    '',
  ].join('\n');
describe('a page foot whose label a line of code or a formula below the mark also ends with', () => {
  it('takes the prose’s mark, not the code’s (“\\renewcommand\\columns2{…}”)', () => {
    const { markdown } = normalize(matrixPage('\\setcounter{MaxMatrixCols}{20} \\renewcommand\\columns2{3em}'));
    expect(bodyAfter(markdown, 'centered columns.')).toBe('More precisely: The maximum number of columns in a matrix is set by a counter.');
  });
  it('nor a formula’s index (“−a12 t2 . . .”)', () => {
    const { markdown } = normalize(matrixPage(['D1 t', '−a12 t2 . . . −a1n tn', '−a21 t1', 'D2 t'].join('\n')));
    expect(bodyAfter(markdown, 'centered columns.')).toBe('More precisely: The maximum number of columns in a matrix is set by a counter.');
  });
});
