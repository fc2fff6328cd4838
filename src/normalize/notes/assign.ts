// Linking as one problem: candidate bodies (notes/zones.ts) and candidate marks
// (notes/marks.ts), and the assignment that explains both best. A body's references are
// searched before it, back to the last accepted body with the same label (numbering that
// restarts per page, chapter or article shadows the earlier series), and on its own page
// for a page foot. Marks that are notes by their form ([12], {7}) may be cited many times;
// bare numbers and superscripts are cited once, and a group's bodies take them in reading
// order (a weighted longest increasing chain), so a year or a count does not steal a note.
import type { Group, Candidate } from './zones.ts';
import { afterYear, type MarkIndex, markKey, type PlacedMark } from './markindex.ts';
import { pageRange, type Stream } from './stream.ts';
import { follows, opensSeries } from './labels.ts';
import { isCodeLine } from '../code.ts';

export interface Decision {
  group: Group;
  accepted: boolean;
  why: string;
  /** Bodies with their labels' support (a mark in their window). */
  support: number;
}

export interface Assignment {
  decisions: Decision[];
  /** Accepted bodies in stream order, each with the marks that refer to it. */
  links: { body: Candidate; marks: PlacedMark[] }[];
  /** Bodies paired with a mark of another label on their page, the counts agreeing. */
  relabelled: { body: Candidate; mark: PlacedMark }[];
}

const firstLine = (c: Candidate) => c.lines[0];

/** Largest value in a sorted list below x. */
function before(list: number[] | undefined, x: number): number {
  if (!list) return -1;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? list[lo - 1] : -1;
}

/**
 * Groups are judged in rounds — forms that are notes by themselves and bracketed page feet,
 * then bracketed lists, then what also opens numbered lists (1., 1 …, (1)): lists under a
 * notes heading, numbered page feet (a numbered list may close a page), other lists — so
 * that a numbered list in the text cannot take the marks of the notes at the book's end.
 * Within a round, in reading order.
 */
const roundOf = (g: Group) => (g.strong || g.zone === 'block' || (g.zone === 'foot' && !g.ambiguous) ? 0 : g.zone === 'foot' ? 2.5 : g.ambiguous ? (g.heading !== undefined ? 2 : 3) : 1);

