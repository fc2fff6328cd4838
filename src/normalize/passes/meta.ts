import { detectLanguage } from '../language.ts';
import type { Block, NormState } from '../types.ts';
import { bare, CHAPTER_LABEL, GENERIC_HEADINGS, loose, words } from '../text.ts';
import { carryNotes } from '../carrynotes.ts';

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const BYLINE = /^(?:written )?by\s+([\p{Lu}][\p{L}.'’\- ]{1,60})$/iu;
/** "Edited by …", "Translated by …": who else made the text, into the front matter beside its author. */
const CREDIT = /^(edited|translated)\s+by\s+([\p{Lu}][\p{L}.'’\- ]{1,60})$/iu;
const POSTED = new RegExp(`^(?:(?:posted|published)(?:\\s+on)?\\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?(\\d{1,2}\\s+${MONTH}\\s+\\d{4}|${MONTH}\\s+\\d{1,2},?\\s+\\d{4}),?\\s+by\\s+(.{2,60})$`, 'i');
const DATELINE = /^(?:(?:revised|written|originally written|first published|published|delivered|translated|transcribed)\b[^.]{0,80}\b\d{4}\b[^.]{0,40})$/i;
const FROM_WORK = /^from\s+(.{3,100}?)\s*\((\d{4})\)\.?$/i;

/**
 * Reads the metadata a text carries in its head — a title line, a byline, a date line,
 * "from <work> (year)", a web post's date and poster — and moves it to the front matter.
 * The sidecar then adds what is missing and corrects what is wrong (both recorded).
 */
export function meta(s: NormState): void {
  const m = s.meta;
  const blocks = s.blocks;
  const gone = new Set<Block>();
  const take = (b: Block, key: string, value: string) => {
    gone.add(b);
    s.changes.push({ kind: 'move-to-front-matter', lines: b.lines, from: bare(b.text), to: `${key}: ${value}` });
  };
  // The head: blocks before the first real paragraph.
  const head: Block[] = [];
  for (const b of blocks) {
    if (words(b.text) > 22 || b.kind === 'code') break;
    head.push(b);
    if (head.length >= 8) break;
  }
  const sideAuthor = s.sidecar.meta.author;
  const bylines = head.filter((b) => BYLINE.test(bare(b.text)));
  for (const b of head) {
    const t = bare(b.text).replace(/\s+/g, ' ');
    let x: RegExpExecArray | null;
    if (bylines.length <= 1 && (x = BYLINE.exec(t))) {
      m.author ??= x[1].trim();
      take(b, 'author', x[1].trim());
    } else if ((x = CREDIT.exec(t))) {
      const key = x[1].toLowerCase() === 'edited' ? 'editor' : 'translator';
      m[key] ??= x[2].trim();
      take(b, key, x[2].trim());
    } else if ((x = POSTED.exec(t))) {
      m.web_posted = x[1];
      m.web_posted_by = x[2].trim();
      take(b, 'web_posted', t);
    } else if (DATELINE.test(t)) {
      m.date_line = t;
      const years = t.match(/\b\d{4}\b/g) ?? [];
      m.date ??= years.map(Number).sort().pop()?.toString();
      take(b, 'date_line', t);
    } else if ((x = FROM_WORK.exec(t))) {
      m.original_publication = `${x[1].trim()} (${x[2]})`;
      m.date ??= x[2];
      take(b, 'original_publication', m.original_publication);
    } else if (sideAuthor && words(t) <= 6 && loose(t) === loose(sideAuthor)) {
      m.author ??= t;
      take(b, 'author', t);
    }
  }
  // The title: the first heading-like line, unless it is a generic section name.
  // (an ornament or an arrow before it is no title: a title has words)
  const first = blocks.find((b) => !gone.has(b) && b.kind !== 'code' && /\p{L}\p{L}/u.test(bare(b.text)));
  if (first) {
    const t = bare(first.text);
    const sideTitle = s.sidecar.meta.title;
    const looksTitle = words(t) <= 20 && !/[.,;:]$/.test(t) && !GENERIC_HEADINGS.test(t) && !CHAPTER_LABEL.test(t) && first.lines.length <= 2;
    if ((sideTitle && loose(t) === loose(sideTitle)) || (looksTitle && blocks.indexOf(first) <= 2 && !/\uE001/.test(first.text))) {
      m.title ??= t;
      take(first, 'title', t);
    }
  }
  carryNotes(s, blocks, gone);
  s.blocks = blocks.filter((b) => !gone.has(b));
  // The sidecar adds and corrects.
  for (const [k, v] of Object.entries(s.sidecar.meta)) {
    if (v === undefined || v === null) continue;
    if (m[k] !== undefined && String(m[k]) !== String(v))
      s.changes.push({ kind: 'sidecar-corrects', lines: [], from: `${k}: ${String(m[k])}`, to: `${k}: ${String(v)}` });
    m[k] = v;
  }
  if (m.language === undefined) {
    // (from the prose, its sentences: a listing's commands, a table's figures, a list of names
    // — of files, of languages — are in no language)
    const prose = s.blocks.filter((b) => b.kind !== 'code' && b.kind !== 'row' && b.text.length >= 40 && /[.!?。！？]/u.test(b.text) && (b.text.match(/[\p{L}\p{M}\s]/gu)?.length ?? 0) >= 0.85 * b.text.length);
    const sentences = prose.map((b) => b.text).join('\n');
    // (too few sentences to tell by: the whole text, as it is)
    const found = detectLanguage(sentences.length >= 600 ? sentences : s.blocks.map((b) => b.text).join('\n'));
    if (found && found !== 'en') s.changes.push({ kind: 'detect-language', lines: [], to: `language: ${found}`, why: 'told from the text’s own letter sequences (franc); the sidecar may say otherwise' });
    m.language = found ?? 'en';
  }
}
