// Generated raw texts for the property tests: paragraphs, headings, quotations, lists, notes
// in every reference and body style the normaliser reads, page furniture, cruft, odd
// whitespace and control characters, as the carriers of real texts put them together.
import fc from 'fast-check';

const WORDS = 'the state power class party revolution workers question people history theory practice movement government which would their there about other after first never under these where being great against between through during before should because without political economic social national freedom struggle'.split(' ');

export const word = fc.constantFrom(...WORDS);
export const sentence = fc.array(word, { minLength: 4, maxLength: 18 }).map((ws) => `${ws[0][0].toUpperCase()}${ws[0].slice(1)} ${ws.slice(1).join(' ')}.`);
export const paragraph = fc.array(sentence, { minLength: 1, maxLength: 5 }).map((ss) => ss.join(' '));
export const heading = fc.oneof(
  fc.integer({ min: 1, max: 30 }).map((n) => `Chapter ${n}`),
  fc.array(word, { minLength: 1, maxLength: 5 }).map((ws) => ws.map((w) => w[0].toUpperCase() + w.slice(1)).join(' ')),
);
export const quotation = paragraph.map((p) => `“${p}”`);
export const list = fc.array(sentence, { minLength: 2, maxLength: 5 }).map((ss) => ss.map((s, i) => `${i + 1}. ${s}`).join('\n'));

/** How a text writes its notes: the mark in the prose, the body's opening, where bodies go. */
export type NoteStyle = 'bracket' | 'dot-list' | 'glued' | 'superscript' | 'caret' | 'arrow-tail' | 'footnote-block' | 'star';
export const noteStyle = fc.constantFrom<NoteStyle>('bracket', 'dot-list', 'glued', 'superscript', 'caret', 'arrow-tail', 'footnote-block', 'star');

const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const sup = (n: number) => [...String(n)].map((d) => SUP[Number(d)]).join('');

export function markOf(style: NoteStyle, n: number): string {
  if (style === 'glued') return String(n);
  if (style === 'superscript') return sup(n);
  if (style === 'star') return '*'.repeat(n);
  if (style === 'footnote-block') return `[${n}]`;
  return `[${n}]`;
}

export function bodyOf(style: NoteStyle, n: number, text: string): string {
  if (style === 'bracket') return `[${n}] ${text}`;
  if (style === 'dot-list' || style === 'glued') return `${n}. ${text}`;
  if (style === 'superscript') return `${sup(n)} ${text}`;
  if (style === 'caret') return `^ ${text}`;
  if (style === 'arrow-tail') return `${text}↩︎`;
  if (style === 'star') return `${'*'.repeat(n)} ${text}`;
  return `[Footnote ${n}: ${text}]`;
}

export interface Generated {
  text: string;
  style: NoteStyle;
  notes: number;
}

const furniture = fc.record({ formFeeds: fc.boolean(), head: fc.constantFrom('', 'THE HISTORY OF THE PARTY', 'Theory and Practice') });
const cruft = fc.constantFrom('', 'Share this:\nTwitter\nFacebook', 'Leave a comment', 'Home | About | Archive | Contact');
const oddSpace = fc.constantFrom(' ', '  ', '\t', '\u00a0', ' \u200b', '\u2003');
const control = fc.constantFrom('', '\u0001', '\u0007', '\u000b', '\u001b', '\u007f', '\ufeff');

/** A whole raw text: a title, blocks, notes of one style in their place, furniture and cruft. */
export const rawText: fc.Arbitrary<Generated> = fc
  .record({
    title: heading,
    blocks: fc.array(fc.oneof({ weight: 6, arbitrary: paragraph.map((p) => ({ kind: 'p' as const, text: p })) }, { weight: 1, arbitrary: heading.map((h) => ({ kind: 'h' as const, text: h })) }, { weight: 1, arbitrary: quotation.map((q) => ({ kind: 'q' as const, text: q })) }, { weight: 1, arbitrary: list.map((l) => ({ kind: 'l' as const, text: l })) }), { minLength: 2, maxLength: 14 }),
    style: noteStyle,
    noteAt: fc.array(fc.nat(), { maxLength: 8 }),
    noteTexts: fc.array(sentence, { minLength: 8, maxLength: 8 }),
    furniture,
    cruft,
    space: oddSpace,
    control,
    crlf: fc.boolean(),
  })
  .map((g) => {
    const paras = g.blocks.map((b, i) => ({ ...b, i })).filter((b) => b.kind === 'p');
    // at most one mark per paragraph, in reading order; star marks only a few per text
    const marked = [...new Set(g.noteAt.map((k) => paras.length ? paras[k % paras.length].i : -1))].filter((i) => i >= 0).sort((a, b) => a - b).slice(0, g.style === 'star' ? 3 : 8);
    const blocks = g.blocks.map((b, i) => {
      const k = marked.indexOf(i);
      if (k < 0) return b.text;
      const cut = b.text.indexOf('. ') > 0 ? b.text.indexOf('. ') + 1 : b.text.length;
      // a glued digit sits after a word; the others after the sentence's full stop
      const at = g.style === 'glued' ? cut - 1 : cut;
      return `${b.text.slice(0, at)}${markOf(g.style, k + 1)}${b.text.slice(at)}`;
    });
    const bodies = marked.map((_, k) => bodyOf(g.style, k + 1, g.noteTexts[k]));
    let text = `${g.title}\n\n${blocks.join('\n\n')}`;
    if (bodies.length) {
      if (g.style === 'footnote-block') text += `\n\n${bodies.join('\n\n')}`;
      else text += `\n\n${g.style === 'caret' ? 'References' : 'Notes'}\n\n${bodies.join('\n')}`;
    }
    // pages only where there are enough of them to tell their furniture (three or more)
    if (g.furniture.formFeeds && text.split('\n\n').length >= 12) {
      const parts = text.split('\n\n');
      const pages: string[] = [];
      for (let k = 0; k < parts.length; k += 4) pages.push(`${g.furniture.head ? `${g.furniture.head}\n\n` : ''}${parts.slice(k, k + 4).join('\n\n')}\n\n${pages.length + 1}`);
      text = pages.join('\n\f');
    }
    if (g.cruft) text += `\n\n${g.cruft}`;
    text = text.replace(/ (?=the )/, g.space).replace(/\n\n/, `\n\n${g.control}`);
    if (g.crlf) text = text.replace(/\n/g, '\r\n');
    return { text, style: g.style, notes: marked.length };
  });

/** What a mutation puts into a real text: the artefacts the normaliser must never trip on. */
export const ARTEFACTS = ['[1]', '[12]', '\f', '↩︎', '^ a b', '*', '_', '`', '<i>', '</i>', '[^3]', '#', '> ', '---', '\u00a0', '\t', '¹', '[Footnote 2: x]', '-----File: 012.png---', '<!--', '&amp;', '\\', '|'];
export const mutation = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.integer({ min: 1, max: 2000 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), what: fc.constantFrom(...ARTEFACTS) }),
);
export type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

export function mutate(text: string, ms: Mutation[]): string {
  let t = text;
  for (const m of ms) {
    const at = Math.floor(m.at * t.length);
    t = m.kind === 'cut' ? t.slice(0, at) + t.slice(at + m.len) : t.slice(0, at) + m.what + t.slice(at);
  }
  return t;
}