export function assign(st: Stream, groups: Group[], idx: MarkIndex, ocrText = false): Assignment {
  const ordered = [...groups].sort((a, b) => roundOf(a) - roundOf(b) || firstLine(a.bodies[0]) - firstLine(b.bodies[0]));
  const acceptedAt = new Map<string, number[]>();
  const decisions: Decision[] = [];
  const links: Assignment['links'] = [];
  const used = new Set<PlacedMark>();
  // a label opening a body's line is no reference, unless its group turns out not to be notes
  const openers = new Map<number, Group>();
  for (const g of groups) for (const b of g.bodies) openers.set(firstLine(b), g);
  const rejected = new Set<Group>();
  const free = (m: PlacedMark) => !used.has(m) && !(m.atStart && openers.has(m.line) && !rejected.has(openers.get(m.line)!));
  const windowOf = (c: Candidate): [number, number] => {
    let from = c.label ? before(acceptedAt.get(c.label.text), firstLine(c)) + 1 : 0;
    if (c.zone === 'foot') from = Math.max(from, pageRange(st, c.page)[0]);
    return [from, firstLine(c)];
  };
  for (const g of ordered) {
    // (a label the extraction wrote late, "3" alone under the body before, is no number set
    // apart from the text: a foot's own lines hold no such mark, though a note may cite another)
    const own = new Set(g.bodies.flatMap((b) => b.lines));
    const setApart = (m: PlacedMark) => m.form === 'alone' && own.has(m.line);
    const cands = g.read ? readCandidates(g) : g.bodies.map((b) => {
      const [from, to] = windowOf(b);
      if (!b.label) return [];
      let found = idx.find(b.label, from, to).filter((m) => free(m) && !setApart(m));
      // (a page foot's number glued inside a line of code, "\\colwidth2{3em}", is the code's, where
      // the prose has one)
      if (b.zone === 'foot' && found.length > 1 && found.every((m) => !m.distinctive)) {
        const prose = found.filter((m) => !isCodeLine(st.lines[m.line].text));
        if (prose.length) found = prose;
      }
      // a page foot's body with no mark of its own: one glued to a token of the text's (markindex.ts),
      // or in an OCR's text what OCR made of its raised number on the page ("Catholic.”?"), by order
      // (also where every mark found is doubtful, a name the text writes again and again: "LATEX3"
      // beside "TUG 20083")
      if (b.zone !== 'foot' || found.some((m) => !m.doubtful)) return found;
      const split = idx.findSplit(st, b.label, from, to).filter(free);
      if (found.length) return [...found, ...split.filter((m) => afterYear(st, m))].sort((x, y) => markKey(x) - markKey(y));
      return ocrText ? [...split, ...ocrMarks(b.page, firstLine(b))] : split;
    });
    // a MediaWiki list (^ …, ↑ …) is cited by bracketed or raised marks; a bare number glued to a
    // word ("'1 hour'") is none of its own, and a one-line "↑ Top" nothing cites so is a page's
    // link back to its top
    const mediaWikiList = g.bodies.every((b) => b.opener.form === 'caret' || b.opener.form === 'arrow');
    if (mediaWikiList) for (let k = 0; k < cands.length; k++) cands[k] = cands[k].filter((m) => m.distinctive || m.form === 'super');
    const support = cands.filter((c) => c.length > 0).length;
    const n = g.bodies.length;
    let ok: boolean;
    let why: string;
    if (g.counted) {
      // as many bodies as marks 1, 2, 3… rise through the text before the heading, one each
      const got = chain(g.bodies.map((body, k) => ({ body, cands: cands[k] })));
      let taken = 0;
      while (taken < got.length && got[taken].mark && (taken === 0 || markKey(got[taken].mark!) > markKey(got[taken - 1].mark!))) taken++;
      ok = taken >= 2;
      why = `under a notes heading, its paragraphs unlabelled: the first ${taken} of ${n} taken, as many as the marks 1–${taken} before it`;
      if (ok) g.bodies = g.bodies.slice(0, taken);
    } else if (g.read) {
      ok = support > 0 || !!g.cited;
      why = `at the foot of its page, read by its place (OCR lost its labels): ${support} of ${n} bodies have a possible mark on the page${support ? '' : ', and it reads as citations'}`;
    } else if (mediaWikiList && support === 0) {
      ok = false;
      why = 'a list of the notes list’s form that no bracketed or raised mark cites';
    } else if (g.strong || g.zone === 'block') {
      ok = true;
      why = 'its form marks it as a note';
    } else if (g.zone === 'foot') {
      // a page's notes are referred to on the page: a run of labels most of which nothing on the
      // page refers to is a numbered list that happens to close the page
      // and a page foot nothing on its page refers to is no page foot, unless its labels are
      // bracketed numbers ([1] at a page's very foot is a note whose mark was lost; a § or * there
      // may be a section sign or an ornament)
      const bracketed = g.bodies.every((b) => b.opener.form === 'bracket' && b.label?.kind === 'num');
      ok = (support > 0 || bracketed) && (!g.ambiguous || (support >= n / 2 && g.bodies[0].label?.value !== 0));
      why = `at the foot of its page, ${support} of ${n} labels referred to on the page`;
    } else if (!g.ambiguous) {
      ok = support > 0 && (support >= 0.3 * n || g.heading !== undefined);
      why = `${support} of ${n} labels referred to before the list`;
    } else if (g.heading !== undefined) {
      ok = support > 0;
      why = `${support} of ${n} labels referred to before the list, under a notes heading`;
    } else {
      // no heading: the list must close its section, and its marks run in order before it
      const got = chain(g.bodies.map((body, k) => ({ body, cands: cands[k] })));
      const inOrder = got.filter((x) => x.mark).length;
      // (or every body is cited by a parenthesised number glued to the text, "impossible.(1)" for
      // "(1) Not the English…" or "1. Not the…", which the text's own enumerations, "(1) the
      // first", never are: a browser copy's notes list may end with the page's links after it)
      const parenCited = got.every((x) => x.mark?.form === 'paren');
      // and it opens its series (1, a, *), or goes on from a list of its form that ended just before
      const first = g.bodies[0];
      const opens = !!first.label && (opensSeries(first.label) || groups.some((o) => o !== g && o.bodies.some((b) => b.opener.form === first.opener.form && b.label && follows(b.label, first.label!) && firstLine(b) < firstLine(first))));
      ok = (g.endsSection || parenCited) && n >= 2 && inOrder >= Math.max(2, 0.7 * n) && opens;
      why = `${inOrder} of ${n} labels referred to in order before the list, which ${g.endsSection ? 'closes' : parenCited ? 'cites every body by a parenthesised number glued to the text, though it does not close' : 'does not close'} its section${opens ? '' : ` and opens at ${first.label?.text} with no list before it`}`;
    }
    decisions.push({ group: g, accepted: ok, why, support });
    if (!ok) {
      rejected.add(g);
      continue;
    }
    for (const b of g.bodies) if (b.label) {
      const list = acceptedAt.get(b.label.text) ?? [];
      list.push(firstLine(b));
      list.sort((x, y) => x - y);
      acceptedAt.set(b.label.text, list);
    }
    // marks that are notes by their form are all taken; bare numbers one each, in order
    const singles: { body: Candidate; cands: PlacedMark[] }[] = [];
    g.bodies.forEach((b, k) => {
      // a typeset page's notes ("1 Text") are referred to by raised numbers; a bracketed [1] on
      // the page is a citation, taken only when no raised number is there
      const raised = g.zone === 'foot' && ['space', 'alone', 'dot', 'super'].includes(b.opener.form) && cands[k].some((m) => !m.distinctive);
      const distinctive = raised ? [] : cands[k].filter((m) => m.distinctive && !used.has(m));
      const stars = cands[k].filter((m) => m.form === 'sym' && !used.has(m));
      if (distinctive.length) {
        for (const m of distinctive) used.add(m);
        links.push({ body: b, marks: distinctive });
      } else if (stars.length && g.zone === 'foot' && !g.read) {
        // stars on one page all point to its one star body ("for* … against*"); not so in a foot
        // read by its place, where a star is what OCR made of a raised number
        for (const m of stars) used.add(m);
        links.push({ body: b, marks: stars });
      } else singles.push({ body: b, cands: cands[k].filter((m) => !m.distinctive) });
    });
    // (bodies may share candidates: a mark taken above is no longer free)
    for (const { body, mark } of chain(singles.map((x) => ({ body: x.body, cands: x.cands.filter(free) })))) {
      if (mark) used.add(mark);
      links.push({ body, marks: mark ? [mark] : [] });
    }
    // A list's body left without a mark between two bodies that have theirs: its mark glued to a
    // number or word the text writes elsewhere without it ("higher by 20219." where it writes
    // "2021"), the one such token between its neighbours' marks.
    if (g.zone === 'list') {
      const marksOf = new Map(links.filter((l) => g.bodies.includes(l.body)).map((l) => [l.body, l.marks]));
      g.bodies.forEach((b, k) => {
        const prev = marksOf.get(g.bodies[k - 1])?.[0];
        const next = marksOf.get(g.bodies[k + 1])?.[0];
        if (!b.label || marksOf.get(b)?.length || !prev || !next) return;
        const found = idx.findSplit(st, b.label, prev.line, next.line + 1).filter((m) => free(m) && markKey(m) > markKey(prev) && markKey(m) < markKey(next));
        if (found.length !== 1) return;
        used.add(found[0]);
        marksOf.get(b)?.push(found[0]);
      });
    }
  }
  /** The marks OCR misread on a page above a line (a symbol where a raised number stood). */
  function ocrMarks(page: number, to: number): PlacedMark[] {
    const out: PlacedMark[] = [];
    for (let i = pageRange(st, page)[0]; i < to; i++) for (const m of idx.byLine[i]) if (m.form === 'ocr' && free(m)) out.push(m);
    return out;
  }
  /** A read foot's marks: whatever could be a raised number on its page, in order, whatever its label. */
  function readCandidates(g: Group): PlacedMark[][] {
    const [from] = pageRange(st, g.bodies[0].page);
    const all: PlacedMark[] = [];
    for (let i = from; i < firstLine(g.bodies[0]); i++) for (const m of idx.byLine[i]) if (!m.distinctive && !m.atStart && free(m) && (m.form !== 'glued' || m.label.value <= 9)) all.push(m);
    // (OCR may read a label and its mark as the same symbol, "protest®" for "® Ibid.": that body
    // takes that mark, and no other body does)
    const owned = new Set(g.bodies.map((b) => b.glyph).filter((x) => x && g.bodies.filter((b) => b.glyph === x).length === 1));
    const own = g.bodies.map((b) => (b.glyph && owned.has(b.glyph) ? all.filter((m) => m.glyph === b.glyph) : []));
    const taken = new Set(own.flat());
    return g.bodies.map((_, n) => (own[n].length ? own[n] : all.filter((m) => !taken.has(m))));
  }
  const accepted = decisions.filter((d) => d.accepted).map((d) => d.group);
  // A page whose bracketed marks and bodies are as many, but whose labels disagree (a misprint):
  // the unmatched ones are paired in order, and reported.
  const relabelled: Assignment['relabelled'] = [];
  for (const group of accepted) {
    if (group.zone !== 'foot') continue;
    const orphans = links.filter((l) => l.body.group === group.id && !l.marks.length);
    if (!orphans.length) continue;
    const [from] = pageRange(st, group.bodies[0].page);
    const spare: PlacedMark[] = [];
    for (let i = from; i < firstLine(group.bodies[0]); i++) for (const m of idx.byLine[i]) if (m.distinctive && free(m)) spare.push(m);
    if (spare.length !== orphans.length) continue;
    orphans.forEach((l, k) => {
      l.marks.push(spare[k]);
      used.add(spare[k]);
      relabelled.push({ body: l.body, mark: spare[k] });
    });
  }
  links.sort((a, b) => firstLine(a.body) - firstLine(b.body) || (a.body.pieces[0]?.from ?? 0) - (b.body.pieces[0]?.from ?? 0));
  return { decisions, links, relabelled };
}

