// ../../tmp/ana/passes.mts
import { readFileSync as readFileSync2 } from "node:fs";

// src/normalize/lexicon.ts
import { createRequire } from "node:module";
import { existsSync as existsSync2, readFileSync } from "node:fs";
import { join as join2 } from "node:path";

// src/paths.ts
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
function findRoot(from) {
  for (let d = from; ; d = dirname(d)) {
    if (existsSync(join(d, "editions.schema.json"))) return d;
    if (dirname(d) === d) return join(from, "..");
  }
}
var projectRoot = findRoot(import.meta.dirname);
var codeDir = join(import.meta.dirname);

// src/normalize/letters.ts
var LETTER_RE = /[\p{L}\p{M}]/u;
var table = new Uint8Array(65536);
function isLetterCode(c) {
  if (c < 128) return c >= 97 && c <= 122 || c >= 65 && c <= 90;
  let v = table[c];
  if (v === 0) table[c] = v = LETTER_RE.test(String.fromCharCode(c)) ? 1 : 2;
  return v === 1;
}
var APOS = /* @__PURE__ */ new Set([39, 8217]);
var HYPHEN = 45;
function wordBeforeFinalHyphen(t2) {
  if (!t2.endsWith("-")) return void 0;
  let i = t2.length - 1;
  while (i > 0) {
    const c = t2.charCodeAt(i - 1);
    if (isLetterCode(c) || (c === HYPHEN || APOS.has(c)) && i >= 2 && isLetterCode(t2.charCodeAt(i - 2))) i--;
    else break;
  }
  const w = t2.slice(i, t2.length - 1);
  return w && isLetterCode(w.charCodeAt(w.length - 1)) ? w : void 0;
}
function countLetters(t2) {
  let n = 0;
  for (let i = 0; i < t2.length; i++) if (isLetterCode(t2.charCodeAt(i))) n++;
  return n;
}

// src/normalize/lexicon.ts
function endsLine(t2, i) {
  for (; i < t2.length; i++) {
    const c = t2.charCodeAt(i);
    if (c === 10) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}
function buildLexicon(lines2) {
  const lex = /* @__PURE__ */ new Map();
  const add = (w) => lex.set(w, (lex.get(w) ?? 0) + 1);
  const text = lines2.join("\n").toLowerCase().replace(/’/g, "'");
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isLetterCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let compound = false;
    for (; ; ) {
      while (i < n && isLetterCode(text.charCodeAt(i))) i++;
      const c = text.charCodeAt(i);
      if ((c === 45 || c === 39) && i + 1 < n && isLetterCode(text.charCodeAt(i + 1))) {
        if (c === 45) compound = true;
        i++;
      } else break;
    }
    if (text.charCodeAt(i) === 45 && endsLine(text, i + 1)) continue;
    const w = text.slice(start, i);
    add(w);
    if (compound) for (const part of w.split("-")) add(part);
  }
  return lex;
}
var WordList = class _WordList {
  /** Words sorted and distinct, each ended by a newline. */
  constructor(words2) {
    this.words = words2;
  }
  words;
  static of(list) {
    return new _WordList(`${[...new Set(list)].sort((a, b) => a < b ? -1 : a > b ? 1 : 0).join("\n")}
`);
  }
  /** Words already sorted and distinct, one per line, each ended by a newline (lib/words.txt). */
  static ofLines(words2) {
    return new _WordList(words2);
  }
  /** A JSON array of words already sorted and distinct, without escapes; undefined otherwise. */
  static ofSortedText(json) {
    const body = json.trim();
    if (!body.startsWith('["') || !body.endsWith('"]') || body.includes("\\")) return void 0;
    const list = new _WordList(`${body.slice(2, -2).replaceAll('","', "\n")}
`);
    for (let p = 0; p < list.words.length - 1; p += 9973) {
      const [, e] = list.lineAt(p);
      if (e + 1 < list.words.length && list.wordAt(p) >= list.wordAt(e + 1)) return void 0;
    }
    return list;
  }
  /** The line a position falls in: [start, end), end at its newline. */
  lineAt(p) {
    return [this.words.lastIndexOf("\n", p - 1) + 1, this.words.indexOf("\n", p)];
  }
  wordAt(p) {
    const [s, e] = this.lineAt(p);
    return this.words.slice(s, e);
  }
  has(word) {
    let lo = 0;
    let hi = this.words.length;
    while (lo < hi) {
      const [s, e] = this.lineAt(lo + hi >> 1);
      const w = this.words.slice(s, e);
      if (w === word) return true;
      if (w < word) lo = e + 1;
      else hi = s;
    }
    return false;
  }
};
var dictionary;
function englishWords() {
  if (!dictionary) {
    const pre = join2(codeDir, "words.txt");
    if (existsSync2(pre)) {
      dictionary = WordList.ofLines(readFileSync(pre, "utf8"));
      return dictionary;
    }
    const require3 = createRequire(import.meta.url);
    const json = readFileSync(require3.resolve("an-array-of-english-words/index.json"), "utf8");
    dictionary = WordList.ofSortedText(json) ?? WordList.of(JSON.parse(json));
  }
  return dictionary;
}

// src/normalize/passes/lines.ts
function lines(s, text) {
  const physical = (text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text).split("\n");
  if (physical.length > 1 && physical[physical.length - 1] === "") physical.pop();
  s.raw = physical.map((t2, i) => ({ no: i + 1, text: t2 }));
  s.lexicon = buildLexicon(physical);
}

// src/normalize/pagelabels.ts
var arabic = (l) => l && /^\d{1,4}\b/.test(l.trim()) ? Number(/^\d+/.exec(l.trim())[0]) : void 0;
function numberPages(pages2) {
  const stated = pages2.map((p) => arabic(p.label));
  const anchors = stated.flatMap((n2, i) => n2 === void 0 ? [] : [i]);
  const labels = pages2.map((p) => p.label);
  const out = { labels, inferred: 0, conflicts: [], unchecked: 0 };
  if (anchors.length < 2) return out;
  const n = [...stated];
  for (let i = anchors[0] + 1; i < pages2.length; i++) {
    let c = n[i - 1] + 1;
    if (pages2[i].opens && c % 2 === 0) c++;
    if (stated[i] !== void 0) {
      if (stated[i] !== c) out.conflicts.push({ page: i, counted: c, stated: stated[i] });
      continue;
    }
    n[i] = c;
  }
  let nextOpening = pages2[anchors[0]].opens ? anchors[0] : -1;
  for (let i = anchors[0] - 1; i >= 0; i--) {
    n[i] = n[i + 1] - 1;
    if (pages2[i].opens && n[i] % 2 === 0 && nextOpening > i) {
      for (let j = i; j < nextOpening; j++) n[j] = n[j] - 1;
    }
    if (pages2[i].opens) nextOpening = i;
  }
  n.forEach((v, i) => {
    if (labels[i] === void 0 && v !== void 0 && v > 0) {
      labels[i] = String(v);
      out.inferred++;
      if (i < anchors[0] || i > anchors[anchors.length - 1]) out.unchecked++;
    }
  });
  return out;
}

// src/normalize/passes/inlinepages.ts
var INLINE = /[ \t]*\[(?:Pg|Page|p)\.?[ \u00a0]?(\d{1,4}|[ivxlcdm]{1,7})\][ \t]*/gi;
var value = (label) => /^\d+$/.test(label) ? Number(label) : void 0;
function inlinePages(s) {
  const found = [];
  s.blocks.forEach((b, i) => {
    if (b.kind === "code" || !b.text.includes("[")) return;
    for (const m of b.text.matchAll(INLINE)) found.push({ block: i, label: m[1] });
  });
  const numbers = found.map((f2) => value(f2.label)).filter((n) => n !== void 0);
  const rising = numbers.slice(1).filter((n, k) => n > numbers[k]).length;
  if (found.length < 2 || rising < 0.8 * (numbers.length - 1)) return;
  for (const b of s.blocks) {
    if (b.kind === "code" || !b.text.includes("[")) continue;
    let out = "";
    let last = 0;
    for (const m of b.text.matchAll(INLINE)) {
      out += b.text.slice(last, m.index);
      last = m.index + m[0].length;
      const between = out.length > 0 && last < b.text.length;
      if (between) out += " ";
      (b.pageMarks ??= []).push({ label: m[1], at: out.length, letters: countLetters(out) });
      s.changes.push({ kind: "remove-page-marker", lines: b.lines, from: m[0].trim(), why: "a page marker in the running text (the page number is kept)" });
    }
    if (last) b.text = out + b.text.slice(last);
  }
}

// src/normalize/passes/carrier.ts
var percentile = (xs, p) => {
  if (!xs.length) return 0;
  const v = [...xs].sort((a, b) => a - b);
  return v[Math.min(v.length - 1, Math.floor(p * v.length))];
};
function detectCarrier(items) {
  const texts = items.filter((x) => x.kind === "text").map((x) => x.text);
  const lens = texts.map((t2) => t2.trim().length).filter((n) => n >= 20);
  if (!lens.length) return { mode: "lines", measure: 0, layout: false };
  const measure = percentile(lens, 0.9);
  const isNear = (n) => n >= 0.7 * measure && n <= 1.15 * measure;
  const near = lens.filter(isNear).length / lens.length;
  let atMeasure = 0;
  let goOn = 0;
  items.forEach((x, i) => {
    if (x.kind !== "text" || x.text.trim().length < 20 || !isNear(x.text.trim().length)) return;
    atMeasure++;
    const next = items.slice(i + 1, i + 3).find((y) => y.kind !== "page");
    if (next?.kind === "text") goOn++;
  });
  const wrapped = near >= 0.5 && measure <= 220 && goOn >= 0.3 * atMeasure;
  const indented = texts.filter((t2) => /^ {2,}\S/.test(t2)).length / Math.max(1, texts.length);
  if (!wrapped) return { mode: "lines", measure: 0, layout: false };
  const trailing = texts.filter((t2) => / $/.test(t2) && t2.trim().length > 0.5 * measure).length / Math.max(1, texts.length);
  return { mode: trailing >= 0.3 ? "trailing-space" : "blank-line", measure, layout: indented >= 0.2 };
}
function describe(s, c) {
  const pages2 = s.items.filter((x) => x.kind === "page").length;
  const parts = [c.mode === "lines" ? "one paragraph per line (a browser copy or an e-text without wrapping)" : c.mode === "trailing-space" ? `wrapped at about ${c.measure} characters, a trailing space marking a soft wrap (a PDF extraction)` : `wrapped at about ${c.measure} characters`];
  if (c.layout) parts.push("indentation kept from the page layout (pdftotext -layout or similar)");
  if (pages2) parts.push(`${pages2 + 1} pages`);
  return parts.join("; ");
}
function carrier(s) {
  const c = detectCarrier(s.items);
  s.mode = c.mode;
  s.measure = c.measure;
  s.layout = c.layout;
  s.changes.push({ kind: "carrier", lines: [], why: describe(s, c) });
}

// src/normalize/types.ts
var NOTE_OPEN = "\uE000";
var NOTE_CLOSE = "\uE001";
var noteToken = (id) => `${NOTE_OPEN}${id}${NOTE_CLOSE}`;
var NOTE_TOKEN_RE = /\uE000(\d+)\uE001/g;
var PAGE_OPEN = "\uE005";
var PAGE_CLOSE = "\uE006";
var PAGE_TOKEN_RE = /\uE005([^\uE006]*)\uE006/g;
var DROPPED_REF = "\uE004";

