// A page's notes from its own links: a reference is a link whose text is a note mark (or that
// is set as a superscript) to an element later in the page; that element, grown to the block
// it opens, is the note's body. Back-links (↩, ^, "a b c") point the other way and are dropped.
// Each reference becomes a note token, each body leaves the page's text.
import type { Change, Doubt, NoteBody } from '../../normalize/types.ts';
import { noteToken } from '../../normalize/types.ts';
import { BLOCK_TAGS, holdsBlocks } from './blocks.ts';
import { inlineText, lineOf } from './inline.ts';
import { minOf } from '../../collections.ts';

// [12], (3), {7}, 35a, 12, [n 3], [A], a, iv, *, †† — a mark, not a word or a heading's number
// (a short word before the number only in brackets: "Par 41" is a paragraph's name)
const MARK = /^(?:[[({]\s*(?:[a-z]{1,3} )?|[[({]?\s*)(?:\d{1,6}[a-z]?|[a-z]{1,2}|[ivxlc]{1,6}|[*†‡§¶]{1,3})\s*[\])}]?\.?$/i;
const BACK = /^(?:[\s↩↑^⤴]|\uFE0E|\uFE0F)+$/u;

const tagOf = (el: Element) => el.localName.toLowerCase();

export interface HtmlNotes {
  bodies: NoteBody[];
  changes: Change[];
  doubts: Doubt[];
}

function documentOrder(root: Element): Map<Node, number> {
  const order = new Map<Node, number>();
  const walk = (n: Node) => {
    order.set(n, order.size);
    for (const c of Array.from(n.childNodes)) if (c.nodeType === 1) walk(c);
  };
  walk(root);
  return order;
}

const fragmentOf = (href: string): string | undefined => {
  const i = href.indexOf('#');
  if (i < 0 || i === href.length - 1) return undefined;
  try {
    return decodeURIComponent(href.slice(i + 1));
  } catch {
    return href.slice(i + 1);
  }
};

const within = (node: Node, tag: string, depth = 2): boolean => {
  let n: Node | null = node.parentNode;
  for (let k = 0; n && k < depth; k++, n = n.parentNode) if (n.nodeType === 1 && tagOf(n as Element) === tag) return true;
  return false;
};

/** The last characters of the text before `n` in the page's flow. */
function textBefore(n: Node): string {
  for (let c: Node | null = n; c; c = c.parentNode) {
    for (let p = c.previousSibling; p; p = p.previousSibling) {
      const t = p.textContent ?? '';
      if (t) return t.slice(-8);
    }
    if (c.nodeType === 1 && isBlockEl(c as Element)) return '';
  }
  return '';
}

/** Inside a heading, not one left open that holds the blocks after it. */
const inHeading = (el: Element): boolean => {
  const h = el.closest('h1,h2,h3,h4,h5,h6');
  return !!h && !holdsBlocks(h);
};
const isHeading = (el: Element) => /^h[1-6]$/.test(tagOf(el)) || !!el.querySelector('h1,h2,h3,h4,h5,h6');
const contains = (a: Node, b: Node) => a === b || a.contains(b);

/** The element a reference replaces: the link, or the superscript (with its brackets) that holds only it. */
function refSpan(a: Element): Element {
  const p = a.parentElement;
  if (p && (tagOf(p) === 'sup' || tagOf(p) === 'span') && MARK.test((p.textContent ?? '').trim())) return p;
  return a;
}

export function takeNotes(root: Element): HtmlNotes {
  const doc = root.ownerDocument;
  const order = documentOrder(root);
  const ids = new Map<string, Element>();
  for (const el of Array.from(root.querySelectorAll('[id], a[name]'))) {
    for (const key of [el.getAttribute('id'), tagOf(el) === 'a' ? el.getAttribute('name') : null]) if (key && !ids.has(key)) ids.set(key, el);
  }
  // references: forward links with a mark's text, or in a superscript, to an element that is no heading
  const refs: Ref[] = [];
  for (const a of Array.from(root.querySelectorAll('a[href]'))) {
    const frag = fragmentOf(a.getAttribute('href') ?? '');
    const target = frag ? ids.get(frag) : undefined;
    if (!target || target === a || contains(target, a)) continue;
    const text = (a.textContent ?? '').trim();
    const sup = within(a, 'sup') || !!a.querySelector('sup');
    // EPUB 3 and DPUB-ARIA say so outright
    const declared = /\bnoteref\b/.test(a.getAttribute('epub:type') ?? '') || a.getAttribute('role') === 'doc-noteref';
    if (!(declared || MARK.test(text) || (sup && text.length <= 8 && /[\p{N}*†‡§]/u.test(text)))) continue;
    if ((order.get(target) ?? 0) < (order.get(a) ?? 0) || isHeading(target) || inHeading(target)) continue;
    refs.push({ a, target, bare: !declared && !sup && /^\d+$/.test(text) ? frag! : undefined });
  }
  const changes: Change[] = [];
  crossReferences(refs, changes);
  // a note's label that links back to its reference ("<a href="#ref1">1</a>" before the anchor)
  const backLabel = (el: Element): boolean => {
    if (!MARK.test((el.textContent ?? '').trim())) return false;
    const a = tagOf(el) === 'a' ? el : el.querySelector('a[href]');
    const frag = a ? fragmentOf(a.getAttribute('href') ?? '') : undefined;
    const to = frag ? ids.get(frag) : undefined;
    return !!to && (order.get(to) ?? 0) < (order.get(el) ?? 0);
  };
  dropNavigation(refs, backLabel);
  const targets = [...new Set(refs.map((r) => r.target))].sort((x, y) => order.get(x)! - order.get(y)!);
  addOrphans(targets, ids, order, refs);
  const targetSet = new Set(targets);
  const refSet = new Set(refs.map((r) => r.a));
  const bodyNodes = targets.map((t) => bodyOf(t, targetSet, refSet, root, order));
  // a reference inside one note's body to another is kept (a note on a note)
  const bodyIndex = new Map(targets.map((t, i) => [t, i]));
  const doubts: Doubt[] = [];
  const marks = new Array<number>(targets.length).fill(0);
  for (const r of refs) {
    const id = bodyIndex.get(r.target)!;
    if (bodyNodes[id].some((n) => contains(n, r.a))) continue; // a body's own label link
    const span = refSpan(r.a);
    changes.push({ kind: 'link-note-ref', lines: [lineOf(r.a)].filter(Boolean), from: (span.textContent ?? '').trim(), why: 'a link to a note of the page' });
    span.replaceWith(doc.createTextNode(noteToken(id)));
    marks[id]++;
  }
  const backTargets = new Set<Element>();
  for (const r of refs) for (let n: Element | null = r.a; n && n !== root; n = n.parentElement) backTargets.add(n);
  const bodies: NoteBody[] = targets.map((t, id) => {
    const nodes = bodyNodes[id];
    for (const n of nodes) if (n.nodeType === 1) dropBackLinks(n as Element, backTargets, ids);
    const label = labelOf(refs.find((r) => r.target === t)?.a);
    const paras = nodes.map((n) => inlineText(n).replace(/\s+/g, ' ').trim()).filter(Boolean);
    if (paras.length) paras[0] = stripLabel(paras[0], label);
    unwrapFootnote(paras);
    if (paras.length) paras[paras.length - 1] = paras[paras.length - 1].replace(/(?:[\s↩↑⤴]|\uFE0E|\uFE0F)+$/u, '');
    const line = lineOf(nodes[0] ?? t);
    for (const n of nodes) n.parentNode?.removeChild(n);
    changes.push({ kind: 'note-body', lines: line ? [line] : [], from: label, why: marks[id] ? `the target of ${marks[id]} reference(s)` : 'a note of the page no link refers to' });
    if (!paras.join('').trim()) doubts.push({ kind: 'empty-note', lines: line ? [line] : [], message: `note ${label} has no text` });
    return { label, text: paras.join('\n\n').replace(/\s+(?=\uE000)/g, '') || label, lines: line ? [line] : [], page: -1, after: line, id, zone: 'list' as const, marks: marks[id] };
  });
  return { bodies, changes, doubts };
}

/** A candidate reference; `bare` holds the fragment of a plain number's link (no brackets, not raised). */
type Ref = { a: Element; target: Element; bare?: string };

/**
 * Plain numbers that stand as words ("see paragraphs 378 to 383", "(see p. 126)") point at the
 * text's numbered paragraphs or pages, where a note's plain-number mark is set against the word it
 * follows ("fond of1"). Decided for each series of anchors (`para_N`, `Footnote_N_M`) by what most
 * of its links do, so one mark a page number pushed off its word stays a mark.
 */
function crossReferences(refs: Ref[], changes: Change[]) {
  const spaced = new Map<string, number>();
  const stem = (frag: string) => frag.replace(/\d+/g, '#');
  for (const r of refs) {
    if (r.bare === undefined) continue;
    const k = stem(r.bare);
    spaced.set(k, (spaced.get(k) ?? 0) + (/\s$/.test(textBefore(r.a)) ? 1 : -1));
  }
  const keep = refs.filter((r) => {
    if (r.bare === undefined || (spaced.get(stem(r.bare)) ?? 0) <= 0) return true;
    changes.push({ kind: 'cross-reference', lines: [lineOf(r.a)].filter(Boolean), from: (r.a.textContent ?? '').trim(), why: 'a plain number standing as a word, as the other links into its series: a cross-reference, kept as text' });
    return false;
  });
  refs.splice(0, refs.length, ...keep);
}

/** Notes of the same numbered series (`n1` beside `n2`…`n12`) that no link refers to are notes too. */
function addOrphans(targets: Element[], ids: Map<string, Element>, order: Map<Node, number>, refs: { a: Element }[]) {
  if (targets.length < 3 || !refs.length) return;
  const key = (el: Element) => el.getAttribute('id') ?? el.getAttribute('name') ?? '';
  const stems = new Map<string, number>();
  for (const t of targets) {
    const m = /^(.*?)(\d+)$/.exec(key(t));
    if (m) stems.set(m[1], (stems.get(m[1]) ?? 0) + 1);
  }
  const firstRef = minOf(refs.map((r) => order.get(r.a) ?? 0));
  const have = new Set(targets);
  for (const [stem, n] of stems) {
    if (n < 3) continue;
    const orphans: Element[] = [];
    for (const [id, el] of ids) {
      const m = /^(.*?)(\d+)$/.exec(id);
      if (!m || m[1] !== stem || have.has(el) || (order.get(el) ?? -1) < firstRef || isHeading(el)) continue;
      orphans.push(el);
    }
    // a few unreferenced notes in a list of notes; a series mostly unreferenced is the text's own
    // numbering (its paragraphs, its pages), which some links point into
    if (orphans.length > n) continue;
    for (const el of orphans) {
      targets.push(el);
      have.add(el);
    }
  }
  targets.sort((x, y) => order.get(x)! - order.get(y)!);
}

/**
 * Links that are not references: a line of a contents page or an index, where the links are
 * most of the text ("Part I … 12"), and links into the middle of a paragraph (a page anchor):
 * a note's body begins with its anchor.
 */
function dropNavigation(refs: Ref[], backLabel: (el: Element) => boolean) {
  const blockOf = (n: Element) => {
    let b: Element = n;
    while (!isBlockEl(b) && b.parentElement) b = b.parentElement;
    return b;
  };
  const perBlock = new Map<Element, number>();
  for (const r of refs) perBlock.set(blockOf(r.a), (perBlock.get(blockOf(r.a)) ?? 0) + 1);
  const keep = refs.filter((r) => {
    const b = blockOf(r.a);
    const n = perBlock.get(b)!;
    const words = (b.textContent ?? '').split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
    // bare numbers as links, most of a line: an index or contents line (a note's mark is raised or bracketed)
    const bare = !within(r.a, 'sup') && !r.a.querySelector('sup') && /^\d+$/.test((r.a.textContent ?? '').trim());
    if (bare && n >= 3 && words < 2 * n) return false;
    // a reference follows words: a link that is all its block holds is a contents line or a page number
    if ((b.textContent ?? '').trim() === (r.a.textContent ?? '').trim()) return false;
    const tb = isBlockEl(r.target) ? r.target : blockOf(r.target);
    // a body holds no heading: a link to a chapter's anchor is navigation
    if (tb.querySelector('h1,h2,h3,h4,h5,h6')) return false;
    return tb === r.target || opens(tb, r.target, backLabel);
  });
  refs.splice(0, refs.length, ...keep);
}

/**
 * Nothing but white space, comments, empty elements and the note's own label linking back to
 * its reference stands before `t` in block `b`.
 */
function opens(b: Element, t: Element, backLabel: (el: Element) => boolean): boolean {
  let seen = false;
  const walk = (n: Node): boolean => {
    if (n === t) {
      seen = true;
      return true;
    }
    if (n.nodeType === 3) return !(n.nodeValue ?? '').trim();
    if (n.nodeType !== 1) return true;
    if (!contains(n, t) && backLabel(n as Element)) return true;
    for (const c of Array.from(n.childNodes)) {
      if (!walk(c)) return false;
      if (seen) return true;
    }
    return true;
  };
  walk(b);
  return seen;
}

const isBlockEl = (el: Element) => BLOCK_TAGS.has(tagOf(el)) && !['body', 'html', 'main', 'article'].includes(tagOf(el));

/**
 * The nodes of a note body. An inline target (an anchor) stands for the block it is in; a
 * block grows to its ancestors while it opens them and they hold no other note and no
 * reference; paragraphs after it that hold no note join it while they lie before the next
 * note, or match its tag and class (a note's later paragraphs).
 */
function bodyOf(t: Element, targets: Set<Element>, refs: Set<Element>, root: Element, order: Map<Node, number>): Node[] {
  let b: Element = t;
  while (!isBlockEl(b) && b.parentElement && b.parentElement !== root) b = b.parentElement;
  if (!isBlockEl(b)) return [t];
  const holdsOther = (el: Element) => [...targets].some((x) => x !== t && contains(el, x)) || [...refs].some((r) => contains(el, r) && !contains(b, r));
  // several notes in one block: the nodes from this one to the next
  if ([...targets].some((x) => x !== t && contains(b, x))) {
    const kids = Array.from(b.childNodes);
    // the target is the block itself (a box that also holds other notes): its text up to the first of them
    const at = b === t ? 0 : kids.findIndex((k) => contains(k, t));
    const out: Node[] = [];
    for (let k = at; k < kids.length; k++) {
      if (k > at && [...targets].some((x) => contains(kids[k], x))) break;
      out.push(kids[k]);
    }
    return out;
  }
  while (b.parentElement && b.parentElement !== root && isBlockEl(b.parentElement) && !holdsOther(b.parentElement) && firstContent(b.parentElement) === b) b = b.parentElement;
  const out: Node[] = [b];
  // a block that is only the label (a term of a list of notes, <dt>1.</dt><dd>…</dd>): the body follows it
  if ((b.textContent ?? '').replace(/[\s[\](){}.:]/g, '').length <= 4) {
    for (let s = b.nextElementSibling; s && !holdsOther(s) && !isHeading(s); s = s.nextElementSibling) {
      out.push(s);
      if ((s.textContent ?? '').trim()) break;
    }
    return out;
  }
  const pos = (n: Node) => order.get(n) ?? 0;
  const next = [...targets].filter((x) => pos(x) > pos(b) && !contains(b, x)).sort((x, y) => pos(x) - pos(y))[0];
  // in a list of notes (no reference between this note and the next), what lies between is this note's
  const inList = !!next && !!b.parentElement?.contains(next) && ![...refs].some((r) => pos(r) > pos(b) && pos(r) < pos(next));
  for (let s = b.nextElementSibling; s; s = s.nextElementSibling) {
    if (isHeading(s) || holdsOther(s) || tagOf(s) === 'hr' || !isBlockEl(s)) break;
    const sameKind = tagOf(s) === tagOf(b) && (s.getAttribute('class') ?? '') === (b.getAttribute('class') ?? '') && !!b.getAttribute('class');
    const beforeNext = inList && tagOf(s) === tagOf(b) && pos(s) < pos(next);
    if (!(sameKind || beforeNext)) break;
    out.push(s);
  }
  return out;
}

/** The first child element of an element, when no text stands before it. */
function firstContent(el: Element): Element | undefined {
  for (const c of Array.from(el.childNodes)) {
    if (c.nodeType === 3 && (c.nodeValue ?? '').trim()) return undefined;
    if (c.nodeType === 1) return c as Element;
  }
  return undefined;
}

/** Links inside a body back to its references (or to anything before it), and bare ↩ / ^ marks. */
function dropBackLinks(el: Element, backTargets: Set<Element>, ids: Map<string, Element>) {
  for (const a of Array.from(el.querySelectorAll('a[href]'))) {
    const frag = fragmentOf(a.getAttribute('href') ?? '');
    const target = frag ? ids.get(frag) : undefined;
    const text = (a.textContent ?? '').trim();
    if ((target && backTargets.has(target)) || BACK.test(text)) a.remove();
  }
}

function labelOf(a: Element | undefined): string {
  return ((a?.textContent ?? '').trim().replace(/^[[({]\s*|\s*[\])}]?\.?$/g, '') || '*');
}

/** A body's own label at its start ("1.", "[1]", "(1)", "1"), as the reference has it. */
function stripLabel(text: string, label: string): string {
  const t = text.replace(/^[\s^↑]+/u, '');
  const esc = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // the label may be set in bold or italic: \uE002…\uE003 around it
  return t.replace(new RegExp(`^\uE002*(?:\\[\\s*${esc}\\s*\\]|\\(\\s*${esc}\\s*\\)|\\{\\s*${esc}\\s*\\}|${esc}${/^\d+$/.test(label) ? '(?![\\p{L}\\p{N}])' : '(?=\uE003*[.:)])'})[.:)]?\uE003*[.:)]?\\s*`, 'u'), '');
}

/** An e-text's note set as `[Footnote 1: …]` (its text copy's convention, kept in its HTML): the words inside. */
function unwrapFootnote(paras: string[]) {
  const open = /^\[\s*(?:foot)?note\s*[\p{L}\p{N}*†‡§]{0,6}\s*:\s*/iu;
  const last = paras.length - 1;
  if (last < 0 || !open.test(paras[0]) || !/\]\s*$/.test(paras[last])) return;
  paras[0] = paras[0].replace(open, '');
  paras[last] = paras[last].replace(/\s*\]\s*$/, '');
}
