// Unit tests for the passes' building blocks.
import { describe, expect, it } from 'vitest';
import { breakLines, INFINITY, type Item } from '../src/render/pdf/knuthplass.ts';
import { decideHyphen } from '../src/normalize/hyphenation.ts';
import { typographyOf } from '../src/normalize/passes/typography.ts';
import { marksOf } from '../src/normalize/notes/marks.ts';
import { openerOf } from '../src/normalize/notes/openers.ts';
import { escapeInline } from '../src/normalize/emit.ts';
import { isCodeLine, looksLikeCode } from '../src/normalize/code.ts';
import { pageFurniture } from '../src/normalize/pagefurniture.ts';
import { hyphenator } from '../src/hyphenate.ts';
import { parseBook } from '../src/model/parse.ts';
import { normalize } from '../src/normalize/chain.ts';

describe('hyphenation decisions', () => {
  const lex = new Map<string, number>([['well-known', 2], ['condition', 1]]);
  it('follows the text’s own usage first', () => {
    expect(decideHyphen('well', 'known', lex).keep).toBe(true);
    expect(decideHyphen('condi', 'tion', lex).keep).toBe(false);
  });
  it('falls back on the word list and the hyphenation patterns', () => {
    expect(decideHyphen('well', 'known', new Map()).keep).toBe(true);
    expect(decideHyphen('high', 'school', new Map([['high-school', 1]])).keep).toBe(true);
    expect(decideHyphen('admit', 'ting', new Map()).keep).toBe(false);
    expect(decideHyphen('social-pac', 'ifism', new Map()).keep).toBe(false);
    expect(decideHyphen('count', 'er-revolution', new Map()).keep).toBe(false);
    expect(decideHyphen('anti', 'Soviet', new Map()).keep).toBe(true);
  });
  it('keeps the hyphen of a chain of hyphened words broken after a short word of it, not after a syllable', () => {
    expect(decideHyphen('go-as-you', 'please', new Map()).keep).toBe(true);
    expect(decideHyphen('up-to', 'date', new Map()).keep).toBe(true);
    expect(decideHyphen('well-in', 'formed', new Map()).keep).toBe(false);
    expect(decideHyphen('social-pac', 'ifism', new Map()).keep).toBe(false);
  });
});

describe('a hyphen a lost wrap left inside a line', () => {
  const para = (language: string, ...lines: string[]) => normalize(`${lines.join('\n\n')}\n`, { meta: { language } }).markdown;
  it('is mended where the word list or the text knows the word, or the text writes the compound with its hyphen', () => {
    const md = para('en', 'The owner keeps the commodity in the ware- house, and has it on his conscience as exchange- value.', 'Only then is the exchange-value of the commodity- owner seen in the variety of the commodities them- selves.');
    expect(md).toContain('in the warehouse, and');
    expect(md).toContain('as exchange-value.');
    expect(md).toContain('of the commodity- owner'); // no evidence for either form: left as written
    expect(md).toContain('the commodities themselves.');
  });
  it('is mended in a saved page too (its source lines hard-wrapped, as a transcription from print)', async () => {
    const { readHtmlFile } = await import('../src/readers/index.ts');
    const { normalizeRead } = await import('../src/normalize/structured.ts');
    const html = '<html><head><title>T</title></head><body><p>The owner keeps the commodity as use-value in the ware-\nhouse, and has it on his conscience as exchange-value.</p></body></html>';
    const read = await readHtmlFile(new TextEncoder().encode(html), 'page.html');
    expect(normalizeRead(read.doc).markdown).toContain('in the warehouse, and');
  });
  it('is left where it suspends a compound', () => {
    const md = para('en', 'Both pre- and post-war prices, first- or second-class fares and long- through short-term loans are kept.');
    expect(md).toContain('pre- and post-war');
    expect(md).toContain('first- or second-class');
    expect(md).toContain('long- through short-term');
    expect(para('en', 'The semitones fall between the notes [F: e- f g (a b-) c] of the scale.')).toContain('e- f g');
    expect(para('de', 'Die Haftungs- und Urheberrechte bleiben, die Urheberrechte auch.')).toContain('Haftungs- und Urheberrechte');
  });
});

describe('control characters in an original', () => {
  it('are taken out of a saved page’s text and counted in the report', async () => {
    const { readHtmlFile } = await import('../src/readers/index.ts');
    const { normalizeRead } = await import('../src/normalize/structured.ts');
    const html = '<html><head><title>T</title></head><body><p>The syntax \x03tabular-env\x04 ::= and its friends, in a paragraph of the page.</p></body></html>';
    const { markdown, state } = normalizeRead((await readHtmlFile(new TextEncoder().encode(html), 'page.html')).doc);
    expect(markdown).toContain('The syntax tabular-env ::= and its friends');
    expect(markdown).not.toMatch(/[\u0000-\u0008\u000e-\u001f]/);
    expect(state.changes.find((c) => c.kind === 'control-characters')?.why).toMatch(/^2 control characters taken out/);
  });
});

describe('typography', () => {
  it.each([
    ['a -- b', 'a—b'],
    ['a ― b', 'a—b'],
    ['word — word', 'word—word'],
    ['from 1870 – 1924', 'from 1870 – 1924'],
    ['one – two', 'one—two'],
    ['wait . . . then', 'wait … then'],
    ['wait... then', 'wait… then'],
    ['"Quoted," he said', '“Quoted,” he said'],
    ["Lenin's 'party'", 'Lenin’s ‘party’'],
    ['March 26 , with', 'March 26, with'],
    ['a\u00a0 b  c', 'a b c'],
    ['see p. 12 and Vol. IV', 'see p.\u00a012 and Vol.\u00a0IV'],
  ])('%j → %j', (input, want) => expect(typographyOf(input)).toBe(want));
});

