// Notes lists of chapters copied from a web archive's pages (document.body.innerText: a line
// per paragraph, the page's links at its foot): the forms its pages mix, each linked.
import { describe, expect, it } from 'vitest';
import { normalize } from '../src/normalize/chain.ts';
import { bodyAfter } from './helpers.ts';
import { openerOf } from '../src/normalize/notes/openers.ts';

const para = (i: number, end = '.') => `Paragraph ${i} of the chapter goes on about the working day, the wages of the spinners and what the inspectors reported${end}`;
const page = (lines: string[]) => `${lines.join('\n\n')}\n`;

describe('a notes list whose bodies quote tables and verse, a line each', () => {
  const table = ['COLLECTING AGENTS LIST (BRADFORD).', '\tHouses\t', 'Vulcan Street, No. 122\t1 room\t16 persons', '33 Roberts Court\t1 cellar\t7 persons', '27 Ebenezer Street\t1 cellar\t6 persons'];
  const yearly = ['1848.\tQuantity', '1851.\tQuantity', '1860.\tQuantity', '1865.', '135,831,162\tlbs.', '143,966,106\tlbs.'];
  const { markdown } = normalize(
    page([
      `${para(1)} [1]`,
      `${para(2)} [2]`,
      `${para(3)} [3]`,
      `${para(4)} [4]`,
      `${para(5)} [5]`,
      `${para(6)} [6]`,
      'Footnotes',
      '1. Census of England and Wales for 1861, Vol. III, p. 36.',
      '2. 781 towns given in the census for 1861 for England and Wales contained 10,960,998 inhabitants.',
      '3. The following figures indicate the increase in the factories of the United Kingdom:',
      yearly.join('\n'),
      'See the Blue books “Statistical Abstract of the United Kingdom,” Nos. 8 and 13.',
      '4.',
      table.join('\n'),
      '5. “Voilà l’homme en effet. Il va du blanc au noir,',
      'Il condamne au matin ses sentiments du soir.”',
      '(“The Theory of Exchanges,” London, 1864, p. 135.)',
      '6. Report of the Inspectors of Factories for 31st October, 1865, p. 58.',
      'Table of Contents | Capital Volume One | Marx/Engels Archive',
    ]),
  );
  it('reads “2. 781 towns” as the second body, not a number in the text', () => {
    expect(bodyAfter(markdown, para(2))).toMatch(/^781 towns given in the census/);
  });
  it('carries a body’s table, whose lines open with numbers of their own, to the next label', () => {
    expect(bodyAfter(markdown, para(3))).toMatch(/^The following figures indicate/);
    expect(bodyAfter(markdown, para(5))).toMatch(/^“Voilà l’homme/);
  });
  it('takes a label alone on its line (“4.”) with the table under it', () => {
    expect(bodyAfter(markdown, para(4))).toMatch(/^COLLECTING AGENTS LIST/);
    expect(bodyAfter(markdown, para(6))).toMatch(/^Report of the Inspectors/);
    expect(markdown).toContain('Vulcan Street');
  });
});

describe('a notes list that breaks at a body it cannot read', () => {
  const marks = (labels: string[]) => labels.map((l, i) => `${para(i + 1)}[${l}]`);
  it('goes on under its heading after a body whose label is lost', () => {
    const { markdown } = normalize(page([...marks(['1', '2', '3', '4']), 'Footnotes', '1. Census of 1861, p. 36.', '2. Ibid., p. 40.', '3) Report of the Inspectors, p. 58.', '4. Ure, l.c., p. 18.', '5. Ibid., p. 31.', 'Contents | Archive']));
    expect(bodyAfter(markdown, para(4))).toMatch(/^Ure, l\.c\./);
  });
  it('goes on under its heading after an editor’s note of another series', () => {
    const { markdown } = normalize(
      page([...marks(['1', '2', 'A', '3']), 'Footnotes', '1. Census of 1861, p. 36.', '2. Ibid., p. 40.', 'A. The following passage occurred only in the first edition.', 'Now we know the substance of value. It is labour.', 'Taken from the Penguin edition.', '3. Ure, l.c., p. 18.', '4. Ibid., p. 31.', 'Contents | Archive']),
    );
    expect(bodyAfter(markdown, para(4))).toMatch(/^Ure, l\.c\./);
  });
});