/**
 * One mark for each body, positions rising with the bodies' order, as many as can be had;
 * strong candidates before weak ones, and the one nearest its body among equals.
 */
function chain(items: { body: Candidate; cands: PlacedMark[] }[]): { body: Candidate; mark?: PlacedMark }[] {
  const all: { item: number; m: PlacedMark; key: number }[] = [];
  items.forEach((it, i) => {
    for (const m of it.cands) all.push({ item: i, m, key: markKey(m) });
  });
  if (!all.length) return items.map((it) => ({ body: it.body }));
  const keys = [...new Set(all.map((a) => a.key))].sort((a, b) => a - b);
  const rank = new Map(keys.map((k, i) => [k, i + 1]));
  // Fenwick tree of the best chain ending at or before a position
  const size = keys.length;
  const tree = new Float64Array(size + 1);
  const arg = new Int32Array(size + 1).fill(-1);
  const query = (i: number): [number, number] => {
    let best = 0;
    let at = -1;
    for (; i > 0; i -= i & -i) if (tree[i] > best) [best, at] = [tree[i], arg[i]];
    return [best, at];
  };
  const update = (i: number, v: number, a: number) => {
    for (; i <= size; i += i & -i) if (v > tree[i]) [tree[i], arg[i]] = [v, a];
  };
  const score = new Float64Array(all.length);
  const back = new Int32Array(all.length).fill(-1);
  const byItem = items.map(() => [] as number[]);
  all.forEach((a, i) => byItem[a.item].push(i));
  for (let it = 0; it < items.length; it++) {
    // candidates of one body are scored before any is inserted: a body takes one mark
    const mine = byItem[it];
    const res = mine.map((i) => {
      const [best, at] = query(rank.get(all[i].key)! - 1);
      const label = items[it].body.label?.text;
      const glyph = items[it].body.glyph;
      const same = label === all[i].m.label.text || label === all[i].m.likely || (glyph !== undefined && glyph === all[i].m.glyph) ? 15 : 0;
      const w = 1000 + same + (all[i].m.doubtful ? -20 : all[i].m.weak ? 0 : 10) + rank.get(all[i].key)! / (size + 1);
      return { i, v: best + w, at };
    });
    for (const r of res) {
      score[r.i] = r.v;
      back[r.i] = r.at;
      update(rank.get(all[r.i].key)!, r.v, r.i);
    }
  }
  let end = -1;
  let top = 0;
  score.forEach((v, i) => {
    if (v > top) [top, end] = [v, i];
  });
  const pick = new Map<number, PlacedMark>();
  for (let i = end; i >= 0; i = back[i]) pick.set(all[i].item, all[i].m);
  return items.map((it, i) => ({ body: it.body, mark: pick.get(i) }));
}