describe('reference candidates', () => {
  const nums = (t: string) => marksOf(t).map((c) => `${c.label.text}${c.weak ? '?' : ''}`);
  it('finds glued, bracketed, starred, superscript and displaced marks', () => {
    expect(nums('Engels.1 Following')).toEqual(['1']);
    expect(nums('power”.2')).toEqual(['2']);
    expect(nums('Enrollment1 and Congress8, then')).toEqual(['1', '8']);
    expect(nums('proposal. [1] Now')).toEqual(['1']);
    expect(nums('for* the')).toEqual(['*']);
    expect(nums('Footnote Lines∗ by')).toEqual(['*']);
    expect(nums('best.¹ Shorter')).toEqual(['1']);
    expect(nums('the Anarchists 5in place')).toEqual(['5?']);
    expect(nums('Kugelmann in 1871.22')).toEqual(['22?']);
  });
  it('leaves years, counts, decimals and ordinals alone', () => {
    expect(nums('with 222,000 and 384,000 people in 1917')).toEqual([]);
    expect(nums('per capita of US$36,254. The currency')).toEqual([]);
    expect(nums('Kugelmann in 1871,22 and')).toEqual(['22?']);
    expect(nums('the 21st century, 2.4% and 4th ed.')).toEqual([]);
    expect(nums('[1852 book]')).toEqual([]);
    expect(nums('5.12.1 When a package is eligible')).toEqual([]);
    expect(nums('2.4 Experiments')).toEqual([]);
    expect(nums('6.8.8.2 Repackaged upstream source')).toEqual([]);
    expect(nums('1.3.2. /etc/mail/sendmail.cf')).toEqual([]);
    expect(nums('see section 3.2.1 and version 1.2.3 of it')).toEqual([]);
    expect(nums('buzz for release 1.1, rex for release 1.2, bo for releases 1.3.x, see 4.2.')).toEqual([]);
    expect(nums('Figure 2.1 on page 24 shows')).toEqual([]);
    expect(nums('(see Section 6.4 [Bash Conditional Expressions])')).toEqual([]);
    expect(nums('in Chapter 3 and Chapter 4.16 In Chapter 3')).toEqual(['16?']);
    expect(nums('Kugelmann in 1871.22 and')).toEqual(['22?']);
  });
  it('takes a number closing a metavariable (⟨lang2⟩) as a weak candidate only', () => {
    expect(nums('\\setotherlanguages{⟨lang1⟩,⟨lang2⟩} and options.2 It')).toEqual(['1?', '2?', '2']);
  });
  it('reads a TeX command’s optional argument and starred form as the command’s, not as marks', () => {
    expect(nums('\\parbox[b]{\\linewidth}{%')).toEqual([]);
    expect(nums('\\begin{minipage}[t]{\\linewidth}%')).toEqual([]);
    expect(nums('\\renewcommand{\\fancyrefhook}[1]{{\\huge #1}}')).toEqual([]);
    expect(nums('(and \\ref*{⟨key⟩}, if the hyperref package is used)')).toEqual([]);
    // the same marks in prose stay candidates
    expect(nums('see [8] and the package[1] as the word* [in] it')).toEqual(['8', '1', '*']);
  });
  it('reads a run of raised digits longer than a label as no mark (a font’s sample line)', () => {
    expect(nums('Superior: ¹²³⁴⁵⁶⁷⁸⁹⁰')).toEqual([]);
    expect(normalize('Superior figures: ¹²³⁴⁵⁶⁷⁸⁹⁰ and inferior ones.\n').markdown).toContain('¹²³⁴⁵⁶⁷⁸⁹⁰');
  });
});

describe('numbers set off by spaces', () => {
  // the numbers a text writes for its figures, parts and dates, spaced as words
  const prose = [
    'Under the title Species we employ the Arabic figures 1, 3, 2. The normal form stands in the middle of the genus and the species alike, as the first lessons showed.',
    'The menace made in figure 2, with inclination of the head and agitation of the index finger, is that of a valet; the threat of figure 3, with the body upright, is a master’s.',
    'The orator released on April 1, in honour of the day, spoke of Part 1 and Part 2: and of the third gesture, which has three steps.',
  ];
  const list = ['1. The hand turns toward the interlocutor with an appealing aspect.', '2. The hand opens like a fan, the little finger toward the chest.', '3. The elbow is turned outward, and the hand passes toward the breast.'];
  it('are the text’s own numbers in a text without pages: a numbered list closing its section stays a list', () => {
    const md = normalize(`Gestures\n\n${prose.join('\n\n')}\n\nThird Gesture\n\nIn this gesture there are three steps:\n\n${list.join('\n\n')}\n\nFourth Gesture\n\nThe arm rests.\n`).markdown;
    expect(md).not.toContain('[^');
    expect(md).toContain('the Arabic figures 1, 3, 2.');
    expect(md).toContain('released on April 1, in honour');
    expect(md).toMatch(/^1\. The hand turns toward/m);
  });
  it('are raised marks as an extraction of typeset pages writes them: on a page, with the page’s notes at its foot', () => {
    const page = 'The state is the product of the irreconcilability of class antagonisms, as the first chapter argues at length. 1 It arises where and when\nthose antagonisms cannot be reconciled, and the second chapter takes this up in turn. 2 The rest\nof the page goes on about the state and its special bodies of armed men and prisons.\n\n1 See the first chapter of the book.\n2 See the second chapter of the book.\n';
    const md = normalize(`${page}\f${page.replace(/first|second/g, (w) => (w === 'first' ? 'third' : 'fourth'))}\f`).markdown;
    expect(md).toContain('argues at length.[^1] It arises');
    expect(md).toContain('[^2]: See the second chapter of the book.');
  });
});

describe('a news page copied from the browser', () => {
  // photo galleries' counters, a "most read" list numbered with its numbers alone on their lines,
  // a query quoted in the text, and the "↑ Top" link of a chapter page
  const page = [
    'Inside the Islamic State’s attack on the museum',
    '1 of 24',
    'Full Screen',
    'The attack on the museum was the deadliest on foreigners in the country in more than a decade, officials said on Thursday, and the gunmen had trained abroad.',
    'The query keeps the rows where period > now() - interval \'1 hour\', as the dashboard shows them.',
    'View Photos',
    '1 of 12',
    'Investigators said the two gunmen had trained in camps across the border before the attack, and a third man is being sought by the police.',
    '',
    'Actions\n↑ Top\nNext Chapter →\nComments (74)',
  ].join('\n\n');
  const { markdown, state } = normalize(`${page}\n`);
  it('has no pages: two counters that do not rise are no page markers', () => {
    expect(state.changes.filter((c) => c.kind === 'remove-page-marker')).toEqual([]);
    expect(markdown).not.toContain('<!--page');
    expect(state.items.some((x) => x.kind === 'page')).toBe(false);
  });
  it('has no notes: a "↑ Top" no bracketed or raised mark cites is the page’s link to its top', () => {
    expect(markdown).not.toContain('[^');
    expect(markdown).toContain("interval ‘1 hour’");
  });
});

describe('a book of verse with its prose around it', () => {
  // an e-text wrapped at 70 whose poems outnumber its introduction's lines: fewer than half its
  // lines reach the measure, every line is bounded by it
  const wrap = (text: string, width = 70) => {
    const out: string[] = [];
    let line = '';
    for (const w of text.split(' ')) {
      if (line && line.length + 1 + w.length > width) {
        out.push(line);
        line = w;
      } else line = line ? `${line} ${w}` : w;
    }
    return [...out, line].join('\n');
  };
  const prose = Array.from({ length: 24 }, (_, i) => wrap(`In paragraph ${i} of the introduction the editor explains how the collection of verse was put together, which windows and walls its pieces were copied from, and why the canon left them out; the reader is asked to judge them as the age did, by their wit rather than their taste, and to forgive the printer his spelling.`));
  const stanza = (i: number) => [`  Within this learn’d Receptacle of Arts,`, `  The ${i} Wits, if ask’d, on each can shew their Parts;`, `  Alike a Newton, or a Ratcliffe prove;`, `  A Coke in Law--an Etheridge in Love.--`, `  Reason profound--in Hist’ry state each Fact,`, `  Teach London how to think, or Walpole how to act.`].join('\n');
  const couplet = () => `  There’s nothing foul that we commit,\n  But what we write, and what we sign in rhymes.`;
  const poems = Array.from({ length: 30 }, (_, i) => `_On a Window, number ${i}_\n\n${i % 2 ? stanza(i) : couplet()}`);
  const md = normalize(`INTRODUCTION\n\n${prose.join('\n\n')}\n\nTHE POEMS\n\n${poems.join('\n\n')}\n`).markdown;
  it('is read as wrapped: its prose paragraphs whole', () => {
    expect(md).toMatch(/^In paragraph 3 of the introduction .* forgive the printer his spelling\.$/m);
  });
  it('keeps its verse lines, a stanza or a couplet, as the author broke them', () => {
    expect(md).toContain('Within this learn’d Receptacle of Arts,\\\nThe 1 Wits, if ask’d, on each can shew their Parts;\\\nAlike a Newton');
    expect(md).toContain('There’s nothing foul that we commit,\\\nBut what we write');
  });
});

