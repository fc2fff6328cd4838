// A face's metrics as TeX keeps them in a TFM file: each character's glyph and advance, the
// kern of each pair, and which pairs are not simple (a ligature, a mark, a displaced glyph).
// Read from the font through fontkit on demand — a character and a pair once each — so a
// word of plain pairs is measured and set by adding numbers instead of shaping it afresh
// (fontkit's layout costs the same for "ab" as for a word, and a book has ~1,000 distinct
// pairs against ~8,000 distinct words and hyphenation prefixes). A word with any pair that is
// not simple is shaped whole by fontkit, as before. The result is the run fontkit gives for
// the whole word, glyph for glyph, in pdfkit's units (a test holds the two equal over a book).

/** A glyph as fontkit gives it (what the writer needs of one). */
export interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

/** A glyph's place, in pdfkit's 1000-unit em. */
export interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

/** A shaped run: glyphs and their positions, as pdfkit's font.layout returns it. */
export interface Shaped {
  glyphs: Glyph[];
  positions: Position[];
}

/** What this module reads of fontkit's parsed OpenType layout tables (GSUB, GPOS). */
interface LayoutTable {
  featureList: { tag: string; feature: { lookupListIndexes: number[] } }[];
  lookupList: Listish<{ lookupType: number; subTables: Listish<SubTable> }>;
}
// biome-ignore lint/suspicious/noExplicitAny: the subtables' fields vary by lookup type and format
type SubTable = Record<string, any>;
type Listish<T> = T[] | { toArray(): T[] };