describe('an editor’s note inserted in a numbered list (“2a.” after “2.”)', () => {
  const { markdown } = normalize(page([`${para(1)} [1]`, `${para(2)} [2]`, `${para(3)} [2a]`, `${para(4)} [3]`, 'Footnotes', '1. Census of 1861, p. 36.', '2. Ibid., p. 40.', '2a. In the German edition, there is the following footnote here.', '3. Ure, l.c., p. 18.', 'Contents | Archive']));
  it('links the inserted note and the series that goes on after it', () => {
    expect(bodyAfter(markdown, para(3))).toMatch(/^In the German edition/);
    expect(bodyAfter(markdown, para(4))).toMatch(/^Ure, l\.c\./);
    expect(markdown).not.toContain('2a');
  });
});

describe('an archive’s notes cited by parenthesised numbers glued to the text', () => {
  const { markdown } = normalize(
    page([
      'Chapter I. Bourgeois and Proletarians(1)',
      `${para(1, '')}(2) is the history of class struggles.`,
      `${para(2)}(3)`,
      `${para(3)} A “Little Icaria”(4) — duodecimo editions of the New Jerusalem.`,
      'Chapter 2: Proletarians and Communists',
      '1. By bourgeoisie is meant the class of modern capitalists, owners of the means of social production.',
      'By proletariat, the class of modern wage labourers who, having no means of production of their own, are reduced to selling their labour power.',
      '2. That is, all written history. In 1847, the pre-history of society was all but unknown.',
      '3. Guild-master, that is, a full member of a guild, a master within, not a head of a guild.',
      '4. Phalanstères were Socialist colonies on the plan of Charles Fourier.',
      '“Commune” was the name taken in France by the nascent towns even before they had won their rights.',
      'Table of Contents: Manifesto of the Communist Party | Marx-Engels Archive',
    ]),
  );
  it('links every mark to its body, though the list does not close the page', () => {
    expect(bodyAfter(markdown, 'Proletarians')).toMatch(/^By bourgeoisie is meant/);
    expect(bodyAfter(markdown, para(2))).toMatch(/^Guild-master/);
    expect(bodyAfter(markdown, '“Little Icaria”')).toMatch(/^Phalanstères/);
  });
  it('keeps a paragraph between two bodies with the first', () => {
    expect(markdown).toMatch(/\[\^1\]: By bourgeoisie[^\n]*\n\n {4}By proletariat/);
  });
});

