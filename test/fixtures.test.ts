// Invented texts of the other kinds the normaliser will meet: no rule may depend on one source.
import { describe, expect, it } from 'vitest';
import { blockWith, body, fixture, fixtureText, noteText, parsedNotes } from './helpers.ts';
import { normalize } from '../src/normalize/chain.ts';
import { parseBook } from '../src/model/parse.ts';
import { plain } from '../src/model/book.ts';

describe('Project Gutenberg plain text', () => {
  const { markdown, report } = fixture('gutenberg.txt');
  it('drops the licence header and footer, keeping the header’s catalogue fields', () => {
    expect(markdown).not.toMatch(/Project Gutenberg|START OF|END OF|Updating editions/i);
    expect(markdown).toMatch(/^title: A Short Essay$/m);
    expect(markdown).toMatch(/^author: Jane Writer$/m);
    expect(report.changes.some((c) => c.kind === 'remove-cruft')).toBe(true);
  });
  it('unwraps 72-column lines, chapters, _italics_, -- dashes, straight quotes', () => {
    expect(markdown).toMatch(/^## CHAPTER I\. THE BEGINNING$/m);
    expect(markdown).toContain('It was a *very* cold morning');
    expect(markdown).toContain('old town—a town which');
    expect(markdown).toContain('“We shall not reach the ford before dark,” said the elder');
    expect(markdown).toContain('‘It is too late in the year');
  });
  it('links [1] notes after the paragraph and in a FOOTNOTES: block', () => {
    expect(parsedNotes(markdown).defs).toHaveLength(2);
    expect(markdown).toContain('first kings.[^1] The road');
    expect(noteText(markdown, 1)).toBe('The chronicles are lost; only a summary survives, copied in a later hand.');
    expect(noteText(markdown, 2)).toBe('The cart is mentioned in a letter of the same year.');
    expect(markdown).not.toMatch(/FOOTNOTES/);
    expect(markdown).toContain('1851, with 2,000 sheep');
  });
});

describe('Gutenberg notes whose label stands alone, the note a letter of many short paragraphs', () => {
  const { markdown } = fixture('gutenberg-letters-in-notes.txt');
  // a note's whole definition, its later paragraphs indented under it
  const whole = (n: number) => new RegExp(`^\\[\\^${n}\\]: ((?:.*)(?:\\n(?: {4}.*|))*)`, 'm').exec(markdown)?.[1].trim() ?? '';
  it('takes every paragraph up to the next label into the note, heading-like lines too', () => {
    expect(parsedNotes(markdown).defs).toHaveLength(4);
    expect(markdown).toContain('survive in the firm’s books.[^1]');
    expect(whole(2)).toMatch(/^HAMBURGH, \*June 12, 1801\.\*\n\n {4}DEAR SIRS,—[\s\S]*Yours faithfully,\n\n {4}J\. L\. D\.\n\n {4}You have no idea how many proposals I have received from London\.$/);
    expect(whole(3)).toMatch(/^AT THE GENERAL QUARTERS[\s\S]*Your obedient servant,\n\n {4}J\. L\. D\.$/);
    expect(whole(4)).toBe('The spelling is the writer’s own throughout.');
    // nothing of the letters is left in the text
    expect(body(markdown).replace(/^\[\^\d+\]:[\s\S]*/m, '')).not.toMatch(/HAMBURGH|DEAR SIR|Yours faithfully|\\\[2\\\]/);
  });
});

describe('Gutenberg notes after their paragraph, the text going on under new heads', () => {
  const text = `CHAPTER I.

THE FARM.

The farmer who avails himself of the labour of his neighbours is expected
to feed them, and the day closes with a substantial supper, more beef,
more ham, enormous plum-puddings, with plenty of cider for all of them,
and the ancient roundelay of "mon beau laurier."[1]

[1] EDITOR'S NOTE.--One curious custom at the supper was that the men had
their meal first, and not till they had finished did the women sit down.


Shrove Tuesday.

Shrove Tuesday is observed in the usual way, by a general frying and
eating of pancakes, and the custom must be old, and one of the
superstitious practices which the zeal of the clergy failed to end.


The First Sunday in Lent.

In the neighbouring island, the first Sunday in Lent is known as "Le
Dimanche des Brandons"--a name by which it is designated in old
calendars, and which it still bears in some parts of France.[2]
According to the late Mr. John Ozanne, a native of the island, it was
also known as "le jour des vitres," masks being worn on that day.

[2] EDITOR'S NOTES.--That these customs were also kept up here is evident
from the following extract from the manuscript note book of a rector.
`;
  it('ends a note before the paragraphs that cite the next one: they are the text, not the note’s continuation', () => {
    const md = normalize(text).markdown;
    expect(noteText(md, 1)).toMatch(/^EDITOR’S NOTE\.—One curious custom.*sit down\.$/);
    expect(body(md).replace(/^\[\^\d+\]:[\s\S]*/m, '')).toContain('Shrove Tuesday is observed');
    expect(md).toContain('some parts of France.[^2] According');
    expect(noteText(md, 2)).toMatch(/^EDITOR’S NOTES\.—That these customs/);
  });
});

describe('numbers set apart in a text with a listing', () => {
  const text = `THE LETTERS.


216.

TO STEINER.

I send you the proofs, which are full of errors, and I beg you to correct
them before the printer sees them again; the engraver is waiting for them
and so am I, as you know well enough by now, my dear friend.


217.

TO HASLINGER.

The little program you asked for reads, as near as I can write it here:

    for (i = 0; i < n; i++) {
        total += values[i];
    }

and it prints

    486

which is all that it does, and all that anyone could want of it now.
`;
  it('keeps a letter’s number “216.” in the text; a value the listing printed is the listing’s', () => {
    const md = normalize(text).markdown;
    expect(md).toMatch(/^216\\\.$/m);
    expect(md).toMatch(/^217\\\.$/m);
    expect(md).toContain('```\nfor (i = 0; i < n; i++) {');
    expect(md).toContain('```\n486\n```');
  });
  it('joins a section’s number right after a listing to the title under it (a manual through pdftotext)', () => {
    const prose = 'The package keeps its settings in one file, which is read when the\ndocument starts and never again, so that every page is set the same way\nfrom the first to the last.';
    const manual = ['1', '', 'Introduction', '', prose, '', '\\begin{document}', '\\usepackage{array}', '\\end{document}', '', '3.1', '', 'Examples', '', prose, '', '3.2', '', 'Formal naming syntax', '', prose, ''].join('\n');
    const md = normalize(manual).markdown;
    expect(md).toMatch(/^#+ 3\.1 Examples$/m);
    expect(md).not.toContain('```\n3.1\n```');
    expect(md).toContain('```\n\\begin{document}');
  });
});

describe('a Gutenberg chapter whose footnote stands between its FOOTNOTES: line and the next chapter’s head', () => {
  const text = `THE LOG SCHOOL-HOUSE

CONTENTS

  VII.  THE LOG SCHOOL-HOUSE ON THE COLUMBIA
  VIII.  THE BLACK EAGLE'S NEST


CHAPTER VII.

THE LOG SCHOOL-HOUSE ON THE COLUMBIA.


Most people who like history are familiar with the national story of
Marcus Whitman's "Ride for Oregon"[A]--that daring horseback trip across
the continent, from the Columbia to the Mississippi, in the winter of
the year when the mission was in danger.

When any one in the new settlement spoke of the Potlatch, this scene came
up like a shadow. Would it be repeated?

FOOTNOTES:

[Footnote A: See Historical Notes.]




CHAPTER VIII.

THE BLACK EAGLE'S NEST.


In the log school-house, Lewis and Clarke's Expedition was used as a
reading-book. Master Mann had adopted it because it was easy to read
and served as a sort of local geography and history of Mount Helens[B]
for the boys who came from the farms along the river.

"The black eagle's nest."

"The black eagle's nest," said the master again, and the boys laughed.

FOOTNOTES:

[Footnote B: See Notes.]


HISTORICAL NOTES.

VIII.

The expedition of Lewis and Clarke reached the Columbia in the autumn of
the year eighteen hundred and five, and wintered near its mouth.
`;
  it('reads the [Footnote A: …] block as the note, not as an entry of a contents', () => {
    const md = normalize(text).markdown;
    expect(md).toContain('“Ride for Oregon”[^1]—that');
    expect(noteText(md, 1)).toBe('See Historical Notes.');
  });
});

describe('a song whose stanzas repeat their lines', () => {
  const text = `THE WOLF BROTHER.


The children of the lodge had left their little brother alone in the
forest, and when they came back for him in the spring he had grown
thin and wild, and the wolves ran about him as if he were one of them.

"No--no!" said he. "I would rather be a wolf. The wolves have been kinder
to me than you.

    "My brother,
     My brother,
     I am turning--
     am turning
     Into a wolf.
      You made me so!

    "My sister,
     My sister,
     I am turning--
     I am turning
     Into a wolf.
      You made me so!"

"O little brother, forgive me," said the sister; "forgive me!"

He howled, and ran away with the pack of wolves, and they never saw him
again; but the children of the lodge still sing his song in the winter.
`;
  it('keeps the stanzas as verse: lines said again together are no contents naming later headings', () => {
    const md = normalize(text).markdown;
    expect(md).not.toMatch(/^- /m);
    expect(md).toContain('I am turning—\\\nam turning\\\nInto a wolf.\\\nYou made me so!');
  });
});

describe('Gutenberg text with page markers, alone on a line and inside the text', () => {
  const { markdown, paged, report } = fixture('gutenberg-pages.txt');
  it('takes every [Pg n] out of the words and keeps it as an original page, where it stood', () => {
    expect(markdown).not.toMatch(/\[Pg|Pg \d/);
    expect(paged).toContain('the argument is not <!--page 2-->settled yet.');
    expect(paged).toContain('poets and surveyors.[^1] <!--page 3-->The mill is gone');
    expect([...paged.matchAll(/<!--page (\d+)-->/g)].map((m) => m[1])).toEqual(['1', '2', '3', '4']);
    expect(report.changes.filter((c) => c.kind === 'remove-page-marker')).toHaveLength(4);
    // every page is stated, so nothing is counted and nothing is in doubt
    expect(report.doubts).toEqual([]);
  });
  it('leaves bracketed text that is not a run of page markers alone', async () => {
    const { normalize } = await import('../src/normalize/chain.ts');
    const one = normalize('A single note [p. 7] in a letter is not a page.\n').markdown;
    expect(one).toMatch(/\\\[p\.\s7\\\]/u);
  });
});

describe('PDF extraction with form feeds, folios and alternating running heads', () => {
  const { markdown, report } = fixture('pdf-formfeed.txt');
  it('removes folios “12 / 57” and both running heads', () => {
    expect(markdown).not.toMatch(/\d+ \/ 57|THE ART OF PRINTING|Types and Presses|\f/);
    expect(report.changes.filter((c) => c.kind === 'remove-running-head')).toHaveLength(4);
  });
  it('joins words and paragraphs across pages, through footnotes and heads', () => {
    expect(markdown).toContain('The printing of books became an industry');
    expect(markdown).toContain('ancient texts,[^2] and by merchants');
    expect(markdown).toContain('A well-known example');
    expect(body(markdown)).toMatch(/own secrets of ink and paper\.\n\nThe craftsmen/);
  });
  it('reads bodies written “1The text”, “2 The text” and a number alone on its line', () => {
    expect(noteText(markdown, 1)).toBe('The figure is disputed; see the introduction to this volume.');
    expect(noteText(markdown, 2)).toBe('Many of these editions survive in libraries today, though few are complete.');
    expect(noteText(markdown, 3)).toBe('Indulgences were among the first printed forms.');
  });
});

describe('PDF extraction whose running heads pdftotext set in pieces over the folio (LaTeX’s headings style)', () => {
  const { markdown, paged } = fixture('pdf-split-heads.txt');
  it('takes the section’s number and title over the folio out with it, though each section heads two pages only', () => {
    expect(markdown).not.toMatch(/Harbour Dues|Harbour Walls|Report on Harbours/);
    expect(body(markdown)).not.toMatch(/^\d+$/m);
    expect([...paged.matchAll(/<!--page (\d+)-->/g)].map((m) => Number(m[1]))).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});

describe('a number that opens a line in the middle of a sentence is no page foot', () => {
  it('keeps “Nos. 1, 2, and⏎3 move up and down…” in its paragraph, and the page’s real note linked', () => {
    const page = (n: number, lines: string[]) => [...lines, `${n} / 9`].join('\n');
    const text = [
      page(1, ['The apparatus is best shown by two pulleys with weights attached,', 'suspended from a cord held by the hands of three persons, 1, 2, and 3.', 'No. 2 holds the middle of the cord, one half of which passes round', 'a pulley up to the hand of No. 1; the other half similarly round the', 'other pulley up to the hand of No. 3. The hands of Nos. 1, 2, and', '3 move up and down quite independently, but as both weights are', 'controlled in part by No. 2, they become correlated, as the tables', 'of the last lesson showed for stature.']),
      page(2, ['The second lesson deals with the measurement of variation, and the', 'third with the way it is handed down from one generation to the', 'next, as the first lesson had promised in its closing words.1', '', '1 Galton, Natural Inheritance, 1889, p. 102.']),
      page(3, ['The fourth lesson returns to the pulleys and the weights, and the', 'fifth to the tables of the second, now drawn on squared paper.']),
    ].join('\n\f');
    const { markdown } = normalize(text);
    expect(markdown).toContain('The hands of Nos. 1, 2, and 3 move up and down quite independently');
    expect(parsedNotes(markdown).defs).toHaveLength(1);
    expect(markdown).toContain('in its closing words.[^1]');
    expect(noteText(markdown, 1)).toBe('Galton, Natural Inheritance, 1889, p.\u00a0102.');
  });
});

describe('a layout extraction whose page feet set their labels in by a space (Texinfo through pdftotext -layout)', () => {
  it('reads “ 1” alone on its line, the body indented under it, as the page’s note — a form feed, not that space, marks the page', () => {
    const prose = [
      'The simplest way is to download the most recent file of the sources, and to unpack it',
      'on systems that have a suitable{M} archiver installed. On other systems you need to have',
      'the compression program installed, when you can unpack the file in two steps instead.',
      '   The directory into which the sources are unpacked should not contain spaces, as most',
      'make programs do not expect spaces in the names of the directories they work in.',
      '   If you want the build to be usable by a group of users, set the mask before unpacking',
      'so that the files will be readable by the target group, and keep this setting whilst',
      'building and installing the whole system, including the manuals and the packages.',
      '   If you use a fairly recent version of the archiver and do this as a root account you',
      'may see many warnings about changing ownership, in which case you can use the option',
      'that keeps the owner, and perhaps also the one that keeps the permissions as they are.',
      '   These options can also be set in an environment variable: if more than one option is',
      'included they should be separated by spaces, as the manual of the archiver explains.',
    ];
    const page = (n: number) =>
      [`Chapter 1: Obtaining the sources${' '.repeat(60)}${n}`, '', ...[...prose.slice(3 * n - 3), ...prose.slice(0, 3 * n - 3)].map((l) => l.replace('{M}', String(n))), ` ${n}`, `     e.g. the archiver in version 1.${n} or later, or the one from the libarchive project,`, '     as used on most systems.'].join('\n');
    const text = [1, 2, 3, 4, 5].map(page).join('\n\f');
    const { markdown } = normalize(text);
    expect(parsedNotes(markdown).defs).toHaveLength(5);
    expect(markdown).toMatch(/a suitable\[\^\d\] archiver/);
    expect(markdown).not.toMatch(/suitable\d/);
    expect(noteText(markdown, 3)).toBe('e.g. the archiver in version 1.3 or later, or the one from the libarchive project, as used on most systems.');
  });
});

describe('PDF extraction whose page feet list their labels out of order (ConTeXt through pdftotext)', () => {
  const { markdown } = fixture('pdf-scrambled-feet.txt');
  it('gives the bodies the page’s labels in order, cutting the stretch whose label came late', () => {
    expect(noteText(markdown, 1)).toBe('Relatively late in the project we decided to be more careful with what got loaded.');
    expect(noteText(markdown, 2)).toBe('In the end, the loader was redesigned completely.');
    expect(noteText(markdown, 3)).toMatch(/^As with the other limits/);
    expect(noteText(markdown, 4)).toMatch(/^This is already a lot/);
    expect(markdown).toContain('(to 256)[^3], and the number of languages (to 8192)[^4] as');
  });
  it('reads a pair of raised numbers “comments).16 17” as two marks', () => {
    expect(markdown).toContain('(especially the comments).[^5][^6]');
    expect(noteText(markdown, 6)).toMatch(/^In the end not much of the old code/);
  });
  it('takes the running feet off short pages too', () => {
    expect(markdown).not.toMatch(/Report \d|\d Report/);
  });
});

describe('PDF extraction of a manual: numbered lists, section numbers and page feet', () => {
  const { markdown } = fixture('pdf-lists-and-feet.txt');
  it('links each page foot to its mark, not to a list item or a section number', () => {
    expect(markdown).toContain('the package name.[^1] You may also offer to help.');
    expect(noteText(markdown, 1)).toBe('ITS is short for “Intent to Salvage”.');
    expect(markdown).toContain('the upstream site;[^2]');
    expect(markdown).toContain('changed by you.[^3]');
    expect(noteText(markdown, 3)).toMatch(/^As a special exception/);
    expect(markdown.match(/^\[\^\d+\]:/gm)).toHaveLength(5);
  });
  it('finds a mark glued to a number or name the text writes elsewhere: “mode 07551.”, “doc.dtxa”', () => {
    expect(markdown).toContain('owned by root, mode 0755[^4]. Other directories keep mode 0755 too.');
    expect(noteText(markdown, 4)).toMatch(/^Some vendors ship them/);
    expect(markdown).toContain('Described in doc.dtx[^5] and in the manual.');
    expect(noteText(markdown, 5)).toBe('The file doc.dtx is installed with the package.');
  });
  it('takes short lines that open with a dotted section number for headings, at their number’s depth', () => {
    expect(markdown).toMatch(/^### (?:<!--page 54-->)?5\.12\.2 What a new maintainer should do$/m);
    expect(markdown).toMatch(/^## (?:<!--page 56-->)?5\.13 Other tasks$/m);
  });
  it('sets numbered paragraphs 1., 2., 3. in a row as a numbered list', () => {
    expect(markdown).toMatch(/^1\. Open a bug against the package/m);
    expect(markdown).toMatch(/^3\. After the three weeks/m);
    expect(markdown).toMatch(/^4\. should say in its changelog/m);
    const lists = parseBook(markdown, { name: 'x' }).chapters.flatMap((c) => c.blocks).filter((b) => b.kind === 'list');
    expect(lists.map((l) => l.kind === 'list' && l.ordered && l.items.length)).toEqual([3, 4]);
  });
  it('keeps a numbered list that goes on over a page in the text', () => {
    expect(body(markdown)).toMatch(/should build from source with the tools in the archive/);
    expect(markdown).not.toMatch(/^\[\^\d+\]: (?:should|Wait for an answer)/m);
  });
});

describe('PDF extraction in German whose pages hold verse and code beside the prose', () => {
  const { markdown, report } = fixture('pdf-verse-de.txt');
  it('reads the form-feed pages as a wrapped text, not as a browser copy: nothing is cut as a site’s chrome', () => {
    expect(report.changes.filter((c) => c.kind === 'remove-cruft')).toHaveLength(0);
    expect(body(markdown)).toContain('Die Gedichte dieses Bandes wurden in den Jahren zwischen den beiden Kriegen geschrieben und zum ersten Mal');
    expect(body(markdown)).toContain('steht die Lesart der Handschrift in den Nachweisen.');
    expect(body(markdown)).not.toMatch(/^#/m);
  });
  it('keeps every line of the poems and the listing, each poem’s lines as hard breaks', () => {
    for (const w of ['Katze Wacht', 'Fährmann lächelnd ein', '\\poemtitle{Abend}']) expect(markdown).toContain(w);
    expect(markdown).toContain('Der Abend kommt mit leisem Schritt,\\\ner nimmt die letzten Farben mit,\\\nund über Dach und Feld und Baum\\\nlegt er den ersten dunklen Traum.');
    const poem = parseBook(markdown, {}).chapters.flatMap((c) => c.blocks).find((b) => b.kind === 'quote' || (b.kind === 'para' && JSON.stringify(b).includes('Glocke')));
    expect(JSON.stringify(poem)).toContain('"kind":"break"');
  });
  it('tells the language from the text', () => {
    expect(markdown).toMatch(/^language: de$/m);
    expect(fixture('pdf-formfeed.txt').markdown).toMatch(/^language: en$/m);
  });
});

describe('a browser copy in French', () => {
  const { markdown } = fixture('web-fr.txt');
  it('drops the site’s menu and footer by their shape', () => {
    expect(markdown).not.toMatch(/Bibliothèque|Plan du site|Mentions légales|Haut de la page/);
  });
  it('keeps the short paragraphs at the end: prose is told by the text’s own small words, in any language', () => {
    expect(body(markdown)).toContain('Le soir même, la police ferma la salle.');
    expect(body(markdown)).toMatch(/le vote fut confirmé\.\s*$/);
    expect(markdown).toMatch(/^language: fr$/m);
  });
});

describe('bullets', () => {
  it('a browser copy’s article ending in a list of short bulleted items keeps every item, the footer after it left out', () => {
    const lines = [
      'Release Notes',
      'The new version of the game is out today, and it brings more changes than any release before it. We have spent a year on it, and we are proud of what the team has made.',
      'Here is the full list of what changed, from the largest features to the smallest fixes that players have asked us for over the year.',
      '* Enchanting has been redone, and now costs lapis lazuli in addition to enchantment levels',
      ...['Villager trading has been rebalanced', 'Anvil repairing has been rebalanced', 'Faster client-side performance', 'Max render distance increased', 'Scoreboards have new features', 'Tweaked the debug screen', 'Server list improved', 'Minor changes to villages', 'Buttons on the ceiling', 'Lots of other changes'].map((t) => `* ${t}`),
      ...['NewerOlder', 'Official links:', 'Home', 'Realms', 'Merchandise', 'Bug tracker', 'Account Support', 'Twitter', 'Community links:', 'Forums', 'Twitch'],
    ];
    const md = normalize(`${lines.join('\n')}\n`).markdown;
    expect(md).toContain('- Villager trading has been rebalanced\n');
    expect(md).toMatch(/^- Lots of other changes$/m);
    expect(md).not.toMatch(/Official links|Merchandise|Twitch/);
  });
  it('a bulleted line is an item of the list, its bullet not written twice', () => {
    const md = normalize('Some tools:\n\n• apt, the package manager\n• dpkg, the lower level\n• aptitude, a text interface\n').markdown;
    expect(md).toContain('- apt, the package manager\n- dpkg, the lower level');
    expect(md).not.toMatch(/^- •/m);
  });
});

describe('an e-text’s chapter headings by the four blank lines set before them', () => {
  const prose = (n: number) =>
    [
      `The ${['first', 'second', 'third', 'fourth'][n]} part of the inquiry turns on the records of the harbour, which the council kept`,
      'with great care through the years of the great fishing, and which the town still holds in the old',
      'chest in the vestry of the church, where any reader may ask to see them on a weekday morning.',
    ].join('\n');
  const text = [
    'THE HARBOUR RECORDS',
    '',
    'LONDON:',
    'PRINTED FOR THE AUTHOR',
    '',
    '',
    '',
    '',
    'MDCCCLX',
    '',
    '',
    '',
    '',
    '_Chapter I_',
    '',
    'OF THE BOATS.',
    '',
    '',
    prose(0),
    '',
    prose(1),
    '',
    '',
    '',
    '',
    'Chapter II. Of The Council And Its Clerks.',
    '',
    '',
    prose(2),
    '',
    '',
    '',
    '',
    'THE DUES OF THE HARBOUR AND',
    '',
    'THE WALL.',
    '',
    '',
    prose(3),
    '',
  ].join('\n');
  const { markdown } = normalize(text);
  it('takes a short block after four blank lines, the chapter’s prose under it, for a heading, and a title one blank line under it with it', () => {
    expect(markdown).toMatch(/^## \*Chapter I\*\. OF THE BOATS\.$/m);
    expect(markdown).toMatch(/^## Chapter II\. Of The Council And Its Clerks\.$/m);
    expect(markdown).toMatch(/^## THE DUES OF THE HARBOUR AND THE WALL\.$/m);
  });
  it('leaves a title page’s lines after four blank lines, no prose under them, as they are', () => {
    expect(markdown).not.toMatch(/^#+ MDCCCLX/m);
    expect(markdown).toMatch(/^MDCCCLX$/m);
  });
});

describe('an e-text’s scene breaks and a note boxed in characters', () => {
  const prose = (what: string) =>
    [
      `${what} begins in the house by the river, where the lamps were lit early`,
      'and the long evening went on with cards and letters and the slow talk',
      'of people who had known one another for many years, and who had no',
      'need to hurry anything that the night would bring to them in its turn.',
    ].join('\n');
  const text = [
    '    +--------------------------------------------+',
    '    | Transcriber’s Note:                        |',
    '    |                                            |',
    '    | Obvious typographical errors have been     |',
    '    | corrected.                                 |',
    '    +--------------------------------------------+',
    '',
    prose('The first scene'),
    '',
    '       *       *       *       *       *',
    '',
    prose('The second scene'),
    '',
    '***',
    '',
    prose('The third scene'),
    '',
  ].join('\n');
  const { markdown } = normalize(text);
  it('sets a row of stars as a break between scenes, not as a list of stars', () => {
    expect(body(markdown)).toMatch(/in its turn\.\n\n\* \* \*\n\nThe second scene/);
    expect(body(markdown)).toMatch(/in its turn\.\n\n\* \* \*\n\nThe third scene/);
    expect(markdown).not.toMatch(/^- \\\*/m);
    expect(parseBook(markdown).chapters.flatMap((c) => c.blocks).filter((b) => b.kind === 'rule')).toHaveLength(2);
  });
  it('keeps the boxed note’s words as a quotation, without the frame', () => {
    expect(markdown).toMatch(/^> Transcriber’s Note:$/m);
    expect(markdown).toMatch(/^> Obvious typographical errors have been corrected\.$/m);
    expect(markdown).not.toMatch(/\+-|\+—|\|/);
  });
});

describe('PDF extraction of a Texinfo manual with no notes', () => {
  const { markdown } = fixture('pdf-texinfo.txt');
  it('makes no note of a quoted literal star, a listing’s output or a chapter’s opening', () => {
    expect(markdown).not.toMatch(/\[\^/);
    expect(markdown).toContain('the pattern ‘.\\*’ does not match');
    expect(markdown).toContain('last updated August 17, 2021, and it replaces');
  });
});

describe('Wikipedia-style web copy', () => {
  const { markdown } = fixture('wikipedia.txt');
  it('links [n] references, repeated ones included, to a ^ a b list', () => {
    const { refs, defs } = parsedNotes(markdown);
    expect(defs).toHaveLength(3);
    expect(refs).toHaveLength(4);
    expect(markdown).toContain('soldiers.[^2][^3]');
    expect(markdown).toContain('French Army.[^2] Its decrees');
    expect(noteText(markdown, 2)).toMatch(/^Edwards, Stewart/);
  });
  it('drops [edit] links, the references heading and the wiki chrome; keeps numbers', () => {
    expect(markdown).not.toMatch(/\[edit\]|\\\[edit\\\]|From Wikipedia|^## References/m);
    expect(markdown).toMatch(/^## Background$/m);
    expect(markdown).toContain('229,167 votes');
    expect(markdown).toContain('1870–71');
  });
});

describe('superscript references and notes', () => {
  const { markdown } = fixture('superscript.txt');
  it('links ¹ ² to their bodies', () => {
    expect(markdown).toContain('reads best.[^1] Shorter');
    expect(noteText(markdown, 2)).toBe('See also the studies of legibility from the 1920s.');
    expect(markdown).toContain('“measure” again');
  });
});

describe('A Distributed Proofreaders transcription: page lines, block quotations, illustrations', () => {
  const { markdown, report } = fixture('dp-pages.txt');
  it('takes the page lines and the /# #/ marks out', () => {
    expect(markdown).not.toMatch(/File:|png|\/#|#\/|Blank Page/);
  });
  it('joins a block quotation the page cut in two', () => {
    expect(markdown).toMatch(/^> “We have lost the outer wall .* I ask the council for leave to hire fifty more hands .* lost a third time\.”\[\^1\]$/m);
    expect(report.changes.some((c) => c.kind === 'join-across-page')).toBe(true);
  });
  it('joins a paragraph an illustration interrupts and sets the illustration after it', () => {
    const b = body(markdown);
    expect(b).toMatch(/from the salt of the fisheries to the timber of the new church, and the wine of the mayor’s table\.\n\n\\?\[Illustration: THE OUTER WALL IN 1862\\?\]/);
    expect(noteText(markdown, 1)).toBe('Letter of 12 January, in the town archive.');
  });
  it('reads a title its <sc> tags open and close on two lines as words, not as markup', () => {
    expect(markdown).toMatch(/^The Harbour Dues, and what the Town made of them\.\[\^2\]$/m);
    expect(markdown).not.toMatch(/<sc>|```/);
  });
  it('joins a word broken over the page from the page’s last line of text, the page’s notes between', () => {
    expect(markdown).toContain('the town has not hitherto found a better way');
    expect(noteText(markdown, 2)).toBe('Read before the Harbour Society, in the winter of 1871.');
  });
  it('decides a hyphen the proofers marked as doubtful (school-*masters) as a line-end hyphen is decided, reported', () => {
    expect(markdown).toContain('a ledger kept by the schoolmasters.');
    expect(report.changes.some((c) => c.kind === 'join-marked-hyphen' && c.to === 'schoolmasters')).toBe(true);
  });
  it('closes an illustration’s caption whose bracket the transcription closed lines later, after its table', () => {
    expect(markdown).toMatch(/^\\\[Illustration: THE DUES BY YEAR\\\]$/m);
    expect(markdown).not.toMatch(/^\\?\]$/m);
    expect(markdown).toContain('1861 thirty-eight boats');
  });
  it('sets a thought break <tb> as a break between scenes', () => {
    expect(body(markdown)).toMatch(/for its wall\.\n\n\* \* \*\n\nIn the spring/);
  });
});

describe('A browser copy of a manual’s HTML page (Texinfo-style navigation, MathML, REPL listings)', () => {
  const { markdown, report } = fixture('web-texinfo.txt');
  it('drops the pager lines and the jump-link arrows at head and foot, recorded', () => {
    expect(markdown).not.toMatch(/Next:|Prev:|⇡|⇣/);
    expect(report.changes.filter((c) => c.kind === 'remove-cruft' && /neighbours/.test(c.why ?? ''))).toHaveLength(2);
  });
  it('parts a section number glued to its title, and takes the title from it', () => {
    expect(markdown).toMatch(/^title: 2\.2 The Shape of Numbers$/m);
    expect(markdown).toMatch(/^## 2\.2\.1 Values$/m);
  });
  it('keeps a formula flattened one symbol a line inside its sentence', () => {
    expect(markdown).toContain('If you type a number 𝑥 2 + 1 the evaluator prints it back unchanged, as in');
  });
  it('sets a value printed alone, in a text with listings, as code — never a heading', () => {
    expect(markdown).toMatch(/as in\n\n```\n42\n```\n\nand a sum/);
    expect(markdown).not.toMatch(/^#+ 42$/m);
  });
});

describe('The title', () => {
  it('is a line with words: an ornament before it is not taken', () => {
    const md = normalize('✦\n\nThe Long Walk\n\nIt was a long walk to the village, and the road was wet from the rain of the night before, so that every step was heavier than the last.\n').markdown;
    expect(md).toMatch(/^title: The Long Walk$/m);
    expect(md).toContain('✦');
  });
});

describe('A Gutenberg book’s contents and list of illustrations, set as a table with page numbers', () => {
  const { markdown } = fixture('gutenberg-contents.txt');
  it('pairs each chapter label with its title, without the PAGE column or the page numbers', () => {
    expect(markdown).toMatch(/^## CONTENTS\.\n\n- INTRODUCTION\n- CHAPTER I\. THE FIRST MILL\n- CHAPTER II\. THE TOLL BRIDGE\n- CHAPTER III\. THE FLOOD YEAR$/m);
    expect(markdown).not.toMatch(/^-? ?PAGE$/m);
  });
  it('reads the list of illustrations as a list too, an entry run over two lines as one', () => {
    expect(markdown).toMatch(/^## LIST OF ILLUSTRATIONS\.\n\n- THE OLD WEIR AT LOW WATER\n- THE MILLER’S HOUSE AND THE LANE BEHIND IT, SEEN FROM THE CHURCH TOWER\n- THE BRIDGE IN 1850$/m);
  });
  it('joins a chapter label and its title in capitals, stop and all; an italic INTRODUCTION is a heading', () => {
    expect(markdown).toMatch(/^## CHAPTER I\. THE FIRST MILL\.$/m);
    expect(markdown).toMatch(/^## INTRODUCTION\.$/m);
  });
});

describe('A wiki page’s head', () => {
  it('loses its jump links and hatnotes, recorded; the article’s own first lines stay', () => {
    const text = 'Ferry Town\nFrom Wikipedia, the free encyclopedia\nJump to navigation Jump to search\nThis article is about the town. For other uses, see Ferry Town (disambiguation).\nFerry Town is a small town on the east bank of the river, known for the ferry that has crossed there since the twelfth century and for its market.\nThe town grew around the landing, where carts waited for the boat and inns served the drivers while they waited.\n';
    const { markdown, state } = normalize(text);
    expect(markdown).not.toMatch(/Jump to|For other uses|free encyclopedia/);
    expect(markdown).toContain('Ferry Town is a small town on the east bank');
    expect(state.changes.filter((c) => c.kind === 'remove-cruft')).toHaveLength(3);
  });
});

describe('A Distributed Proofreaders transcription whose quotations are set in a smaller type (more letters a line)', () => {
  const { markdown, report } = fixture('dp-wide-quotes.txt');
  it('takes the measure from the body’s lines: the prose between two quotations stays prose', () => {
    expect(blockWith(markdown, 'How completely the roads')).toMatch(/^How completely/);
    expect(blockWith(markdown, 'This, of course, gave')).toMatch(/^This, of course/);
    expect(report.changes.find((c) => c.kind === 'carrier')?.why).toMatch(/wrapped at about 4\d characters/);
  });
  it('keeps the marked quotations, one cut by a page joined', () => {
    expect(blockWith(markdown, 'Mr. Abel and Mr. Baker')).toMatch(/^> .*Mr\. Evans, of the river towns, four hundred shares/);
    expect(blockWith(markdown, 'shall state the name')).toMatch(/^> shall state/);
  });
  it('does not end a paragraph at a body line that ends a sentence', () => {
    expect(blockWith(markdown, 'It was a heavy duty.')).toContain('It was a heavy duty. The clerks worked late. Each list, the contract said,');
  });
});

describe('A browser copy whose notes list printed no numbers and no back-links', () => {
  const { markdown, report } = fixture('web-unlabelled-notes.txt');
  it('takes as many paragraphs under “Footnotes” as the text’s marks 1, 2, 3 count, in order', () => {
    expect(parsedNotes(markdown).defs).toHaveLength(3);
    expect(markdown).toContain('endorsement points[^1] than any other');
    expect(markdown).toContain('a local tracker.[^2] The other senator');
    expect(noteText(markdown, 1)).toBe('See the tracker’s methodology page for more on how the points work.');
    expect(noteText(markdown, 3)).toBe('The paper endorsed the senator from the north on the same weekend.');
    expect(markdown).not.toMatch(/^Footnotes$/m);
  });
  it('takes the title from the line the byline follows (not the site’s name the text mentions), and drops the share links', () => {
    expect(markdown).toMatch(/^title: The Endorsement Race Is Getting Interesting$/m);
    expect(markdown).toMatch(/^author: Jane Writer$/m);
    expect(body(markdown)).not.toMatch(/^(?:Facebook|Twitter|Email|Search|Menu)$/m);
  });
  it('leaves the paragraph after them in the text, and says why it took three', () => {
    expect(body(markdown)).toMatch(/^Jane Writer is a senior writer/m);
    expect(report.changes.some((c) => c.kind === 'move-note-body' && /the first 3 of 4 taken/.test(c.why ?? ''))).toBe(true);
  });
});

describe('A browser copy of a book’s chapter: the site’s contents, glued labels numbered from 22', () => {
  const { markdown } = fixture('web-glued-labels.txt');
  it('drops the site’s numbered contents and keeps the chapter’s title and byline', () => {
    expect(markdown).toMatch(/^title: Keeping Watch over Harbours$/m);
    expect(markdown).toMatch(/^author: Ann Example$/m);
    expect(markdown).not.toMatch(/Counting Ships|Table of Contents|Appendix A/);
  });
  it('links the glued marks to the glued bodies “22Sometimes …”, whatever number the series starts at', () => {
    expect(parsedNotes(markdown).defs).toHaveLength(3);
    expect(markdown).toContain('warnings,[^1] and alarms');
    expect(noteText(markdown, 1)).toBe('Sometimes known as “crying wolf,” as they are rarely heeded.');
    expect(markdown).not.toMatch(/\b2[234][A-Z]/);
  });
});

describe('A wiki copy’s inline tags', () => {
  const { markdown, report } = fixture('web-wiki-tags.txt');
  it('removes “[citation needed]”, “[when?]” glued like the note marks, and records them', () => {
    expect(markdown).not.toMatch(/citation needed|when\?|according to whom/);
    expect(markdown).toContain('from across the globe and it holds');
    expect(report.changes.filter((c) => c.kind === 'remove-cruft' && /inline tag/.test(c.why ?? ''))).toHaveLength(3);
  });
  it('keeps an editor’s [sic] and links the notes', () => {
    expect(markdown).toContain('record \\[sic\\] in full');
    expect(parsedNotes(markdown).defs).toHaveLength(4);
  });
});

describe('Soft hyphens', () => {
  it('are taken out of the words, which stay whole', () => {
    const { markdown } = fixture('web-soft-hyphens.txt');
    expect(markdown).not.toContain('\u00ad');
    expect(markdown).toContain('Die Steinwerkzeuge der Altsteinzeit');
    expect(markdown).toContain('vom Altpaläolithikum bis zum Ende des Neolithikums');
  });
  it('at a line’s end join the word without a hyphen', () => {
    const md = normalize('The invest\u00ad\nigation of the harbour took three long years and cost the town a great deal of money that it did not have.\n'.repeat(3)).markdown;
    expect(md).toContain('The investigation of the harbour');
  });
});

describe('A PDF extraction whose pages repeat one note at their feet', () => {
  it('links each page’s note: a line under a number alone at the foot is a body, however often the book repeats it', () => {
    const langs = ['Belarusian', 'Bulgarian', 'Macedonian', 'Russian', 'Serbian', 'Ukrainian'];
    const page = (lang: string, k: number) =>
      [
        `The ${lang} module sets its numerals in the traditional way, which the package supports`,
        `for numbers up to a million${', as the manual explains'.repeat(k % 2)} at length in its later part, with examples.`,
        `It uses a traditional alphanumeric system.1 The command takes a counter as its argument`,
        `and prints the number in the letters of the ${lang} alphabet, as readers of old books expect.`,
        '',
        '1',
        '',
        'See https://example.org/wiki/Alphabetic_numerals.',
        '',
        String(k + 20),
        '\f',
      ].join('\n');
    const md = normalize(langs.map(page).join('')).markdown;
    expect(md.match(/^\[\^\d+\]: See https:\/\/example\.org\/wiki\/Alphabetic\\_numerals\.$/gm)).toHaveLength(6);
    expect(md.match(/alphanumeric system\.\[\^\d+\] The command/g)).toHaveLength(6);
  });
});


describe('Brackets and braces that are code, in a text whose notes use them', () => {
  it('keeps a listing’s indexes, which refer to nothing, though the text’s [1] and [2] are notes', () => {
    const text = [
      'The package sets the page counter before anything else is read.[1] It is loaded early, as the',
      'manual explains at length in its second chapter, with examples for each case.[2] In a listing:',
      '',
      '    \\setcounter{page}{3}',
      '    values = table[4] + table[5]',
      '',
      'The rest of the chapter explains the options one by one, with their defaults.',
      '',
      'Notes',
      '',
      '[1] See the first chapter.',
      '[2] See the second chapter.',
      '',
    ].join('\n');
    const md = normalize(text).markdown;
    expect(parsedNotes(md).defs).toHaveLength(2);
    expect(md).toContain('values = table[4] + table[5]');
  });
  it('keeps a TeX command’s arguments, though the text’s {1} and {2} are notes', () => {
    const text = [
      'The old town kept its records in the church, where the minister read them aloud.{1} Every',
      'spring the council met there, and the records were read again before the fishing.{2}',
      '',
      'The printer set the register with a command of his own, \\setcounter{page}{3}, at the head.',
      '',
      '{1} The church burned in 1701.',
      '',
      '{2} The fishing began in April.',
      '',
    ].join('\n');
    const md = normalize(text).markdown;
    expect(parsedNotes(md).defs).toHaveLength(2);
    expect(md).toContain('setcounter{page}{3}, at the head');
  });
});

describe('A typeset manual whose few pages of prose stand beside a long listing of short lines', () => {
  it('reads the prose as wrapped (its lines go on into the next), the listing’s words all kept', () => {
    const words = 'the package reports a bug to the people who maintain the code that it comes from and not to anybody else so that it can be resolved'.split(' ');
    // prose wrapped at about 80 characters, each line going on into the next in lower case
    const prose: string[] = [];
    let line = 'Software has bugs and no program is an exception.';
    for (let k = 0; k < 700; k++) {
      const w = words[k % words.length];
      if (`${line} ${w}`.length > 80) {
        prose.push(line);
        line = w;
      } else line = `${line} ${w}`;
    }
    prose.push(line);
    // a listing of 360 lines of 20 to 40 characters: the prose is a tenth of the lines
    const listing = Array.from({ length: 360 }, (_, k) => `${k + 1} \\def\\cmd${k}{${'x'.repeat((k * 7) % 24)}}%`);
    const md = normalize([prose.join('\n'), listing.slice(0, 180).join('\n'), listing.slice(180).join('\n')].join('\n\f')).markdown;
    // one paragraph of prose, not a paragraph a line
    expect(md).toMatch(/Software has bugs and no program is an exception\. the package reports a bug to the people who maintain the code that it comes from and not to anybody else/);
    expect(md.match(/^that it can be resolved/gm) ?? []).toHaveLength(0);
    for (const k of [7, 200, 359]) expect(md).toContain(`${k + 1} \\def\\cmd${k}{`);
  });
  it('joins the lines of its opening page’s prose when the rest is a table whose cells, a line each, keep the text as a whole from reading as wrapped', () => {
    const prose = [
      'This document uses the file of the symbol table to print every symbol defined by the package',
      'of mathematics. Use this document to find the command name or the slot for a symbol that you',
      'wish to use. The following fonts are shown here, each with the count of its symbols.',
    ];
    // a symbol table through pdftotext: each cell a line of its own, blank lines between, its
    // descriptions as long as the prose's lines (so the text as a whole reads as one line a paragraph)
    const cells = Array.from({ length: 400 }, (_, k) => [`U+${(0x2200 + k).toString(16).toUpperCase().padStart(5, '0')}`, '', String.fromCodePoint(0x2200 + k), '', `\\sym${k}`, '', `symbol number ${k}, described at the length of a line of the page in the table of all the symbols`, ''].join('\n'));
    const md = normalize([prose.join('\n'), cells.slice(0, 200).join('\n'), cells.slice(200).join('\n')].join('\n\f')).markdown;
    expect(md).toContain('by the package of mathematics. Use this document to find the command name or the slot for a symbol that you wish to use.');
    for (const k of [0, 399]) expect(md).toContain(`symbol number ${k}, described`);
  });
});

describe('A literate program through pdftotext: its listing’s line numbers alone on their lines', () => {
  it('takes no number of the listing for a note’s label, and links the page’s real note', () => {
    const listing = (from: number, n: number) => Array.from({ length: n }, (_, k) => `${from + k}\n\\DTX{mypkg-code-part${k}.dtx}`).join('\n');
    const page1 = ['The package is written as a literate program: its code is typeset with the line numbers', 'of the listing, and the text between the pieces of code says what each piece does.1', '', '1 The line numbers are those of the file the code is extracted into.'].join('\n');
    const page2 = ['File I', '', 'mypkg.dtx', '1', '', 'Package declaration', '', 'List all dtx files for running the ins file and typesetting the code.', '⟨∗dtx⟩', '\\gdef\\MYPKGDTX{', listing(3, 20), '23 }', '24 ⟨/dtx⟩', '1', '2', '', 'Now exit if we are using plain TeX; this would usually be the case when loading this file', 'with the installation script.', '⟨∗dtx⟩', '\\def\\tmpa{plain}', '27 \\ifx\\tmpa\\fmtname\\expandafter\\endinput\\fi', '28 ⟨/dtx⟩', '25', '26', '', 'Metadata for documentation; the official title and authors of the package.'].join('\n');
    const page3 = ['The rest of the package follows in the next files, each with its own listing and its own', 'numbers, as the index of the files above shows them in the order they are read.'].join('\n');
    const md = normalize([page1, page2, page3].join('\n\f')).markdown;
    expect(parsedNotes(md).defs).toHaveLength(1);
    expect(noteText(md, 1)).toBe('The line numbers are those of the file the code is extracted into.');
    expect(md).toMatch(/^Now exit if we are using plain TeX/m);
  });
});

describe('The language of a manual whose middle is a long list of file names', () => {
  it('is told from its sentences, not from the list', () => {
    const para = (k: number) => [
      `Software has bugs and no program is an exception (chapter ${k}). If somebody encounters a bug then`,
      'it helps if that bug gets reported to the right people so that the bug can be resolved, or a',
      'workaround documented, or whatever is most appropriate. The problem is to know whom to tell.',
      '',
    ];
    const names = ['omllcmm.fd', 'omscmr.fd', 'omsenc.def', 'openbib.sty', 'ot1cmdh.fd', 'ot1enc.dfu', 'preload.cfg', 'proc.cls', 'report.sty', 'sample2e.tex', 'sfonts.def', 'size10.clo', 'slides.def', 't1cmfib.fd', 't2aenc.dfu', 'texsys.cfg', 'ts1cmvtt.fd'];
    const listing = Array.from({ length: 2000 }, (_, k) => `${k + 26} ${names[k % names.length]} = us ,`);
    const md = normalize([...para(1), ...para(2), ...para(3), 'The database:', '', ...listing, '', ...para(4), ...para(5), ...para(6)].join('\n')).markdown;
    expect(md).toMatch(/^language: en$/m);
  });
});

describe('A running head set on three lines: the chapter’s number, its title, the folio', () => {
  it('takes all three off every page, the number too', () => {
    const page = (k: number) => [
      'The options of the package are given as keywords with values, as the section explains at its',
      `start; page ${k} takes up the ${['caption', 'label', 'position', 'font', 'margin', 'width'][k]} options, which set the sub-float’s own caption and the`,
      'space around it. Each of them may be given for one float alone, or for all of a document.',
      '',
    ];
    const pages = [3, 4, 5, 6, 7, 8].map((n, k) => ['3', '', 'Options: Keywords and Values', '', String(n), '', ...page(k)].join('\n'));
    const md = body(normalize(pages.join('\f')).markdown);
    expect(md).not.toMatch(/Options: Keywords|^#* ?\d+$/m);
    expect(md.match(/The options of the package/g)).toHaveLength(6);
  });
});

describe('A section’s number set alone above its title, in a typeset text whose notes are numbered', () => {
  it('is a heading, not a page foot taking the rest of the page', () => {
    const para = (w: string) => [
      `The package ${w} sets the sub-floats of a figure side by side, each with its own caption, and it`,
      'keeps their numbers in step with the figure that holds them, as Figure 2 shows at the end of the',
      'chapter; the captions come from the caption package, whose options it takes over as its own.2',
      '',
    ];
    const pages = [
      [...para('first'), ...para('then'), '1', '', 'Package Commands', '', 'In this section, we describe the commands defined by the package and three commands from the', 'caption package that are needed in setting and changing the options of the sub-floats.', ...para('also'), '3'].join('\n'),
      [...para('further'), '2', '', 'Options and Values', '', 'In this section, we describe the options the package takes and the values each of them may', 'have, with the default value of each, as the caption package sets them for its own floats.', ...para('lastly'), '4'].join('\n'),
      [...para('at last'), ...para('and more'), '5'].join('\n'),
    ];
    const md = normalize(pages.join('\n\f')).markdown;
    expect(md).toMatch(/^## 2 Options and Values$/m);
    expect(parsedNotes(md).defs).toHaveLength(0);
  });
});

describe('A text with no notes whose numbers run 1, 2, 3 by chance', () => {
  it('keeps them: a run picked out of many such numbers is no reference sequence', () => {
    const text = [
      'A vector is indexed from one: x[1] is its first element and x[5] its fifth, while x[0] is',
      'empty. Indexing by a vector of positions, x[c(2, 4)], takes several at once, and y[7] the',
      'seventh element of y. A list is indexed the same way, lst[2] being its second component',
      'and lst[[2]] that component itself, so that lst[[2]][3] is the third element of it.',
      '',
      'Negative indexes leave elements out: x[-1] is all of x but the first, and m[2, ] the second',
      'row of a matrix m, m[, 3] its third column, and m[3, 3] the element where they cross.',
      '',
    ].join('\n');
    const md = normalize(text).markdown;
    for (const t of ['x\\[1\\] is its first', 'lst\\[2\\] being', 'lst\\[\\[2\\]\\]\\[3\\] is the third']) expect(md).toContain(t);
  });
});

describe('A list of works cited under “References”, its entries labelled [1], [2] as notes are', () => {
  const prose = [
    'The package follows the conventions of the LaTeX Companion [1] in its use of captions, and',
    'it was written to work with the floatrow package [2] as well as with the older subfig',
    'package [4]. Its options are described in the second chapter, and again in the reference',
    'at the end of this manual [3], where each of them is given with its default value.',
    '',
    'The captions are set in the document’s own font unless an option says otherwise; the',
    'Companion [1] describes the defaults at length, with examples for every kind of float,',
    'and the package keeps to them wherever the document class does not ask for another.',
    '',
  ];
  const works = [
    'References',
    '[1] Frank Mittelbach and Michel Goossens:',
    'The LaTeX Companion (2nd. Ed.),',
    'Addison-Wesley, 2004.',
    '[2] Olga Lapko:',
    'The floatrow package documentation,',
    '2007/12/24',
    '[3] Axel Sommerfeldt:',
    'Customizing captions of floating environments,',
    '2022/01/07',
    '[4] Steven D. Cochran:',
    'The subfig package,',
    '2005/07/05',
    '',
  ];
  it('keeps the list in the text, an entry an item, and the citations as printed — no notes', () => {
    const { markdown, state } = normalize([...prose, ...works].join('\n'));
    expect(parsedNotes(markdown).defs).toHaveLength(0);
    expect(markdown).toMatch(/^## References$/m);
    expect(markdown).toContain('- \\[1\\] Frank Mittelbach and Michel Goossens: The LaTeX Companion (2nd. Ed.), Addison-Wesley, 2004.');
    expect(markdown).toContain('- \\[4\\] Steven D. Cochran: The subfig package, 2005/07/05');
    expect(markdown.match(/Companion \\\[1\\\]/g)).toHaveLength(2);
    expect(state.changes.some((c) => c.kind === 'keep-works-list')).toBe(true);
  });
  it('still links the notes of the text’s own notes list', () => {
    const md = normalize([...prose.slice(0, 4).map((l, k) => (k === 1 ? `${l}.1` : l)), '', 'Notes', '', '1. The package is loaded after hyperref.', '', ...works].join('\n')).markdown;
    expect(parsedNotes(md).defs).toHaveLength(1);
    expect(md).toContain('- \\[2\\] Olga Lapko: The floatrow package documentation, 2007/12/24');
  });
});

describe('A scanned book whose page feet cite one book again and again', () => {
  it('reads the feet as notes, not as a running foot: their labels change and do not rise with the pages', () => {
    const cited = ['3 Cecconi, iii. p. 479.', '1 Cecconi, iii. p. 524.', '2 Cecconi, ii. p. 459.', '1 Cecconi, iv. p. 155.'];
    const page = (foot: string, k: number) => {
      const label = foot.split(' ')[0];
      return [
        k % 2 ? `${k + 198} OPPOSITION IN GERMANY [CHAP.` : `XIII.] DOLLINGER ${k + 198}`,
        '',
        `The Faculty of ${['Munich', 'Bonn', 'Breslau', 'Tübingen'][k]} replied in a long letter that, so far as the`,
        `faithful were concerned, it did not much matter whether a definition were${' ever'.repeat(k % 2)}`,
        `formulated by the Pope after consultation with the Bishops or by an Assembly.${label}`,
        `It is all the same to the individual believer, the Faculty wrote in letter ${k + 1}.`,
        '',
        foot,
        '\f',
      ].join('\n');
    };
    const { markdown } = normalize(cited.map(page).join(''));
    expect(parsedNotes(markdown).defs).toHaveLength(4);
    for (const [k, c] of cited.entries()) expect(noteText(markdown, k + 1).replace(/\s/gu, ' ')).toBe(c.slice(2));
    expect(body(markdown).match(/by an Assembly\.\[\^\d\] It is all the same/g)).toHaveLength(4);
  });
});
describe('OCR of a scanned book with no form feeds (an Internet Archive djvu.txt)', () => {
  const { markdown, paged, report } = fixture('ocr-djvu.txt');
  it('tells the pages by the heads whose numbers rise a page at a time, and takes heads and folios out', () => {
    expect(body(markdown)).not.toMatch(/HISTORY OF THE HARBOUR|^CHAP\. I\.|^\d+$/m);
    expect([...paged.matchAll(/<!--page (\d+)-->/g)].map((m) => Number(m[1]))).toEqual([39, 40, 41, 42, 43, 44, 45]);
    expect(report.changes.filter((c) => c.kind === 'remove-folio')).toHaveLength(7);
  });
  it('reads each page foot as its notes, the marks OCR made of the raised numbers linked, a foot whose mark was lost kept as a note', () => {
    expect(parsedNotes(markdown).defs).toHaveLength(9);
    expect(markdown).toContain('the boats themselves.[^1] The harbour');
    expect(markdown).toContain('was seldom given one.[^5] The council');
    expect(markdown).toContain('fishing began again.[^9] He had');
    expect(markdown).not.toMatch(/[a-z]\.[!?®1] /);
    expect(noteText(markdown, 4)).toMatch(/^Vol\. xiv\. N\.S\. \(1870\), p\.\s194\.$/u);
    expect(body(markdown)).not.toMatch(/^1 [A-Z]/m);
  });
  it('reads a foot labelled with a star that no mark on its page matches by its place, and links it to the mark OCR made mid-sentence', () => {
    const text = fixtureText('ocr-djvu.txt')
      .replace('the boats themselves.! The harbour', 'the boats themselves! the harbour')
      .replace('son like the boats themselves. He had found it', 'son like the boats! He had found it')
      .replace('1 Acton, History of Freedom, p. 418.', '*Acton, History of Freedom, p. 418.');
    const md = normalize(text).markdown;
    expect(md).toContain('the boats themselves[^1] the harbour');
    expect(md).toContain('son like the boats! He had found it');
    expect(noteText(md, 1)).toMatch(/^Acton, History of Freedom, p\.\s418\.$/u);
  });
  it('on a page whose first label OCR read, takes a foot’s line that opens with a symbol for the next note, and the symbol in the text for its mark', () => {
    const text = fixtureText('ocr-djvu.txt')
      .replace('itself was lost. In hard years the record was the only', 'itself was lost.1 In hard years the record was the only')
      .replace('1 Ibid. p. 420.  2 Cecconi, ii. p. 329.', '1 Ibid. p. 420.\n® Cecconi, ii. p. 329.');
    const md = normalize(text).markdown;
    expect(md).toContain('the charter itself was lost.[^2] In hard years');
    expect(md).toContain('kept the peace between the families.[^3] The minister');
    expect(noteText(md, 2)).toMatch(/^Ibid\. p\.\s420\.$/u);
    expect(noteText(md, 3)).toMatch(/^Cecconi, ii\. p\.\s329\.$/u);
  });
  it('parts two notes OCR read on one line where the second’s label is a symbol and its Ibid an “/bid”', () => {
    const md = normalize(fixtureText('ocr-djvu.txt').replace('1 Ibid. p. 420.  2 Cecconi, ii. p. 329.', '1 Ibid. p. 420. ® /bid. p. 329.')).markdown;
    // (the page's one mark, "families.?", is taken for the 2 a "?" most often is)
    expect(noteText(md, 2)).toMatch(/^\/bid\. p\.\s329\.$/u);
    expect(noteText(md, 3)).toMatch(/^Ibid\. p\.\s420\.$/u);
  });
  it('reads a foot whose first label OCR garbled with its words (“eee fe i. p. 328.”) by the 2 that opens its next body', () => {
    const md = normalize(fixtureText('ocr-djvu.txt').replace('1 Memoirs, i. p. 328.  2 Ibid. p. 331.', 'eee fe i. p. 328.\n2 Ibid. p. 331.')).markdown;
    expect(md).toContain('the charter gave as forty.[^6] A stranger');
    expect(md).toContain('fished that year or not.[^7] Of the boats');
    expect(noteText(md, 6)).toMatch(/^eee fe i\. p\.\s328\.$/u);
    expect(body(md)).not.toContain('2 Ibid.');
  });
  it('reads a foot OCR set with no blank line above it, where a last line opens with 1 and cites a page', () => {
    const md = normalize(fixtureText('ocr-djvu.txt').replace('seldom given\n\n1 Memoirs', 'seldom given\n1 Memoirs')).markdown;
    expect(md).toContain('fished that year or not.[^7] Of the boats');
    expect(noteText(md, 6)).toMatch(/^Memoirs, i\. p\.\s328\.$/u);
    expect(md).toContain('was seldom given <!--page 44-->one.');
  });
  it('gives a read foot’s star to the body its order gives, never to two bodies', () => {
    const md = normalize(fixtureText('ocr-djvu.txt').replace('1 Memoirs, i. p. 328.  2 Ibid. p. 331.', 'eee fe i. p. 328.\n2 Ibid. p. 331.').replace('that year or not.?', 'that year or not.*')).markdown;
    expect(md).toContain('the charter gave as forty.[^6] A stranger');
    expect(md).toContain('fished that year or not.[^7] Of the boats');
    expect(noteText(md, 7)).toMatch(/^Ibid\. p\.\s331\.$/u);
  });
  it('reads a foot whose one note is a date (“1 26th October 1865.”), as a letter’s is', () => {
    const md = normalize(fixtureText('ocr-djvu.txt').replace('1 Acton, History of Freedom, p. 418.', '1 26th October 1865.')).markdown;
    expect(md).toContain('the boats themselves.[^1] The harbour');
    expect(noteText(md, 1)).toBe('26th October 1865.');
  });
  it('parts two notes on one line where OCR lost the capital of the second’s Ibid (“p. 420. 2 bid, (1869)”)', () => {
    const md = normalize(fixtureText('ocr-djvu.txt').replace('1 Ibid. p. 420.  2 Cecconi, ii. p. 329.', '1 Ibid. p. 420. 2 bid, (1869), p. 329.')).markdown;
    // (the page's one mark, "families.?", is the 2 a "?" most often is)
    expect(noteText(md, 2)).toMatch(/^bid, \(1869\), p\.\s329\.$/u);
    expect(noteText(md, 3)).toMatch(/^Ibid\. p\.\s420\.$/u);
  });
  it('reads a foot OCR broke with a blank line, its second stretch opening with a label OCR read as “$”', () => {
    const md = normalize(fixtureText('ocr-djvu.txt').replace('1 Ibid. p. 420.  2 Cecconi, ii. p. 329.', '1 Ibid. p. 420.\n\n$ Cecconi, ii. p. 329.')).markdown;
    expect(noteText(md, 2)).toMatch(/^Cecconi, ii\. p\.\s329\.$/u);
    expect(noteText(md, 3)).toMatch(/^Ibid\. p\.\s420\.$/u);
    expect(body(md)).not.toContain('Ibid. p. 420.');
  });
  it('takes a “?” after a stop (“themselves.?”) for a mark before a question’s own “?”: no sentence ends twice', () => {
    const md = normalize(fixtureText('ocr-djvu.txt').replace('the boats themselves.! The harbour at Dunbar kept its\nboats through the winter, drawn up', 'the boats themselves.? The harbour at Dunbar kept its\nboats through the winter? Drawn up')).markdown;
    expect(md).toContain('the boats themselves.[^1] The harbour');
    expect(md).toContain('through the winter? Drawn up');
  });
  it('where OCR lost a mark, takes a “?” for the raised 2 it most often is, not for the page’s first note', () => {
    const md = normalize(fixtureText('ocr-djvu.txt').replace('gave as forty.! A stranger', 'gave as forty. A stranger')).markdown;
    expect(md).toContain('fished that year or not.[^6] Of the boats');
    expect(noteText(md, 6)).toMatch(/^Ibid\. p\.\s331\.$/u);
    expect(noteText(md, 7)).toMatch(/^Memoirs, i\. p\.\s328\.$/u);
  });
  describe('an OCR text in form-feed pages whose feet cite the same work page after page', () => {
    const sentences = ['The council met in the spring and heard the case of the harbour dues at length', 'Nobody in the town could remember a year in which the wall had not needed mending', 'The minister wrote to the bishop that the fishing families were in great distress', 'A stranger who came to fish from the harbour had first to ask the council for leave', 'The record of the boats was read aloud each spring before the fishing began again', 'In hard years the record was the only thing that kept the peace between families', 'The charter of the fourteenth century named forty boats and the places of each', 'Every family on the shore had its own place, and the places passed down the years'];
    const page = (n: number, foot: string) => {
      const lines: string[] = [`${n} A HISTORY OF THE HARBOUR`, ''];
      for (let k = 0; k < 8; k++) lines.push(`${sentences[(n + k) % 8]}, as the ${['clerk', 'mayor', 'priest', 'council'][(n + k) % 4]} wrote in ${1600 + n * 3 + k}.`);
      lines[4] = `${lines[4].slice(0, -1)}, so the record says.”!${n === 43 ? '_' : ''} And the town went on.`;
      if (foot.includes(' 2 ')) lines[8] = `${lines[8].slice(0, -1)}, as the clerk noted.” 2 And so it was.`;
      return `${lines.join('\n')}\n\n${foot}\n`;
    };
    const feet = ['1 Acton, History of Freedom, p. 418.', '1 Pastoral (1867), p. 40.', '1 Pastoral (1867), p. 40.', '1 Pastoral (1867), p. 119.', '1 Pastoral (1867), p. 40 2 Ibid. p. 41.'];
    const { markdown } = normalize(feet.map((f, k) => page(40 + k, f)).join('\f'));
    it('keeps each foot as its page’s note: a note that cites a page is no running foot, however alike (and a mark with a speck after it, “says.”!_”, is a mark)', () => {
      expect(parsedNotes(markdown).defs).toHaveLength(6);
      expect(markdown.match(/so the record says\.”\[\^\d+\] And the town/g)).toHaveLength(5);
    });
    it('parts two notes on one line where OCR lost the stop before the second’s number (“p. 40 2 Ibid.”)', () => {
      expect(noteText(markdown, 5)).toMatch(/^Pastoral \(1867\), p\.\s40$/u);
      expect(noteText(markdown, 6)).toMatch(/^Ibid\. p\.\s41\.$/u);
      expect(markdown).toContain('as the clerk noted.”[^6] And so it was.');
    });
  });
  it('reads a foot that cites nothing where the page’s text holds its first mark as OCR reads it (“Protestants.1 They”)', () => {
    const sentences = ['The council met in the spring and heard the case of the harbour dues at length', 'Nobody in the town could remember a year in which the wall had not needed mending', 'The minister wrote to the bishop that the fishing families were in great distress', 'A stranger who came to fish from the harbour had first to ask the council for leave', 'The record of the boats was read aloud each spring before the fishing began again', 'In hard years the record was the only thing that kept the peace between families', 'The charter of the fourteenth century named forty boats and the places of each', 'Every family on the shore had its own place, and the places passed down the years'];
    const page = (n: number, foot: string, mark: string) => {
      const lines: string[] = [`${n} A HISTORY OF THE HARBOUR`, ''];
      for (let k = 0; k < 8; k++) lines.push(`${sentences[(n + k) % 8]}, as the ${['clerk', 'mayor', 'priest', 'council'][(n + k) % 4]} wrote in ${1600 + n * 3 + k}.`);
      lines[4] = `${lines[4].slice(0, -1)}, so the record says.${mark} And the town went on.`;
      return `${lines.join('\n')}\n\n${foot}\n`;
    };
    // (the discursive foot: OCR glued its raised 1, read as "!", to the first word, and it cites no page)
    const discursive = ['!T hus, a man who says that he keeps the harbour’s old customs while rejecting', 'the council’s record is essentially a townsman, not a stranger: for such do not', 'keep any part of the record. A townsman also is the man who confines himself', 'to the authentic custom of the boats, freed from all later stories of the shore.'].join('\n');
    const pages = [page(40, '1 Acton, History of Freedom, p. 418.', '”!'), page(41, '1 Pastoral (1867), p. 40.', '”!'), page(42, discursive, '1'), page(43, '1 Pastoral (1867), p. 119.', '”!')];
    const md = normalize(pages.join('\f')).markdown;
    expect(md).toMatch(/so the record says\.\[\^(\d+)\] And the town went on\.[\s\S]*\[\^\1\]: T hus, a man who says/);
    expect(md).not.toMatch(/^!T hus/m);
  });
  it('takes a symbol OCR set apart by a space after a closed quotation (“families.” ?) for a mark', () => {
    const text = fixtureText('ocr-djvu.txt')
      .replace('itself was lost. In hard years the record was the only', 'itself was lost.1 In hard years the record was the only')
      .replace('thing that kept the peace between the families.? The', 'thing that kept the peace between the “families.” ? The');
    const md = normalize(text).markdown;
    expect(md).toContain('the peace between the “families.”[^3] The minister');
    expect(md).not.toContain('” ?');
  });
  describe('OCR feet whose labels and marks OCR read as other characters', () => {
    const sentences = ['The council met in the spring and heard the case of the harbour dues at length', 'Nobody in the town could remember a year in which the wall had not needed mending', 'The minister wrote to the bishop that the fishing families were in great distress', 'A stranger who came to fish from the harbour had first to ask the council for leave', 'The record of the boats was read aloud each spring before the fishing began again', 'In hard years the record was the only thing that kept the peace between families', 'The charter of the fourteenth century named forty boats and the places of each', 'Every family on the shore had its own place, and the places passed down the years'];
    /** A page of OCR text whose fifth line ends a sentence with `end`, and its foot (with a blank line above it, or none). */
    const page = (n: number, end: string, foot: string, blank = true) => {
      const lines: string[] = [`${n} A HISTORY OF THE HARBOUR`, ''];
      for (let k = 0; k < 8; k++) lines.push(`${sentences[(n + k) % 8]}, as the ${['clerk', 'mayor', 'priest', 'council'][(n + k) % 4]} wrote in ${1600 + n * 3 + k}.`);
      // (a real question on every page, its mark glued to the word, nearer the foot than the mark)
      lines[9] = `${lines[9].slice(0, -1)}. But who would bear it? Unless the council agreed.`;
      lines[6] = `${lines[6].slice(0, -1)}, and the town went on ${end}`;
      return `${lines.join('\n')}\n${blank ? '\n' : ''}${foot}\n`;
    };
    const pages = [
      page(40, 'as the record says.”?', '1 1866, Thureau Dangin, iii. p. 111; Purcell, Manning, ii. p. 321.'),
      page(41, 'as the record says.”!', '¢ Guardian, 6th June 1906, from the Month of January 1903, p. 4.'),
      page(42, 'as the record says.”!', ') Friedrich, iii. p. 541.'),
      page(43, 'with its actual assembling.’', '1 Cecconi, i. p. 379.'),
      page(44, 'where they were.’', '1G. F. Cobb, Few Words on Reunion (1869), p. 6.', false),
    ];
    const md = normalize(pages.join('\f')).markdown;
    const bodyAt = (n: number) => new RegExp(`^\\[\\^${n}\\]: (.*)$`, 'm').exec(md)?.[1];
    it('reads a first body that opens with a year (“1 1866, Thureau…”), its mark the “?” after a closed quotation, not a question’s', () => {
      expect(md).toMatch(/as the record says\.”\[\^1\]/);
      expect(bodyAt(1)).toMatch(/^1866, Thureau Dangin/);
      expect(md).toContain('bear it? Unless');
    });
    it('reads a foot labelled “¢” or “)” as OCR reads a raised 1', () => {
      expect(bodyAt(2)).toMatch(/^Guardian, 6th June 1906/);
      expect(bodyAt(3)).toMatch(/^Friedrich, iii\. p\.\s541\.$/u);
    });
    it('takes a closing quote after a stop with no quotation open for the mark OCR made of a raised number', () => {
      expect(md).toMatch(/its actual assembling\.\[\^4\]/);
      expect(bodyAt(4)).toMatch(/^Cecconi, i\. p\.\s379\.$/u);
    });
    it('reads a foot with no blank line above it whose label OCR glued to its words (“1G. F. Cobb”)', () => {
      expect(md).toMatch(/where they were\.\[\^5\]/);
      expect(bodyAt(5)).toMatch(/^G\. F\. Cobb, Few Words on Reunion/);
    });
    it('reads two bodies to a line, a label OCR made “®”, and gives the mark OCR made “®” to that body (“protest®”, “address‘”)', () => {
      const lines = page(45, 'as the record says.', '').trimEnd().split('\n');
      lines[4] = 'Meetings and petitions sprang up all over the county. A very serious';
      lines[5] = 'anonymous protest® circulated through the parishes in May of that year.';
      lines[8] = 'An address‘ was sent by the families of the shore to the bishop himself.';
      const foot = ['8 reer ia p. 518. 2 Documents in Cecconi, iii. p. 312 ff.', '® bid. p 4 Thed. p. 326.'];
      const two = normalize([page(44, 'as the record says.', '1 Cecconi, i. p. 379.'), `${lines.join('\n')}\n\n${foot.join('\n')}\n`].join('\f')).markdown;
      const at = (mark: string) => new RegExp(`^\\[\\^${/\[\^(\d+)\]/.exec(two.slice(two.indexOf(mark)))?.[1]}\\]: (.*)$`, 'm').exec(two)?.[1];
      expect(two).toMatch(/anonymous protest\[\^\d+\] circulated/);
      expect(at('anonymous protest')).toBe('bid. p');
      expect(two).toMatch(/An address\[\^\d+\] was sent/);
      expect(at('An address')).toMatch(/^Thed\. p\.\s326\.$/u);
    });
  });
});

// A real slide deck through pdftotext -layout: beamer's example conference talk
// (beamerexample-conference-talk.pdf, Debian texlive-latex-extra-doc; beamer's documentation,
// GFDL 1.3 or LPPL 1.3c). Its slides' footnotes are few; an algorithm's numbered steps close
// several slides after a blank line.
describe('A slide deck whose slides end in numbered steps', () => {
  const { markdown } = fixture('pdf-beamer-talk-layout.txt');
  it('keeps the steps in the text: a slide foot that cites no page is no note whose mark OCR lost', () => {
    expect(markdown).not.toMatch(/^\[\^\d+\]: .*Build a matrix/m);
    expect(body(markdown).match(/Build a matrix with a column for each vertex of G/g)?.length).toBeGreaterThanOrEqual(2);
  });
});

describe('Chinese, which sets no spaces between words', () => {
  const web = fixture('web-zh.txt').markdown;
  const wrapped = fixture('pdf-zh.txt').markdown;
  it('keeps a browser copy’s paragraphs as prose, its title from the header, and drops the menus', () => {
    expect(web).toMatch(/^title: 港口的记录$/m);
    expect(web).toContain('作者：张明');
    for (const p of ['这个港口在冬天', '在艰难的年份里', '牧师写道', '十七世纪的时候', '到了十九世纪']) expect(body(web)).toContain(p);
    expect(body(web)).not.toMatch(/首页|隐私政策|网站地图|上一篇/);
  });
  it('counts its words by their characters, as Chinese counts them', () => {
    // (five paragraphs of 66 to 97 characters: counted by spaces, they were a handful of words)
    expect(fixture('web-zh.txt').report.counts.words).toBeGreaterThan(300);
  });
  it('joins a wrapped text’s lines without a space between two characters', () => {
    expect(wrapped).toContain('镇议会保存着一份记录，每年春天捕鱼开始之前都要当众宣读。');
    expect(body(wrapped)).not.toMatch(/[\p{sc=Han}，。] [\p{sc=Han}，。]/u);
  });
});

describe('A blog post copied with its sidebar', () => {
  const { markdown } = fixture('web-blog-sidebar.txt');
  it('keeps the post’s last paragraphs, though the sidebar after them has far more words', () => {
    for (const p of ['You can read the whole record', 'The fishing will start again', 'We hope to see you on the pier', 'P.S. As a trust run by volunteers']) expect(body(markdown)).toContain(p);
    expect(body(markdown)).not.toMatch(/BLOG ARCHIVE|Powered by Blogger|The Fisher's Almanac|Newer Post/);
  });
});

describe('A web page’s contents box', () => {
  let n = 0;
  // (one paragraph a line, of any length: a browser copy)
  const para = (w: string) => `The ${w} of the valley has been written about for two hundred years.${' And the writers agree on little but the river, which has shaped everything in it.'.repeat(1 + (n++ % 3))}`;
  const page = (numberedHeads: boolean) => {
    const head = (n: string, t: string) => (numberedHeads ? `${n} ${t}` : t);
    return [
      'River Valley', para('story'), 'Contents', '1 History', '2 Geography', '2.1 Climate', '3 Economy',
      head('1', 'History'), para('history'), para('past'), head('2', 'Geography'), para('land'), head('2.1', 'Climate'), para('weather'), head('3', 'Economy'), para('trade'), para('work'),
    ].join('\n\n');
  };
  it('is dropped when it numbers headings that carry no number (the page made it from them), and reported', () => {
    const { markdown, state } = normalize(page(false));
    expect(markdown).not.toMatch(/Contents|^- 2\.1 Climate/m);
    expect(markdown).toMatch(/^#+ Climate$/m);
    expect(state.changes.some((c) => c.kind === 'contents' && /contents box/.test(c.why ?? ''))).toBe(true);
  });
  it('goes with its last entries whose headings the page lost, and the first heading stays', () => {
    const text = page(false).replace('3 Economy', '3 Economy\n4 External links').replace(/(\n\nHistory\n\n)/, '$1Main article: History of the valley\n\n');
    const { markdown, state } = normalize(text);
    expect(markdown).not.toMatch(/External links|Main article/);
    expect(markdown).toMatch(/^#+ History$/m);
    expect(state.changes.some((c) => /pointer to its other pages/.test(c.why ?? ''))).toBe(true);
  });
  it('is the page’s map of its headings: those it names are headings at its depths, a short line it does not name is text', () => {
    const text = page(false)
      .replace(/(\n\nThe past of)/, '\n\nAerial view of the valley, looking north$1')
      .replace(/(\n\nEconomy\n\n)/, '\n\nAdd a photo to this gallery$1');
    const { markdown, state } = normalize(text);
    // (a caption before a heading had taken the heading's place, the heading removed as a caption)
    expect(markdown).toMatch(/^## Economy$/m);
    expect(markdown).toMatch(/^### Climate$/m);
    expect(markdown).toMatch(/^Add a photo to this gallery$/m);
    expect(markdown).toMatch(/^Aerial view of the valley, looking north$/m);
    expect(state.doubts.some((d) => d.kind === 'heading' && /contents box does not name them/.test(d.message))).toBe(true);
  });
  it('goes with its label in the page’s language, a line whose words the text uses nowhere else', () => {
    const { markdown } = normalize(page(false).replace('Contents', 'Inhaltsverzeichnis'));
    expect(markdown).not.toMatch(/Inhaltsverzeichnis/);
    expect(markdown).toMatch(/^## History$/m);
  });
  it('is kept as a list when the headings carry the same numbers (the text’s own contents)', () => {
    const { markdown } = normalize(page(true));
    expect(markdown).toMatch(/Contents/);
    expect(markdown).toMatch(/^- (?:2\.1 )?Climate$/m);
  });
});

describe('A wiki page’s navigation boxes and its notes list', () => {
  const { markdown, report } = fixture('web-wiki-navbox.txt');
  it('drops a box told by its template’s one-letter links, with its title and rows, and the text after it stays', () => {
    expect(markdown).not.toMatch(/^v t e$|Walls of the Borders|Throughs|Estate masons|^hide$|Stonework|Packhorse/m);
    expect(markdown).toContain('Walls built this way last for centuries');
    expect(report.changes.some((c) => /one-letter links/.test(c.why ?? ''))).toBe(true);
  });
  it('keeps a run of short lines in its header that carries one of the text’s note marks (an infobox’s, not a menu)', () => {
    const text = fixtureText('web-wiki-navbox.txt')
      .replace(/\[(\d)\]/g, (_, d) => `[${Number(d) + 1}]`)
      .replace('From Wikipedia, the free encyclopedia\n', 'From Wikipedia, the free encyclopedia\nSymbols\nField gate\nCope stone\nMotto:\n“Hold fast”[1]\nCraft\n')
      .replace('References\n', 'References\n^ The motto of the wallers’ guild since 1890.\n');
    const { markdown } = normalize(text);
    expect(markdown).toMatch(/“Hold fast”\[\^1\]$/m);
    expect(noteText(markdown, 1)).toBe('The motto of the wallers’ guild since 1890.');
  });
  it('drops its page tools under the title, a link with its count among them (“Talk (10)”)', () => {
    const text = fixtureText('web-wiki-navbox.txt').replace('From Wikipedia, the free encyclopedia\n', 'English\nDeutsch\nEspañol\nSuomi\nEdit\nHistory\nTalk (10)\nShare\n');
    const { markdown } = normalize(text);
    expect(markdown).not.toMatch(/Talk|Share|Suomi/);
    expect(markdown).toMatch(/^# Dry-stone wall$/m);
  });
  it('sets lines of tab-separated cells as a table — its header, a note in a cell linked — and two such lines of two cells as text, never a heading', () => {
    const rows = 'Wall\tLength (m)\tBuilt\nMarch dyke\t1,200\t1790[3]\nField wall | east\t450\t1820\nSheepfold\t60\t\nHeight\t1.4 m\nWidth at the base\t0.7 m\n';
    const text = fixtureText('web-wiki-navbox.txt').replace('rather than spreads over the years.\n', `rather than spreads over the years.\n${rows}`);
    const { markdown, state } = normalize(text);
    expect(markdown).toContain('| Wall | Length (m) | Built |\n| --- | --- | --- |\n| March dyke | 1,200 | 1790[^3] |\n| Field wall \\| east | 450 | 1820 |\n| Sheepfold | 60 |  |');
    expect(markdown).toMatch(/^Height 1\.4 m$/m);
    expect(markdown).toMatch(/^Width at the base 0\.7 m$/m);
    expect(state.changes.some((c) => c.kind === 'table' && /4 lines of 3 tab-separated cells/.test(c.why ?? ''))).toBe(true);
    // the Markdown model's table is the book's
    const t = parseBook(markdown).chapters.flatMap((c) => c.blocks).find((b) => b.kind === 'table');
    expect(t?.kind === 'table' && t.head.map(plain)).toEqual(['Wall', 'Length (m)', 'Built']);
    expect(t?.kind === 'table' && t.rows.map((r) => r.map(plain))).toEqual([['March dyke', '1,200', '1790'], ['Field wall | east', '450', '1820'], ['Sheepfold', '60', '']]);
  });
  it('gives the list’s last note the line its link broke off (". Field Notes. Retrieved …")', () => {
    expect(noteText(markdown, 3)).toMatch(/Mending walls” \. Field Notes\. Retrieved 3 May 2019\.$/);
    expect(markdown).not.toMatch(/^\. Field Notes/m);
  });
});

describe('A notes list whose mark the copy glued to a number', () => {
  it('finds it where the text writes the number elsewhere without it, between the marks of the notes around it', () => {
    const text = [
      'Scaling experiments',
      'By 2016 the company ran a few hundred experiments a week, most of them small changes to ranking that nobody outside the team would ever notice.1 The teams that ran them were small too, and each kept its own notes on what it had tried.',
      'The number of engineers grew by a factor of four between 2016 and 2021, and the number of experiments grew at least as fast, so that by the end there were thousands running at once, an order of magnitude higher by 20212. Nobody could keep track of them all.',
      'The consequences for anyone trying to study the platform were severe: what held in one month need not hold in the next, and the experiments themselves changed what users saw.3',
      'Notes',
      '1. Internal estimates, which were never published in full.',
      '2. If experiments scale linearly with employees, as they seem to have done.',
      '3. A point made at length in the literature on temporal validity.',
    ].join('\n');
    const { markdown } = normalize(text);
    expect(markdown).toContain('an order of magnitude higher by 2021[^2]. Nobody');
    expect(markdown).toContain('between 2016 and 2021, and');
    expect(noteText(markdown, 2)).toBe('If experiments scale linearly with employees, as they seem to have done.');
  });
});

describe('A wrapped text’s tabs', () => {
  it('in a wrapped text, a heading indented with a tab stays a heading (only a tab between cells makes a row)', () => {
    const para = (w: string) => `Of the ${w} of that time nothing is known but their number, which the\ncharter gave as forty. The fishing failed three times in the seventeenth\ncentury, and each time the town sent to Leith for grain. It was paid for\nby a tax on every boat in the harbour, whether it had fished that year.\n`;
    const { markdown } = normalize(`CHAPTER I.\n\n\tTHE BOATS\n\n${para('boats')}\n\tTHE RECORD\n\n${para('records')}`);
    expect(markdown).toMatch(/^#+ THE BOATS$/m);
    expect(markdown).toMatch(/^#+ THE RECORD$/m);
  });
});

describe('A blog post with a comment thread after it', () => {
  const { markdown, report } = fixture('web-blog-comments.txt');
  it('drops the thread — its authors, dates, comments and “Reply” links — and reports it', () => {
    expect(markdown).not.toMatch(/says:|Lovely work|cope stones or new ones|Reply|Comments/);
    expect(report.changes.some((c) => /comment thread/.test(c.why ?? '') && /4 entries/.test(c.why ?? ''))).toBe(true);
  });
  it('keeps the whole post and its notes; its title from over its byline, its byline into the front matter', () => {
    expect(markdown).toMatch(/^title: Mending a dry-stone wall$/m);
    expect(markdown).toMatch(/^web_posted_by: Ruth Aird$/m);
    expect(markdown).toContain('By Sunday evening the gap was closed and the cope stones were on.');
    const { defs } = parsedNotes(markdown);
    expect(defs).toHaveLength(2);
    expect(noteText(markdown, 2)).toMatch(/^Our frames are made of battens/);
  });
  it('keeps a post its page sets as the first of the dated entries (a long one among short ones)', () => {
    // (the site's blurb above it is prose enough for a thread to follow)
    const blurb = 'Field Notes is a record of the work on a hill farm in the Borders, kept by the people who do it.\nWe write about walls, sheep, trees and the weather, which is to say about most of what happens here.\n';
    const text = fixtureText('web-blog-comments.txt').replace('Mending a dry-stone wall\n', `${blurb}Mending a dry-stone wall\n`).replace('Posted on 14 April 2019 by Ruth Aird', 'Ruth Aird says:\n14 April 2019 at 10:00').replace('Share this:', 'Reply');
    const out = normalize(text).markdown;
    expect(out).toContain('We started by taking the fallen section right down');
    expect(out).toContain('By Sunday evening the gap was closed');
  });
});

describe('A news page whose last paragraphs are followed by a long block of promoted links', () => {
  const { markdown } = fixture('web-news-promoted.txt');
  it('ends the text where the prose ends: its last short paragraphs kept, the links and the footer gone', () => {
    expect(markdown).toContain('Season tickets will not go up in price this year');
    expect(markdown).toContain('To see the new timetable in full, look at the table below:');
    expect(markdown).not.toMatch(/Promoted Links|kitchen gadget|Garden Weekly|Careers|©/);
  });
});

describe('A web page whose long header holds a menu entry that reads as prose', () => {
  const { markdown } = fixture('web-long-header.txt');
  it('begins the text after the menus, at the title over the byline', () => {
    expect(markdown).toMatch(/^title: The old bridge reopens after two years of repairs$/m);
    expect(markdown).not.toMatch(/What is there to do|and more|Council\n/);
    for (const p of ['The old bridge across the river opened', 'The repairs took longer', 'Cars will not be allowed back']) expect(body(markdown)).toContain(p);
  });
  it('keeps a list the author marked, however short its lines, and a header line that carries a note mark', () => {
    const listed = fixtureText('web-long-header.txt').replace(/^(\w+) and more$/gm, '+ Added $1');
    expect(normalize(listed).markdown).toContain('Added Museums');
    const noted = fixtureText('web-long-header.txt').replace('Events this week', 'Events this week[1]');
    expect(normalize(noted).markdown).toContain('What is there to do for families');
  });
});

describe('a one-page newsletter in narrow columns through pdftotext, which joins a word hyphenated at a line’s end onto that line', () => {
  const { markdown, report } = fixture('pdf-newsletter.txt');
  it('reads the measure where most lines end, not at the joined lines twice as long', () => {
    const carrier = report.changes.find((c) => c.kind === 'carrier')?.why ?? '';
    expect(Number(/wrapped at about (\d+)/.exec(carrier)?.[1])).toBeLessThan(65);
    expect(blockWith(markdown, 'Despite loud warnings')).toContain('the interfaces would probably change in the future, we wanted to show');
    expect(body(markdown)).not.toMatch(/\n\n\p{Ll}/u);
  });
  it('sets a title in sentence case apart from the text it heads, though no blank line follows it, as a heading', () => {
    expect(body(markdown)).toMatch(/\n\n#{2,3} What we want to change\n\nThe current code has parts/);
    expect(body(markdown)).toMatch(/\n\n#{2,3} Work on the new release\n\nWork on the next release/);
    expect(body(markdown)).toMatch(/\n\n#{2,3} What’s happening now\n\nIn preparation for an overhaul/);
  });
});

describe('a chapter whose number, in words, stands over its title in sentence case (a memoir-class manual through pdftotext)', () => {
  it('heads the chapter with the number and its title; the text stays apart', async () => {
    const { normalize } = await import('../src/normalize/chain.ts');
    const prose = [
      'The units above are all constant in value. There are also some units whose value depends on',
      'the particular font being used. The em is the nominal height of the current font; it is used',
      'as a width measure. An en is half an em. The ex is nominally the height of the letter x in',
      'the current font, and a quad is often defined in terms of an em.',
      '',
      'One',
      'Starting off',
      'As usual, the class is called by the document class command with its options. The options',
      'include being able to select a paper size from among a range of sizes, selecting a type size,',
      'selecting the kind of manuscript, and some related specifically to the typesetting of the',
      'document. The class offers many more ways of changing the look of a page than the standard',
      'classes, and this chapter describes the first of them in the order a writer meets them.',
    ].join('\n');
    const md = normalize(`${prose}\n\f`).markdown;
    expect(md).toMatch(/^#{2,3} One$/m);
    expect(md).toMatch(/\n\n#{2,3} Starting off\n\nAs usual, the class is called/);
  });
});

describe('a manual’s console sessions through plain pdftotext, no blank line between them and the prose', () => {
  const page1 = [
    'The syntax is switch (statement, list) where the elements of list may be named. First the',
    'statement is evaluated and the result obtained; then the element of that name is returned.1',
    '',
    '> y <- "fruit"',
    '> switch(y, fruit = "banana", vegetable = "broccoli", "Neither")',
    '[1] "banana"',
    '> y <- "meat"',
    '> switch(y, fruit = "banana", vegetable = "broccoli", "Neither")',
    '[1] "Neither"',
    'A common use of switch is to branch according to the character value of one of the',
    'arguments to a function.',
    '> centre <- function(x, type) {',
    '+ switch(type,',
    '+',
    'mean = mean(x),',
    '+',
    'median = median(x),',
    '+',
    'trimmed = mean(x, trim = .1))',
    '+ }',
    '> x <- rcauchy(10)',
    '> centre(x, "mean")',
    '[1] 0.8760325',
    '> centre(x, "median")',
    '[1] 0.5360891',
    'switch returns either the value of the statement that was evaluated or NULL if no',
    'statement was evaluated, and so a list of alternatives may be chosen from in one call.',
    'Where the alternatives already exist it is often better to use eval and the subset operator,',
    'directly via eval(x[[condition]]).',
    '',
    '1 A list of alternatives that already exists is better reached with the subset operator.',
  ].join('\n');
  const page2 = [
    'It is possible to use a matrix of integers as an index. The number of columns of the matrix',
    'should match the number of dimensions of the structure, as the examples show here.',
    '> x[2]',
    '[1] 5',
    'The elements m[1, 1] and m[2, 2] are taken in one operation by a matrix of two rows.',
    '> m[i]',
    '[1] 1 4',
    'Indexing matrices may not contain negative indices. Zero values are allowed: rows in an',
    'index matrix containing a zero are ignored, as the rows of an empty selection are, and',
    'rows containing a missing value give a missing value in the result of the selection.',
  ].join('\n');
  const { markdown } = normalize(`${page1}\n\f${page2}\n\f`);
  it('takes what a console prints (“[1] 1 4”) for no note: the page’s one note is its own, and no prose goes into a note', () => {
    expect(parsedNotes(markdown).defs).toHaveLength(1);
    expect(noteText(markdown, 1)).toBe('A list of alternatives that already exists is better reached with the subset operator.');
    expect(markdown).toContain('the element of that name is returned.[^1]');
    expect(body(markdown)).toContain('Indexing matrices may not contain negative indices.');
  });
  it('sets each session apart as code, the prose between them as paragraphs, a prompt’s continuation (“+ }”) with its code', () => {
    expect(body(markdown)).toMatch(/```\n> centre <- function\(x, type\) \{\n\+ switch\(type,\n\+\nmean = mean\(x\),/);
    expect(body(markdown)).toMatch(/\+ \}\n> x <- rcauchy\(10\)/);
    expect(blockWith(markdown, 'A common use of switch')).toBe('A common use of switch is to branch according to the character value of one of the arguments to a function.');
    expect(blockWith(markdown, 'switch returns either')).not.toContain('```');
  });
});