describe('listings between lines of prose (no blank line around them)', () => {
  it('an R session set in the text is a code block, its printed [1] lines with it', () => {
    const text = [
      'The storage mode of an object is what the routine being called expects, so the modes need to be',
      'distinguished in the code that calls it, as the following example shows in the console window.',
      '> x <- 1:3',
      '> typeof(x)',
      '[1] "integer"',
      '> mode(x)',
      '[1] "numeric"',
      'Objects are often coerced to different types during computations. There are also many other',
      'functions available to perform explicit coercion, and the language offers several of them here.',
    ].join('\n');
    const md = normalize(`${text}\n`).markdown;
    expect(md).toContain('```\n> x <- 1:3\n> typeof(x)\n[1] "integer"\n> mode(x)\n[1] "numeric"\n```');
    expect(md).toMatch(/as the following example shows in the console window\.\n\n```/);
  });
});

describe('note body openers', () => {
  it.each([
    ['1. Text', 'dot', '1'],
    ['15\u2003\u2002  My italics', 'space', '15'],
    ['1The text', 'space', '1'],
    ['[3] Text', 'bracket', '3'],
    ['{35a}  Text', 'brace', '35a'],
    ['(12) Text', 'paren', '12'],
    ['* My italics', 'sym', '*'],
    ['∗ This document describes version 2', 'sym', '*'],
    ['² Text', 'super', '2'],
    ['[Footnote 4: Text]', 'fn-block', '4'],
    ['Footnote 4:', 'fn-line', '4'],
    ['7', 'alone', '7'],
    ['↑ 3.0 3.1 Text', 'arrow', '3'],
  ])('%j', (line, form, label) => {
    expect(openerOf(line)).toMatchObject({ form, label: { text: label } });
  });
  it('reads unlabelled lists and their back-links', () => {
    expect(openerOf('^ a b Edwards, Stewart')).toMatchObject({ form: 'caret', cites: 2, rest: 'Edwards, Stewart' });
    // (a caret not set apart is a shell's quick substitution, no back-link)
    expect(openerOf('^string1^string2^ Quick Substitution.')?.form).not.toBe('caret');
    expect(openerOf('^ A person born')).toMatchObject({ form: 'caret', cites: 1, rest: 'A person born' });
    expect(openerOf('Kevin and I were noodling on it.↩︎')).toMatchObject({ form: 'tail', rest: 'Kevin and I were noodling on it.' });
  });
  it('does not take a list item or a section number for a label', () => {
    expect(openerOf('a) the item')).toBeUndefined();
    expect(openerOf('1) The section')).toBeUndefined();
    expect(openerOf('1.3.5. Queue runs')).toBeUndefined();
  });
});

describe('code lines', () => {
  it('a figure’s variable display is code: assignments and their split-off right sides', () => {
    expect(isCodeLine('bit1 = 1')).toBe(true);
    expect(isCodeLine('= 3.14159274')).toBe(true);
    expect(looksLikeCode(['Displays', 'ii', '= 7', 'bit1 = 1', 'bit2 = 3', 'u', '= {...}', 'ii = 1', 'sqrt2 = 1.4142135623730951'], 80)).toBe(true);
  });
  it('prose that names a variable is not', () => {
    expect(isCodeLine('the value x = 5 is what the reader sees in the window')).toBe(false);
    expect(isCodeLine('Displays')).toBe(false);
  });
  it('a line of prose that opens with a command it names is prose: its slashed pairs and a word broken at its end are words', () => {
    expect(isCodeLine('\\end{lang} and the babel language switching commands/environments docu-')).toBe(false);
    expect(isCodeLine('\\usepackage is the well-known way to load a package-specific set of macros')).toBe(false);
    // a command with its arguments stays code, and so does a program's output
    expect(isCodeLine('(latexbug)                This test file uses third-party file(s)')).toBe(true);
    expect(isCodeLine('\\setmainlanguage[variant=british]{english}')).toBe(true);
    expect(isCodeLine('\\newcommand{\\foo}[1]{\\textbf{#1}}')).toBe(true);
  });
  it('a parenthesised date or phrase alone on its line, and a name in a list of names, are prose; Lisp and C stay code', () => {
    expect(isCodeLine('(1790-1826.)')).toBe(false);
    expect(isCodeLine('(_A Fragment._)')).toBe(false);
    expect(isCodeLine('Josephstadt;')).toBe(false);
    expect(looksLikeCode(['(1790-1826.)'], 72)).toBe(false);
    expect(isCodeLine('(define x 3)')).toBe(true);
    expect(isCodeLine("(s 'how-many-calls?)")).toBe(true);
    expect(isCodeLine('(null? x)')).toBe(true);
    expect(isCodeLine('Rboolean ask;')).toBe(true);
  });
});

describe('page furniture', () => {
  // pages of a DocBook manual through pdftotext -layout: the head holds the chapter and the section
  const heads = ['CHAPTER 4. COMPATIBILITY ISSUES            4.2. WHAT KERNELS DOES DEBIAN …', 'CHAPTER 4. COMPATIBILITY ISSUES       4.5. CAN I USE DEBIAN PACKAGES (”.DEB” …', 'CHAPTER 6. THE DEBIAN ARCHIVES                      6.3. WHAT ABOUT ”SID”?', 'CHAPTER 6. THE DEBIAN ARCHIVES 6.5. WHAT DOES THE TESTING …', 'CHAPTER 6. THE DEBIAN ARCHIVES           6.7. WHAT ARE ALL THOSE DIRECTORIES AT …'];
  const body = ['The package system keeps a list of what is installed and what each package needs.', 'Each of them is described in the chapter that follows, with the commands that use it.', 'A user who wants to know more can read the manual pages that come with the tools.', 'None of this needs a network connection once the packages have been fetched.'];
  // each page's text is its own: the body lines in another order, with other words
  const words = ['apt', 'dpkg', 'dselect', 'aptitude', 'synaptic'];
  const pages = heads.map((h, p) => [h, ...body.map((_, k) => body[(k + p) % body.length].replace(/package/g, words[p]))].map((text, k) => ({ i: p * 10 + k, text })));
  it('takes a two-column running head by the half that repeats, also with its gap closed up', () => {
    const found = pageFurniture(pages).filter((f) => f.kind === 'head').map((f) => f.i);
    expect(found.sort((a, b) => a - b)).toEqual([0, 10, 20, 30, 40]);
  });
  it('takes the catchword between a running head and the folio, which changes with every page', () => {
    const words = ['mathematical unit', 'ordinary mode', 'paragraph', 'penalty', 'plain TeX'];
    const glossary = words.map((w, p) => ['TEX for the Impatient', w, String(81 + p), ...body.map((_, k) => body[(k + p) % body.length])].map((text, k) => ({ i: p * 10 + k, text })));
    const found = pageFurniture(glossary).map((f) => f.i).sort((a, b) => a - b);
    expect(found).toEqual([0, 1, 2, 10, 11, 12, 20, 21, 22, 30, 31, 32, 40, 41, 42]);
  });
  it('takes roman folios of the front matter (xxiii, xxiv …) as folios', () => {
    const front = ['xxiii', 'xxiv', 'xxv', 'xxvi'].map((n, p) => ['Debian Reference', n, ...body.map((_, k) => body[(k + p) % body.length])].map((text, k) => ({ i: p * 10 + k, text })));
    const f = pageFurniture(front);
    expect(f.filter((x) => x.kind === 'folio').map((x) => x.label)).toEqual(['xxiii', 'xxiv', 'xxv', 'xxvi']);
    expect(f.map((x) => x.i % 10).every((k) => k <= 1)).toBe(true);
  });
  it('keeps a section title each chapter repeats with its own number (2.1 Introduction, 3.1 Introduction)', () => {
    const opening = ['2.1 Introduction', '3.1 Introduction', '4.1 Introduction', '5.1 Introduction'].map((h, p) => [h, ...body.map((_, k) => body[(k + p) % body.length])].map((text, k) => ({ i: p * 10 + k, text })));
    expect(pageFurniture(opening).filter((f) => f.i % 10 === 0)).toEqual([]);
  });
  it('leaves the text lines of the pages alone', () => {
    expect(pageFurniture(pages).every((f) => f.i % 10 === 0)).toBe(true);
  });
  it('takes a manual page’s head, its name and section on both sides (“BASH(1)”), for a running head, not a line of code', () => {
    const man = [38, 39, 40, 41].map((n, p) => ['BASH(1)', 'General Commands Manual', 'BASH(1)', ...body.map((_, k) => body[(k + p) % body.length]), 'GNU Bash 5.2', '2022 September 19', String(n)].map((text, k) => ({ i: p * 10 + k, text })));
    const found = pageFurniture(man).map((f) => f.i % 10).sort((a, b) => a - b);
    expect(found).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 7, 7, 7, 7, 8, 8, 8, 8, 9, 9, 9, 9]);
  });
});

describe('languages and kept lines', () => {
  it('finds hyphenation patterns by the language tag, whatever the package calls them, and none for an unknown one', () => {
    expect(hyphenator('de', '|')?.('Zeitschrift')).toContain('|');
    expect(hyphenator('fr', '|')?.('bibliothèque')).toContain('|');
    expect(hyphenator('xx')).toBeUndefined();
    expect(hyphenator('../../etc')).toBeUndefined();
  });
  it('a code listing and a poem keep their lines in the model (line breaks between them)', () => {
    const book = parseBook('```\nfirst line\n  second line\n```\n\nOne line,\\\nthe next line.\n', {});
    const kinds = book.chapters.flatMap((c) => c.blocks).map((b) => (b.kind === 'para' ? b.content.map((x) => x.kind).join(',') : b.kind));
    expect(kinds).toEqual(['code,break,code', 'text,break,text']);
  });
});

describe('escaping', () => {
  it('keeps markup-like text as text', () => {
    expect(escapeInline('a <script> & [x] *y* _z_ &amp;')).toBe('a \\<script\\> & \\[x\\] \\*y\\* \\_z\\_ \\&amp;');
  });
  it('a text line that looks like a list or heading is escaped', () => {
    const { markdown } = normalize('Title Here\n\nSome text that is a paragraph of a reasonable length for a test here.\n\n1. not a list really, a sentence that starts with a number and goes on for a while.\n');
    expect(markdown).not.toMatch(/^1\. /m);
  });
  it('a transcriber\'s "[^a]" (a circumflex) stays text: no "[^" left for any reader to take for a note', () => {
    const { markdown } = normalize('Title Here\n\nThe society is called the Mid[-e]/wig[^a]n, and its priests are many, as the text goes on to tell at length.\n');
    expect(markdown).not.toContain('[^');
    expect(markdown).toContain('wig\\[\\^a\\]n');
    // and markdown-it reads it back as the same text, no note
    const paras = parseBook(markdown, {}).chapters.flatMap((c) => c.blocks).filter((b) => b.kind === 'para');
    const text = paras.flatMap((b) => (b.kind === 'para' ? b.content : [])).map((x) => (x.kind === 'text' ? x.text : x.kind)).join('');
    expect(text).toContain('Mid[-e]/wig[^a]n,');
  });
});

describe('a web address in the print edition', () => {
  it('breaks after its slashes and dots, never hyphenated, as LaTeX’s \\url does; a word beside it is hyphenated as before', async () => {
    const { itemsOf } = await import('../src/render/pdf/paragraph.ts');
    const m = { width: (_f: string, size: number, text: string) => text.length * size * 0.5 } as unknown as import('../src/render/pdf/measure.ts').Measurer;
    const style = { face: 'regular' as const, size: 10, measure: 200, indent: 0, language: 'en', justify: true };
    const items = itemsOf([{ kind: 'text', text: 'Bug (https://lists.debian.org/20140801023630.GF12356@teltox.donarmstrong.com) considered' }], style, m);
    const boxes = items.filter((i) => i.type === 'box').map((i) => (i.data as { text: string }).text);
    expect(boxes).toContain('lists.');
    expect(boxes).toContain('teltox.');
    const inUrl = items.slice(items.findIndex((i) => i.type === 'box' && (i.data as { text: string }).text.startsWith('(https')), items.findIndex((i) => i.type === 'box' && (i.data as { text: string }).text === 'com)'));
    expect(inUrl.filter((i) => i.type === 'penalty' && !i.flagged && i.width === 0).length).toBeGreaterThanOrEqual(7);
    expect(inUrl.some((i) => i.type === 'penalty' && i.flagged)).toBe(false);
    expect(boxes.join('')).toContain('con');
    expect(boxes).not.toContain('considered');
  });
});

describe('line breaking', () => {
  // Deterministic random paragraphs: words of one to four syllables, hyphenatable between them.
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const paragraph = (): Item[] => {
    const items: Item[] = [];
    for (let w = 0; w < 120; w++) {
      if (w) items.push({ type: 'glue', width: 4, stretch: 3, shrink: 1.5 });
      const syllables = 1 + Math.floor(rnd() * 4);
      for (let k = 0; k < syllables; k++) {
        if (k) items.push({ type: 'penalty', width: 3, penalty: 50, flagged: true });
        items.push({ type: 'box', width: 8 + Math.floor(rnd() * 14) });
      }
    }
    items.push({ type: 'glue', width: 0, stretch: INFINITY, shrink: 0 }, { type: 'penalty', width: 0, penalty: -INFINITY, flagged: true });
    return items;
  };
  const ladders = (items: Item[], o: { ladderDemerits?: number }) => {
    const breaks = breakLines(items, { lineWidths: [150], tolerance: 10000, ...o })!;
    let run = 0;
    let n = 0;
    for (const b of breaks.slice(0, -1)) {
      const it = items[b.at];
      run = it.type === 'penalty' && it.flagged ? run + 1 : 0;
      if (run === 3) n++;
    }
    return n;
  };
  it('a third hyphenated line in a row costs extra: fewer ladders than plain Knuth–Plass', () => {
    let plain = 0;
    let ours = 0;
    for (let i = 0; i < 40; i++) {
      const p = paragraph();
      plain += ladders(p, { ladderDemerits: 0 });
      ours += ladders(p, {});
    }
    expect(ours).toBeLessThan(plain * 0.9);
  });
});

describe('pager lines', async () => {
  const { isPager } = await import('../src/normalize/passes/cruft.ts');
  it('are links to the page’s neighbours, not sentences that use the words', () => {
    expect(isPager('Next: 1.2, Prev: Chapter 1, Up: Chapter 1   [Contents]')).toBe(true);
    expect(isPager('« Previous | Contents | Next »')).toBe(true);
    expect(isPager('File: foo.info,  Node: Top,  Next: Overview,  Up: (dir)')).toBe(true);
    expect(isPager('Next, we turn to the contents of the index.')).toBe(false);
    expect(isPager('The next step is up to you')).toBe(false);
  });
});

describe('a row of a table drawn with bars, standing alone between paragraphs', () => {
  it('is no heading, however short and capitalised', () => {
    const p = 'The sums voted for the suppression of the trade were small, and they were voted late, as the table of\nthe statutes shows; the House never gave more than a few thousand dollars in any one year for it,\nand the Senate often gave less than the House had asked, so that the squadron was never at strength.';
    const md = normalize([p, '', '     IX.      96        |    Aug.   10, 1846   |            25,000', '', p, '', '     XIII.    424       |    Jan.   24, 1865   |            17,000', '', p, ''].join('\n')).markdown;
    expect(md).toMatch(/^IX\. 96 \| Aug\. 10, 1846 \| 25,000$/m);
    expect(md).not.toMatch(/^#/m);
  });
  it('nor is a short line that opens a quotation with a colon and a dash (“Constitution of Georgia:—”)', () => {
    const p = 'The sums voted for the suppression of the trade were small, and they were voted late, as the table of\nthe statutes shows; the House never gave more than a few thousand dollars in any one year for it,\nand the Senate often gave less than the House had asked, so that the squadron was never at strength.';
    const md = normalize([p, '', 'Constitution of Georgia:—', '', p, '', 'Resolution of Mr. Kellogg of Illinois:—', '', p, ''].join('\n')).markdown;
    expect(md).toMatch(/^Constitution of Georgia:—$/m);
    expect(md).not.toMatch(/^#/m);
  });
});

describe('a chapter label among the entries of the source’s contents', () => {
  it('is an entry of them (with its title), and the same label after the contents a heading', async () => {
    const { structure } = await import('../src/normalize/passes/structure.ts');
    type B = import('../src/normalize/types.ts').Block;
    const blk = (kind: B['kind'], text: string, extra: Partial<B> = {}): B => ({ kind, text, lines: [0], widths: [text.length], page: 0, ...extra });
    const entry = (t: string) => blk('item', t, { region: 'contents', label: '' });
    const blocks = [blk('heading', 'Contents', { level: 2 }), entry('1. The First Boats 3'), entry('2. The Charter 6'), blk('para', 'CHAPTER II'), blk('para', 'THE WALL'), entry('3. The Outer Wall 9'), entry('4. The Storms 12'), blk('para', 'CHAPTER I'), blk('para', 'THE BOATS'), blk('para', 'The harbour was built in three seasons, and the men who built it were paid by the tide rather than by the day.')];
    const s = { mode: 'blank-line', blocks, changes: [], doubts: [], notes: [], bodies: [], meta: {}, lexicon: new Map(), items: [], raw: [], pageLabels: [] } as unknown as import('../src/normalize/types.ts').NormState;
    structure(s);
    const of = (t: string) => s.blocks.find((b) => b.text.startsWith(t));
    expect(of('CHAPTER II')).toMatchObject({ kind: 'item', text: 'CHAPTER II. THE WALL', region: 'contents' });
    expect(of('CHAPTER I.')).toMatchObject({ kind: 'heading', level: 2, text: 'CHAPTER I. THE BOATS' });
  });
});

describe('the contents finder on a listing of numbered lines of decimals', () => {
  it('reads each line at once (its number pattern backtracked exponentially: 30 s for these lines of a manual)', () => {
    const text = ['489 %%BoundingBox: -32 -32 32 32', '490 %%Creator: MetaPost', '491 %%CreationDate: 2004.06.16:1257', '492 %%Pages: 1', '493 %%EndProlog', '494 %%Page: 1 1', '', '0 5.66928 dtransform truncate idtransform setlinewidth pop [] 0 setdash', '1 setlinejoin 10 setmiterlimit', '497 newpath 28.34645 0 moveto', '498 28.34645 7.51828 25.35938 14.72774 20.04356 20.04356 curveto', '499 14.72774 25.35938 7.51828 28.34645 0 28.34645 curveto', '500 -7.51828 28.34645 -14.72774 25.35938 -20.04356 20.04356 curveto', '501 -25.35938 14.72774 -28.34645 7.51828 -28.34645 0 curveto', '502 -28.34645 -7.51828 -25.35938 -14.72774 -20.04356 -20.04356 curveto'].join('\n');
    expect(normalize(`The example draws a circle:\n\n${text}\n`).markdown).toContain('28.34645 7.51828');
  });
});

describe('a saved page’s encoding', () => {
  const page = (charset: string, body: Uint8Array) => new Uint8Array([...new TextEncoder().encode(`<html><head><meta http-equiv="Content-Type" content="text/html;charset=${charset}"></head><body><p>`), ...body, ...new TextEncoder().encode('</p></body></html>')]);
  it('is UTF-8 when a page declares Latin-1 but its bytes are UTF-8 (saved again, its old declaration kept)', async () => {
    const { decodeHtml } = await import('../src/readers/html/decode.ts');
    const d = decodeHtml(page('iso-8859-1', new TextEncoder().encode('A lot 50 × 60, “twenty stables”')));
    expect(d.text).toContain('A lot 50 × 60, “twenty stables”');
    expect(d.notes.join(' ')).toMatch(/declared (?:iso-8859-1|windows-1252), but its bytes are UTF-8/i);
  });
  it('is the declared Latin-1 when the bytes are not UTF-8', async () => {
    const { decodeHtml } = await import('../src/readers/html/decode.ts');
    const d = decodeHtml(page('iso-8859-1', new Uint8Array([0x4c, 0x6f, 0x74, 0x20, 0xd7, 0x20, 0x60, 0xe9])));
    expect(d.text).toContain('Lot × `é');
    expect(d.notes).toEqual([]);
  });
  it('is UTF-8 when a page declares GB2312 but its bytes are UTF-8, and GB2312 when they are GB2312', async () => {
    const { decodeHtml } = await import('../src/readers/html/decode.ts');
    const words = 'DeepMind新电脑已可利用记忆自学，人工智能迈上新台阶';
    const d = decodeHtml(page('gb2312', new TextEncoder().encode(words)));
    expect(d.text).toContain(words);
    expect(d.notes.join(' ')).toMatch(/declared gb\w*, but its bytes are UTF-8/i);
    // the same words in GB2312's own bytes ("新电脑" = D0C2 B5E7 C4D4)
    const gb = decodeHtml(page('gb2312', new Uint8Array([0xd0, 0xc2, 0xb5, 0xe7, 0xc4, 0xd4])));
    expect(gb.text).toContain('新电脑');
    expect(gb.notes).toEqual([]);
  });
});

describe('glued numbers that are data, not marks', () => {
  it('names of one or two letters numbered on one line ("X1", "Y2", "X3") are doubtful marks; a stop’s glued number is not', async () => {
    const { streamOf } = await import('../src/normalize/notes/stream.ts');
    const { MarkIndex } = await import('../src/normalize/notes/markindex.ts');
    const lines = ['c("X1", "Y2", "X3", "Y4", "X5", "Y6")', 'the x and y of the text, written alone; repeated to match the sequence.3'];
    const idx = new MarkIndex(streamOf(lines.map((text, i) => ({ kind: 'text' as const, no: i + 1, text })), false));
    expect(idx.byLine[0].length).toBeGreaterThanOrEqual(3);
    expect(idx.byLine[0].every((m) => m.doubtful)).toBe(true);
    expect(idx.byLine[1].map((m) => [m.label.text, !!m.doubtful])).toEqual([['3', false]]);
  });
});

describe('a manual through pdftotext: parts, section numbers over their titles, a section’s running head', () => {
  // form-feed pages of a DocBook-style manual wrapped at about 90 columns: each chapter page
  // has the chapter's running head and the section's, cut short, at its top and a folio at its foot
  const prose = (i: number) =>
    [
      `Paragraph ${i} of the manual tells the reader how the package tools keep their lists of what`,
      `is installed, which files belong to which package, and what each of them needs before it`,
      `can be set up; the commands that read those lists are described in the chapters after this.`,
    ].join('\n');
  const page = (top: string[], n: number, body: string) => `${top.join('\n\n')}${top.length ? '\n\n' : ''}${body}\n\n${n}\n\f`;
  const text = [
    page(['Part 1', 'Basic use of the tools'], 3, `${prose(1)}\n\n${prose(2)}`),
    page([], 4, `4.1\n\nWhat is a package?\n\n${prose(3)}\n\n4.2\n\nHow do I install one?\n\n${prose(4)}`),
    page(['CHAPTER 4. PACKAGES', '4.2. HOW DO I INSTALL …'], 5, `${prose(5)}\n\n${prose(6)}`),
    page(['CHAPTER 4. PACKAGES', '4.2. HOW DO I INSTALL …'], 6, `${prose(7)}\n\n4.3\n\nWhere do packages come from?\n\n${prose(8)}`),
    page(['CHAPTER 4. PACKAGES', '4.3. WHERE DO PACKAGES COME …'], 7, `${prose(9)}\n\nRelease:\n7.4\n\nCodename:\nwheezy\n\n4.4 How do I remove a package?\n\n${prose(10)}\n\n4.5 How do I load a console font on startup the Debian way?\n\n${prose(24)}`),
    page(['Part 2', 'Keeping a system up to date'], 8, `${prose(11)}\n\n${prose(12)}`),
    page([], 9, `${prose(13)}\n\n${prose(14)}\n\n${prose(15)}`),
    page(['CHAPTER 5. UPDATES'], 10, `${prose(16)}\n\n${prose(17)}`),
    page(['CHAPTER 5. UPDATES'], 11, `${prose(18)}\n\n${prose(19)}`),
    page(['Part 3', 'Where do I get help?'], 12, `${prose(20)}\n\n${prose(21)}`),
    page(['Chapter 6'], 13, `Basics of the package\nmanagement system\n${prose(22)}\n\n${prose(23)}`),
  ].join('');
  const { markdown: md, state } = normalize(text);
  it('keeps “Part 1”, “Part 2”, “Part 3” — numbers rising by one on pages far apart — as the parts’ headings with their titles', () => {
    expect(md).toMatch(/^## (?:<!--page \d+-->)?Part 1\. Basic use of the tools$/m);
    expect(md).toMatch(/^## (?:<!--page \d+-->)?Part 2\. Keeping a system up to date$/m);
    expect(md).toMatch(/^## (?:<!--page \d+-->)?Part 3\. Where do I get help\?$/m);
  });
  it('parts a chapter’s title set on short lines in its own case from the paragraph that follows it', () => {
    expect(md).toMatch(/^## (?:<!--page \d+-->)?Chapter 6\. Basics of the package management system$/m);
    expect(md).toMatch(/^Paragraph 22 of the manual/m);
  });
  it('heads each title with the section number set on a line of its own above it, a question too', () => {
    expect(md).toMatch(/^#{2,3} (?:<!--page \d+-->)?4\.1 What is a package\?$/m);
    expect(md).toMatch(/^#{2,3} (?:<!--page \d+-->)?4\.2 How do I install one\?$/m);
    expect(md).toMatch(/^#{2,3} (?:<!--page \d+-->)?4\.3 Where do packages come from\?$/m);
    expect(md).toMatch(/^#{2,3} (?:<!--page \d+-->)?4\.4 How do I remove a package\?$/m);
    expect(md).toMatch(/^#{2,3} (?:<!--page \d+-->)?4\.5 How do I load a console font on startup the Debian way\?$/m);
    // (a number under a label is its value)
    expect(md).not.toMatch(/^#+ .*7\.4/m);
    expect(md).toMatch(/7\.4/);
  });
  it('takes no date over a news item’s title for a section number: they go down, with leading zeros', () => {
    const item = (d: string, t: string) => `${d}\n\n${t}\n\n${prose(1)}`;
    const news = normalize([item('10.15.15', 'Getting lean with ad design'), item('09.28.15', 'Ad blocking and its costs'), item('09.16.15', 'The age of new ads'), item('08.27.15', 'Guidelines for public comment')].join('\n\n')).markdown;
    expect(news).not.toMatch(/^#+ .*\d\d\.\d\d\.15/m);
    expect(news).toMatch(/^09\.28\.15$/m);
  });
  it('takes the section’s running head, cut short beside the chapter’s, off with it: the paragraph goes on', () => {
    expect(md).not.toMatch(/HOW DO I INSTALL|WHERE DO PACKAGES COME/);
    expect(md).not.toMatch(/CHAPTER [45]\./);
    expect(state.changes.filter((c) => c.kind === 'remove-running-head' && /^4\.\d\. /.test(c.from ?? '')).length).toBe(3);
  });
});

describe('a contents whose leaders pdftotext set on lines of their own', () => {
  it('lists its entries, no empty entry for a line of dots', () => {
    const entries = ['1 Basic bibliography with LaTeX', '2 How to use BibTeX?', '3 The .bib file'];
    const body = Array.from({ length: 12 }, (_, i) => `Paragraph ${i} says how the bibliography is made from the file of entries, and what each style does with it when the document is typeset.`).join('\n\n');
    const text = `Contents\n${entries[0]}\n${entries[1]}\n\n...............................\n\n3\n\n........................................\n\n11\n\n${entries[2]} . . . . . . . . . . . . . . . . 19\n\n${entries.map((e, i) => `${e}\n\n${body.replace(/Paragraph/g, `Part ${i} paragraph`)}`).join('\n\n')}\n`;
    const md = normalize(text).markdown;
    expect(md).toMatch(/^- 3 The \.bib file$/m);
    expect(md).not.toMatch(/^- *$/m);
    expect(md).not.toMatch(/^- .*\.\.\.\./m);
  });
  it('ends at a chapter’s label after it: “Chapter 1” is no entry for a page 1', () => {
    // (a wrapped text, as pdftotext writes it)
    const body = Array.from({ length: 6 }, (_, i) => `Paragraph ${i} of the chapter says how a document is made from its source,\nand what the program does with each of the commands it finds there, in\nthe order in which it finds them, before the pages are set and written.`).join('\n\n');
    const text = `LIST OF TABLES\n\nAbsolute Point Sizes. . . . . . . . . . . 109\nMath Fonts. . . . . . . . . . . . . 109\nUnits. . . . . . . . . . . . . 114\n\nChapter 1\n\nThings You Need to Know\n\n${body}\n\nChapter 2\n\nTypesetting Text\n\n${body}\n`;
    const md = normalize(text).markdown;
    expect(md).toMatch(/^## Chapter 1\. Things You Need to Know$/m);
    expect(md).toMatch(/^- Units$/m);
  });
});

describe('a browser copy of a post with SQL and its output', () => {
  // a browser keeps leading spaces only in a <pre>: SQL's indented clauses and psql's tables
  // drawn with box characters are listings, though their words are plain words
  const para = (i: number) => `Paragraph ${i} of the post explains what the query does with the series, and why the deviation from the mean tells an anomaly from an ordinary value.`;
  const query = ['WITH series AS (', '   SELECT *', '   FROM unnest(array[2, 3, 12]) AS n', '),', 'bounds AS (', '   SELECT', '       avg(n) - stddev(n) AS lower_bound', '   FROM', '       series', ')', 'SELECT', '   n', 'FROM', '   series,', '   bounds;'];
  const output = ['n  │ is_anomaly', '───┼────────────', ' 2 │ f', '12 │ t'];
  const menu = ['Home', 'News', '   info /', 'Sport', 'Culture', 'Contact'];
  const { markdown } = normalize([para(1), '', query.join('\n'), '', para(2), '', output.join('\n'), '', para(3), '', menu.join('\n'), '', para(4)].join('\n'));
  it('keeps an indented query as one code block, its lines and their indents as set', () => {
    expect(markdown).toContain(`\`\`\`\n${query.join('\n')}\n\`\`\``);
  });
  it('keeps a table drawn with box characters as set', () => {
    expect(markdown).toContain(`\`\`\`\n${output.join('\n')}\n\`\`\``);
  });
  it('makes no listing of a menu with one line set in', () => {
    expect(markdown).not.toMatch(/```\n(?:Home|News)/);
  });
});

describe('an index’s entries that open with carets (a manual’s “^^A”)', () => {
  it('are no notes list: a caret followed by one letter is no note body', () => {
    const para = (i: number) => `Paragraph ${i} of the manual explains how the comment characters work in a documented file, and why a line that starts with them is dropped.`;
    const text = ['The comment characters', '', para(1), '', 'The characters ^^A and ^^X are both defined as comment characters [1] later on.', '', para(2), '', 'Index', '', '^^A', '^^X', '', 'Symbols', '', para(3), ''].join('\n');
    const { markdown } = normalize(text);
    expect(markdown).not.toContain('[^');
    expect(markdown).toContain('^^A ^^X');
  });
});

describe('a formula a browser copy flattened a symbol a line', () => {
  it('keeps its letters: two letters alone on lines between signs are no navigation box’s view-talk-edit links', () => {
    const para = (i: number) => `Paragraph ${i} of the article explains how the equation is solved, and what each of its terms means for the reader who wants to use it in practice.`;
    const text = ['Solving equations', '', para(1), '', para(2), '', 'The roots are ', 'x', '=', 'a', 'b', '+', 'c', ' where the letters are the coefficients of the equation, as the reader will have seen in the earlier section.', '', para(3), '', para(4)].join('\n');
    const { markdown, state } = normalize(text);
    expect(markdown).toContain('x = a b + c where the letters');
    expect(state.changes.filter((c) => c.kind === 'remove-cruft')).toEqual([]);
  });
  it('takes no letter of it for the page’s title, however often the header repeats it', () => {
    const para = (i: number) => `Paragraph ${i} of the article explains how the equation is solved, and what each of its terms means for the reader who wants to use it in practice.`;
    const { markdown, state } = normalize(['E', '=', 'm', 'c', '2', 'E', '+', 'p', 'E', '−', 'q', '', para(1), '', para(2), '', para(3)].join('\n'));
    expect(state.changes.filter((c) => c.kind === 'keep-title')).toEqual([]);
    expect(markdown).not.toMatch(/^title:|^#+ E\b/m);
    // (the formula itself is the text's, no site header: kept, its symbols on one line)
    expect(markdown).toContain('E = m c 2 E + p E − q');
  });
  it('keeps a page of displayed formulas under their headings, above its first paragraph of prose, as the page’s text, no site header', () => {
    const lorenz = ['x', '˙', '=', 'σ', '(', 'y', '−', 'x', ')', 'y', '˙', '=', 'ρ', 'x', '−', 'y'];
    const cauchy = ['(', '∑', 'k', '=', '1', 'n', 'a', 'k', 'b', 'k', ')', '2', '≤', '(', '∑', 'a', 'k', '2', ')'];
    const prose = 'Finally, while display equations look good for a page of samples, the ability to mix math and text in a paragraph is also important, as this expression shows.';
    const { markdown } = normalize(['Formula samples', '', 'The Lorenz Equations', ...lorenz, 'The Cauchy-Schwarz Inequality', ...cauchy, 'In-line Mathematics', prose, ''].join('\n'));
    expect(markdown).toContain('The Lorenz Equations');
    expect(markdown).toContain('The Cauchy-Schwarz Inequality');
    expect(markdown).toMatch(/σ/);
  });
});

describe('a book’s index', () => {
  const para = (i: number) => `Paragraph ${i} of the history tells how the trade went on after the law, and what the\ncourts and the navy did, or failed to do, about it in the years that followed.`;
  // (an index is a small part of its book: a text mostly set in is a layout extraction)
  const body = Array.from({ length: 30 }, (_, i) => para(i)).join('\n\n');
  it('keeps an e-text’s index an entry a line, sub-entries too, its page numbers no note marks', () => {
    const index = [
      'Index', '', '',
      'ABOLITION of slave-trade by Europe, 145 n.', '',
      'Abolition Societies, organization of, 42, 74;', '  petitions of, 79, 80-85.', '',
      'Adams, C.F., 151.', '',
      'Adams, J.Q., on Right of Search, 139;', '  proposes Treaty of 1824, 140;', '  message, 271-72.', '',
      'Advertisements for smuggled slaves, 182 n.', '',
      'Africa, English trade to, 10, 12-13;', '  Dutch trade to, 24-25;', '  American trade to, 88, 112, 113, 116, 148, 179, 180, 181-82,', '      185-87;', '  reopening of trade to, 168-92.', '',
      'African Agency, establishment, 124, 126;', '  attempts to abolish, 156;', '  history, 158.',
    ].join('\n');
    const { markdown, state } = normalize(`THE SUPPRESSION\n\n${body}\n\n${index}\n`);
    // (a part of the book of its own, as a chapter is)
    expect(markdown).toMatch(/^## Index$/m);
    expect(markdown).toContain('- Abolition Societies, organization of, 42, 74;\n  - petitions of, 79, 80-85.\n- Adams, C.F., 151.');
    expect(markdown).toContain('\n  - American trade to, 88, 112, 113, 116, 148, 179, 180, 181-82, 185-87;\n');
    // (Markdown's nested list: each sub-entry an item of its entry's own list)
    const list = parseBook(markdown).chapters.flatMap((c) => c.blocks).find((b) => b.kind === 'list');
    const africa = list?.kind === 'list' ? list.items.find((it) => it[0]?.kind === 'para' && JSON.stringify(it[0]).includes('Africa, English trade')) : undefined;
    expect(africa?.[1]?.kind === 'list' ? africa[1].items.length : 0).toBe(3);
    expect(markdown).not.toMatch(/\[\^\d+\]/);
    expect(state.changes.some((c) => c.kind === 'index')).toBe(true);
  });
  it('nests nothing in a layout extraction, whose indentation is the page’s columns', () => {
    // (pdftotext -layout: paragraphs' first lines set in, an index in two columns)
    const layoutBody = Array.from({ length: 30 }, (_, i) => `     Paragraph ${i} of the history tells how the trade went on after the law, and what the\ncourts and the navy did, or failed to do, about it in the years that followed.`).join('\n\n');
    const cols = Array.from({ length: 14 }, (_, i) => (i % 2 ? `                              Entry${i}, ${i + 10}, ${i + 40}` : `Entry${i}, ${i + 3}`)).join('\n');
    const { markdown, state } = normalize(`${layoutBody}\n\nIndex\n\n${cols}\n`);
    expect(state.layout).toBe(true);
    expect(markdown).toMatch(/^- Entry1, 11, 41$/m);
    expect(markdown).not.toMatch(/^ {2}- /m);
  });
  it('takes a typeset index’s leaders off, its numbers that went on to the next line with the entry', () => {
    const entries = ['\\@ehc . . . . . . . . . . . . . . 79, 96, 140, 238', '\\@empty . . . . . . . . . . . . . . . . . . 33,', '34, 49, 51, 58, 62, 70, 85, 101,', '118, 124, 137, 177, 192, 197, 209', '\\@nil . . . . . . . . . . . . . . . 162, 165, 170', '\\@index . . . . . . . . . . 103', '\\@indexbox . . . . . . . 285', '\\@leftidx . . . . . . . . 293', '\\@mkidx . . . . . . . . . . 293', 'A', '\\AddToHook . . . . . . . . . . . . . . 176, 196', '\\advance . . . . . . . . . . . . . . . . 226, 227', 'B', '\\box . . . . . . . . . . . . . . . . . . . . 187, 204', '\\hook . . . . . . . . . . . . . . . . . . . . . 15, 22', '\\disableindex . . . .', '', '4, 5', '', '\\ifnum . . . . . . . . 120, 150, 179, 199,', '228, 229, 230, 231, 232, 233, 234', '\\ifpdf . . . . . . . . . . . . . . . . . . . . . . 69', '\\ifx . . 51, 58, 62, 70, 74, 85, 91, 101,', '\\landscape . . . . . . . . . . . . . . . . . . 211', '\\MessageBreak . . . . . . . . . . . . . . 77, 94'];
    const text = `${body}\n\nIndex\nNumbers written in italic refer to the page where the corresponding entry is described; numbers underlined refer to the code line of the definition.\nSymbols\n${entries.join('\n')}\n`;
    const md = normalize(text).markdown;
    expect(md).toContain('- \\\\@empty 33, 34, 49, 51, 58, 62, 70, 85, 101, 118, 124, 137, 177, 192, 197, 209\n');
    expect(md).toContain('- \\\\AddToHook 176, 196\n');
    expect(md).toContain('- \\\\disableindex 4, 5\n');
    expect(md).toContain('- \\\\hook 15, 22\n');
    // (its entries with one number are no contents entries, whose page numbers go)
    expect(md).toContain('- \\\\ifpdf 69\n');
    expect(md).toContain('- \\\\@indexbox 285\n');
    expect(md).toContain('- \\\\ifx 51, 58');
    expect(md).not.toMatch(/\. \. \./);
  });
});

describe('a table in a text that keeps its page layout (pdftotext -layout)', () => {
  const text = [
      '    The harbour at Dunbar kept its boats through the winter, drawn up on the',
      '    shingle above the line of the spring tides, and the council kept a record',
      '    of them that it read aloud each spring before the fishing began again. The',
      '    harbours of the coast and their boats stood thus in the year of the survey:',
      '',
      '        Harbour          Boats    Catch',
      '        Dunbar              40    herring and cod, with some',
      '                                  haddock in the spring',
      '        North Berwick       12    lobster',
      '',
      '        Eyemouth             7    haddock',
      '        Cockenzie          125    oysters',
      '',
      '    The fishing failed three times in the seventeenth century, and each time',
      '    the town sent to Leith for grain. It was paid for by a tax on every boat in',
      '    the harbour, whether it had fished that year or not, and the tax was   New',
      "    collected by the council's own officer at the harbour's head every spring.   1688",
      '    In hard years the record was the only thing that kept the peace between',
      '    the families of the shore, and the minister wrote that the custom was older',
      '    than the kirk.',
      '',
      '        1.    The boats were counted in the spring.',
      '        2.    The tax was paid before the fishing began.',
      '        3.    The record was read aloud to the town.',
      '',
      '    A stranger who came to fish from the harbour had first to ask the council',
      '    for a place, and was seldom given one, for every family on the shore had',
      '    its own place there, and the places passed from father to son like the',
      '    boats themselves, through all the years the record was kept at the harbour.',
  ].join('\n');
  const { markdown, state } = normalize(`${text}\n`);
  it('keeps the rows a table, each cell in its column: a wrapped cell joined, a blank line between rows passed over', () => {
    expect(markdown).toContain(['| Harbour | Boats | Catch |', '| --- | --- | --- |', '| Dunbar | 40 | herring and cod, with some haddock in the spring |', '| North Berwick | 12 | lobster |', '| Eyemouth | 7 | haddock |', '| Cockenzie | 125 | oysters |'].join('\n'));
    expect(state.changes.filter((c) => c.kind === 'table')).toHaveLength(1);
  });
  it('takes no prose with a margin note beside it, nor a list with its labels hung, for a table', () => {
    expect(markdown).toMatch(/^The fishing failed three times.* and the tax was New collected/m);
    expect(markdown).toMatch(/^1\. The boats were counted in the spring\.$/m);
    expect(markdown.match(/^\| --- /gm)).toHaveLength(1);
  });
});

describe('a layout text’s table that goes on over a page break, its header set again', () => {
  it('is one table, its header once', () => {
    const text = [
    "    The harbour at Dunbar kept its boats through the winter, drawn up on the",
    "    shingle above the line of the spring tides, and the council kept a record",
    "    of them that it read aloud each spring before the fishing began again. The",
    "    harbours of the coast and their boats stood thus in the year of the survey:",
    "",
    "        Harbour          Boats    Catch",
    "        Dunbar              40    herring",
    "        North Berwick       12    lobster",
    "\f        Harbour          Boats    Catch",
    "        Eyemouth             7    haddock",
    "        Cockenzie          125    oysters",
    "",
    "    The fishing failed three times in the seventeenth century, and each time",
    "    the town sent to Leith for grain. It was paid for by a tax on every boat in",
    "    the harbour, whether it had fished that year or not, and the tax was",
    "    collected by the council officer at the head of the harbour every spring.",
    ].join('\n');
    const { markdown } = normalize(`${text}\n`);
    expect(markdown).toContain(['| Harbour | Boats | Catch |', '| --- | --- | --- |', '| Dunbar | 40 | herring |', '| North Berwick | 12 | lobster |', '| Eyemouth | 7 | haddock |', '| Cockenzie | 125 | oysters |', ''].join('\n'));
  });
});