// src/normalize/text.ts
var bare = (t2) => t2.replace(NOTE_TOKEN_RE, "").replace(/\uE004/g, "").trim();
var words = (t2) => bare(t2).split(/\s+/).filter(Boolean).length;
var loose = (t2) => t2.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
var endsWithNote = (t2) => /[\uE001\uE004][\s)\].,;:”’"']*$/.test(t2.trim());
var SMALL = /* @__PURE__ */ new Set(["a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as", "into", "than", "via", "vs", "de", "la", "le", "du", "des", "et", "von", "van"]);
function titleCaseShare(t2) {
  const ws = bare(t2).split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")).filter((w) => w && !SMALL.has(w.toLowerCase()));
  if (!ws.length) return 0;
  return ws.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length / ws.length;
}
var GENERIC_HEADINGS = /^(introduction|preface|foreword|afterword|conclusion|conclusions|epilogue|prologue|appendix( [ivx\d]+)?|contents|table of contents|notes|acknowledgements|acknowledgments|dedication|bibliography|glossary|postscript|summary)\.?$/i;
var CHAPTER_LABEL = /^(chapter|part|book|section|lecture|letter|article)\s+([ivxlcdm]+|\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\.?$/i;
var LIST_LABEL = /^(\(?[a-z]\s?\)|\(?\d{1,2}\s?\)|\(?[ivx]{1,4}\)|[•·▪◦‣]|[-–*+])(?=[\s\u202f\u00a0])/;
var OPEN_QUOTE = /^[“"‘«„]/;

// src/normalize/pagefurniture.ts
var EDGE = 6;
function folioCandidates(t2) {
  const s = t2.replace(/[\u00a0\t]/g, " ").trim();
  const out = [];
  const strip = (x) => x.replace(/^[‘’'"“”.,:;|[\]()*]+|[‘’'"“”.,:;|[\]()*]+$/g, "");
  const words2 = s.split(/\s+/);
  const first = strip(words2[0] ?? "");
  const last = strip(words2[words2.length - 1] ?? "");
  if (/^\d{1,4}$/.test(first) && (words2.length === 1 || !/^\d+[.)]$/.test(words2[0]))) out.push({ value: Number(first), label: first, rest: words2.slice(1).join(" ") });
  if (words2.length > 1 && /^\d{1,4}$/.test(last)) out.push({ value: Number(last), label: last, rest: words2.slice(0, -1).join(" ") });
  const m = /^(?:[A-Z]{2,5}:)?\d{1,3}-(\d{1,4})$/.exec(first) ?? (words2.length > 1 ? /^(?:[A-Z]{2,5}:)?\d{1,3}-(\d{1,4})$/.exec(last) : null);
  if (m) out.push({ value: Number(m[1]), label: m[0], rest: (m[0] === first ? words2.slice(1) : words2.slice(0, -1)).join(" ") });
  return out;
}
var restIsHead = (rest) => rest.length <= 80 && rest.split(/\s+/).filter(Boolean).length <= 10 && !/[,;]$/.test(rest) && !NOTE_LIKE.test(rest);
var NOTE_LIKE = /^\s*(?:\[(?:Footnote|\d|[A-Za-z*]\])|[*†‡¹²³⁴⁵⁶⁷⁸⁹^↑])|["“”]/;
var keyOf = (t2) => t2.toLowerCase().replace(/\d+/g, "#").replace(/[^\p{L}#]+/gu, "");
var gramCache = /* @__PURE__ */ new Map();
function bigrams(s) {
  const hit = gramCache.get(s);
  if (hit) return hit;
  if (gramCache.size > 5e4) gramCache.clear();
  const m = /* @__PURE__ */ new Map();
  gramCache.set(s, m);
  for (let i = 0; i < s.length - 1; i++) {
    const b = s.slice(i, i + 2);
    m.set(b, (m.get(b) ?? 0) + 1);
  }
  return m;
}
function similar(a, b) {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const A = bigrams(a);
  const B = bigrams(b);
  let both = 0;
  for (const [k, n] of A) both += Math.min(n, B.get(k) ?? 0);
  return 2 * both / (a.length - 1 + (b.length - 1));
}
function pageFurniture(pages2) {
  if (pages2.length < 3) return [];
  const edges = pages2.map((lines2) => {
    const topN = Math.min(EDGE, Math.ceil(lines2.length / 2));
    const top2 = lines2.slice(0, topN).map((l, k) => ({ ...l, at: "top", k }));
    const bottom = lines2.slice(Math.max(topN, lines2.length - EDGE)).map((l, k, a) => ({ ...l, at: "bottom", k: a.length - 1 - k }));
    return [...top2, ...bottom];
  });
  const out = /* @__PURE__ */ new Map();
  const cands = edges.flatMap((es, p) => es.filter((e) => !CHAPTER_LABEL.test(e.text.trim())).flatMap((e) => folioCandidates(e.text).filter((c) => restIsHead(c.rest)).map((c) => ({ ...c, p, e }))));
  const byPage = /* @__PURE__ */ new Map();
  for (const c of cands) byPage.set(c.p, [...byPage.get(c.p) ?? [], c]);
  const agreed = cands.filter((c) => {
    let n = 0;
    for (let q = c.p - 6; q <= c.p + 6; q++) {
      if (q === c.p) continue;
      if ((byPage.get(q) ?? []).some((o) => o.value - c.value === q - c.p)) n++;
    }
    return n >= (c.rest ? 2 : 1);
  });
  const votes = /* @__PURE__ */ new Map();
  for (const c of agreed) votes.set(c.value - c.p, (votes.get(c.value - c.p) ?? /* @__PURE__ */ new Set()).add(c.p));
  const top = Math.max(0, ...[...votes.values()].map((v) => v.size));
  const strongOffset = (c) => [...votes].some(([d, v]) => Math.abs(d - (c.value - c.p)) <= 2 && v.size >= Math.max(3, 0.3 * top));
  const kept = agreed.filter(strongOffset);
  const where = /* @__PURE__ */ new Map();
  for (const c of kept) where.set(`${c.p % 2}:${c.e.at}`, (where.get(`${c.p % 2}:${c.e.at}`) ?? 0) + 1);
  const classOf = (c) => Math.round((c.value - c.p) / 5);
  const chosen = /* @__PURE__ */ new Map();
  for (const c of kept) {
    const key = `${c.p}:${classOf(c)}`;
    const cur = chosen.get(key);
    const weight = (x) => (where.get(`${x.p % 2}:${x.e.at}`) ?? 0) * 10 - x.e.k;
    if (!cur || weight(c) > weight(cur)) chosen.set(key, c);
  }
  const classVotes = /* @__PURE__ */ new Map();
  for (const c of chosen.values()) classVotes.set(classOf(c), (classVotes.get(classOf(c)) ?? 0) + 1);
  const main = [...classVotes].sort((a, b) => b[1] - a[1])[0]?.[0];
  const folios = /* @__PURE__ */ new Map();
  for (const c of chosen.values()) folios.set(c.e.i, { i: c.e.i, kind: "folio", label: classOf(c) === main ? c.label : void 0 });
  const sentence = (t2) => /[.!?]["”’]?(?:\[\d{1,4}\]|\d{1,3}|[ \u00a0]*↩\uFE0E?\uFE0F?)?$/u.test(t2.trim()) && (t2.match(/(?:^|\s)\p{Ll}/gu) ?? []).length >= 3;
  const columns = (t2, at) => {
    const parts = at === "top" ? t2.trim().split(/\s{3,}/) : [t2];
    return [{ t: t2, col: false }, ...parts.length >= 2 ? [parts[0], parts[parts.length - 1]].map((x) => ({ t: x, col: true })) : []];
  };
  const heads = edges.flatMap(
    (es, p) => es.filter((e) => !folios.has(e.i) && !/\[\d{1,4}\]/.test(e.text) && !sentence(e.text)).flatMap((e) => columns(e.text, e.at).filter((c) => c.t.trim().length <= (c.col ? 80 : 120) && !NOTE_LIKE.test(c.t)).map((c) => ({ ...e, p, key: keyOf(c.t), col: c.col })))
  ).filter((e) => e.key.length >= 4);
  const samePrefix = (a, b) => a.length >= 8 && b.length >= 8 && a.slice(0, 8) === b.slice(0, 8);
  const repeated = /* @__PURE__ */ new Set();
  for (const h of heads) {
    let pagesLike = 0;
    const seen = /* @__PURE__ */ new Set([h.p]);
    for (const o of heads) {
      if (seen.has(o.p) || o.at !== h.at) continue;
      const sim = similar(h.key, o.key);
      if (sim >= (h.key.length >= 10 ? 0.75 : 0.95) || h.col && o.col && samePrefix(h.key, o.key) || o.col && o.key.length >= 12 && h.key.startsWith(o.key)) {
        seen.add(o.p);
        if (++pagesLike >= 2) break;
      }
    }
    if (pagesLike >= 2) repeated.add(h.i);
  }
  edges.forEach((es) => {
    for (const at of ["top", "bottom"]) {
      const side = es.filter((x) => x.at === at).sort((a, b) => a.k - b.k);
      if (side.length > 2 && !out.has(side[0].i) && folios.has(side[1].i) && restIsHead(side[0].text.trim()) && !/[.!?]$/.test(side[0].text.trim()) && !sentence(side[0].text)) out.set(side[0].i, { i: side[0].i, kind: "head" });
      const headLike = (t2) => restIsHead(t2.trim()) && !/[.!?]$/.test(t2.trim()) && !sentence(t2);
      for (let k = 0; k < side.length; k++) {
        const e = side[k];
        if (out.has(e.i)) continue;
        const f2 = folios.get(e.i);
        if (f2) out.set(e.i, f2);
        else if (repeated.has(e.i)) out.set(e.i, { i: e.i, kind: "head" });
        else if (k > 0 && k + 1 < side.length && folios.has(side[k + 1].i) && headLike(e.text)) out.set(e.i, { i: e.i, kind: "head" });
        else break;
      }
    }
  });
  return [...out.values()];
}

// src/normalize/passes/pages.ts
var MARKER_RES = [
  /^\s*(?:page|pg\.?|p\.)\s*(\d{1,4}|[ivxlcdm]{1,7})\s*$/i,
  /^\s*\[\s*(?:page|pg\.?|p\.)\s*(\d{1,4}|[ivxlcdm]{1,7})\s*\]\s*$/i,
  /^\s*[-–—]\s*(\d{1,4})\s*[-–—]\s*$/,
  /^\s*(\d{1,4})\s*(?:\/|of)\s*\d{1,4}\s*$/,
  /^\s*(?:page|pg\.?|p\.)\s*(\d{1,4})\s*(?:\/|of)\s*\d{1,4}\s*$/i
];
var SEPARATOR_RE = /^\s*-{3,}\s*File:\s*\S+?\.(?:png|jpe?g|tiff?|gif)\b.*$/i;
var FOLIO_RE = /^\s*(\d{1,4})\s*$/;
var isBlank = (t2) => t2.trim() === "";
var shortHead = (t2) => {
  const s = t2.trim();
  return s.length > 0 && s.length <= 70 && s.split(/\s+/).length <= 10 && !/[.,;:]$/.test(s);
};
function findFolios(raw, ff) {
  const cands = [];
  raw.forEach((l, i) => {
    const m = FOLIO_RE.exec(l.text);
    if (!m) return;
    const before2 = i === 0 || isBlank(raw[i - 1].text) || ff.has(i - 1);
    const after = i === raw.length - 1 || isBlank(raw[i + 1].text) || ff.has(i);
    if (before2 && after) cands.push({ i, n: Number(m[1]) });
  });
  const ok = /* @__PURE__ */ new Set();
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k];
    if (ff.size) continue;
    const agrees = (o) => {
      if (!o || o.n === c.n) return false;
      const perPage = (o.i - c.i) / (o.n - c.n);
      return perPage >= 15 && perPage <= 150;
    };
    if (agrees(cands[k - 1]) || agrees(cands[k + 1])) ok.add(c.i);
  }
  return ok;
}
function pages(s) {
  const raw = [];
  const ffAfter = /* @__PURE__ */ new Set();
  for (const l of s.raw) {
    const parts = l.text.split("\f");
    parts.forEach((p, k) => {
      if (k > 0) ffAfter.add(raw.length - 1);
      if (k === 0 || p !== "" || k === parts.length - 1) raw.push({ no: l.no, text: p });
    });
  }
  const role = raw.map((l) => isBlank(l.text) ? "blank" : "text");
  const labels = /* @__PURE__ */ new Map();
  const markers = raw.map((l, i) => ({ i, m: MARKER_RES.map((re) => re.exec(l.text)).find(Boolean) })).filter((x) => x.m);
  if (markers.length >= 2 || markers.length === 1 && /page/i.test(raw[markers[0].i].text)) {
    for (const { i, m } of markers) {
      role[i] = "marker";
      labels.set(i, m[1]);
    }
  }
  raw.forEach((l, i) => {
    if (SEPARATOR_RE.test(l.text)) role[i] = "marker";
  });
  for (const i of findFolios(raw, ffAfter)) {
    if (role[i] !== "text") continue;
    role[i] = "folio";
    labels.set(i, raw[i].text.trim());
    for (const dir of [1, -1]) {
      let j = i + dir;
      while (j >= 0 && j < raw.length && role[j] === "blank" && Math.abs(j - i) <= 2) j += dir;
      const alone = j > 0 && j < raw.length - 1 && role[j - 1] === "blank" && role[j + 1] === "blank";
      if (j >= 0 && j < raw.length && role[j] === "text" && alone && shortHead(raw[j].text)) role[j] = "head";
    }
  }
  const segOf = [];
  let seg = 0;
  raw.forEach((_, i) => {
    if (role[i] === "marker" && i > 0) seg++;
    segOf.push(seg);
    if (ffAfter.has(i)) seg++;
  });
  const segLines = Array.from({ length: seg + 1 }, () => []);
  raw.forEach((l, i) => {
    if (role[i] === "text") segLines[segOf[i]].push({ i, text: l.text });
  });
  const stated = /* @__PURE__ */ new Map();
  for (const f2 of pageFurniture(segLines)) {
    if (role[f2.i] !== "text") continue;
    role[f2.i] = f2.kind;
    if (f2.label && /^\d+$/.test(f2.label)) stated.set(segOf[f2.i], f2.label);
  }
  const boundary = (i) => role[i] === "marker" || role[i] === "folio" || ffAfter.has(i) || ffAfter.has(i - 1);
  const counts = /* @__PURE__ */ new Map();
  raw.forEach((l, i) => {
    if (role[i] === "text" && shortHead(l.text) && /\p{L}{2}/u.test(l.text) && !NOTE_LIKE.test(l.text)) {
      const key = l.text.trim().replace(/\d+/g, "#");
      counts.set(key, [...counts.get(key) ?? [], i]);
    }
  });
  for (const idxs of counts.values()) {
    if (idxs.length < 2) continue;
    const near = idxs.filter((i) => [-3, -2, -1, 1, 2, 3].some((d) => i + d >= 0 && i + d < raw.length && boundary(i + d)));
    const atEdge = idxs.every((i) => boundary(i) || boundary(i + 1) || boundary(i - 1));
    if (near.length >= 3 || near.length === idxs.length && atEdge) for (const i of near) role[i] = "head";
  }
  const textIdx = raw.map((_, i) => i).filter((i) => role[i] === "text");
  const lead = textIdx.filter((i) => /^ \S/.test(raw[i].text));
  let leadStarts = /* @__PURE__ */ new Set();
  const wrapped = detectCarrier(textIdx.map((i) => ({ kind: "text", no: raw[i].no, text: raw[i].text }))).mode !== "lines";
  if (wrapped && lead.length >= 3 && lead.length / textIdx.length < 0.15) {
    const gaps = lead.slice(1).map((v, k) => v - lead[k]).sort((x, y) => x - y);
    if (gaps[Math.floor(gaps.length / 2)] >= 12) leadStarts = new Set(lead);
  }
  const items = [];
  const pushBreak = (no, label) => {
    let k = items.length - 1;
    while (k >= 0 && items[k].kind === "blank") k--;
    if (k >= 0 && items[k].kind === "page") {
      const last = items[k];
      if (label && !last.label) last.label = label;
      return;
    }
    items.push({ kind: "page", no, label });
  };
  raw.forEach((l, i) => {
    const r = role[i];
    if (r === "blank") items.push({ kind: "blank", no: l.no });
    else if (r === "text") {
      if (leadStarts.has(i)) {
        pushBreak(l.no);
        items.push({ kind: "text", no: l.no, text: l.text.slice(1), pageStart: true });
        s.changes.push({ kind: "page-start-space", lines: [l.no], why: "a single leading space marks a PDF page start" });
      } else items.push({ kind: "text", no: l.no, text: l.text });
    } else {
      pushBreak(l.no, labels.get(i));
      s.changes.push({ kind: `remove-${r === "head" ? "running-head" : r === "folio" ? "folio" : "page-marker"}`, lines: [l.no], from: l.text.trim() });
    }
    if (ffAfter.has(i)) {
      pushBreak(l.no);
      s.changes.push({ kind: "remove-form-feed", lines: [l.no] });
    }
  });
  let endLabel;
  while (items.length && items[items.length - 1].kind !== "text") {
    const last = items.pop();
    if (last.kind === "page") endLabel ??= last.label;
  }
  let startLabel;
  while (items.length && items[0].kind !== "text") {
    const first = items.shift();
    if (first.kind === "page") startLabel ??= first.label;
  }
  if (stated.size >= 2) {
    const noToIdx = /* @__PURE__ */ new Map();
    raw.forEach((l, i) => noToIdx.set(l.no, i));
    const segOfNo = (no) => segOf[noToIdx.get(no) ?? 0];
    const firstText = items.find((x) => x.kind === "text");
    if (firstText) startLabel = stated.get(segOfNo(firstText.no)) ?? startLabel;
    items.forEach((it, k) => {
      if (it.kind !== "page") return;
      const next = items.slice(k + 1).find((x) => x.kind === "text");
      if (next) it.label = stated.get(segOfNo(next.no)) ?? it.label;
    });
  }
  s.items = items;
  s.startLabel = startLabel;
  const numbered = [...labels.keys()];
  const textRows = role.flatMap((r, i) => r === "text" ? [i] : []);
  const foot = numbered.filter((i) => ffAfter.has(i) || i > textRows[textRows.length - 1]).length;
  const head = numbered.filter((i) => ffAfter.has(i - 1) || i < textRows[0]).length;
  const footers = stated.size < 2 && foot > head;
  if (footers) s.changes.push({ kind: "page-numbers-at-foot", lines: [], why: `${foot} page numbers stand at the foot of their page (before a form feed or after the last text): each names the page that ends there` });
  labelPages(s, footers ? endLabel : void 0, footers);
}
var OPENS = /^\s*(?:chapter|part|book|introduction|preface|foreword|prologue|epilogue|appendix|afterword)\b|^\s*[IVXLC]{1,6}\.?\s*$/i;
function labelPages(s, endLabel, footers) {
  const breaks = [];
  const firstLines = [void 0];
  for (const it of s.items) {
    if (it.kind === "page") {
      breaks.push(it);
      firstLines.push(void 0);
    } else if (it.kind === "text") firstLines[firstLines.length - 1] ??= it;
  }
  const stated = (k) => footers ? k < breaks.length ? breaks[k].label : endLabel : k ? breaks[k - 1].label : s.startLabel;
  const evidence = firstLines.map((l, k) => ({ label: stated(k), opens: OPENS.test(l?.text ?? "") }));
  const inline = s.raw.some((l) => l.text.includes("[") && new RegExp(INLINE.source, "i").test(l.text));
  const numbering2 = inline ? { labels: evidence.map((e) => e.label), inferred: 0, conflicts: [], unchecked: 0 } : numberPages(evidence);
  s.startLabel = numbering2.labels[0];
  breaks.forEach((b, k) => b.label = numbering2.labels[k + 1]);
  s.pageLabels = breaks.map((b) => b.label ?? "");
  if (numbering2.inferred) s.changes.push({ kind: "count-page-numbers", lines: [], why: `${numbering2.inferred} original page numbers counted from the ${evidence.length - numbering2.inferred} the source states (chapters opening on rectos)` });
  if (numbering2.unchecked) s.doubts.push({ kind: "page-number", lines: [], message: `${numbering2.unchecked} original page numbers before the first or after the last number the source states were counted with nothing to check them against (a blank page there would shift them)` });
  for (const c of numbering2.conflicts) {
    const at = c.page === 0 ? firstLines[0]?.no : breaks[c.page - 1].no;
    s.doubts.push({ kind: "page-number", lines: at ? [at] : [], message: `counting pages gives p. ${c.counted} here but the source says p. ${c.stated}; the source's number is kept and the pages before it may be numbered wrongly` });
  }
}

// src/normalize/passes/cruft.ts
var FORM_OPENER = /^(any message or comments\??|leave a (reply|comment)|post a comment|add a comment|comments?( \(\d+\))?|\d+ comments?|reply|write a comment|join the discussion)$/i;
var CRUFT_LINE = /^(hit us up on social media|follow us( on .*)?|share( this( article| post)?)?( on .*)?:?|(facebook|twitter|x|telegram|whatsapp|instagram|linkedin|reddit|email|print)( share)?|tweet|subscribe( to .*)?|sign up for .*newsletter.*|related( articles| posts)?:?|tags?:.*|jump to (navigation|search)|from wikipedia, the free encyclopedia|retrieved from .*|this forum is moderated .*|who are you\??|your (post|name|email|message|comment)|to create paragraphs, just leave blank lines\.?|submit|send|email address|website|name)$/i;
var LANGS = { english: "en", french: "fr", german: "de", spanish: "es", italian: "it", russian: "ru", dutch: "nl", portuguese: "pt" };
var GUTENBERG_START = /^\*{3}\s*START OF (THE|THIS) PROJECT GUTENBERG/i;
var GUTENBERG_END = /^\*{3}\s*END OF (THE|THIS) PROJECT GUTENBERG|^End of (the )?Project Gutenberg/i;
function cruft(s) {
  const items = s.items;
  const drop = /* @__PURE__ */ new Set();
  const texts = items.map((it, i) => ({ it, i })).filter((x) => x.it.kind === "text");
  const removeRange = (from, to, why) => {
    const gone = items.slice(from, to).filter((x) => x.kind === "text");
    for (let k = from; k < to; k++) drop.add(k);
    if (gone.length) s.changes.push({ kind: "remove-cruft", lines: gone.map((g) => g.no), from: gone.map((g) => g.text.trim()).join("\n"), why });
  };
  const start = texts.find((x) => GUTENBERG_START.test(x.it.text.trim()));
  const end = texts.find((x) => GUTENBERG_END.test(x.it.text.trim()));
  if (start) {
    for (const x of texts.filter((t2) => t2.i < start.i)) {
      const f2 = /^(Title|Author|Translator|Language):\s*(.+)$/.exec(x.it.text.trim());
      if (!f2) continue;
      const key = f2[1].toLowerCase();
      const value2 = key === "language" ? LANGS[f2[2].toLowerCase()] ?? f2[2] : f2[2];
      s.meta[key] ??= value2;
    }
    removeRange(0, start.i + 1, "Project Gutenberg header");
  }
  if (end) removeRange(end.i, items.length, "Project Gutenberg licence and footer");
  const tail = texts.filter((x) => !drop.has(x.i)).slice(-12);
  const opener = tail.find((x) => FORM_OPENER.test(x.it.text.trim()));
  if (opener) removeRange(opener.i, items.length, "comment form of the web page");
  for (let k = texts.length - 1; k >= 0; k--) {
    const x = texts[k];
    if (drop.has(x.i)) continue;
    if (!CRUFT_LINE.test(x.it.text.trim())) break;
    removeRange(x.i, x.i + 1, "web page footer");
  }
  for (const x of texts) {
    if (drop.has(x.i)) continue;
    const t2 = x.it.text.trim();
    if (/^(jump to (navigation|search)|from wikipedia, the free encyclopedia)$/i.test(t2)) removeRange(x.i, x.i + 1, "web navigation");
    else if (/\[\s*edit\s*\]\s*$/i.test(t2)) {
      const clean = x.it.text.replace(/\s*\[\s*edit\s*\]\s*$/i, "");
      s.changes.push({ kind: "remove-cruft", lines: [x.it.no], from: "[edit]", why: "wiki edit link" });
      x.it.text = clean;
    }
  }
  s.items = items.filter((_, i) => !drop.has(i));
}

// src/normalize/notes/labels.ts
var SYMBOLS = "*\u2020\u2021\xA7\u2016\xB6";
function parseLabel(raw) {
  const t2 = raw.trim();
  let m;
  if (/^\d{1,6}$/.test(t2)) return { text: String(Number(t2)), kind: "num", value: Number(t2), family: "" };
  if (/^[A-Za-z]$/.test(t2)) return { text: t2, kind: "alpha", value: t2.toLowerCase().charCodeAt(0) - 96, family: t2 === t2.toUpperCase() ? "A" : "a" };
  if (m = /^(\d{1,5})([a-z])$/.exec(t2)) return { text: t2, kind: "numalpha", value: Number(m[1]) * 26 + m[2].charCodeAt(0) - 96, family: "" };
  if (/^\*{1,4}$/.test(t2)) return { text: t2, kind: "sym", value: t2.length, family: "" };
  if (t2.length === 1 && SYMBOLS.includes(t2)) return { text: t2, kind: "sym", value: SYMBOLS.indexOf(t2) + 1, family: "" };
  if (m = /^([a-z]{1,12})[ \u00a0](\d{1,5})$/.exec(t2)) return { text: `${m[1]} ${Number(m[2])}`, kind: "num", value: Number(m[2]), family: m[1] };
  return void 0;
}
function nthLabel(k, family = "") {
  return { text: family ? `${family} ${k}` : String(k), kind: "num", value: k, family };
}
var follows = (a, b) => a.kind === b.kind && a.family === b.family && b.value === a.value + 1 && (a.kind !== "numalpha" || Math.floor(a.value / 26) === Math.floor(b.value / 26) || b.value % 26 === 1);
var opensSeries = (l) => l.value === 1 || l.kind === "numalpha" && l.value % 26 === 1;

// src/normalize/notes/openers.ts
var SP = "[ \\u00a0\\u2002\\u2003\\u2009]";
var LABEL = "(\\d{1,6}[a-z]?|[A-Za-z]|\\*{1,3}|[\u2020\u2021\xA7\u2016\xB6])";
var BACKLINK_TAIL = /[ \u00a0]*(?:↩\uFE0E?\uFE0F?)+[ \u00a0]*$/u;
var RES = [
  ["fn-block", /^\[Footnote[ \u00a0]*(\d{1,6}[a-z]?|[A-Za-z]|\*{1,3}|[†‡§])?[ \u00a0]*[:.][ \u00a0]*/i, true],
  ["fn-line", /^Footnote[ \u00a0]+(\d{1,6}[a-z]?|[A-Za-z]|\*{1,3}|[†‡§]):[ \u00a0]*/i, true],
  // "[W]hen": an editor's bracketed capital goes on in the word, no label does
  ["bracket", new RegExp(`^\\[${LABEL}\\](?!\\p{Ll})${SP}*`, "u"), false],
  ["brace", /^\{(\d{1,6}[a-z]?)\}[ \u00a0]*/, false],
  ["paren", new RegExp(`^\\((\\d{1,4}|[a-z]|[A-Z])\\)${SP}+(?=\\S)`), false],
  ["dot", new RegExp(`^(\\d{1,6})\\.${SP}+(?=[^\\s\\d])`), false],
  ["sym", new RegExp(`^(\\*{1,3}|[\u2020\u2021\xA7\u2016\xB6])${SP}*(?=[^\\s*])`), false],
  ["super", /^([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,6})[ \u00a0]*(?=\S)/, false],
  ["space", new RegExp(`^(\\d{1,6})${SP}+(?=[^\\s\\d.,;:%)\\]\u2013\u2014-])`), false],
  ["space", /^(\d{1,3})(?=[\p{Lu}“"‘(][\p{Ll}\p{Lu}])/u, false],
  ["alone", /^(\d{1,6}|[a-z]|\*{1,3}|[†‡§])$/, false],
  ["space", new RegExp(`^(\\d{1,6})${SP}+(?=\\d)`), false]
];
var SUPER = "\u2070\xB9\xB2\xB3\u2074\u2075\u2076\u2077\u2078\u2079";
function openerOf(line) {
  let o = openers.get(line);
  if (o === void 0) {
    if (openers.size > 1e5) openers.clear();
    o = readOpener(line) ?? null;
    if (o) Object.freeze(o);
    openers.set(line, o);
  }
  return o ?? void 0;
}
var openers = /* @__PURE__ */ new Map();
function readOpener(line) {
  const em = /^([ \u00a0\t]*)_[ \u00a0]+(?=\d)/.exec(line);
  if (em) {
    const o = openerOf(em[1] + line.slice(em[0].length));
    return o?.label ? { ...o, rest: `_${o.rest}` } : void 0;
  }
  const lead = /^[ \u00a0\t]*/.exec(line)[0];
  const t2 = line.slice(lead.length).replace(/[ \u00a0\t\r]+$/, "");
  if (!t2) return void 0;
  const indent = lead.replace(/\t/g, "        ").length;
  let m;
  if ((m = /^(?:(\d{1,6})\.[ \u00a0]*)?\^[ \u00a0]*((?:[a-z]{1,2}[ \u00a0]+)*)/.exec(t2)) && t2.includes("^")) {
    const letters2 = m[2].trim().split(/\s+/).filter(Boolean);
    const run2 = letters2.length >= 2 && letters2[0] === "a" && letters2.every((l, i) => l === String.fromCharCode(97 + i));
    const rest = run2 ? t2.slice(m[0].length) : t2.slice(m[0].length - m[2].length);
    return { form: "caret", label: m[1] ? parseLabel(m[1]) : void 0, rest, indent, cites: run2 ? letters2.length : 1, strong: true };
  }
  if (m = /^(?:(\d{1,6})\.[ \u00a0]*)?↑[ \u00a0]*((?:\d{1,6}\.\d{1,3}[ \u00a0]+)*)/.exec(t2)) {
    const subs = m[2].trim().split(/\s+/).filter(Boolean);
    const n = m[1] ?? (subs.length ? subs[0].split(".")[0] : void 0);
    return { form: "arrow", label: n ? parseLabel(n) : void 0, rest: t2.slice(m[0].length), indent, cites: Math.max(1, subs.length), strong: true };
  }
  for (const [form, re, strong] of RES) {
    if (!(m = re.exec(t2))) continue;
    const raw = m[1];
    if (form === "fn-block" && raw === void 0) return { form, rest: t2.slice(m[0].length), indent, strong };
    const label = form === "super" ? parseLabel(String(Number([...raw].map((c) => SUPER.indexOf(c)).join("")))) : parseLabel(raw);
    if (!label) continue;
    let rest = t2.slice(m[0].length);
    if (form === "alone") rest = "";
    return { form, label, rest, indent, strong, continuesOnly: form === "space" && /^\d/.test(rest) ? true : void 0 };
  }
  if (BACKLINK_TAIL.test(t2) && t2.replace(BACKLINK_TAIL, "").trim()) return { form: "tail", rest: t2.replace(BACKLINK_TAIL, ""), indent, strong: true, cites: (t2.match(/↩/g) ?? []).length };
  return void 0;
}
var endsWithBacklink = (t2) => BACKLINK_TAIL.test(t2);
var stripBacklink = (t2) => t2.replace(BACKLINK_TAIL, "");

// src/normalize/code.ts
var SYMBOLS2 = /* @__PURE__ */ new Set([..."{}[]()<>=;\\$#%@|/_*^~&+"]);
var CODE_START = /^(?:\\[A-Za-z@]+|[({]|#include|#!|\$ |% |\/\/|--|def |function |return\b|if \(|for \(|while \(|<\/?[a-z][\w-]*[\s>/]|[a-z_][\w.]*\s*=\s|[a-z_][\w-]*\s*\()/;
var CODE_END = /[{};\\]$|^\)+$|\)\)$/;
function isCodeLine(line) {
  const s = line.trim();
  if (!s) return false;
  const words2 = s.split(/\s+/);
  const plain = words2.filter((w) => /^[“"‘(]?[\p{L}][\p{Ll}’']+[”"’)]?[.,;:!?]?$/u.test(w)).length;
  if (plain >= 6 && plain / words2.length >= 0.6) return false;
  let sym = 0;
  for (const c of s) if (SYMBOLS2.has(c)) sym++;
  const density = sym / s.length;
  if (CODE_START.test(s) && (sym >= 2 || CODE_END.test(s))) return true;
  if (plain === 0 && (CODE_START.test(s) || /^=\s\S/.test(s))) return true;
  if (CODE_END.test(s) && density >= 0.06) return true;
  return density >= 0.15 && s.length >= 4;
}
var neutral = (s) => /^[\d.,\s-]{1,12}$/.test(s.trim()) || s.trim().length <= 3;
function looksLikeCode(lines2, measure) {
  const judged = lines2.filter((l) => !neutral(l));
  if (!judged.length) return false;
  const code = judged.filter(isCodeLine).length;
  const prose2 = judged.filter((l) => measure > 0 && l.trim().length >= 0.8 * measure && !isCodeLine(l)).length;
  if (prose2 > 0.2 * judged.length) return false;
  if (judged.length === 1) return code === 1 && /^[\\({$<#]/.test(judged[0].trim()) && /[)}>;]\s*$|\s\S+\s/.test(judged[0].trim());
  return code >= 0.6 * judged.length;
}

// src/normalize/passes/chrome.ts
var STOP = new Set(
  "a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our out over own same she should so some such than that the their them then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your".split(" ")
);
var wordsOf = (t2) => t2.toLowerCase().match(/[\p{L}’']+/gu) ?? [];
function prose(t2) {
  const w = wordsOf(t2);
  if (w.length < 10) return false;
  if ((t2.match(/ [·•|] |\t/g) ?? []).length >= 4) return false;
  const stop = w.filter((x) => STOP.has(x)).length;
  return stop / w.length >= 0.2 || w.length >= 25 && /[.!?]/.test(t2);
}
var menuLike = (t2) => {
  const s = t2.trim();
  return s.length <= 50 && wordsOf(s).length <= 5 && !/[.!?]["”’)]?(?:\[\d{1,4}\]|\d{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)?$/.test(s) && !openerOf(s)?.strong && !isCodeLine(s);
};
var noteLine = (t2) => {
  const o = openerOf(t2);
  return !!o && (o.strong || o.form === "bracket" || o.form === "dot");
};
var RUN = 6;
function menuRuns(texts, from, to) {
  const runs = [];
  let start = -1;
  for (let i = from; i <= to; i++) {
    if (i < to && menuLike(texts[i])) {
      if (start < 0) start = i;
    } else {
      if (start >= 0 && i - start >= RUN) runs.push([start, i]);
      start = -1;
    }
  }
  return runs;
}
function chrome(s) {
  if (s.mode !== "lines") return;
  const lines2 = s.items.map((it, i) => ({ it, i })).filter((x) => x.it.kind === "text");
  const texts = lines2.map((l) => l.it.text.trim());
  const good = texts.map(prose);
  const firstGood = good.indexOf(true);
  if (firstGood < 0) return;
  const drop = /* @__PURE__ */ new Set();
  const remove = (from, to, why, keep) => {
    const gone = [];
    for (let k = from; k < to; k++) {
      if (k === keep) continue;
      drop.add(lines2[k].i);
      gone.push(lines2[k].it);
    }
    if (gone.length) s.changes.push({ kind: "remove-cruft", lines: gone.map((g) => g.no), from: gone.map((g) => g.text.trim()).join("\n"), why });
  };
  const head = menuRuns(texts, 0, firstGood);
  if (head.length) {
    const title = titleIn(texts, firstGood, good);
    const from = title ?? head[head.length - 1][1];
    if (title !== void 0) s.changes.push({ kind: "keep-title", lines: [lines2[title].it.no], from: texts[title], why: "the page\u2019s title, kept from its header" });
    fields(s, texts, lines2.map((l) => l.it.no), 0, firstGood);
    remove(0, from, `the site\u2019s header before the page\u2019s title`);
    for (const [a, b] of menuRuns(texts, from + 1, firstGood)) remove(a, b, "a run of menu entries in the page\u2019s header");
  }
  let last = -1;
  for (let k = texts.length - 1; k >= 0; k--) {
    if (noteLine(texts[k])) {
      last = k;
      break;
    }
  }
  while (last >= 0 && last + 1 < texts.length && /^[\p{Ll}\p{P}]/u.test(texts[last + 1]) && !/^[“"‘(]/.test(texts[last + 1])) last++;
  let proseWords = 0;
  let allWords = 0;
  let cut = -1;
  for (let k = texts.length - 1; k > Math.max(last, firstGood); k--) {
    const n = wordsOf(texts[k]).length;
    allWords += n;
    if (good[k]) proseWords += n;
    if (proseWords <= 0.35 * allWords && (good[k - 1] || noteLine(texts[k - 1]) || k - 1 === last)) cut = k;
  }
  if (cut > 0 && menuRuns(texts, cut, texts.length).length) remove(cut, texts.length, "the site\u2019s navigation and footer after the text");
  s.items = s.items.filter((_, i) => !drop.has(i));
}
var FIELD = /^(authors?|by|written by|published|posted|date|updated|last updated|modified)\s*:?$/i;
function fields(s, texts, nos, from, to) {
  for (let k = from; k + 1 < to; k++) {
    const m = FIELD.exec(texts[k]);
    if (!m) continue;
    const value2 = texts.slice(k + 1, Math.min(to, k + 4)).find((t2) => t2 && !FIELD.test(t2) && !/^(affiliations?)$/i.test(t2));
    if (!value2 || value2.length > 80) continue;
    const key = /^(authors?|by|written by)$/i.test(m[1]) ? "author" : "date";
    if (key === "date" && !/\b\d{4}\b/.test(value2)) continue;
    if (s.meta[key] !== void 0) continue;
    s.meta[key] = key === "date" ? value2 : value2;
    s.changes.push({ kind: "move-to-front-matter", lines: [nos[k]], from: `${texts[k]} ${value2}`, to: `${key}: ${value2}` });
  }
}
function titleIn(texts, firstGood, good) {
  const opening = texts.slice(firstGood, firstGood + 40).filter((_, k) => good[firstGood + k]).slice(0, 3).join(" ").toLowerCase();
  let best;
  for (let k = 0; k < firstGood; k++) {
    const t2 = texts[k];
    const w = wordsOf(t2);
    if (!w.length || w.length > 12 || /[.!?:]$/.test(t2) || !/^[\p{Lu}\p{N}“"‘]/u.test(t2)) continue;
    let score = 0;
    if (w.length >= 2 || t2.length >= 6) {
      if (opening.includes(t2.toLowerCase().replace(/\[\d+\]/g, ""))) score += 2;
    }
    score += texts.slice(0, firstGood).filter((x) => x === t2).length - 1;
    if (score >= 2 && (!best || score >= best.score)) best = { k, score };
  }
  return best?.k;
}

// src/normalize/passes/contents.ts
var LEADER = /(?:\.\s?){4,}\s*[\divxlc]*\s*$|…\s*\d+\s*$/i;
var NUMBERS = /^\s*(?:(?:\d{1,4}(?:\.\d{1,3})*|[ivxlc]{1,7})\s*)+$/i;
var TITLE_PAGE = /^\s*(?:(?:\d{1,2}(?:\.\d{1,2})*|[IVXLC]{1,6}|[A-Z])\.?\s+)?(\S.{1,80}?)\s+(\d{1,4})\s*$/;
var HEADING = /^\s*(?:table of )?contents|^\s*list of (?:tables|figures|illustrations|plates|maps)\s*$/i;
var headingKey = (t2) => t2.toLowerCase().replace(LEADER, "").replace(/^\s*(?:chapter|part|section|appendix)?\s*(?:\d{1,2}(?:\.\d{1,2})*|[ivxlc]{1,6}|[a-z])?[.:)]?\s+/, "").replace(/\s+\d{1,4}\s*$/, "").replace(/[^\p{L}\p{N}]+/gu, " ").trim();
function contents(s) {
  const lines2 = s.items.map((it, i) => ({ it, i })).filter((x) => x.it.kind === "text");
  if (lines2.length < 10) return;
  const texts = lines2.map((l) => l.it.text.trim());
  const last = /* @__PURE__ */ new Map();
  const seen = /* @__PURE__ */ new Map();
  const titleLike = (t2) => /^[\p{Lu}\p{N}“"‘]/u.test(t2) && /\p{L}{2}/u.test(t2) && !isCodeLine(t2);
  texts.forEach((t2, k) => {
    if (t2.length <= 90 && t2.split(/\s+/).length <= 12 && titleLike(t2)) {
      const key = headingKey(t2);
      if (key.length >= 3) {
        last.set(key, k);
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
    }
  });
  const entries = /* @__PURE__ */ new Map();
  const entry = (k) => {
    if (!entries.has(k)) entries.set(k, entryOf(k));
    return entries.get(k);
  };
  const entryOf = (k) => {
    const t2 = texts[k];
    if (!t2) return void 0;
    if (LEADER.test(t2) && /\p{L}/u.test(t2)) return "entry";
    if (NUMBERS.test(t2) || HEADING.test(t2)) return "filler";
    const key = headingKey(t2);
    if (titleLike(t2) && key.length >= 3 && t2.split(/\s+/).length <= 12 && (seen.get(key) ?? 0) <= 4 && (last.get(key) ?? -1) > k + 3) return TITLE_PAGE.test(t2) || /^\s*\d/.test(t2) ? "entry" : "filler-title";
    return void 0;
  };
  const drop = /* @__PURE__ */ new Set();
  for (let k = 0; k < texts.length; k++) {
    if (!entry(k)) continue;
    let end = k;
    let entries2 = 0;
    let titles = 0;
    let misses = 0;
    let j = k;
    for (; j < texts.length; j++) {
      const e = entry(j);
      if (e === "entry") entries2++;
      else if (e === "filler-title") titles++;
      else if (!e) {
        if (++misses > 1) break;
        continue;
      }
      misses = 0;
      end = j;
    }
    if (entries2 + titles >= 3 && (entries2 >= 2 || titles >= 3)) {
      for (let x = k; x <= end; x++) {
        const it = lines2[x].it;
        const t2 = texts[x];
        if (NUMBERS.test(t2)) drop.add(lines2[x].i);
        else if (t2) {
          it.region = HEADING.test(t2) ? void 0 : "contents";
          it.text = HEADING.test(t2) ? t2 : t2.replace(LEADER, "").replace(/\s+\d{1,4}\s*$/, "").replace(/[.\s]+$/, "").trim();
        }
      }
      s.changes.push({ kind: "contents", lines: lines2.slice(k, end + 1).map((l) => l.it.no), from: texts.slice(k, Math.min(end + 1, k + 6)).join(" | "), why: `the source\u2019s contents (${entries2 + titles} entries naming the text\u2019s headings or pages): kept as a list, without the source\u2019s page numbers` });
      k = end;
    }
  }
  s.items = s.items.filter((_, i) => !drop.has(i));
}

// src/normalize/passes/transcription.ts
var OPENERS = { "/#": "quote", "/*": "nowrap" };
var CLOSERS = { "#/": "quote", "*/": "nowrap" };
var QUERY = /\[\*\*(?:[^[\]]|\[[^[\]]*\])*\]/g;
function transcription(s) {
  const items = s.items;
  const drop = /* @__PURE__ */ new Set();
  const open = [];
  let lastText;
  let breakSince = false;
  items.forEach((it, i) => {
    if (it.kind === "page") {
      breakSince = true;
      return;
    }
    if (it.kind !== "text") return;
    const t2 = it.text.trim();
    if (t2 in OPENERS || /^\/[#*]\s*$/.test(t2)) {
      open.push(OPENERS[t2.slice(0, 2)]);
      drop.add(i);
      s.changes.push({ kind: "remove-transcriber-mark", lines: [it.no], from: t2, why: OPENERS[t2.slice(0, 2)] === "quote" ? "a block quotation begins" : "lines to keep as they are (a table or verse) begin" });
      return;
    }
    if (t2 in CLOSERS) {
      const r = CLOSERS[t2];
      const at = open.lastIndexOf(r);
      if (at >= 0) open.splice(at, 1);
      drop.add(i);
      s.changes.push({ kind: "remove-transcriber-mark", lines: [it.no], from: t2, why: "the marked stretch ends" });
      return;
    }
    if (/^\[Blank Page\]$/i.test(t2)) {
      drop.add(i);
      s.changes.push({ kind: "remove-blank-page", lines: [it.no], from: t2 });
      return;
    }
    if (it.text.includes("[**")) {
      const queries = it.text.match(QUERY) ?? [];
      if (queries.length) {
        it.text = it.text.replace(QUERY, "");
        for (const q of queries) {
          s.changes.push({ kind: "remove-proofer-query", lines: [it.no], from: q, why: "a proofer\u2019s query, not the text" });
          s.doubts.push({ kind: "proofer-query", lines: [it.no], message: `the transcription queries this place: ${q}` });
        }
        if (!it.text.trim()) drop.add(i);
      }
    }
    if (open.length) it.region = open[open.length - 1];
    if (breakSince && lastText && /-\*$/.test(lastText.text.trimEnd()) && /^\*/.test(it.text.trimStart())) {
      lastText.text = lastText.text.trimEnd().slice(0, -1);
      it.text = it.text.replace(/^(\s*)\*/, "$1");
      s.changes.push({ kind: "join-page-break-hyphen", lines: [lastText.no, it.no], why: "the transcription marks a word broken across the page break" });
    } else if (breakSince && lastText && /\*$/.test(lastText.text.trimEnd()) && /^\*/.test(it.text.trimStart())) {
      lastText.text = lastText.text.trimEnd().slice(0, -1);
      it.text = it.text.replace(/^(\s*)\*/, "$1");
    }
    lastText = it;
    breakSince = false;
  });
  s.items = items.filter((_, i) => !drop.has(i));
}

// src/hyphenate.ts
import { createRequire as createRequire2 } from "node:module";
var require2 = createRequire2(import.meta.url);
var createHyphenator = require2("hyphen");
var cache = /* @__PURE__ */ new Map();
var PATTERNS = { en: "en-gb", "en-gb": "en-gb", "en-us": "en-us", de: "de", fr: "fr", es: "es", it: "it", ru: "ru", nl: "nl", pt: "pt" };
function hyphenator(language, mark = "\xAD") {
  const tag = language.toLowerCase();
  const name = PATTERNS[tag] ?? PATTERNS[tag.split("-")[0]];
  if (!name) return void 0;
  const key = `${name}|${mark}`;
  let h = cache.get(key);
  if (!h) {
    h = createHyphenator(require2(`hyphen/patterns/${name}.js`), { hyphenChar: mark, html: false, minWordLength: 4 });
    cache.set(key, h);
  }
  return h;
}
var pointsCache = /* @__PURE__ */ new Map();
function breakPoints(word, language) {
  const key = `${language}|${word}`;
  const known = pointsCache.get(key);
  if (known) return known;
  const out = /* @__PURE__ */ new Set();
  pointsCache.set(key, out);
  for (const lang of language.startsWith("en") ? ["en-gb", "en-us"] : [language]) {
    const h = hyphenator(lang, "|");
    if (!h) continue;
    let at = 0;
    for (const part of h(word).split("|").slice(0, -1)) out.add(at += part.length);
  }
  return out;
}

// src/normalize/hyphenation.ts
var letters = (s) => s.toLowerCase().replace(/’/g, "'").replace(/[^\p{L}\p{M}'-]/gu, "");
function decideHyphen(left, right, lexicon, language = "en") {
  const a = letters(left).split("-").pop() ?? "";
  const b = (letters(right).split("-")[0] ?? "").replace(/'+$/, "");
  if (!a || !b) return { keep: true, sure: true, why: "not between two word fragments" };
  if (/^\p{Lu}/u.test(right)) return { keep: true, sure: true, why: "the continuation starts with a capital" };
  const joined = a + b;
  const hyphened = `${a}-${b}`;
  const usedJoined = lexicon.get(joined) ?? 0;
  const usedHyphened = lexicon.get(hyphened) ?? 0;
  if (usedHyphened > usedJoined) return { keep: true, sure: true, why: `the text writes \u201C${hyphened}\u201D elsewhere` };
  if (usedJoined > 0) return { keep: false, sure: true, why: `the text writes \u201C${joined}\u201D elsewhere` };
  if (!language.startsWith("en")) return { keep: false, sure: false, why: "no evidence in the text; joined by default" };
  const dict = englishWords();
  const isWord = (w) => w.length >= 4 && dict.has(w);
  if (dict.has(joined)) {
    if (!breakPoints(joined, language).has(a.length) && isWord(a) && isWord(b))
      return { keep: true, sure: false, why: `\u201C${joined}\u201D is a word, but the patterns never break it after \u201C${a}\u201D; \u201C${a}\u201D and \u201C${b}\u201D are words: kept as a compound` };
    return { keep: false, sure: true, why: `\u201C${joined}\u201D is a word` };
  }
  if (isWord(a) && isWord(b)) return { keep: true, sure: true, why: `\u201C${a}\u201D and \u201C${b}\u201D are words, \u201C${joined}\u201D is not` };
  return { keep: false, sure: false, why: `no evidence for \u201C${joined}\u201D or \u201C${hyphened}\u201D: joined` };
}

// src/normalize/join.ts
var WORD_START = /^[“"‘'(]?([\p{L}\p{M}'’]+(?:-[\p{L}\p{M}'’]+)*)/u;
var SPACE = /* @__PURE__ */ new Set([" ", "	", "\xA0", "\u2002", "\u2003", "\u202F"]);
function trimEndSpaces(t2) {
  let i = t2.length;
  while (i > 0 && SPACE.has(t2[i - 1])) i--;
  return i === t2.length ? t2 : t2.slice(0, i);
}
var endsOpen = (t2) => {
  const e = t2.slice(-8).trimEnd();
  return /[\p{L}\p{M}]-$/u.test(e) || /[—–]$/.test(e);
};
function joinLine(s, before2, next, lines2) {
  const a = trimEndSpaces(before2);
  const b = next.replace(/^[ \t\u00a0\u2002\u2003\u202f]+/, "");
  if (a === "") return b;
  const left = wordBeforeFinalHyphen(a);
  const w = left ? WORD_START.exec(b) : null;
  if (left && w && before2 === a) {
    const d = decideHyphen(left, w[1], s.lexicon, s.sidecar.meta.language ?? "en");
    const head = a.slice(0, -1);
    const joined = d.keep ? `${head}-${b}` : head + b;
    const from = `${left}-|${w[1]}`;
    const to = d.keep ? `${left}-${w[1]}` : left + w[1];
    s.changes.push({ kind: d.keep ? "hyphen-kept" : "dehyphenate", lines: lines2, from, to, why: d.why });
    if (!d.sure) s.doubts.push({ kind: "hyphen", lines: lines2, message: `${from} \u2192 ${to}: ${d.why}` });
    return joined;
  }
  if ((a.endsWith("\u2014") || a.endsWith("\u2013")) && before2 === a) return a + b;
  return `${a} ${b}`;
}

// src/normalize/notes/stream.ts
function streamOf(items, lineMode) {
  const lines2 = [];
  const pageStarts = [0];
  let page = 0;
  let blank = true;
  items.forEach((it, i) => {
    if (it.kind === "text" && it.region === "contents") return;
    if (it.kind === "text") {
      lines2.push({ item: i, no: it.no, text: it.text, page, blankBefore: blank, blankAfter: true });
      blank = false;
    } else {
      if (lines2.length) lines2[lines2.length - 1].blankAfter = true;
      if (it.kind === "page") {
        page++;
        pageStarts.push(lines2.length);
      }
      blank = true;
      return;
    }
    if (lines2.length > 1 && !lines2[lines2.length - 1].blankBefore) lines2[lines2.length - 2].blankAfter = false;
  });
  return { lines: lines2, pageStarts, paged: page > 0, lineMode };
}
function pageRange(st, p) {
  const from = st.pageStarts[p] ?? st.lines.length;
  const to = st.pageStarts[p + 1] ?? st.lines.length;
  return [from, to];
}

// src/normalize/notes/marks.ts
var GLUE_AFTER = /* @__PURE__ */ new Set([...`.,;:!?)]\u201D\u2019"'\xBB`]);
var isDigit = (c) => c >= 48 && c <= 57;
var isLower = (ch) => !!ch && ch !== ch.toUpperCase() && ch === ch.toLowerCase();
var SUPER2 = "\u2070\xB9\xB2\xB3\u2074\u2075\u2076\u2077\u2078\u2079";
var superValue = (s) => Number([...s].map((c) => SUPER2.indexOf(c)).join(""));
var BRACKET = /\[(\d{1,6}[a-z]?|[A-Za-z]|\*{1,3}|[†‡§]|[a-z]{1,12}[ \u00a0]\d{1,5})\]/y;
var BRACE = /\{(\d{1,6}[a-z]?)\}/y;
var PAREN = /\((\d{1,5})\)/y;
var TRIGGER = /[\d[{(*†‡⁰¹²³⁴⁵⁶⁷⁸⁹]/g;
function dottedBefore(text, i) {
  let k = i;
  while (k > 0 && (isDigit(text.charCodeAt(k - 1)) || text[k - 1] === ".") && i - k < 16) k--;
  const token = text.slice(k, i);
  if (k > 0 && !/\s/.test(text[k - 1])) return false;
  return /^\d+(?:\.\d+)+\.$/.test(token) || /^\d{1,2}\.$/.test(token) && text.slice(0, k).trim() === "";
}
function marksOf(text) {
  const out = [];
  const n = text.length;
  const gluedAt = (i) => i > 0 && (isLetterCode(text.charCodeAt(i - 1)) || GLUE_AFTER.has(text[i - 1]));
  TRIGGER.lastIndex = 0;
  for (let t2 = TRIGGER.exec(text); t2; t2 = TRIGGER.exec(text)) {
    let i = t2.index;
    const ch = text[i];
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      let j = i;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      const digits = text.slice(i, j);
      const after = j < n ? text.charCodeAt(j) : -1;
      const nextOk = after === -1 || !(isDigit(after) || isLetterCode(after) || after === 37 || after === 176 || (after === 46 || after === 44 || after === 58 || after === 45 || after === 47) && isDigit(text.charCodeAt(j + 1)));
      const prevDigit = i > 0 && isDigit(text.charCodeAt(i - 1));
      if (digits.length <= 6 && !digits.startsWith("0") && !prevDigit) {
        const label = parseLabel(digits);
        const dotted = text[i - 1] === "." && (j === n || /\s/.test(text[j]) || text[j] === "." && (j + 1 === n || /\s/.test(text[j + 1]))) && dottedBefore(text, i);
        if (gluedAt(i) && nextOk && !dotted && !(i >= 1 && /[$£€#@/\\_=+<>-]/.test(text[i - 1]))) {
          const weak = i >= 2 && isDigit(text.charCodeAt(i - 2)) && (text[i - 1] === "." || text[i - 1] === ",") || digits.length >= 4;
          out.push({ form: "glued", label, start: i, end: j, distinctive: false, weak });
        } else if (i >= 2 && text[i - 1] === " " && digits.length <= 3 && (/[.,;:!?)”’"]/.test(text[i - 2]) && (j === n || text[j] === " " && /[\p{Lu}“"‘(]/u.test(text[j + 1] ?? "")) || isLetterCode(text.charCodeAt(i - 2)) && /^ ?[.,;:)](?:\s|$)/.test(text.slice(j, j + 3)))) {
          out.push({ form: "spaced", label, start: i - 1, end: j, distinctive: false, weak: true });
        } else if (i >= 2 && text[i - 1] === " " && out.length && out[out.length - 1].end === i - 1 && out[out.length - 1].form === "glued" && out[out.length - 1].label.value + 1 === label.value && (j === n || /[\s.,;:)]/.test(text[j]))) {
          out.push({ form: "spaced", label, start: i - 1, end: j, distinctive: false, weak: true });
        } else if (i > 0 && text[i - 1] === " " && isLower(text[j]) && isLower(text[j + 1]) && !/^(st|nd|rd|th|d|s|am|pm|vo)(?![\p{L}])/u.test(text.slice(j, j + 3))) {
          out.push({ form: "displaced", label, start: i - 1, end: j, distinctive: false, weak: true });
        }
      }
      i = j - 1;
    } else if (ch === "[") {
      BRACKET.lastIndex = i;
      const m = BRACKET.exec(text);
      const label = m ? parseLabel(m[1]) : void 0;
      if (m && label && text[i + m[0].length] !== "(") {
        let start = i;
        if (text[i - 1] === "*" && text[i - 2] !== "*") start = i - 1;
        if (text[start - 1] === " ") start--;
        out.push({ form: "bracket", label, start, end: i + m[0].length, distinctive: true, weak: false });
        i += m[0].length - 1;
      }
    } else if (ch === "{") {
      BRACE.lastIndex = i;
      const m = BRACE.exec(text);
      if (m) {
        const start = text[i - 1] === " " ? i - 1 : i;
        out.push({ form: "brace", label: parseLabel(m[1]), start, end: i + m[0].length, distinctive: true, weak: false });
        i += m[0].length - 1;
      }
    } else if (ch === "(") {
      PAREN.lastIndex = i;
      const m = PAREN.exec(text);
      if (m && (gluedAt(i) || i > 0 && isDigit(text.charCodeAt(i - 1))) && !m[1].startsWith("0")) {
        const after = text[i + m[0].length];
        if (after === void 0 || !/[\p{L}\p{N}]/u.test(after)) out.push({ form: "paren", label: parseLabel(m[1]), start: i, end: i + m[0].length, distinctive: true, weak: false });
        i += m[0].length - 1;
      }
    } else if (ch === "*" || ch === "\u2020" || ch === "\u2021") {
      let j = i + 1;
      if (ch === "*") while (j < n && j - i < 3 && text[j] === "*") j++;
      const after = j < n ? text.charCodeAt(j) : -1;
      const okAfter = after === -1 || !(text[j] === "*" || text[j] === "[" || isLetterCode(after) || isDigit(after));
      if (gluedAt(i) && text[i - 1] !== "]" && okAfter) out.push({ form: "sym", label: parseLabel(text.slice(i, j)), start: i, end: j, distinctive: false, weak: false });
      i = j - 1;
    } else if (SUPER2.includes(ch)) {
      let j = i;
      while (j < n && SUPER2.includes(text[j])) j++;
      out.push({ form: "super", label: parseLabel(String(superValue(text.slice(i, j)))), start: i, end: j, distinctive: false, weak: false });
      i = j - 1;
    }
    TRIGGER.lastIndex = i + 1;
  }
  for (const m of text.matchAll(/(?<=[\p{L}.,;”’")])([}®†]|[!?](?=\s|$|[”"’])|(?<=[”"’])[!?*])(?=[\s.,;:”"’)]|$)/gu)) {
    if (out.some((o) => o.start <= m.index && o.end > m.index)) continue;
    out.push({ form: "ocr", label: OCR_UNKNOWN, start: m.index, end: m.index + m[0].length, distinctive: false, weak: true });
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}
var OCR_UNKNOWN = { text: "\0ocr", kind: "sym", value: 0, family: "ocr" };

// src/normalize/notes/markindex.ts
var TOKEN = /[\p{L}\p{N}](?:[\p{L}\p{N}._-]*[\p{L}\p{N}])?/gu;
var MarkIndex = class {
  byLine;
  byLabel = /* @__PURE__ */ new Map();
  constructor(st) {
    this.byLine = st.lines.map((l, i) => {
      const lead = /^[ \u00a0\t]*/.exec(l.text)[0].length;
      const found = marksOf(l.text).map((m) => ({ ...m, line: i, page: l.page, atStart: m.start <= lead }));
      const alone2 = /^\s*(\d{1,3})\s*$/.exec(l.text);
      if (alone2 && i > 0 && !l.blankBefore && st.lines[i - 1].page === l.page && /\p{L}/u.test(st.lines[i - 1].text)) {
        const label = parseLabel(alone2[1]);
        if (label) found.push({ form: "alone", label, start: 0, end: l.text.length, distinctive: false, weak: true, line: i, page: l.page, atStart: false });
      }
      return found;
    });
    const seen = /* @__PURE__ */ new Map();
    const before2 = (l, at) => l.slice(Math.max(0, at - 64), at);
    const tokenOf = (l, m) => /[\p{L}\p{N}.’'-]*$/u.exec(before2(l, m.start))[0].toLowerCase() + l.slice(m.start, m.end);
    st.lines.forEach((l, i) => {
      for (const m of this.byLine[i]) if (m.form === "glued") seen.set(tokenOf(l.text, m), (seen.get(tokenOf(l.text, m)) ?? 0) + 1);
    });
    const alone = /* @__PURE__ */ new Set();
    for (const l of st.lines) for (const w of l.text.toLowerCase().match(/(?<![\p{L}\p{N}])\p{L}+(?![\p{L}\p{N}])/gu) ?? []) alone.add(w);
    st.lines.forEach((l, i) => {
      for (const m of this.byLine[i]) {
        if (m.form !== "glued") continue;
        const word = /\p{L}+$/u.exec(before2(l.text, m.start))?.[0].toLowerCase();
        if ((seen.get(tokenOf(l.text, m)) ?? 0) >= 3 || word && !alone.has(word)) m.doubtful = true;
      }
    });
    for (const ms of this.byLine) for (const m of ms) {
      const list = this.byLabel.get(m.label.text);
      if (list) list.push(m);
      else this.byLabel.set(m.label.text, [m]);
    }
  }
  tokens;
  splitCache = /* @__PURE__ */ new Map();
  /**
   * Marks the extraction glued to a token that is a word or number of the text's own ("mode
   * 07552." where the text writes "0755"; "doc.dtxa" where it writes "doc.dtx"): the token
   * stands nowhere else, its stem does. Looked for only for a page foot's body that has no
   * other mark on its page.
   */
  findSplit(st, label, from, to) {
    if (!(label.kind === "num" && !label.family && label.value < 100 || label.kind === "alpha")) return [];
    if (!this.tokens) {
      this.tokens = /* @__PURE__ */ new Map();
      for (const l of st.lines) for (const t2 of l.text.match(TOKEN) ?? []) this.tokens.set(t2, (this.tokens.get(t2) ?? 0) + 1);
    }
    const out = [];
    for (let i = from; i < to; i++) {
      const key = `${i} ${label.text}`;
      let found = this.splitCache.get(key);
      if (!found) {
        found = [];
        const text = st.lines[i].text;
        for (const m of text.matchAll(TOKEN)) {
          const t2 = m[0];
          const stem = t2.slice(0, -label.text.length);
          if (!t2.endsWith(label.text) || stem.length < 3 || (this.tokens.get(t2) ?? 0) !== 1 || !(this.tokens.get(stem) ?? 0)) continue;
          if (label.kind === "alpha" ? !/\p{L}$/u.test(stem) : !/\d$/.test(stem)) continue;
          const end = m.index + t2.length;
          found.push({ form: "glued", label, start: end - label.text.length, end, distinctive: false, weak: true, line: i, page: st.lines[i].page, atStart: false });
        }
        this.splitCache.set(key, found);
      }
      out.push(...found);
    }
    return out;
  }
  /** Marks with this label on lines [from, to), in order, leaving out lines `skip` says are not running text. */
  find(label, from, to, skip) {
    const list = this.byLabel.get(label.text);
    if (!list || to <= from) return [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      if (list[mid].line < from) lo = mid + 1;
      else hi = mid;
    }
    const out = [];
    for (let k = lo; k < list.length && list[k].line < to; k++) if (!skip?.(list[k].line)) out.push(list[k]);
    return out;
  }
};
var markKey = (m) => m.line * 1e6 + m.start;

// src/normalize/notes/zones.ts
var pieceOf = (st, i, from = 0, to) => ({ no: st.lines[i].no, text: st.lines[i].text.slice(from, to), line: i, from });
var restFrom = (line, o) => line.replace(/[ \u00a0\t\r]+$/, "").length - o.rest.length;
var NOTES_HEADING = /^(?:[\p{L}’'.]+\s+){0,2}(?:notes|footnotes|endnotes|references|citations|sources|notes and references|references and notes)\s*[:.]?$/iu;
var HEADING_LIKE = (t2) => {
  const s = t2.trim();
  return s.length > 0 && s.length <= 60 && /^[\p{Lu}\p{N}“"‘]/u.test(s) && !/[.,;:!?)\]”"]$/.test(s) && s.split(/\s+/).length <= 8;
};
var groupSeq = 0;
var newGroup = (zone, bodies, ambiguous, strong, heading) => {
  const g = { id: ++groupSeq, zone, bodies, ambiguous, strong, heading, endsSection: false };
  for (const b of bodies) b.group = g.id;
  return g;
};
var indentOf = (t2) => /^[ \u00a0\t]*/.exec(t2)[0].length;
function findBlocks(st, claimed) {
  const groups = [];
  const L = st.lines;
  let last;
  for (let i = 0; i < L.length; i++) {
    if (claimed.has(i)) continue;
    const lead = L[i].text.replace(/^[ \u00a0\t]+/, "");
    const text = /^\*\[Footnote/i.test(lead) ? lead.slice(1) : lead;
    const o = openerOf(text);
    if (!o || o.form !== "fn-block" && o.form !== "fn-line") continue;
    if (o.form === "fn-block") {
      const base = L[i].text;
      const pos = base.search(/\[Footnote/i);
      const restStart = pos + (base.length - pos - o.rest.length);
      const end = closeOfBracket(L.map((l) => l.text), i, pos);
      const lines2 = [];
      const pieces = [];
      const stop = end ? end.line : i;
      for (let k = i; k <= stop; k++) {
        if (k > i && L[k].blankBefore && pieces.length) pieces.push({ no: L[k].no, text: "", para: true });
        pieces.push(pieceOf(st, k, k === i ? restStart : 0, k === stop && end ? end.col : void 0));
        lines2.push(k);
        claimed.add(k);
      }
      const after = end ? L[stop].text.slice(end.col + 1) : "";
      const cand = { opener: o, label: o.label, lines: lines2, pieces, page: L[i].page, zone: "block", group: 0, tail: after.trim() ? { line: stop, text: after } : void 0 };
      if (!o.label && last) {
        last.pieces.push({ no: L[i].no, text: "", para: true }, ...pieces);
        last.lines.push(...lines2);
        if (cand.tail) last.tail = cand.tail;
        continue;
      }
      if (!o.label) continue;
      groups.push(newGroup("block", [cand], false, true));
      last = cand;
      i = stop;
    } else {
      const lines2 = [i];
      const pieces = o.rest ? [pieceOf(st, i, restFrom(L[i].text, o))] : [];
      claimed.add(i);
      let k = i + 1;
      for (; k < L.length; k++) {
        if (claimed.has(k)) break;
        const indented = indentOf(L[k].text) >= 2;
        const sameChunk = !L[k].blankBefore;
        if (!(indented || sameChunk && pieces.length || !pieces.length && k === i + 1)) break;
        if (openerOf(L[k].text.trim())?.form === "fn-line") break;
        if (L[k].blankBefore && pieces.length) pieces.push({ no: L[k].no, text: "", para: true });
        pieces.push(pieceOf(st, k));
        lines2.push(k);
        claimed.add(k);
      }
      const cand = { opener: o, label: o.label, lines: lines2, pieces, page: L[i].page, zone: "block", group: 0 };
      groups.push(newGroup("block", [cand], false, true));
      last = cand;
      i = k - 1;
    }
  }
  return groups;
}
function closeOfBracket(lines2, line, col) {
  let depth = 0;
  for (let k = line; k < lines2.length && k < line + 400; k++) {
    const t2 = lines2[k];
    for (let c = k === line ? col : 0; c < t2.length; c++) {
      if (t2[c] === "[") depth++;
      else if (t2[c] === "]" && --depth === 0) return { line: k, col: c };
    }
  }
  return void 0;
}
var FOOT_FORMS = /* @__PURE__ */ new Set(["dot", "space", "alone", "bracket", "brace", "sym", "super", "paren"]);
function findFeet(st, claimed, refersTo) {
  const groups = [];
  if (!st.paged) return groups;
  for (let p = 0; p < st.pageStarts.length; p++) {
    const [from, to] = pageRange(st, p);
    const idx = [];
    for (let i = from; i < to; i++) if (!claimed.has(i)) idx.push(i);
    let best;
    for (let j = 0; j < idx.length; j++) {
      const o = openerOf(st.lines[idx[j]].text);
      if (!o?.label || !FOOT_FORMS.has(o.form) || o.continuesOnly) continue;
      if (j === 0 && ["dot", "paren"].includes(o.form)) continue;
      let h = j - 1;
      while (h >= 0 && openerOf(st.lines[idx[h]].text)?.form === o.form) h--;
      if (h >= 0 && NOTES_HEADING.test(st.lines[idx[h]].text.trim())) continue;
      if (o.form === "dot" && o.label.kind === "num" && o.label.value > 1) {
        const ind = indentOf(st.lines[idx[j]].text);
        let listed = false;
        for (let h2 = j - 1; h2 >= 0 && !listed; h2--) {
          const t2 = st.lines[idx[h2]].text;
          const po = openerOf(t2);
          listed = po?.form === "dot" && po.label?.kind === "num" && po.label.value === o.label.value - 1 && indentOf(t2) === ind;
        }
        if (listed) continue;
      }
      const bodies = footFrom(st, idx.slice(j), o);
      if (!bodies) continue;
      const supported = bodies.filter((b) => b.label && refersTo(b.label, from, idx[j])).length;
      const distinct = !["dot", "space", "alone", "paren"].includes(o.form) && j > 0 && lastIsFoot(st, idx, j);
      if (!distinct && (!supported || !refersTo(bodies[0].label, from, idx[j]))) continue;
      const score = supported * 100 + j;
      if (!best || score >= best.score) best = { bodies, score };
    }
    if (!best) continue;
    const g = newGroup("foot", best.bodies, best.bodies.some((b) => ["dot", "space", "alone", "paren"].includes(b.opener.form)), false);
    for (const b of best.bodies) for (const l of b.lines) claimed.add(l);
    groups.push(g);
  }
  return groups;
}
var OCR_LABEL = /^([1-9]|[*†!?’'‘}®])\s*(?=[\p{Lu}“"‘([])/u;
var OCR_NEXT = /(?<=[.;:)\]”"’][ ]{1,2})([1-9]|[*†!?’'}®])[ ](?=[\p{Lu}“"‘([])/u;
var OCR_LINE = /^(?:[1-9]|[*†!?’'}®]|[a-z]{1,2}[,.])\s+(?=[\p{Lu}“"‘([])/u;
var CITATION = /\b(?:p|pp|vol|ch|chap|ibid|ib|op|cit|cf|ed|tom|t|art|n|no|sect|lib)\.|\b\d{1,4}\b|\bibid\b/i;
function findReadFeet(st, claimed) {
  const groups = [];
  if (!st.paged) return groups;
  for (let p = 0; p < st.pageStarts.length; p++) {
    const [from, to] = pageRange(st, p);
    const idx = [];
    for (let i = from; i < to; i++) if (!claimed.has(i)) idx.push(i);
    if (idx.length < 6 || idx.some((i) => claimed.has(i))) continue;
    let start = idx.length - 1;
    while (start > 0 && !st.lines[idx[start]].blankBefore) start--;
    if (start < 3 || idx.length - start > 10) continue;
    const zone = idx.slice(start);
    const first = st.lines[zone[0]].text.trim();
    const m = OCR_LABEL.exec(first);
    if (!m || !zone.every((i) => st.lines[i].text.trim().length < 100)) continue;
    const text = zone.map((i) => st.lines[i].text).join(" ");
    if (!CITATION.test(text) && zone.length > 2) continue;
    const bodies = [];
    const open = (line, fromCol) => {
      const label = nthLabel(bodies.length + 1);
      const b = { opener: { form: "space", label, rest: "", indent: 0, strong: false }, label, lines: [line], pieces: [pieceOf(st, line, fromCol)], page: p, zone: "foot", group: 0 };
      bodies.push(b);
      return b;
    };
    const lead = st.lines[zone[0]].text.length - st.lines[zone[0]].text.trimStart().length;
    let cur = open(zone[0], lead + m[0].length);
    zone.forEach((i, n) => {
      const t2 = st.lines[i].text;
      if (n > 0) {
        const lm = OCR_LINE.exec(t2.trim());
        if (lm) cur = open(i, t2.length - t2.trimStart().length + lm[0].length);
        else {
          cur.lines.push(i);
          cur.pieces.push(pieceOf(st, i));
        }
      }
      for (let guard = 0; guard < 8; guard++) {
        const piece = cur.pieces[cur.pieces.length - 1];
        const x = OCR_NEXT.exec(piece.text);
        if (!x) break;
        const col = (piece.from ?? 0) + x.index + x[0].length;
        piece.text = piece.text.slice(0, x.index).trimEnd();
        cur = open(i, col);
      }
    });
    const g = newGroup("foot", bodies, false, false);
    g.read = true;
    for (const i of zone) claimed.add(i);
    groups.push(g);
  }
  return groups;
}
function lastIsFoot(st, idx, j) {
  return st.lines[idx[j]].blankBefore;
}
function footFrom(st, idx, first) {
  const L = st.lines;
  const page = L[idx[0]].page;
  if (first.form === "alone") {
    const labels = [{ label: first.label, line: idx[0] }];
    let k = 1;
    while (k < idx.length) {
      const o = openerOf(L[idx[k]].text);
      if (o?.form === "alone" && o.label && follows(labels[labels.length - 1].label, o.label)) labels.push({ label: o.label, line: idx[k++] });
      else break;
    }
    if (labels.length >= 2) {
      const text = idx.slice(k);
      if (text.length < labels.length) return void 0;
      const parts = shareOut(text.map((i) => L[i].text), labels.length);
      return labels.map((l, n) => {
        const own = parts[n].map((x) => text[x]);
        return { opener: { form: "alone", label: l.label, rest: "", indent: 0, strong: false }, label: l.label, lines: n === 0 ? [...labels.map((x) => x.line), ...own] : own, pieces: own.map((i) => pieceOf(st, i)), page, zone: "foot", group: 0 };
      });
    }
    const scrambled = scrambledFoot(st, idx);
    if (scrambled) return scrambled;
  }
  const bodies = [];
  let cur;
  let lastLabel;
  const open = (o, line, from) => {
    const c = { opener: o, label: o.label, lines: [line], pieces: from < L[line].text.length ? [pieceOf(st, line, from)] : [], page, zone: "foot", group: 0 };
    bodies.push(c);
    cur = c;
    lastLabel = o.label;
    return c;
  };
  for (const i of idx) {
    const t2 = L[i].text;
    const o = openerOf(t2);
    if (!cur) {
      splitInline(open(first, i, restFrom(t2, first)), (ob, from) => open(ob, i, from));
      continue;
    }
    if (o?.label && FOOT_FORMS.has(o.form) && follows(lastLabel, o.label)) {
      splitInline(open(o, i, restFrom(t2, o)), (ob, from) => open(ob, i, from));
      continue;
    }
    if (o?.label && (o.form === first.form || o.form === "alone") && o.label.kind === first.label.kind && !follows(lastLabel, o.label) && o.form !== "space") return void 0;
    cur.lines.push(i);
    cur.pieces.push(pieceOf(st, i));
    splitInline(cur, (ob, from) => open(ob, i, from));
  }
  return bodies;
}
function scrambledFoot(st, idx) {
  const L = st.lines;
  const labels = [];
  const segments = [[]];
  const labelLines = [];
  for (const i of idx) {
    const o = openerOf(L[i].text);
    if (o?.form === "alone" && o.label?.kind === "num" && !o.label.family) {
      labels.push(o.label);
      labelLines.push(i);
      segments.push([]);
    } else segments[segments.length - 1].push(i);
  }
  const k = labels.length;
  if (k < 2 || labels.every((l, n) => n === 0 || follows(labels[n - 1], l))) return void 0;
  const sorted = [...labels].sort((a, b) => a.value - b.value);
  if (sorted[0].value !== labels[0].value || !sorted.every((l, n) => n === 0 || follows(sorted[n - 1], l))) return void 0;
  const parts = segments.filter((s) => s.length);
  if (parts.length > k) return void 0;
  while (parts.length < k) {
    let best = -1;
    for (let p = 0; p < parts.length; p++) {
      const inner = parts[p].slice(0, -1).some((i) => /[.!?)”"’:]$/.test(L[i].text.trim()));
      if (inner && (best < 0 || parts[p].length > parts[best].length)) best = p;
    }
    if (best < 0) return void 0;
    const [a, b] = shareOut(parts[best].map((i) => L[i].text), 2).map((xs) => xs.map((x) => parts[best][x]));
    if (!a.length || !b.length) return void 0;
    parts.splice(best, 1, a, b);
  }
  const page = L[idx[0]].page;
  return sorted.map((label, n) => ({
    opener: { form: "alone", label, rest: "", indent: 0, strong: false },
    label,
    lines: n === 0 ? [...labelLines, ...parts[n]] : parts[n],
    pieces: parts[n].map((i) => pieceOf(st, i)),
    page,
    zone: "foot",
    group: 0
  }));
}
function splitInline(first, open) {
  let cur = first;
  for (let guard = 0; guard < 20; guard++) {
    const piece = cur.pieces[cur.pieces.length - 1];
    if (!piece || !cur.label) return;
    const next = nextLabelText(cur.label);
    if (!next) return;
    if (!piece.text.includes(next) && !/[[*†‡]/.test(piece.text)) return;
    const m = inlineLabel(cur.opener.form, next).exec(piece.text) ?? GAP_LABEL.exec(piece.text);
    if (!m || m.index < 3) return;
    const after = piece.text.slice(m.index + m[0].length);
    const from = (piece.from ?? 0) + m.index + m[0].length;
    const o = openerOf(`${m[0].trim()} x`);
    const label = o?.label ?? parseLabel(next);
    piece.text = piece.text.slice(0, m.index);
    cur = open({ form: o?.form ?? cur.opener.form, label, rest: after, indent: 0, strong: false }, from);
  }
}
var GAP_LABEL = /(?:[ \u00a0]{2,}|\u00a0[ ]*)(\[(?:\d{1,6}|[A-Za-z*])\]|\*{1,3}|[†‡])[ \u00a0]+(?=\S)/u;
var inlineLabels = /* @__PURE__ */ new Map();
function inlineLabel(form, next) {
  const key = `${form} ${next}`;
  let re = inlineLabels.get(key);
  if (!re) {
    const esc = next.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const f2 = form === "bracket" ? `\\[${esc}\\]` : form === "dot" ? `${esc}\\.` : esc;
    re = new RegExp(`(?:[ \\u00a0]{2,}|\\u00a0[ ]*|(?<=[.;:)\\]\u201D"\u2019][ ]))(${f2})[ \\u00a0]+(?=[\\p{Lu}\u201C"\u2018(\\[\\p{Ll}])`, "u");
    inlineLabels.set(key, re);
  }
  return re;
}
function nextLabelText(l) {
  if (l.kind === "num") return l.family ? `${l.family} ${l.value + 1}` : String(l.value + 1);
  if (l.kind === "alpha") return l.value < 26 ? String.fromCharCode((l.family === "A" ? 64 : 96) + l.value + 1) : void 0;
  if (l.kind === "sym") return l.text.startsWith("*") ? "*".repeat(l.value + 1) : "*\u2020\u2021\xA7\u2016\xB6"[l.value];
  return void 0;
}
function shareOut(lines2, k) {
  const cuts = lines2.map((t2, i) => ({ i: i + 1, len: t2.trim().length, ends: /[.!?)”"’:]$/.test(t2.trim()) })).slice(0, -1).filter((c) => c.ends).sort((a, b) => a.len - b.len).slice(0, k - 1).map((c) => c.i).sort((a, b) => a - b);
  while (cuts.length < k - 1) cuts.push(Math.min(lines2.length - 1, (cuts[cuts.length - 1] ?? 0) + 1));
  const out = [];
  let start = 0;
  for (const c of [...cuts, lines2.length]) {
    out.push(Array.from({ length: Math.max(0, c - start) }, (_, x) => start + x));
    start = c;
  }
  return out;
}
function unitsOf(st, claimed) {
  const units = [];
  let cur;
  st.lines.forEach((l, i) => {
    if (claimed.has(i)) {
      cur = void 0;
      return;
    }
    const o = openerOf(l.text);
    const startsNew = st.lineMode || !cur || l.blankBefore || o?.label && !st.lineMode && cur && st.lines[cur.lines[cur.lines.length - 1]].page !== l.page;
    const firstO = cur ? openerOf(st.lines[cur.lines[0]].text) : void 0;
    const sibling = !!cur && !!o?.label && !!firstO?.label && o.form === firstO.form && follows(lastLabelOf(st, cur) ?? firstO.label, o.label) && indentOf(l.text) <= indentOf(st.lines[cur.lines[0]].text) || // an unlabelled list's items (^ …, ↑ …) each open a line of their own
    !!cur && !!o && (o.form === "caret" || o.form === "arrow") && firstO?.form === o.form;
    if (startsNew || sibling) units.push(cur = { lines: [i] });
    else cur.lines.push(i);
  });
  return units;
}
function lastLabelOf(st, u) {
  for (let k = u.lines.length - 1; k >= 0; k--) {
    const o = openerOf(st.lines[u.lines[k]].text);
    if (o?.label) return o.label;
  }
  return void 0;
}
var LIST_FORMS = /* @__PURE__ */ new Set(["bracket", "brace", "paren", "dot", "space", "sym", "super", "caret", "arrow", "tail"]);
function findLists(st, claimed) {
  const L = st.lines;
  const units = unitsOf(st, claimed);
  const groups = [];
  const op = units.map((u) => openerOf(L[u.lines[0]].text));
  const isHeading = (k2) => k2 >= 0 && units[k2].lines.length === 1 && NOTES_HEADING.test(L[units[k2].lines[0]].text.trim());
  const folioLike = (k2) => k2 >= 0 && units[k2].lines.length === 1 && /^\s*\d{1,4}\s*$/.test(L[units[k2].lines[0]].text) && L[units[k2].lines[0]].page !== L[units[k2 + 1]?.lines[0] ?? units[k2].lines[0]].page;
  const headingAt = (k2) => isHeading(k2) ? units[k2].lines[0] : folioLike(k2) && isHeading(k2 - 1) ? units[k2 - 1].lines[0] : void 0;
  const bodyOf = (o, u) => {
    const pieces = [];
    u.lines.forEach((i, n) => pieces.push(pieceOf(st, i, n === 0 ? restFrom(L[i].text, o) : 0)));
    return { opener: o, label: o.label, lines: [...u.lines], pieces, page: L[u.lines[0]].page, zone: "list", group: 0 };
  };
  const addPara = (b, u, sameParagraph = false) => {
    if (!sameParagraph) b.pieces.push({ no: L[u.lines[0]].no, text: "", para: true });
    for (const i of u.lines) {
      b.pieces.push(pieceOf(st, i));
      b.lines.push(i);
    }
  };
  let k = 0;
  while (k < units.length) {
    const o = op[k];
    if (!o || !LIST_FORMS.has(o.form) || o.continuesOnly) {
      if (headingAt(k) !== void 0 && units[k + 1] && !op[k + 1] && units.slice(k + 1, k + 40).some((_, x) => op[k + 1 + x]?.form === "tail")) {
        const g2 = tailRun(k + 1);
        if (g2) {
          g2.heading = headingAt(k);
          groups.push(g2);
          k = g2.bodies.length ? units.findIndex((u) => u.lines.includes(g2.bodies[g2.bodies.length - 1].lines[g2.bodies[g2.bodies.length - 1].lines.length - 1])) + 1 : k + 1;
          continue;
        }
      }
      k++;
      continue;
    }
    const heading = headingAt(k - 1);
    if (o.form === "tail") {
      const g2 = tailRun(k);
      if (g2) {
        g2.heading = heading;
        groups.push(g2);
        k = units.findIndex((u) => u.lines.includes(g2.bodies[g2.bodies.length - 1].lines[g2.bodies[g2.bodies.length - 1].lines.length - 1])) + 1;
        continue;
      }
      k++;
      continue;
    }
    if (!o.label || o.form === "caret" || o.form === "arrow") {
      const bodies2 = [];
      let n2 = k;
      while (n2 < units.length && op[n2] && op[n2].form === o.form) {
        const b = bodyOf(op[n2], units[n2]);
        b.label = op[n2].label ?? nthLabel(bodies2.length + 1);
        bodies2.push(b);
        n2++;
        let m = n2;
        while (m < units.length && m < n2 + 3 && !op[m] && !HEADING_LIKE(L[units[m].lines[0]].text)) m++;
        if (m > n2 && m < units.length && op[m]?.form === o.form) {
          for (; n2 < m; n2++) {
            const t2 = L[units[n2].lines[0]].text.trim();
            addPara(bodies2[bodies2.length - 1], units[n2], /^[\p{Ll}\p{P}]/u.test(t2) && !/^[“"‘(]/.test(t2));
          }
        }
      }
      groups.push(newGroup("list", bodies2, false, true, heading));
      k = n2;
      continue;
    }
    const bodies = [bodyOf(o, units[k])];
    let last = o.label;
    let n = k + 1;
    while (n < units.length) {
      const on = op[n];
      if (on?.label && on.form === o.form && follows(last, on.label)) {
        bodies.push(bodyOf(on, units[n]));
        last = on.label;
        n++;
        continue;
      }
      if (on?.label && on.form === o.form) break;
      if (["dot", "space", "paren"].includes(o.form) && heading === void 0) break;
      let m = n;
      while (m < units.length && m < n + 4 && !op[m] && !HEADING_LIKE(L[units[m].lines[0]].text)) m++;
      if (m > n && m < units.length && op[m]?.label && op[m].form === o.form && follows(last, op[m].label)) {
        for (let x = n; x < m; x++) addPara(bodies[bodies.length - 1], units[x]);
        n = m;
        continue;
      }
      const hang = !st.lineMode && !on && indentOf(L[units[n].lines[0]].text) > o.indent && indentOf(L[units[n].lines[0]].text) >= 2;
      if (hang) {
        addPara(bodies[bodies.length - 1], units[n]);
        n++;
        continue;
      }
      break;
    }
    const amb = ["dot", "space", "paren", "alone"].includes(o.form);
    const g = newGroup("list", bodies, amb, false, heading);
    g.endsSection = n >= units.length || HEADING_LIKE(L[units[n].lines[0]].text) || NOTES_HEADING.test(L[units[n].lines[0]].text.trim());
    groups.push(g);
    k = n;
  }
  return groups;
  function tailRun(start) {
    const bodies = [];
    let cur;
    let n = start;
    for (; n < units.length; n++) {
      const u = units[n];
      const first = L[u.lines[0]].text;
      if (!cur && HEADING_LIKE(first) && !endsWithBacklink(first)) break;
      const open = (line) => {
        const c = { opener: { form: "tail", rest: "", indent: 0, strong: true }, lines: [], pieces: [], page: L[line].page, zone: "list", group: 0 };
        bodies.push(c);
        return c;
      };
      if (cur) cur.pieces.push({ no: L[u.lines[0]].no, text: "", para: true });
      for (const i of u.lines) {
        cur ??= open(i);
        cur.lines.push(i);
        cur.pieces.push(pieceOf(st, i));
        if (endsWithBacklink(L[i].text)) {
          const p = cur.pieces[cur.pieces.length - 1];
          p.text = stripBacklink(p.text);
          cur.label = nthLabel(bodies.length);
          cur = void 0;
        }
      }
    }
    if (cur) bodies.pop();
    if (!bodies.length) return void 0;
    return newGroup("list", bodies, false, true);
  }
}

// src/normalize/notes/assign.ts
var firstLine = (c) => c.lines[0];
function before(list, x) {
  if (!list) return -1;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (list[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? list[lo - 1] : -1;
}
var roundOf = (g) => g.strong || g.zone === "block" || g.zone === "foot" && !g.ambiguous ? 0 : g.zone === "foot" ? 2.5 : g.ambiguous ? g.heading !== void 0 ? 2 : 3 : 1;
function assign(st, groups, idx) {
  const ordered = [...groups].sort((a, b) => roundOf(a) - roundOf(b) || firstLine(a.bodies[0]) - firstLine(b.bodies[0]));
  const acceptedAt = /* @__PURE__ */ new Map();
  const decisions = [];
  const links = [];
  const used = /* @__PURE__ */ new Set();
  const openers2 = /* @__PURE__ */ new Map();
  for (const g of groups) for (const b of g.bodies) openers2.set(firstLine(b), g);
  const rejected = /* @__PURE__ */ new Set();
  const free = (m) => !used.has(m) && !(m.atStart && openers2.has(m.line) && !rejected.has(openers2.get(m.line)));
  const windowOf = (c) => {
    let from = c.label ? before(acceptedAt.get(c.label.text), firstLine(c)) + 1 : 0;
    if (c.zone === "foot") from = Math.max(from, pageRange(st, c.page)[0]);
    return [from, firstLine(c)];
  };
  for (const g of ordered) {
    const cands = g.read ? readCandidates(g) : g.bodies.map((b) => {
      const [from, to] = windowOf(b);
      if (!b.label) return [];
      const found = idx.find(b.label, from, to).filter(free);
      return found.length || b.zone !== "foot" ? found : idx.findSplit(st, b.label, from, to).filter(free);
    });
    const support = cands.filter((c) => c.length > 0).length;
    const n = g.bodies.length;
    let ok;
    let why;
    if (g.read) {
      ok = support > 0;
      why = `at the foot of its page, read by its place (OCR lost its labels): ${support} of ${n} bodies have a possible mark on the page`;
    } else if (g.strong || g.zone === "block") {
      ok = true;
      why = "its form marks it as a note";
    } else if (g.zone === "foot") {
      const bracketed = g.bodies.every((b) => b.opener.form === "bracket" && b.label?.kind === "num");
      ok = (support > 0 || bracketed) && (!g.ambiguous || support >= n / 2 && g.bodies[0].label?.value !== 0);
      why = `at the foot of its page, ${support} of ${n} labels referred to on the page`;
    } else if (!g.ambiguous) {
      ok = support > 0 && (support >= 0.3 * n || g.heading !== void 0);
      why = `${support} of ${n} labels referred to before the list`;
    } else if (g.heading !== void 0) {
      ok = support > 0;
      why = `${support} of ${n} labels referred to before the list, under a notes heading`;
    } else {
      const inOrder = chain(g.bodies.map((body, k) => ({ body, cands: cands[k].filter((m) => !m.distinctive || true) }))).filter((x) => x.mark).length;
      const first = g.bodies[0];
      const opens = !!first.label && (opensSeries(first.label) || groups.some((o) => o !== g && o.bodies.some((b) => b.opener.form === first.opener.form && b.label && follows(b.label, first.label) && firstLine(b) < firstLine(first))));
      ok = g.endsSection && n >= 2 && inOrder >= Math.max(2, 0.7 * n) && opens;
      why = `${inOrder} of ${n} labels referred to in order before the list, which ${g.endsSection ? "closes" : "does not close"} its section${opens ? "" : ` and opens at ${first.label?.text} with no list before it`}`;
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
    const singles = [];
    g.bodies.forEach((b, k) => {
      const raised = g.zone === "foot" && ["space", "alone", "dot", "super"].includes(b.opener.form) && cands[k].some((m) => !m.distinctive);
      const distinctive = raised ? [] : cands[k].filter((m) => m.distinctive && !used.has(m));
      const stars = cands[k].filter((m) => m.form === "sym" && !used.has(m));
      if (distinctive.length) {
        for (const m of distinctive) used.add(m);
        links.push({ body: b, marks: distinctive });
      } else if (stars.length && g.zone === "foot") {
        for (const m of stars) used.add(m);
        links.push({ body: b, marks: stars });
      } else singles.push({ body: b, cands: cands[k].filter((m) => !m.distinctive) });
    });
    for (const { body, mark } of chain(singles)) {
      if (mark) used.add(mark);
      links.push({ body, marks: mark ? [mark] : [] });
    }
  }
  function readCandidates(g) {
    const [from] = pageRange(st, g.bodies[0].page);
    const all = [];
    for (let i = from; i < firstLine(g.bodies[0]); i++) for (const m of idx.byLine[i]) if (!m.distinctive && !m.atStart && free(m) && (m.form !== "glued" || m.label.value <= 9)) all.push(m);
    return g.bodies.map(() => all);
  }
  const accepted = decisions.filter((d) => d.accepted).map((d) => d.group);
  const relabelled = [];
  for (const group of accepted) {
    if (group.zone !== "foot") continue;
    const orphans = links.filter((l) => l.body.group === group.id && !l.marks.length);
    if (!orphans.length) continue;
    const [from] = pageRange(st, group.bodies[0].page);
    const spare = [];
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
function chain(items) {
  const all = [];
  items.forEach((it, i) => {
    for (const m of it.cands) all.push({ item: i, m, key: markKey(m) });
  });
  if (!all.length) return items.map((it) => ({ body: it.body }));
  const keys = [...new Set(all.map((a) => a.key))].sort((a, b) => a - b);
  const rank = new Map(keys.map((k, i) => [k, i + 1]));
  const size = keys.length;
  const tree = new Float64Array(size + 1);
  const arg = new Int32Array(size + 1).fill(-1);
  const query = (i) => {
    let best = 0;
    let at = -1;
    for (; i > 0; i -= i & -i) if (tree[i] > best) [best, at] = [tree[i], arg[i]];
    return [best, at];
  };
  const update = (i, v, a) => {
    for (; i <= size; i += i & -i) if (v > tree[i]) [tree[i], arg[i]] = [v, a];
  };
  const score = new Float64Array(all.length);
  const back = new Int32Array(all.length).fill(-1);
  const byItem = items.map(() => []);
  all.forEach((a, i) => byItem[a.item].push(i));
  for (let it = 0; it < items.length; it++) {
    const mine = byItem[it];
    const res = mine.map((i) => {
      const [best, at] = query(rank.get(all[i].key) - 1);
      const same = items[it].body.label?.text === all[i].m.label.text ? 15 : 0;
      const w = 1e3 + same + (all[i].m.doubtful ? -20 : all[i].m.weak ? 0 : 10) + rank.get(all[i].key) / (size + 1);
      return { i, v: best + w, at };
    });
    for (const r of res) {
      score[r.i] = r.v;
      back[r.i] = r.at;
      update(rank.get(all[r.i].key), r.v, r.i);
    }
  }
  let end = -1;
  let top = 0;
  score.forEach((v, i) => {
    if (v > top) [top, end] = [v, i];
  });
  const pick = /* @__PURE__ */ new Map();
  for (let i = end; i >= 0; i = back[i]) pick.set(all[i].item, all[i].m);
  return items.map((it, i) => ({ body: it.body, mark: pick.get(i) }));
}

// src/normalize/passes/notes.ts
function notes(s) {
  const st = streamOf(s.items, s.mode === "lines");
  const claimed = /* @__PURE__ */ new Set();
  const idx = new MarkIndex(st);
  const blocks = findBlocks(st, claimed);
  const inBlocks = new Set(claimed);
  const feet = findFeet(st, claimed, (label, from, to) => idx.find(label, from, to, (l) => inBlocks.has(l)).some((m) => !m.atStart) || idx.findSplit(st, label, from, to).length > 0);
  const readClaims = new Set(claimed);
  let read = findReadFeet(st, readClaims);
  if (read.length < 2 || read.length < feet.length) read = [];
  else for (const l of readClaims) claimed.add(l);
  const lists = findLists(st, claimed);
  familiesOfUnlabelledLists(lists, idx);
  const worded = (b) => b.pieces.some((p) => /[\p{L}\p{N}]/u.test(p.text));
  const groups = [...blocks, ...feet, ...read, ...lists].map((g) => ({ ...g, bodies: g.bodies.filter(worded) })).filter((g) => g.bodies.length);
  const { decisions, links, relabelled } = assign(st, groups, idx);
  for (const { body, mark } of relabelled) s.doubts.push({ kind: "note-relabelled", lines: body.lines.slice(0, 1).map((l) => st.lines[l].no), message: `reference [${mark.label.text}] matched to the page\u2019s body labelled [${body.label?.text}] (the page has as many references as bodies)` });
  const L = st.lines;
  for (const d of decisions) {
    if (d.accepted || d.group.strong || !d.support) continue;
    const first = d.group.bodies[0];
    s.doubts.push({ kind: "notes-rejected", lines: [L[first.lines[0]].no], message: `${d.group.bodies.length} possible note bodies (\u201C${(first.pieces[0]?.text ?? "").trim().slice(0, 40)}\u2026\u201D) left in the text: ${d.why}` });
  }
  const why = new Map(decisions.map((d) => [d.group.id, d.why]));
  const accepted = new Set(decisions.filter((d) => d.accepted).map((d) => d.group.id));
  const edits = /* @__PURE__ */ new Map();
  const addEdit = (m, token) => {
    const list = edits.get(m.line);
    if (list) list.push({ m, token });
    else edits.set(m.line, [{ m, token }]);
  };
  const bodies = [];
  const linkedForms = /* @__PURE__ */ new Set();
  links.forEach(({ body, marks }, id) => {
    const lines2 = body.lines.map((l) => L[l].no);
    bodies.push({ label: body.label?.text ?? String(id + 1), text: "", lines: lines2, page: body.zone === "foot" ? body.page : -1, after: lines2[0], id, zone: body.zone, marks: marks.length });
    for (const m of marks) {
      addEdit(m, noteToken(id));
      linkedForms.add(m.form);
    }
  });
  const taken = /* @__PURE__ */ new Set();
  for (const { body } of links) for (const l of body.lines) taken.add(l);
  for (const { body } of links) if (body.tail) taken.delete(body.tail.line);
  const linkedMark = new Set([...edits.values()].flat().map((e) => e.m));
  for (let i = 0; i < L.length; i++) {
    if (taken.has(i)) continue;
    for (const m of idx.byLine[i]) {
      if (linkedMark.has(m) || m.atStart || m.label.kind !== "num" || !linkedForms.has(m.form) || !m.distinctive) continue;
      missing(s, m, L[i].no, L[i].text, addEdit, bodies);
    }
  }
  if (!links.length) {
    const seq = [];
    for (let i = 0; i < L.length; i++) for (const m of idx.byLine[i]) if ((m.form === "glued" || m.form === "bracket" || m.form === "super") && !m.doubtful && m.label.kind === "num" && m.label.value === seq.length + 1) seq.push(m);
    if (seq.length >= 3) for (const m of seq) missing(s, m, L[m.line].no, L[m.line].text, addEdit, bodies);
  }
  const openers2 = links.map(({ body }) => {
    const p = body.pieces[0];
    return p?.line !== void 0 ? L[p.line].text.slice(0, p.from ?? 0).trim() : "";
  });
  applyEdits(st, edits, links.map((x) => x.body));
  links.forEach(({ body, marks }, id) => {
    const b = bodies[id];
    b.text = bodyText(s, body);
    s.changes.push({ kind: "move-note-body", lines: b.lines, from: openers2[id] || (body.label?.text ?? ""), why: `${zoneName(body)}: ${why.get(body.group)}` });
    if (!marks.length) s.doubts.push({ kind: "body-without-ref", lines: b.lines, message: `note body \u201C${b.label}\u201D (\u201C${b.text.slice(0, 60)}\u2026\u201D) has no reference in the text: kept, and referred to from the end of the paragraph before it` });
  });
  for (const g of groups) {
    if (!accepted.has(g.id) || g.heading === void 0) continue;
    taken.add(g.heading);
    s.changes.push({ kind: "remove-notes-heading", lines: [L[g.heading].no], from: L[g.heading].text.trim() });
  }
  for (const l of L) s.items[l.item].text = l.text;
  for (const { body } of links) if (body.tail) s.items[L[body.tail.line].item].text = body.tail.text;
  const drop = new Set([...taken].map((l) => L[l].item));
  s.bodies = bodies;
  s.items = s.items.filter((_, i) => !drop.has(i));
}
function applyEdits(st, edits, bodies) {
  const piecesOf = /* @__PURE__ */ new Map();
  for (const b of bodies) for (const p of b.pieces) {
    if (p.line === void 0 || !edits.has(p.line)) continue;
    const list = piecesOf.get(p.line) ?? [];
    list.push({ text: p.text, from: p.from ?? 0, set: (t2) => p.text = t2 });
    piecesOf.set(p.line, list);
  }
  const rewrite = (text, list, from, to) => {
    let out = text;
    for (const { m, token } of [...list].sort((a, b) => b.m.start - a.m.start)) {
      if (m.start < from || m.end > to) continue;
      const wordAfter = /^[\p{L}\p{N}]/u.test(out.slice(m.end - from)) && /^\s/.test(out.slice(m.start - from));
      const after = m.form === "displaced" || m.form === "spaced" && m.end < out.length || wordAfter ? " " : "";
      out = out.slice(0, m.start - from) + token + after + out.slice(m.end - from);
    }
    return out;
  };
  for (const [line, list] of edits) {
    const l = st.lines[line];
    for (const p of piecesOf.get(line) ?? []) p.set(rewrite(p.text, list, p.from, p.from + p.text.length));
    l.text = rewrite(l.text, list, 0, l.text.length);
  }
}
function familiesOfUnlabelledLists(lists, idx) {
  const unlabelled = lists.filter((g) => g.strong && g.bodies.every((b) => !b.opener.label));
  if (unlabelled.length < 2) return;
  const top = /* @__PURE__ */ new Map();
  for (const ms of idx.byLine) for (const m of ms) if (m.form === "bracket" && m.label.kind === "num") top.set(m.label.family, Math.max(top.get(m.label.family) ?? 0, m.label.value));
  if (top.size < 2) return;
  const free = new Set(top.keys());
  for (const g of [...unlabelled].sort((a, b) => a.bodies.length - b.bodies.length)) {
    let best;
    for (const f2 of free) if (best === void 0 || Math.abs(top.get(f2) - g.bodies.length) < Math.abs(top.get(best) - g.bodies.length)) best = f2;
    if (best === void 0) break;
    free.delete(best);
    g.bodies.forEach((b, k) => b.label = nthLabel(k + 1, best));
  }
}
function zoneName(b) {
  return b.zone === "foot" ? "footnote at the foot of a page" : b.zone === "block" ? "footnote block" : "notes list or a note after its paragraph";
}
function missing(s, m, no, line, addEdit, bodies) {
  const context = line.slice(Math.max(0, m.start - 30), m.end + 10).replace(/\s+/g, " ");
  const supplied = s.sidecar.notes?.[m.label.text];
  const policy = s.sidecar.missing_notes ?? "drop";
  if (supplied !== void 0 || policy === "placeholder") {
    const id = bodies.length;
    const text = supplied ?? `The source refers to note ${m.label.text} here, but its text is not in the source.`;
    bodies.push({ label: m.label.text, text, lines: [], page: -1, after: no, id, zone: "missing", marks: 1 });
    addEdit(m, noteToken(id));
    if (supplied !== void 0) s.changes.push({ kind: "note-from-sidecar", lines: [no], from: m.label.text, why: "the source has no body for this reference; the sidecar gives its text" });
    else s.doubts.push({ kind: "ref-without-body", lines: [no], message: `reference ${m.label.text} (\u201C\u2026${context}\u2026\u201D) has no body: a placeholder note stands in` });
    return;
  }
  addEdit(m, DROPPED_REF);
  s.changes.push({ kind: "remove-ref-without-body", lines: [no], from: m.label.text, why: `no body for note ${m.label.text} in the source: the marker is removed (policy \u201Cdrop\u201D)` });
  s.doubts.push({ kind: "ref-without-body", lines: [no], message: `reference ${m.label.text} (\u201C\u2026${context}\u2026\u201D) has no body: marker removed` });
}
function bodyText(s, b) {
  const paras = [];
  let cur = "";
  let prevNo = 0;
  for (const p of b.pieces) {
    if (p.para) {
      if (cur.trim()) paras.push(cur.trim());
      cur = "";
      continue;
    }
    cur = cur ? joinLine(s, cur, p.text, [prevNo, p.no]) : p.text.trim();
    prevNo = p.no;
  }
  if (cur.trim()) paras.push(cur.trim());
  return paras.map((t2) => stripBacklink(t2).replace(/\s*(?:↑|\^)\s*$/u, "").replace(/\*$/, "").trim()).filter(Boolean).join("\n\n");
}

// src/normalize/passes/unwrap.ts
var TERMINAL = /[.!?:;”"’)\]…*]$/;
var endOf = (t2) => t2.replace(/(?:\uE000\d+\uE001|\uE004)+\s*$/, "").trimEnd();
var ends = (t2) => TERMINAL.test(endOf(t2));
var continues = (a, b) => (endsOpen(a) || !ends(a)) && /^[\p{Ll}]/u.test(b.trimStart());
var startsUpper = (t2) => /^\s*[\p{Lu}\p{N}“"‘([]/u.test(t2);
var OPENS_BLOCK = /^\s*(?:[•·▪◦‣●○■□–—-]\s|\(?[a-z]\)\s|\(?\d{1,3}[.)]\s|\d{1,2}(?:\.\d{1,2})+\.?\s+\p{Lu}|[IVXLC]{1,6}\.\s)/u;
var indentOf2 = (t2) => /^[ \u00a0]*/.exec(t2)[0].length;
function unwrap(s) {
  const { mode, measure } = s;
  const layout = s.layout ?? false;
  const blocks = [];
  let cur;
  let last;
  let page = 0;
  let breakSince = false;
  let blankSince = false;
  let pendingMark = s.startLabel;
  if (mode !== "lines") numberedLines(s);
  const items = s.items;
  const codeLines = mode === "trailing-space" ? /* @__PURE__ */ new Set() : codeChunks(s.items, measure);
  const margin = layout ? pageMargins(items, measure) : /* @__PURE__ */ new Map();
  const close = () => {
    cur = void 0;
  };
  const open = (it, kind = "para") => {
    const text = kind === "code" ? it.text.replace(/\s+$/, "") : it.text.replace(/^[ \u00a0]+/, "").replace(/[ \u00a0\u2002\u2003]+$/, "");
    cur = { kind, text, lines: [it.no], widths: [it.text.trim().length], page, region: it.region };
    if (kind === "code") cur.indent = indentOf2(it.text);
    if (pendingMark !== void 0) cur.pageMarks = [{ label: pendingMark, at: 0, letters: 0 }];
    pendingMark = void 0;
    blocks.push(cur);
  };
  const append = (it) => {
    const b = cur;
    const at = b.text.length;
    const before2 = pendingMark === void 0 ? 0 : countLetters(b.text);
    if (b.kind === "code") b.text += `
${it.text.replace(/\s+$/, "")}`;
    else b.text = joinLine(s, b.text + (/ $/.test(last?.text ?? "") ? " " : ""), it.text, [last.no, it.no]);
    if (pendingMark !== void 0) (b.pageMarks ??= []).push({ label: pendingMark, at: Math.min(at + 1, b.text.length), letters: before2 });
    pendingMark = void 0;
    b.lines.push(it.no);
    b.widths.push(it.text.trim().length);
    if (b.kind === "code") b.indent = Math.min(b.indent ?? 0, indentOf2(it.text));
  };
  const goesOn = (t2) => {
    if (endsOpen(t2)) return true;
    return / $/.test(t2) && t2.trim().length >= 0.6 * measure;
  };
  const rejoin = (it) => {
    const prev = blocks[blocks.length - 1];
    if (cur || !(breakSince || blankSince) || !prev || prev.kind !== "para" || prev.region !== it.region || !continues(prev.text, it.text)) return false;
    if (!breakSince && mode === "lines") return false;
    cur = prev;
    s.changes.push({ kind: breakSince ? "join-across-page" : "join-across-blank", lines: [prev.lines[prev.lines.length - 1], it.no], why: "the paragraph stops mid-sentence and goes on in lower case" });
    append(it);
    return true;
  };
  const startsNew = (prev, it) => {
    if (prev.region !== it.region) return true;
    if (it.region === "nowrap") return true;
    const p = prev.text.trim();
    const n = it.text.trim();
    if (endsOpen(p)) return false;
    if (OPENS_BLOCK.test(n)) return true;
    const short = p.length < 0.8 * measure;
    if (layout) {
      const base = margin.get(page) ?? 0;
      const rel = indentOf2(it.text) - base;
      const prevRel = indentOf2(prev.text) - base;
      if (rel >= 2 && rel <= 12 && rel > prevRel && (ends(p) || short) && startsUpper(n)) return true;
    }
    if (short && ends(p) && startsUpper(n)) return true;
    if (p.length < 0.6 * measure && !/[,;:\-–—]$/.test(endOf(p)) && !ends(p) && startsUpper(n) && /^\p{Lu}/u.test(n) && headingish(p)) return true;
    return false;
  };
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    if (it.kind === "page") {
      page++;
      breakSince = true;
      pendingMark = it.label ?? "";
      if (mode !== "trailing-space" || !last || !goesOn(last.text) || cur?.kind === "code") close();
      continue;
    }
    if (it.kind === "blank") {
      if (mode !== "trailing-space" || !last || !goesOn(last.text) || cur?.kind === "code") {
        close();
        blankSince = true;
      }
      continue;
    }
    if (it.itemLabel !== void 0) {
      if (cur?.kind === "code") close();
      open(it, "item");
      cur.label = it.itemLabel;
    } else if (it.region === "contents") {
      if (cur?.kind === "code") close();
      open(it, "item");
      cur.label = "";
      close();
    } else if (codeLines.has(k)) {
      if (cur?.kind === "code" && !breakSince && !blankSince) append(it);
      else if (cur?.kind === "code" && breakSince && !blankSince) append(it);
      else open(it, "code");
    } else if (mode === "lines") {
      if (cur?.kind === "code") close();
      if (!rejoin(it)) open(it);
      close();
    } else if (mode === "trailing-space") {
      if (cur && last && goesOn(last.text)) {
        if (breakSince || cur.lines[cur.lines.length - 1] !== it.no - 1) s.changes.push({ kind: breakSince ? "join-across-page" : "join-across-blank", lines: [last.no, it.no], why: "the line before ends in a soft wrap" });
        append(it);
      } else open(it);
    } else {
      if (cur?.kind === "code") close();
      if (!rejoin(it)) {
        if (cur && last && !startsNew(last, it)) append(it);
        else open(it, it.region === "quote" ? "quote" : "para");
      }
    }
    last = it;
    breakSince = false;
    blankSince = false;
  }
  s.blocks = blocks;
}
var BARE = /^\s*(\d{1,3})\s*$/;
function numberedLines(s) {
  const items = s.items;
  const drop = /* @__PURE__ */ new Set();
  const next = (k) => {
    let j = k + 1;
    while (j < items.length && items[j].kind === "blank") j++;
    return j;
  };
  let expect;
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    if (it.kind !== "text") continue;
    const m = BARE.exec(it.text);
    if (!m) {
      continue;
    }
    let j = k;
    let n = Number(m[1]);
    const run2 = [k];
    for (let x = next(k); x < items.length && items[x].kind === "text"; x = next(x)) {
      const mx = BARE.exec(items[x].text);
      if (!mx || Number(mx[1]) !== n + 1) break;
      n++;
      run2.push(x);
      j = x;
    }
    if (run2.length >= 2) {
      for (const x of run2) drop.add(x);
      s.changes.push({ kind: "remove-line-numbers", lines: run2.map((x) => items[x].no), from: `${m[1]}\u2013${n}`, why: "the line numbers of a listing, set apart by the extraction" });
      k = j;
      expect = void 0;
      continue;
    }
    const v = Number(m[1]);
    const t2 = next(k);
    const target = items[t2];
    if (target?.kind === "text" && isCodeLine(target.text)) {
      drop.add(k);
      s.changes.push({ kind: "remove-line-numbers", lines: [it.no], from: m[1], why: "the line number of a listing, set apart by the extraction" });
      continue;
    }
    const title = target?.kind === "text" ? target.text.trim() : "";
    if (title && v <= 60 && /^\p{Lu}/u.test(title) && title.length <= 60 && title.split(/\s+/).length <= 8 && !/[.,;:!?]$/.test(title)) {
      target.text = `${m[1]} ${title}`;
      drop.add(k);
      s.changes.push({ kind: "join-section-number", lines: [it.no, target.no], to: `${m[1]} ${title}` });
      continue;
    }
    if (target?.kind === "text" && !BARE.test(target.text) && (v <= 1 || v === expect)) {
      target.itemLabel = m[1];
      drop.add(k);
      expect = v + 1;
    }
  }
  if (drop.size) s.items = items.filter((_, i) => !drop.has(i));
}
function headingish(t2) {
  const words2 = t2.split(/\s+/).filter(Boolean);
  if (words2.length > 10 || /[.!?]\s/.test(t2)) return false;
  if (/^\d{1,2}(?:\.\d{1,2})*\.?\s+\p{Lu}/u.test(t2) || /^(chapter|part|section|appendix)\b/i.test(t2)) return true;
  const big2 = words2.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length;
  return big2 / words2.length >= 0.6;
}
function pageMargins(items, measure) {
  const out = /* @__PURE__ */ new Map();
  let page = 0;
  let counts = /* @__PURE__ */ new Map();
  const flush = () => {
    const best = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    if (best) out.set(page, best[0]);
    counts = /* @__PURE__ */ new Map();
  };
  for (const it of items) {
    if (it.kind === "page") {
      flush();
      page++;
    } else if (it.kind === "text" && it.text.trim().length >= 0.7 * measure) {
      const n = indentOf2(it.text);
      counts.set(n, (counts.get(n) ?? 0) + 1);
    }
  }
  flush();
  return out;
}
function codeChunks(items, measure) {
  const out = /* @__PURE__ */ new Set();
  let run2 = [];
  const flush = () => {
    if (run2.length) {
      const lines2 = run2.map((k) => items[k].text);
      if (looksLikeCode(lines2, measure)) for (const k of run2) out.add(k);
    }
    run2 = [];
  };
  items.forEach((it, k) => {
    if (it.kind === "text" && !it.region && !/[\uE000\uE004]/.test(it.text)) run2.push(k);
    else if (it.kind !== "page") flush();
  });
  flush();
  void isCodeLine;
  return out;
}

// src/normalize/passes/numbering.ts
function numbering(s) {
  const referred = /* @__PURE__ */ new Set();
  const scan = (t2) => {
    for (const m of t2.matchAll(NOTE_TOKEN_RE)) referred.add(Number(m[1]));
  };
  for (const b of s.blocks) scan(b.text);
  for (const n of s.bodies) scan(n.text);
  for (const body of s.bodies) {
    if (referred.has(body.id) || !s.blocks.length) continue;
    const at = lastBlockBefore(s.blocks, body.after);
    s.blocks[at].text = s.blocks[at].text.replace(/\s*$/, "") + noteToken(body.id);
    referred.add(body.id);
  }
  const number = /* @__PURE__ */ new Map();
  const notes2 = [];
  const visit = (t2) => {
    for (const m of t2.matchAll(NOTE_TOKEN_RE)) {
      const id = Number(m[1]);
      if (number.has(id) || !s.bodies[id]) continue;
      const body = s.bodies[id];
      number.set(id, notes2.length + 1);
      notes2.push({ id: notes2.length + 1, text: body.text, lines: body.lines, label: body.label });
    }
  };
  for (const b of s.blocks) visit(b.text);
  for (let k = 0; k < notes2.length; k++) visit(s.bodies.find((x) => number.get(x.id) === notes2[k].id).text);
  const renumber = (t2) => t2.replace(NOTE_TOKEN_RE, (_m, id) => noteToken(number.get(Number(id)) ?? 0));
  for (const b of s.blocks) b.text = renumber(b.text);
  for (const n of notes2) n.text = renumber(n.text);
  for (const n of notes2) {
    const body = s.bodies.find((x) => number.get(x.id) === n.id);
    if (body?.lines.length) s.changes.push({ kind: "link-note", lines: body.lines.slice(0, 1), from: body.label, to: String(n.id) });
  }
  s.notes = notes2;
}
function lastBlockBefore(blocks, line) {
  let at = -1;
  blocks.forEach((b, i) => {
    if (b.lines[0] < line && b.kind !== "code") at = i;
  });
  return at >= 0 ? at : Math.max(0, blocks.findIndex((b) => b.kind !== "code"));
}

// src/normalize/carrynotes.ts
function carryNotes(s, blocks, gone) {
  blocks.forEach((b, i) => {
    if (!gone.has(b)) return;
    const tokens = b.text.match(NOTE_TOKEN_RE);
    if (!tokens) return;
    const next = blocks.slice(i + 1).find((x) => !gone.has(x) && x.kind !== "code");
    const prev = [...blocks.slice(0, i)].reverse().find((x) => !gone.has(x) && x.kind !== "code");
    const to = next ?? prev;
    if (!to) return;
    to.text = next ? `${tokens.join("")}${to.text}` : `${to.text}${tokens.join("")}`;
    s.changes.push({ kind: "carry-note", lines: [...b.lines, ...to.lines.slice(0, 1)], why: `the note reference of a block that left the text (now front matter or removed), kept at the ${next ? "start of the next" : "end of the last"} block` });
  });
}

// src/normalize/passes/meta.ts
var MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
var BYLINE = /^by\s+([\p{Lu}][\p{L}.'’\- ]{1,60})$/iu;
var POSTED = new RegExp(`^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?(\\d{1,2}\\s+${MONTH}\\s+\\d{4}|${MONTH}\\s+\\d{1,2},?\\s+\\d{4}),?\\s+by\\s+(.{2,60})$`, "i");
var DATELINE = /^(?:(?:revised|written|originally written|first published|published|delivered|translated|transcribed)\b[^.]{0,80}\b\d{4}\b[^.]{0,40})$/i;
var FROM_WORK = /^from\s+(.{3,100}?)\s*\((\d{4})\)\.?$/i;
function meta(s) {
  const m = s.meta;
  const blocks = s.blocks;
  const gone = /* @__PURE__ */ new Set();
  const take = (b, key, value2) => {
    gone.add(b);
    s.changes.push({ kind: "move-to-front-matter", lines: b.lines, from: bare(b.text), to: `${key}: ${value2}` });
  };
  const head = [];
  for (const b of blocks) {
    if (words(b.text) > 22 || b.kind === "code") break;
    head.push(b);
    if (head.length >= 8) break;
  }
  const sideAuthor = s.sidecar.meta.author;
  const bylines = head.filter((b) => BYLINE.test(bare(b.text)));
  for (const b of head) {
    const t2 = bare(b.text).replace(/\s+/g, " ");
    let x;
    if (bylines.length <= 1 && (x = BYLINE.exec(t2))) {
      m.author ??= x[1].trim();
      take(b, "author", x[1].trim());
    } else if (x = POSTED.exec(t2)) {
      m.web_posted = x[1];
      m.web_posted_by = x[2].trim();
      take(b, "web_posted", t2);
    } else if (DATELINE.test(t2)) {
      m.date_line = t2;
      const years = t2.match(/\b\d{4}\b/g) ?? [];
      m.date ??= years.map(Number).sort().pop()?.toString();
      take(b, "date_line", t2);
    } else if (x = FROM_WORK.exec(t2)) {
      m.original_publication = `${x[1].trim()} (${x[2]})`;
      m.date ??= x[2];
      take(b, "original_publication", m.original_publication);
    } else if (sideAuthor && words(t2) <= 6 && loose(t2) === loose(sideAuthor)) {
      m.author ??= t2;
      take(b, "author", t2);
    }
  }
  const first = blocks.find((b) => !gone.has(b) && b.kind !== "code");
  if (first) {
    const t2 = bare(first.text);
    const sideTitle = s.sidecar.meta.title;
    const looksTitle = words(t2) <= 20 && !/[.,;:]$/.test(t2) && !GENERIC_HEADINGS.test(t2) && !CHAPTER_LABEL.test(t2) && first.lines.length <= 2;
    if (sideTitle && loose(t2) === loose(sideTitle) || looksTitle && blocks.indexOf(first) <= 2 && !/\uE001/.test(first.text)) {
      m.title ??= t2;
      take(first, "title", t2);
    }
  }
  carryNotes(s, blocks, gone);
  s.blocks = blocks.filter((b) => !gone.has(b));
  for (const [k, v] of Object.entries(s.sidecar.meta)) {
    if (v === void 0 || v === null) continue;
    if (m[k] !== void 0 && String(m[k]) !== String(v))
      s.changes.push({ kind: "sidecar-corrects", lines: [], from: `${k}: ${String(m[k])}`, to: `${k}: ${String(v)}` });
    m[k] = v;
  }
  m.language ??= "en";
}

// src/normalize/passes/structure.ts
var RUN_IN = /^(\d{1,2})\)\s+/;
function headingLike(b, wrapped, byNext = false) {
  const t2 = bare(b.text);
  if (!t2 || b.lines.length > 2 || t2.length > 90 || words(t2) > 12) return false;
  if (/[.,;:](?:\\?\[\d{1,4}\\?\])*$/.test(t2) && !CHAPTER_LABEL.test(t2)) return false;
  if (/[?!]$/.test(t2) && wrapped) return false;
  if (/\?$/.test(t2) && titleCaseShare(t2) < 0.75 && !byNext) return false;
  if (!/^[\p{Lu}\p{N}“"‘'«]/u.test(t2)) return false;
  if (LIST_LABEL.test(t2) || RUN_IN.test(t2)) return false;
  if (/^(dedicated to|to the memory of|in memory of)\b/i.test(t2)) return false;
  if (wrapped && !GENERIC_HEADINGS.test(t2) && !CHAPTER_LABEL.test(t2) && titleCaseShare(t2) < 0.75) return false;
  return true;
}
var closesQuote = (t2) => /[”"»][\s.,;:!?]*(\([^()]*\))?[\s.]*$/.test(bare(t2).replace(/[)\].]+$/, (m) => m));
function structure(s) {
  const wrapped = s.mode !== "lines";
  const B = s.blocks;
  const drop = /* @__PURE__ */ new Set();
  for (let i = 0; i < B.length; i++) {
    if (B[i].kind !== "para") continue;
    const t2 = bare(B[i].text);
    if (CHAPTER_LABEL.test(t2)) {
      B[i].kind = "heading";
      B[i].level = 2;
      const next = B[i + 1];
      if (next && headingLike(next, false) && !CHAPTER_LABEL.test(bare(next.text))) {
        B[i].text = `${B[i].text.trim().replace(/\.((?:\uE000\d+\uE001)*)$/, "$1")}. ${next.text}`;
        B[i].lines.push(...next.lines);
        drop.add(next);
        s.changes.push({ kind: "join-chapter-title", lines: B[i].lines, to: B[i].text });
        i++;
      }
    } else if (GENERIC_HEADINGS.test(t2) && B[i].lines.length === 1) {
      B[i].kind = "heading";
      B[i].level = 2;
    }
  }
  for (let i = 1; i < B.length; i++) {
    if (B[i].kind === "heading" && B[i - 1].kind === "heading" && loose(B[i].text) === loose(B[i - 1].text) && !drop.has(B[i - 1])) {
      drop.add(B[i]);
      s.changes.push({ kind: "remove-duplicate-heading", lines: B[i].lines, from: bare(B[i].text) });
    }
  }
  const runIns = B.filter((b) => RUN_IN.test(b.text) && words(b.text) > 50);
  const runInLevel = B.some((b) => b.kind === "heading" && b.level === 2) ? 3 : 2;
  for (let i = 0; i < B.length; i++) {
    const b = B[i];
    if (drop.has(b) || b.kind !== "para") continue;
    const t2 = b.text;
    const lab = LIST_LABEL.exec(t2);
    if (runIns.includes(b)) {
      const neighbourItem = [B[i - 1], B[i + 1]].some((n) => n && RUN_IN.test(n.text) && words(n.text) <= 50);
      if (!neighbourItem && splitRunIn(s, B, i, runInLevel)) continue;
    }
    if (lab) {
      b.kind = "item";
      b.label = lab[1].replace(/\s+/g, "");
      b.text = t2.slice(lab[0].length).replace(/^[\s\u202f\u00a0]+/, "");
      if (b.label !== lab[1]) s.changes.push({ kind: "list-label", lines: b.lines, from: lab[1], to: b.label });
    }
  }
  const hasChapters = B.some((b) => b.kind === "heading" && b.level === 2);
  const live = () => B.filter((b) => !drop.has(b));
  const isByline = (b) => !!b && /^[Bb]y\s+\p{Lu}/u.test(bare(b.text));
  const candidate = (b, next) => b.kind === "para" && headingLike(b, wrapped, isByline(next));
  const removeCaption = (b, why) => {
    drop.add(b);
    s.changes.push({ kind: "remove-caption", lines: b.lines, from: bare(b.text), why });
    s.doubts.push({ kind: "caption", lines: b.lines, message: `\u201C${bare(b.text)}\u201D removed as the caption of an image that is not there` });
  };
  let L = live();
  if (!wrapped && s.meta.title && L[0]?.kind === "para" && L[1] && !/\uE001/.test(L[0].text) && words(L[0].text) <= 12 && /\.$/.test(bare(L[0].text)) && L[0].lines.length === 1 && words(L[1].text) > 20)
    removeCaption(L[0], "a one-sentence line between the title and the text");
  L = live();
  for (let i = 0; i < L.length; i++) {
    const b = L[i];
    const next = L[i + 1];
    if (!next || !candidate(b, next)) continue;
    if (next.kind === "para" && words(next.text) > 12) {
      const prev = L[i - 1];
      if (!wrapped && prev?.kind === "heading" && words(b.text) <= 8) removeCaption(b, "a short line under a heading, before the text");
      else b.kind = "heading";
    } else if (!wrapped && candidate(next, L[i + 2]) && L[i + 2] && words(L[i + 2].text) > 12 && words(next.text) <= 8) {
      b.kind = "heading";
      removeCaption(next, "a short line under a heading, before the text");
      i++;
    } else if (isByline(next)) b.kind = "heading";
    if (b.kind === "heading") b.level ??= hasChapters ? 3 : 2;
  }
  for (let i = 1; i < B.length; i++) {
    if (B[i].kind === "para" && /^[Bb]y\s+\p{Lu}/u.test(bare(B[i].text)) && words(B[i].text) <= 40 && B[i - 1].kind === "heading") {
      B[i].kind = "byline";
      B[i - 1].level = 2;
      for (let j = i + 1; j < B.length && !(B[j].kind === "heading" && B[j + 1]?.kind === "byline"); j++) if (B[j].kind === "heading") B[j].level = 3;
    }
  }
  carryNotes(s, B, drop);
  s.blocks = B.filter((b) => !drop.has(b));
  quotes(s);
}
function splitRunIn(s, B, i, level) {
  const b = B[i];
  const m = /^(\d{1,2}\)\s+.{8,200}?[.?!](?:\uE000\d+\uE001)?)\s+(?=[\p{Lu}“"])/u.exec(b.text);
  if (!m || words(m[1]) > 25) return false;
  const rest = b.text.slice(m[0].length);
  const head = { ...b, kind: "heading", level, text: m[1].replace(/\.$/, ""), pageMarks: void 0 };
  b.text = rest;
  b.pageMarks = b.pageMarks?.map((p) => ({ ...p, at: Math.max(0, p.at - m[0].length), letters: Math.max(0, p.letters - countLetters(m[0])) }));
  B.splice(i, 0, head);
  s.changes.push({ kind: "split-run-in-heading", lines: b.lines.slice(0, 1), to: head.text, why: "a numbered section opening: the labels run in sequence and open long paragraphs" });
  return true;
}
function quotes(s) {
  const B = s.blocks;
  const paras = B.filter((b) => b.kind === "para");
  if (s.mode !== "lines" && s.measure > 0) {
    const limit = narrowLimit(s.measure);
    for (const b of paras) {
      const inner = b.widths.slice(0, -1);
      if (inner.length >= 2 && Math.max(...inner) <= limit) b.kind = "quote";
      else if (inner.length === 1 && inner[0] <= limit && OPEN_QUOTE.test(b.text)) {
        b.kind = "quote";
        s.doubts.push({ kind: "quotation", lines: b.lines, message: `two-line paragraph set as a quotation (narrow first line, opens with a quote mark): \u201C${bare(b.text).slice(0, 60)}\u2026\u201D` });
      }
    }
    return;
  }
  for (let i = 0; i < B.length; i++) {
    const b = B[i];
    if (b.kind !== "para" || !OPEN_QUOTE.test(b.text) || words(b.text) < 20) continue;
    if (closesQuote(b.text) && !/[”"]\s*[,]?\s+[\p{Ll}]/u.test(bare(b.text).slice(-80))) {
      b.kind = "quote";
      continue;
    }
    let j = i;
    while (j + 1 < B.length && B[j + 1].kind === "para" && OPEN_QUOTE.test(B[j + 1].text) && !closesQuote(B[j].text)) j++;
    if (j > i && closesQuote(B[j].text)) for (let k = i; k <= j; k++) B[k].kind = "quote";
  }
  const introduced = (p) => !!p && p.kind === "para" && /(:|\bthat,?)$/.test(bare(p.text));
  const colonQuotes = [];
  const marked = B.filter((b) => b.kind === "quote").length;
  for (let i = 1; i < B.length; i++) {
    const b = B[i];
    if (b.kind !== "para" || !introduced(B[i - 1]) || OPEN_QUOTE.test(b.text) || words(b.text) < 15) continue;
    const run2 = [b];
    colonQuotes.push(run2);
    for (let j = i + 1; j < B.length && run2.length < 5 && !endsWithNote(run2[run2.length - 1].text); j++) {
      if (B[j].kind !== "para" || introduced(B[j]) || /:\s*[“"]/.test(B[j].text)) break;
      run2.push(B[j]);
    }
  }
  const cited = colonQuotes.filter((r) => endsWithNote(r[r.length - 1].text)).length;
  const citesQuotes = cited >= Math.max(2, colonQuotes.length * 0.6);
  if (!citesQuotes && marked >= 2) return;
  for (const run2 of colonQuotes) {
    const last = run2[run2.length - 1];
    const body = citesQuotes && endsWithNote(last.text) ? run2 : run2.slice(0, 1);
    for (const b of body) b.kind = "quote";
    const lead = bare(B[B.indexOf(run2[0]) - 1].text).slice(-40);
    const sure = citesQuotes ? endsWithNote(last.text) : false;
    s.doubts.push({ kind: "quotation", lines: body.flatMap((b) => b.lines), message: `${body.length} paragraph(s) set as a quotation after \u201C\u2026${lead}\u201D${sure ? " (it ends with a citation note)" : " \u2014 no quote marks or citation: check"}` });
  }
}
function narrowLimit(measure) {
  return Math.floor(measure * 0.88);
}

// src/normalize/passes/errata.ts
function errata(s) {
  for (const e of s.sidecar.errata ?? []) {
    let hits = 0;
    for (const b of s.blocks) {
      if (!b.text.includes(e.from)) continue;
      b.text = b.text.split(e.from).join(e.to);
      hits++;
      s.changes.push({ kind: "erratum", lines: b.lines, from: e.from, to: e.to, why: "listed in the sidecar" });
    }
    if (!hits) s.doubts.push({ kind: "erratum-unused", lines: [], message: `erratum \u201C${e.from}\u201D was not found in the text` });
  }
}

// src/normalize/passes/emphasis.ts
var SPACED = /(?<![\p{L}])((?:[\p{L}] ){3,}[\p{L}])(?![\p{L}])/gu;
var MAYBE_SPACED = / \S \S \S /;
function emphasis(s) {
  const known = (w) => (s.lexicon.get(w.toLowerCase()) ?? 0) > 0 || englishWords().has(w.toLowerCase());
  const fix = (text, lines2) => {
    let out = !MAYBE_SPACED.test(text) ? text : text.replace(SPACED, (m, spaced) => {
      const word = spaced.replace(/ /g, "");
      if (word.length < 4 || !known(word)) return m;
      s.changes.push({ kind: "emphasis-letterspaced", lines: lines2, from: spaced, to: `*${word}*` });
      return `\uE002${word}\uE003`;
    });
    if (out.includes("<")) {
      out = out.replace(/<(i|b|em|strong|g|u)>([\s\S]*?)<\/\1>/gi, (_m, tag, inner) => {
        s.changes.push({ kind: "emphasis-tag", lines: lines2, from: `<${tag}></${tag}>`, to: "*" });
        return inner.trim() ? `\uE002${inner}\uE003` : inner;
      });
      out = out.replace(/<\/?sc>/gi, (m) => {
        s.changes.push({ kind: "small-capitals-tag", lines: lines2, from: m });
        return "";
      });
    }
    if (out.includes("_")) out = out.replace(/(?<![\p{L}\p{N}_])_([^_\n]{1,200}?)_(?![\p{L}\p{N}_])/gu, (_m, inner) => {
      s.changes.push({ kind: "emphasis-underscore", lines: lines2, from: `_${inner}_`, to: `*${inner}*` });
      return `\uE002${inner}\uE003`;
    });
    return out;
  };
  for (const b of s.blocks) if (b.kind !== "code") b.text = fix(b.text, b.lines);
  for (const n of s.notes) n.text = fix(n.text, n.lines);
}

// src/normalize/passes/typography.ts
var has = (...cs) => (t2) => cs.some((c) => t2.includes(c));
var RULES = [
  ["spaces", /[\u00a0\u2002-\u200a\u202f\u205f\t]/g, " ", (t2) => /[\u00a0\u2002-\u200a\u202f\u205f\t]/.test(t2)],
  ["ellipsis", /\s*(?:\. ?){2}\.(?! ?\.)/g, (m) => /^\s/.test(m) ? " \u2026" : "\u2026", has("..", ". .")],
  ["ellipsis", /\.\.\.(?!\.)/g, "\u2026", has("...")],
  ["space before punctuation", /(?<=[\p{L}\p{N}\uE001”’)]) +(?=[,;:!?](?:\s|$))/gu, "", has(" ,", " ;", " :", " !", " ?")],
  ["space before punctuation", /(?<=[\p{L}\p{N}\uE001”’)]) +(?=\.(?:\s|$))(?<!… )/gu, "", has(" .")],
  ["dash", /\s*--+\s*/g, "\u2014", has("--")],
  ["dash", /\s*―\s*/g, "\u2014", has("\u2015")],
  ["dash", /\s+—\s*|\s*—\s+/g, "\u2014", has(" \u2014", "\u2014 ")],
  // A spaced en dash is a dash, except between numbers, where it is a range.
  ["dash", /(?<!\d)\s+–\s+|\s+–\s+(?!\d)/g, "\u2014", has(" \u2013 ")],
  ["double quotes", /(^|[\s([{—–\u2018\uE002])"/g, "$1\u201C", has('"')],
  ["double quotes", /"/g, "\u201D", has('"')],
  ["single quotes", /(?<=[\p{L}\p{N}])'(?=[\p{L}])/gu, "\u2019", has("'")],
  ["single quotes", /(^|[\s([{—–“\uE002])'(?=[\p{L}\p{N}\u2026])/gu, "$1\u2018", has("'")],
  ["single quotes", /'/g, "\u2019", has("'")],
  ["no-break space", /\b(p|pp|vol|Vol|No|no|ch|chap|Ch|Art|art|t|§)\. (?=[\dIVXLC]+\b)/g, "$1.\xA0", has(". ")],
  ["spaces", / {2,}/g, " ", has("  ")],
  ["spaces", / (?=\uE004(?:\s|$))|(?<=\uE004) (?= )/g, "", has("\uE004")]
];
function typographyOf(text, applied) {
  let t2 = text;
  for (const [name, re, to, when] of RULES) {
    if (when && !when(t2)) continue;
    const next = t2.replace(re, to);
    if (next !== t2) applied?.add(name);
    t2 = next;
  }
  return t2.trim();
}
function typography(s) {
  for (const b of s.blocks) {
    if (b.kind === "code") continue;
    const applied = /* @__PURE__ */ new Set();
    b.text = typographyOf(b.text, applied);
    if (applied.size) s.changes.push({ kind: "typography", lines: b.lines, why: [...applied].join(", ") });
  }
  for (const n of s.notes) n.text = n.text.split("\n\n").map((p) => typographyOf(p)).join("\n\n");
  for (const k of ["title", "subtitle", "author", "original_publication", "date_line"]) {
    const v = s.meta[k];
    if (typeof v === "string") s.meta[k] = typographyOf(v);
  }
}

// src/normalize/passes/pagemarks.ts
function pagemarks(s) {
  const present = new Set(s.blocks.flatMap((b) => (b.pageMarks ?? []).map((m) => m.label)));
  const breaks = s.items.filter((x) => x.kind === "page");
  const wanted = [{ label: s.startLabel, no: 0 }, ...breaks.map((b) => ({ label: b.label, no: b.no }))];
  for (const w of wanted) {
    if (!w.label || present.has(w.label)) continue;
    const b = s.blocks.find((x) => x.lines.some((no) => no > w.no));
    if (!b) continue;
    (b.pageMarks ??= []).unshift({ label: w.label, at: 0, letters: 0 });
    present.add(w.label);
    s.changes.push({ kind: "page-number-moved", lines: [w.no || b.lines[0]], why: `p. ${w.label} began in text that became metadata; it is marked where the text goes on` });
  }
}
var isSpace = (c) => /\s/.test(c);
function markPosition(text, letters2) {
  if (letters2 <= 0) return 0;
  let n = 0;
  let p = text.length;
  for (let i = 0; i < text.length; i++) {
    if (!isLetterCode(text.charCodeAt(i))) continue;
    if (n === letters2) {
      p = i;
      break;
    }
    n++;
  }
  const letterAt = (i) => i >= 0 && i < text.length && isLetterCode(text.charCodeAt(i));
  if (p < text.length && letterAt(p - 1)) {
    while (letterAt(p) || /['’-]/.test(text[p] ?? "") && letterAt(p + 1)) p++;
    return p;
  }
  while (p > 0 && !isSpace(text[p - 1]) && !letterAt(p - 1)) p--;
  return p;
}
function placeMarks(text, marks) {
  const at = marks.map((m) => ({ label: m.label, p: markPosition(text, m.letters) })).sort((a, b) => b.p - a.p);
  let out = text;
  for (const m of at) out = `${out.slice(0, m.p)}${PAGE_OPEN}${m.label}${PAGE_CLOSE}${out.slice(m.p)}`;
  return out;
}

// src/normalize/emit.ts
import { stringify } from "yaml";
function escapeInline(t2) {
  return t2.replace(/\\/g, "\\\\").replace(/([*_`[\]<>])/g, "\\$1").replace(/&(?=#?\w+;)/g, "\\&").replace(/\uE002/g, "*").replace(/\uE003/g, "*").replace(/\uE004/g, "").replace(NOTE_TOKEN_RE, (_m, id) => `[^${id}]`).replace(PAGE_TOKEN_RE, (_m, label) => `<!--page ${label.replace(/[^\p{L}\p{N} .]/gu, "")}-->`);
}
function escapeStart(t2) {
  return t2.replace(/^(#{1,6}(?=\s)|[+\-=](?=\s)|>)/, "\\$1").replace(/^(\d{1,9})([.)])(?=\s|$)/, "$1\\$2");
}
function codeMd(b) {
  const cut = b.indent ?? 0;
  const lines2 = b.text.split("\n").map((l) => l.slice(Math.min(cut, /^ */.exec(l)[0].length)).replace(/[\uE000-\uE006]/g, ""));
  const fence = lines2.some((l) => l.startsWith("```")) ? "~~~" : "```";
  return `${fence}
${lines2.join("\n")}
${fence}`;
}
function blockMd(b) {
  if (b.kind === "code") return codeMd(b);
  const text = escapeInline(b.pageMarks?.length ? placeMarks(b.text, b.pageMarks) : b.text);
  switch (b.kind) {
    case "heading":
      return `${"#".repeat(b.level ?? 2)} ${text}`;
    case "quote":
      return `> ${escapeStart(text)}`;
    case "item":
      return b.label ? `- ${escapeInline(b.label).replace(/^(\d+)([.)])/, "$1\\$2")} ${text}`.replace(/ +$/, "") : `- ${escapeStart(text)}`;
    case "byline":
      return `*${text}*`;
    default:
      return escapeStart(text);
  }
}
var FRONT_ORDER = ["title", "subtitle", "author", "date", "original_publication", "language", "source", "rights", "publisher", "description"];
function frontMatter(m) {
  const ordered = {};
  for (const k of FRONT_ORDER) if (m[k] !== void 0) ordered[k] = m[k];
  for (const [k, v] of Object.entries(m)) if (!(k in ordered) && v !== void 0) ordered[k] = v;
  return `---
${stringify(ordered, { lineWidth: 0 }).trimEnd()}
---
`;
}
function emit(s) {
  const out = [frontMatter(s.meta)];
  if (s.meta.title) out.push(`# ${escapeInline(String(s.meta.title))}`);
  let prevItem = false;
  const parts = [];
  for (const b of s.blocks) {
    const md = blockMd(b);
    if (b.kind === "item" && prevItem) parts[parts.length - 1] += `
${md}`;
    else parts.push(md);
    prevItem = b.kind === "item";
  }
  out.push(...parts);
  if (s.notes.length) out.push(s.notes.map((n) => `[^${n.id}]: ${n.text.split("\n\n").map((p) => escapeStart(escapeInline(p))).join("\n\n    ")}`).join("\n"));
  return `${out[0]}
${out.slice(1).join("\n\n")}
`;
}

// src/normalize/chain.ts
var PASSES = [
  ["pages", pages],
  // page markers, folios, running heads, form feeds → page breaks
  ["transcription", transcription],
  // a transcriber's marks: quotations, no-wrap blocks, queries, page-break hyphens
  ["cruft", cruft],
  // e-text licences, comment forms, share links
  ["carrier", carrier],
  // how the text was carried: wrapped or not, its measure, a page layout
  ["chrome", chrome],
  // a browser copy's site header, navigation and footer
  ["contents", contents],
  // the source's own table of contents
  ["notes", notes],
  // footnotes: bodies and marks found together, marks linked, bodies out of the stream
  ["unwrap", unwrap],
  // lines → paragraphs, dehyphenated
  ["inline-pages", inlinePages],
  // page markers inside the text: [Pg 12]
  ["numbering", numbering],
  // notes numbered in reading order
  ["meta", meta],
  // title, byline, dates → front matter; sidecar adds and corrects
  ["structure", structure],
  // headings, lists, quotations, captions
  ["errata", errata],
  // the sidecar's known typos
  ["emphasis", emphasis],
  // letter-spacing and _underscores_ → emphasis
  ["typography", typography],
  // quotes, dashes, ellipses, spaces
  ["pagemarks", pagemarks]
  // every original page number kept, where its page begins
];

// ../../tmp/ana/passes.mts
var f = process.argv[2] ?? "/work/main/sources/stalin-foundations-of-leninism.txt";
var t = readFileSync2(f, "utf8");
var reps = Number(process.argv[3] ?? 10);
var big = Array.from({ length: reps }, () => t).join("\n\n");
var run = (text, log) => {
  const s = { raw: [], items: [], blocks: [], bodies: [], notes: [], meta: {}, sidecar: { meta: {} }, mode: "lines", measure: 0, lexicon: /* @__PURE__ */ new Map(), changes: [], doubts: [], pageLabels: [] };
  let t0 = performance.now();
  lines(s, text);
  const times = [["lines", performance.now() - t0]];
  for (const [name, fn] of PASSES) {
    t0 = performance.now();
    fn(s);
    times.push([name, performance.now() - t0]);
  }
  t0 = performance.now();
  emit(s);
  times.push(["emit", performance.now() - t0]);
  if (log) {
    let tot = 0;
    for (const [n, ms] of times) {
      tot += ms;
      console.log(n.padEnd(14), ms.toFixed(1));
    }
    console.log("total", tot.toFixed(0), "ms", (text.length / 1e6 / (tot / 1e3)).toFixed(1), "MB/s");
  }
};
run(t, false);
run(big, true);