describe('notes lists under a notes heading that open otherwise', () => {
  it('takes the paragraphs before a series from 1 as the list’s introduction', () => {
    const { markdown } = normalize(
      page([
        `${para(1)}[1]`,
        `${para(2)}[2]`,
        'Footnotes',
        'The following footnotes are from the Chinese Edition of the Selected Works, with editorial additions.',
        'Introduction In 1847 Engels wrote two draft programmes for the League in the form of a catechism.',
        '1. In their works written in later periods, Marx and Engels substituted the more accurate concept.',
        '2. Engels left half a page blank here in the manuscript.',
        'Table of Contents | Marx-Engels Archive',
      ]),
    );
    expect(bodyAfter(markdown, para(1))).toMatch(/^In their works written/);
    expect(bodyAfter(markdown, para(2))).toMatch(/^Engels left half a page/);
    expect(markdown).toMatch(/^The following footnotes are from/m);
  });
  it('reads a series from 1 after a starred note, and a series of capitals after that', () => {
    const { markdown } = normalize(
      page([
        `${para(1)}[1]`,
        `${para(2, ',')} like Mühlberger[*], for instance.`,
        `${para(3)}[A]`,
        `${para(4)}[B]`,
        'Notes',
        '* Mühlberger, Arthur. A physician, follower of Proudhon.',
        '1. Adolf Hepner (1846-1923) – German Social-Democrat, an editor of Volksstaat.',
        'A. Engels had in mind Heine’s remarks on the German philosophical revolution.',
        'B. The Deutsche Jahrbücher was the organ of the Young Hegelians.',
        '1873 Letters | Letters Archive',
      ]),
    );
    expect(bodyAfter(markdown, para(1))).toMatch(/^Adolf Hepner/);
    expect(bodyAfter(markdown, 'Mühlberger')).toMatch(/^Mühlberger, Arthur/);
    expect(bodyAfter(markdown, para(3))).toMatch(/^Engels had in mind/);
    expect(bodyAfter(markdown, para(4))).toMatch(/^The Deutsche Jahrbücher/);
  });
  it('reads capitals set apart as labels only where they run A, B, C… under the heading, marked [A], [B], [C]', () => {
    const { markdown } = normalize(
      page([
        `${para(1)}[A]`,
        `${para(2)}[B]`,
        `${para(3)}[C]`,
        'A New Paragraph opens with a capital set apart, as sentences do, and stays text.',
        'Editorial Footnotes',
        'The intent of these footnotes is to help the modern reader assess this work.',
        'A While written in the late nineteenth century, these stages describe the first genus.',
        'B This stage is a reasonable facsimile of a later one.',
        'There are however two significant mistakes in this paragraph of the same note.',
        'C This stage is descriptive of modern human beings.',
        'Origins of the Family Index',
      ]),
    );
    expect(bodyAfter(markdown, para(1))).toMatch(/^While written/);
    expect(bodyAfter(markdown, para(2))).toMatch(/^This stage is a reasonable/);
    expect(bodyAfter(markdown, para(3))).toMatch(/^This stage is descriptive/);
    expect(markdown).toMatch(/^A New Paragraph opens/m);
    expect(markdown).toMatch(/^ {4}There are however/m);
  });
  it('links a number set off by a space at a paragraph’s end, after its stop', () => {
    const { markdown } = normalize(page([`${para(1)} 1`, para(2), `${para(3)} 2`, 'Notes', '1. How tenaciously even in 1861 this view could be held.', '2. The defect of Lyell’s view lay in conceiving the forces as constant.', 'Contents | next section']));
    expect(bodyAfter(markdown, para(1))).toMatch(/^How tenaciously/);
    expect(bodyAfter(markdown, para(3))).toMatch(/^The defect of Lyell/);
  });
  it('takes a list with no heading whose only followers are the page’s links', () => {
    const { markdown } = normalize(page([`${para(1)}[1]`, `${para(2)}[2]`, `${para(3)}[3]`, '1. The Maximum Law was introduced during the Revolution in 1792.', '2. Robert Owen (1771-1858) was a British manufacturer.', '3. These figures refer to the total wages of the group of five men.', '\u00a0', 'Table of Contents | Next Section | Marx Engels Archive | Economics Index']));
    expect(bodyAfter(markdown, para(1))).toMatch(/^The Maximum Law/);
    expect(bodyAfter(markdown, para(3))).toMatch(/^These figures/);
  });
});

