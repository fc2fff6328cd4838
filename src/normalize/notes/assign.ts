// Linking as one problem: candidate bodies (notes/zones.ts) and candidate marks
// (notes/marks.ts), and the assignment that explains both best. A body's references are
// searched before it, back to the last accepted body with the same label (numbering that
// restarts per page, chapter or article shadows the earlier series), and on its own page
// for a page foot. Marks that are notes by their form ([12], {7}) may be cited many times;
// bare numbers and superscripts are cited once, and a group's bodies take them in reading
// order (a weighted longest increasing chain), so a year or a count does not steal a note.
import type { Group, Candidate } from './zones.ts';
import { MarkIndex, markKey, type PlacedMark } from './markindex.ts';
import { pageRange, type Stream } from './stream.ts';

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

/** The stream lines (from, to) in which a body's references may stand. */
function windowOf(st: Stream, c: Candidate, shadow: Map<string, number>): [number, number] {
  let from = c.label ? (shadow.get(c.label.text) ?? -1) + 1 : 0;
  if (c.zone === 'foot') from = Math.max(from, pageRange(st, c.page)[0]);
  return [from, firstLine(c)];
}

export function assign(st: Stream, groups: Group[], idx: MarkIndex, bodyLines: Set<number>): Assignment {
  const ordered = [...groups].sort((a, b) => firstLine(a.bodies[0]) - firstLine(b.bodies[0]));
  const shadow = new Map<string, number>();
  const decisions: Decision[] = [];
  const accepted: { group: Group; windows: [number, number][] }[] = [];
  const notBody = (line: number) => bodyLines.has(line);
  for (const g of ordered) {
    const windows = g.bodies.map((b) => windowOf(st, b, shadow));
    const support = g.bodies.filter((b, k) => b.label && idx.find(b.label, windows[k][0], windows[k][1], notBody).length > 0).length;
    const n = g.bodies.length;
    let ok: boolean;
    let why: string;
    if (g.strong || g.zone === 'block') {
      ok = true;
      why = 'its form marks it as a note';
    } else if (g.zone === 'foot') {
      ok = support > 0 || !g.ambiguous;
      why = `at the foot of its page, ${support} of ${n} labels referred to on the page`;
    } else if (!g.ambiguous) {
      ok = support > 0 && (support >= 0.3 * n || g.heading !== undefined);
      why = `${support} of ${n} labels referred to before the list`;
    } else {
      ok = support > 0 && (g.heading !== undefined ? true : n >= 3 ? support >= 0.7 * n : support === n && n >= 2);
      why = `${support} of ${n} labels referred to before the list${g.heading !== undefined ? ', under a notes heading' : ''}`;
    }
    decisions.push({ group: g, accepted: ok, why, support });
    if (!ok) continue;
    accepted.push({ group: g, windows });
    for (const b of g.bodies) if (b.label) shadow.set(b.label.text, firstLine(b));
  }

  const links: Assignment['links'] = [];
  const used = new Set<PlacedMark>();
  for (const { group, windows } of accepted) {
    const singles: { body: Candidate; cands: PlacedMark[] }[] = [];
    group.bodies.forEach((b, k) => {
      const found = b.label ? idx.find(b.label, windows[k][0], windows[k][1], notBody).filter((m) => !used.has(m)) : [];
      const distinctive = found.filter((m) => m.distinctive);
      // stars on one page all point to its one star body ("for* … against*")
      const stars = found.filter((m) => m.form === 'sym');
      if (distinctive.length) {
        for (const m of distinctive) used.add(m);
        links.push({ body: b, marks: distinctive });
      } else if (stars.length && group.zone === 'foot') {
        for (const m of stars) used.add(m);
        links.push({ body: b, marks: stars });
      } else singles.push({ body: b, cands: found });
    });
    for (const { body, mark } of chain(singles)) {
      if (mark) used.add(mark);
      links.push({ body, marks: mark ? [mark] : [] });
    }
  }
  // A page whose bracketed marks and bodies are as many, but whose labels disagree (a misprint):
  // the unmatched ones are paired in order, and reported.
  const relabelled: Assignment['relabelled'] = [];
  for (const { group } of accepted) {
    if (group.zone !== 'foot') continue;
    const orphans = links.filter((l) => l.body.group === group.id && !l.marks.length);
    if (!orphans.length) continue;
    const [from, to] = pageRange(st, group.bodies[0].page);
    const free: PlacedMark[] = [];
    for (let i = from; i < Math.min(to, firstLine(group.bodies[0])); i++) for (const m of idx.byLine[i]) if (m.distinctive && !used.has(m)) free.push(m);
    if (free.length !== orphans.length) continue;
    orphans.forEach((l, k) => {
      l.marks.push(free[k]);
      used.add(free[k]);
      relabelled.push({ body: l.body, mark: free[k] });
    });
  }
  links.sort((a, b) => firstLine(a.body) - firstLine(b.body) || a.body.pieces[0]?.text.localeCompare(b.body.pieces[0]?.text ?? '') || 0);
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
  let k = 0;
  const byItem = items.map(() => [] as number[]);
  all.forEach((a, i) => byItem[a.item].push(i));
  for (let it = 0; it < items.length; it++) {
    // candidates of one body are scored before any is inserted: a body takes one mark
    const mine = byItem[it];
    const res = mine.map((i) => {
      const [best, at] = query(rank.get(all[i].key)! - 1);
      const w = 1000 + (all[i].m.weak ? 0 : 10) + rank.get(all[i].key)! / (size + 1);
      return { i, v: best + w, at };
    });
    for (const r of res) {
      score[r.i] = r.v;
      back[r.i] = r.at;
      update(rank.get(all[r.i].key)!, r.v, r.i);
    }
    k += mine.length;
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