interface FontkitRun {
  glyphs: Glyph[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
  script: string;
}

/** What this module uses of pdfkit's embedded font (not in pdfkit's published types). */
export interface EmbeddedFont {
  scale: number;
  font: { layout(text: string, features?: undefined, script?: string): FontkitRun; GSUB?: LayoutTable; GPOS?: LayoutTable };
  layout(text: string): Shaped;
}

const same = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Whether a run shows, from glyph `g`, the pair's two glyphs as they are alone: the same glyphs, for the same characters, nothing displaced. */
function plainPair(run: FontkitRun, g: number, sa: Single, sb: Single): boolean {
  const [x, y] = [run.glyphs[g], run.glyphs[g + 1]];
  const [p, q] = [run.positions[g], run.positions[g + 1]];
  return (
    x?.id === sa.glyph.id &&
    y?.id === sb.glyph.id &&
    same(x.codePoints, sa.glyph.codePoints) &&
    same(y.codePoints, sb.glyph.codePoints) &&
    !p.xOffset && !p.yOffset && !p.yAdvance &&
    !q.xOffset && !q.yOffset && !q.yAdvance
  );
}

/** A character as set alone: its glyph, unscaled advance. */
interface Single {
  glyph: Glyph;
  advance: number;
}

// Characters of no script of their own: a word takes its script from its first other character.
const NEUTRAL = /[\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;
// Scripts fontkit shapes with its default shaper (no reordering, no joining forms), by its tags.
const DEFAULT_SHAPED = new Set(['latn', 'grek', 'cyrl', 'zyyy', 'zzzz']);
// The features that shaper applies without being asked (fontkit's common, horizontal and
// left-to-right features; the fraction features only around a fraction slash, which is left to fontkit).
const GSUB_DEFAULT = new Set(['rvrn', 'ccmp', 'locl', 'rlig', 'calt', 'clig', 'liga', 'rclt', 'ltra', 'ltrm']);
const GPOS_DEFAULT = new Set(['mark', 'mkmk', 'curs', 'kern', 'ltra', 'ltrm']);

const list = <T>(x: Listish<T> | null | undefined): T[] => (!x ? [] : Array.isArray(x) ? x : x.toArray());

/** A coverage table's glyphs, in coverage order. */
function covered(c: SubTable): number[] {
  if (c.version === 1) return list<number>(c.glyphs);
  return list<{ start: number; end: number }>(c.rangeRecords).flatMap((r) => Array.from({ length: r.end - r.start + 1 }, (_, i) => r.start + i));
}

/** The glyphs a contextual subtable's longest rule spans (backtrack, input and lookahead), 0 for others. */
function contextSpan(type: 'context' | 'chain' | 'reverse', st: SubTable): number {
  const rules = (sets: unknown) => list<Listish<SubTable> | null>(sets as Listish<Listish<SubTable> | null>).flatMap((set) => list(set));
  if (type === 'reverse') return st.backtrackGlyphCount + 1 + st.lookaheadGlyphCount;
  if (type === 'context') {
    if (st.version === 3) return st.glyphCount;
    return Math.max(0, ...rules(st.version === 1 ? st.ruleSets : st.classSet).map((r) => r.glyphCount));
  }
  const span = (r: SubTable) => r.backtrackGlyphCount + r.inputGlyphCount + r.lookaheadGlyphCount;
  if (st.version === 3) return span(st);
  return Math.max(0, ...rules(st.version === 1 ? st.chainRuleSets : st.chainClassSet).map(span));
}

/**
 * What pairs cannot tell of a face's default shaping: its ligatures of three glyphs or more
 * (by first glyph), and whether any contextual rule looks beyond a pair (then no word is
 * measured from pairs).
 */
function longRules(font: EmbeddedFont['font']): { ligatures: Map<number, number[][]>; pairwise: boolean; batchable: boolean } {
  const ligatures = new Map<number, number[][]>();
  let pairwise = true;
  // Pairs may be shaped many to a run, a space between, when nothing positions a glyph by the one
  // before it: no contextual positioning and no pair kerning that moves the second glyph.
  let batchable = true;
  const scan = (table: LayoutTable | undefined, defaults: Set<string>, kinds: Record<number, 'context' | 'chain' | 'reverse' | 'ligature'>, extension: number) => {
    if (!table) return;
    const lookups = list(table.lookupList);
    const used = new Set(table.featureList.filter((f) => defaults.has(f.tag)).flatMap((f) => f.feature.lookupListIndexes));
    for (const i of used) {
      for (let st of list(lookups[i].subTables)) {
        let type = lookups[i].lookupType;
        if (type === extension) {
          type = st.lookupType;
          st = st.extension;
        }
        const kind = kinds[type];
        if (kind === 'ligature') {
          const first = covered(st.coverage);
          list<Listish<SubTable>>(st.ligatureSets).forEach((set, k) => {
            for (const lig of list(set)) {
              if (lig.components.length < 2) continue;
              const seq = [first[k], ...list<number>(lig.components)];
              ligatures.set(seq[0], [...(ligatures.get(seq[0]) ?? []), seq]);
            }
          });
        } else if (kind && contextSpan(kind, st) > 2) pairwise = false;
        if (table === font.GPOS && (kind || (type === 2 && st.valueFormat2 && Object.values(st.valueFormat2).some(Boolean)))) batchable = false;
      }
    }
  };
  scan(font.GSUB, GSUB_DEFAULT, { 4: 'ligature', 5: 'context', 6: 'chain', 8: 'reverse' }, 7);
  scan(font.GPOS, GPOS_DEFAULT, { 7: 'context', 8: 'chain' }, 9);
  return { ligatures, pairwise, batchable };
}

export class FaceMetrics {
  private singles = new Map<string, Single | null>();
  private kerns = new Map<string, number | null>();
  private scripts = new Map<string, string>();
  private rules?: ReturnType<typeof longRules>;
  private runs = new Map<string, Shaped>();

  constructor(private font: EmbeddedFont) {}

  /** The text shaped as pdfkit's font.layout shapes it (a word whole, as fontkit does). */
  shape(text: string): Shaped {
    let run = this.runs.get(text);
    if (!run) this.runs.set(text, (run = this.shapeAnew(text)));
    return run;
  }

  private shapeAnew(text: string): Shaped {
    // pdfkit shapes word by word; a fraction slash calls up fontkit's fraction features
    if (/[ \t\u2044]/.test(text)) return this.font.layout(text);
    this.rules ??= longRules(this.font.font);
    const chars = Array.from(text);
    const script = this.scriptOf(chars);
    if (!this.rules.pairwise || !DEFAULT_SHAPED.has(script)) return this.font.layout(text);
    const singles: Single[] = [];
    for (const c of chars) {
      const s = this.single(c, script);
      if (!s) return this.font.layout(text);
      singles.push(s);
    }
    if (this.ligated(singles)) return this.font.layout(text);
    const advances: number[] = [];
    for (let i = 0; i + 1 < chars.length; i++) {
      const k = this.kern(chars[i], chars[i + 1], script, singles[i], singles[i + 1]);
      if (k === null) return this.font.layout(text);
      advances.push(k);
    }
    if (singles.length) advances.push(singles[singles.length - 1].advance);
    const scale = this.font.scale;
    return {
      glyphs: singles.map((s) => s.glyph),
      positions: singles.map((s, i) => ({ xAdvance: advances[i] * scale, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: s.glyph.advanceWidth * scale })),
    };
  }

  /**
   * Learns the pairs of a text's words in one fontkit run per script (fontkit's cost is mostly
   * per glyph run, not per glyph): each pair then a space, read back where the run shows the
   * two glyphs as they are alone; a pair the run does not show plainly is shaped alone later.
   */
  learn(text: string): void {
    this.rules ??= longRules(this.font.font);
    if (!this.rules.pairwise || !this.rules.batchable) return;
    const byScript = new Map<string, Map<string, [Single, Single]>>();
    for (const word of new Set(text.split(/[\s\u2044]+/))) {
      const chars = Array.from(word);
      if (chars.length < 2) continue;
      const script = this.scriptOf(chars);
      if (!DEFAULT_SHAPED.has(script)) continue;
      let pairs = byScript.get(script);
      if (!pairs) byScript.set(script, (pairs = new Map()));
      for (let i = 0; i + 1 < chars.length; i++) {
        const pair = chars[i] + chars[i + 1];
        if (pairs.has(pair) || this.kerns.has(`${script}|${pair}`)) continue;
        const a = this.single(chars[i], script);
        const b = this.single(chars[i + 1], script);
        if (a && b) pairs.set(pair, [a, b]);
      }
    }
    for (const [script, pairs] of byScript) {
      if (!pairs.size) continue;
      const keys = [...pairs.keys()];
      const run = this.font.font.layout(keys.join(' '), undefined, script);
      const { glyphs, positions } = run;
      let g = 0;
      for (const pair of keys) {
        const [sa, sb] = pairs.get(pair)!;
        if (plainPair(run, g, sa, sb)) {
          this.kerns.set(`${script}|${pair}`, positions[g].xAdvance);
          g += 2;
        }
        // past the space that closes this pair (a pair not shown plainly is left to kern())
        while (g < glyphs.length && !glyphs[g].codePoints.includes(32)) g++;
        g++;
      }
    }
  }

  /** Whether one of the face's long ligatures occurs in the run of glyphs. */
  private ligated(singles: Single[]): boolean {
    const ligs = this.rules!.ligatures;
    if (!ligs.size) return false;
    return singles.some((s, i) => ligs.get(s.glyph.id)?.some((seq) => seq.every((g, k) => singles[i + k]?.glyph.id === g)));
  }

  /** fontkit's script for a string: that of its first character with a script of its own. */
  private scriptOf(chars: string[]): string {
    const c = chars.find((ch) => !NEUTRAL.test(ch)) ?? '';
    let tag = this.scripts.get(c);
    if (tag === undefined) {
      tag = this.font.font.layout(c || '0').script;
      this.scripts.set(c, tag);
    }
    return tag;
  }

  /** A character alone: one glyph for one code point, nothing displaced — or null. */
  private single(c: string, script: string): Single | null {
    const key = `${script}|${c}`;
    let s = this.singles.get(key);
    if (s === undefined) {
      const run = this.font.font.layout(c, undefined, script);
      const p = run.positions[0];
      s = run.glyphs.length === 1 && run.glyphs[0].codePoints.length === 1 && !p.xOffset && !p.yOffset && !p.yAdvance ? { glyph: run.glyphs[0], advance: p.xAdvance } : null;
      this.singles.set(key, s);
    }
    return s;
  }

  /** The first glyph's advance beside the second (its kern included) — or null when the pair is not two plain glyphs. */
  private kern(a: string, b: string, script: string, sa: Single, sb: Single): number | null {
    const key = `${script}|${a}${b}`;
    let k = this.kerns.get(key);
    if (k === undefined) {
      const run = this.font.font.layout(a + b, undefined, script);
      // (alone, the second glyph's advance must be its own too: nothing moved it for the first)
      k = run.glyphs.length === 2 && plainPair(run, 0, sa, sb) && run.positions[1].xAdvance === sb.advance ? run.positions[0].xAdvance : null;
      this.kerns.set(key, k);
    }
    return k;
  }
}