describe('numbers that open a body only inside a run', () => {
  it('leaves a page foot’s line that opens with a number out of series in its body', () => {
    // pdftotext pages: the second body's second line opens "12. 5 per cent" (a figure, not a label)
    const text = (n: number) => `The hands of the mill worked twelve hours a day, as the report of the inspectors shows at length.${n === 1 ? '1' : '2'} The rest\nof the page goes on about the mills, the hands and the hours the inspectors counted there.\n\n`;
    const md = normalize(`${text(1)}1. Report of the Inspectors of Factories, p. 36.\n\f${text(2)}2. Of these hands, a return for the year ending\n12. 5 per cent were children under thirteen.\n\f`).markdown;
    expect(md).toMatch(/\[\^2\]: Of these hands, a return for the year ending 12\. 5 per cent/);
  });
  it('reads a bare “64.” and “23. 781 towns” as continuing a series, never a year’s “1986.”', () => {
    expect(openerOf('64.')).toMatchObject({ form: 'dot', continuesOnly: true });
    expect(openerOf('23. 781 towns given in the census')).toMatchObject({ form: 'dot', continuesOnly: true });
    expect(openerOf('1986.')).toBeUndefined();
    expect(openerOf('3.Hic Rhodus, hic salta.')).toMatchObject({ form: 'dot', continuesOnly: true, rest: 'Hic Rhodus, hic salta.' });
    expect(openerOf('3.1 Introduction')).toBeUndefined();
    expect(openerOf('A. Engels had in mind')).toMatchObject({ form: 'dot', label: { text: 'A' } });
  });
  it('cuts a site’s links at the foot of a page though one reads “N. Ireland” or “1.”', () => {
    const story = (i: number) => `Paragraph ${i} of the story goes on about the president, the laws on guns and what the senators said in the long debate.`;
    const links = ['View comments', 'Share this story', 'More on this story', 'Obama urges UK to stay', '4 hours ago', 'N. Ireland', 'Scotland', 'Wales', 'Most read', '1.', 'Skin Cancer', '2.', 'Snoring', 'Contact us', 'About the BBC'];
    const { markdown } = normalize(page([story(1), story(2), story(3), story(4), links.join('\n')]));
    expect(markdown).toContain(story(4));
    expect(markdown).not.toContain('Share this story');
    expect(markdown).not.toContain('About the BBC');
  });
});

describe('an archive page of prefaces, each signed with the same name and dated', () => {
  // the signature repeats like a comment thread's "Reply", a date beside it each time: the
  // text's own sections, not readers' comments
  const prose = (i: number) => `The preface of ${i} goes on about the working day, the wages of the spinners and what the inspectors reported of the mills in that year.`;
  const preface = (year: number, day: string, by = 'Frederick Engels') => [`The ${year} German Edition`, prose(year), prose(year + 1), prose(year + 2), by, `${day} ${year}, London`, '\u00a0'];
  const { markdown } = normalize(page([...preface(1882, 'January 21,', 'Karl Marx & Frederick Engels'), ...preface(1883, 'June 28,'), ...preface(1888, 'January 30,'), ...preface(1890, 'May 1,'), ...preface(1892, 'February 10,'), 'Table of Contents: Manifesto of the Communist Party']));
  it('still takes off a thread whose “reply” links stand over the next comment’s date', () => {
    const post = [1, 2, 3].map((i) => `Paragraph ${i} of the post explains how the trackers follow a reader from page to page, and what the settings of a browser can do about it.`);
    // (a blog's thread as the browser copies it: author, words, then "reply" over the next date)
    const comment = (who: string, day: number, words: string) => `${who}\n\n${words}\n\nreply\nApril ${day}, 2018\n6:32 PM`;
    const thread = [comment('Lars', 5, 'Couldn’t I just block the site in my own proxy filter at home?'), comment('Anonymous', 6, 'The tracker blocker is also a good plugin to mention in the post.'), comment('Maria', 7, 'Thanks for the clear write-up, I shared it with my family this week.'), comment('Tom', 8, 'Does this work on the phone too, or only in the desktop browser?')];
    const md = normalize(`${post.join('\n\n')}\n\nComments\n\nApril 4, 2018\n9:10 AM\n${thread.join('\n')}\n`).markdown;
    expect(md).toContain(post[2]);
    expect(md).not.toContain('Couldn’t I just block');
  });
  it('keeps every preface', () => {
    for (const y of [1882, 1883, 1888, 1890, 1892]) expect(markdown).toContain(prose(y + 2));
    expect(markdown).toContain('February 10, 1892, London');
  });
});

describe('an archive letter whose title block stands over its colophon’s fields', () => {
  // six short lines over the letter, two of them "Written: …;", "Transcribed: …;": the text's
  // own title and colophon, not a site's menu
  const head = ['Marx-Engels Correspondence 1871', 'Marx to Dr Kugelmann', 'Concerning the Paris Commune', 'Abstract', '', 'Written: April 12-17, 1871;', 'Transcribed: Zodiac;', 'HTML Markup: S. Ryan.'];
  const letter = [1, 2, 3].map((i) => `Paragraph ${i} of the letter tells of the commune, the generals at Versailles and the doctor’s advice, which was effective in so far as I have consulted him.`);
  const { markdown } = normalize(`${head.join('\n')}\n\n[London] April 12, 1871\n\nDear Kugelmann,\n\n${letter.join('\n\n')}\n`);
  it('keeps the letter’s title and subtitle', () => {
    expect(markdown).toContain('# Marx-Engels Correspondence 1871');
    expect(markdown).toContain('Marx to Dr Kugelmann');
    expect(markdown).toContain('Concerning the Paris Commune');
  });
});

describe('a book’s page whose formulas the browser flattened a symbol a line (MathML)', () => {
  // "If ⏎𝑑⏎ is a divisor of ⏎𝑛⏎, then so is ⏎𝑛⏎/⏎𝑑⏎. But": one sentence, in the text and in a note
  const flat = (words: string[]) => words.join('\n');
  const text = [
    flat(['Newton’s method says that whenever we have a guess ', '𝑦', ' for the value of the square root of a number ', '𝑥', ', we can get a better guess by averaging ', '𝑦', ' with ', '𝑥', '/', '𝑦', '.44']),
    `${para(2)}45`,
    'Footnotes',
    flat(['44 If ', '𝑑', ' is a divisor of ', '𝑛', ', then so is ', '𝑛', '/', '𝑑', '. But ', '𝑑', ' and ', '𝑛', '/', '𝑑', ' cannot both be greater than ', '𝑛', '.']),
    '45 Pierre de Fermat (1601-1665) is considered to be the founder of modern number theory.',
    '[Go to first, previous, next page; contents; index]',
  ];
  const { markdown } = normalize(page(text));
  it('joins the text’s sentence across its symbols and its punctuation', () => {
    expect(markdown).toMatch(/a number 𝑥, we can get a better guess by averaging 𝑦 with 𝑥 ?\/ ?𝑦 ?\.\[\^/);
  });
  it('keeps a note’s flattened sentence one body, and the next note linked', () => {
    expect(markdown).toMatch(/\[\^\d+\]: If 𝑑 is a divisor of 𝑛, then so is 𝑛\s?\/\s?𝑑\. But 𝑑 and 𝑛/);
    expect(bodyAfter(markdown, para(2))).toMatch(/^Pierre de Fermat/);
  });
});

describe('a book’s later chapter whose bracketed marks go on from a notes page elsewhere', () => {
  // "[79]" … "[83]": the notes are on the book's notes page, not this one
  const marked = [79, 80, 81, 82, 83].map((n, i) => `${para(i + 1, '')}[${n}] and the treaties held.`);
  const { markdown, state } = normalize(page([...marked, 'Chapter One | Chapter Three', 'Contents']));
  it('drops the marks that have no body, each reported with its place', () => {
    expect(markdown).not.toMatch(/\\?\[\d{2}\\?\]/);
    expect(markdown).toContain(`${para(1, '')} and the treaties held.`);
    expect(state.doubts.filter((d) => d.kind === 'ref-without-body')).toHaveLength(5);
  });
});

describe('a blog whose footnote plugin closes each note with a bracketed back-link (“[↩]”)', () => {
  const post = [1, 2, 3].map((i) => `Paragraph ${i} of the post is about time, how we fill it and how the clock came to rule the working day in the mills.`);
  const { markdown } = normalize(page([`“It is not that we have too little time, but that we waste much of it.”1`, ...post, 'Lucius Annaeus Seneca, Roman philosopher and statesman. Source: On the Shortness of Life [↩]', 'Latest posts', 'Learning dogmas and education myths (4) 23 January 2020']));
  it('reads the note by its back-link and links the mark glued after the quotation', () => {
    expect(bodyAfter(markdown, 'waste much of it.”')).toMatch(/^Lucius Annaeus Seneca/);
    expect(markdown).not.toContain('↩');
  });
});

describe('a blog post under its site’s menu, with its fields (“Author”, “Published”)', () => {
  // the menu's "Research" is also a word of the post's opening: the title is the line after
  // the menu, above the fields, though it asks a question
  const head = ['Jane Roe', 'Home', 'About', 'Research', 'Software', 'Blog', 'What was the survey?', 'The dialectics of big research projects', 'social-media', 'metascience', 'Author', 'Affiliation', '', 'Jane Roe', '', 'The Hertie School', '', 'Published', '', 'December 29, 2023'];
  const post = [1, 2, 3].map((i) => `Paragraph ${i}: the survey was a sprawling research project with dozens of people involved at various levels, and it was huge.`);
  const { markdown } = normalize(`${head.join('\n')}\n\n${post.join('\n\n')}\n`);
  it('takes the post’s title, not a menu entry its opening repeats', () => {
    expect(markdown).toMatch(/^title: What was the survey\?$/m);
    expect(markdown).not.toMatch(/^# Research$/m);
  });
});

describe('speech in a story copied from the browser, and quotations in an essay', () => {
  const narration = (i: number) => `Paragraph ${i} of the story tells how the two of them drove home along the highway in the rain, and what the radio said.`;
  const speech = [
    '“So, who is he? Do we know anything about him beyond what you told me before?” Izuku asked from the back seat. “He has been locked up for months now.”',
    '“Nope. Still nothing. No one really wants to speak to him,” All Might replied brightly. “He gives off polite airs, but he is a piece of work.”',
    '“No one has even made it through a full interview with him, from what I have heard,” the detective added. “He plays games with them.”',
    '“Wait, they still do not know what he can do?” Izuku asked. “They cannot if there is still a block on visits.”',
    '“He is always like that. He feigns concern and sympathy to lure the outcasts in. They are easy targets,” All Might said through a mouthful of biscuit.',
    '“Has he ever tried it on any of the others?”',
    '“He is starved of conversation in solitary confinement. If what the people watching him say is true, you are the most exciting thing to have happened to him in months, and he will want to see you again next week.”',
    '“That is pretty sad.”',
  ];
  const told = normalize(page([narration(1), ...speech.slice(0, 4), narration(2), ...speech.slice(0, 4), narration(3), ...speech.slice(0, 4), narration(4), ...speech.slice(0, 4), narration(5), ...speech.slice(4), narration(6)]));
  const story = told.markdown;
  it('leaves a paragraph all in quotes a paragraph where the text is told in dialogue, and says so at the first speech', () => {
    expect(story).not.toMatch(/^> /m);
    expect(told.state.doubts.find((d) => d.message.includes('a story in dialogue'))?.lines).toEqual([3]);
    expect(story).toMatch(/^“He is starved of conversation/m);
  });
  it('takes no short speech for a heading (“That is pretty sad.”)', () => {
    expect(story).toMatch(/^“That is pretty sad\.”$/m);
  });
  it('but in an essay that quotes, a paragraph that is one quotation, speech tag and all, stays a block quotation', () => {
    const md = normalize(
      page([
        ...[1, 2, 3, 4].map((i) => para(i)),
        '“The proletarians of Paris,” said the Central Committee in its manifesto of March 18, “amidst the failures and treasons of the ruling classes, have understood that the hour has struck for them to save the situation by taking into their own hands the direction of public affairs.”',
        ...[5, 6, 7, 8].map((i) => para(i)),
      ]),
    ).markdown;
    expect(md).toMatch(/^> “The proletarians of Paris,” said the Central Committee/m);
  });
});

describe('a quoted clause under its section label, in sentence case', () => {
  const md = normalize(page([para(1), para(2), 'A. “The free basis of the state.”', para(3), para(4), 'B. “The state demands as its intellectual and ethical basis.”', para(5)])).markdown;
  it('is the section’s heading, not speech', () => {
    expect(md).toMatch(/^#+ A\. “The free basis of the state\.”$/m);
  });
});
