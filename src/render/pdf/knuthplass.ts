// Total-fit line breaking (Knuth & Plass, "Breaking paragraphs into lines", 1981), as in
// TeX's part "Breaking paragraphs into lines": boxes, glue and penalties in; the break
// points that minimise the paragraph's total demerits out. Pure: no fonts, no drawing.

export type Item<T = unknown> =
  | { type: 'box'; width: number; data?: T }
  | { type: 'glue'; width: number; stretch: number; shrink: number }
  | { type: 'penalty'; width: number; penalty: number; flagged: boolean };

export const INFINITY = 10000;

export interface Break {
  /** Index of the item where the line ends (a glue or a penalty). */
  at: number;
  /** The adjustment ratio of the line that ends here: >0 stretched, <0 shrunk. */
  ratio: number;
}

export interface Options {
  /** Widths of successive lines; the last one repeats. */
  lineWidths: number[];
  /** Badness above which a line is not considered (TeX's \tolerance). */
  tolerance: number;
  linePenalty?: number;
  flaggedDemerits?: number;
  fitnessDemerits?: number;
  /** Added for a third hyphenated line in a row (a "ladder"); TeX has no such rule, typesetters do. */
  ladderDemerits?: number;
}

interface Node {
  at: number;
  line: number;
  fitness: number;
  width: number;
  stretch: number;
  shrink: number;
  demerits: number;
  ratio: number;
  /** How many lines in a row, up to this break, end at a hyphen or dash (0, 1, 2: two or more). */
  run: number;
  prev: Node | null;
}

const fitnessOf = (r: number) => (r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3);

/** The breaks, or null when no set of lines fits within the tolerance. */
export function breakLines<T>(items: Item<T>[], o: Options): Break[] | null {
  const linePenalty = o.linePenalty ?? 10;
  const flagged = o.flaggedDemerits ?? 10000; // TeX's \doublehyphendemerits
  const fitnessD = o.fitnessDemerits ?? 100;
  const ladder = o.ladderDemerits ?? 50000;
  const widthOf = (line: number) => o.lineWidths[Math.min(line, o.lineWidths.length - 1)];

  // Running sums up to each item, so a line's natural width is a subtraction.
  let sumW = 0;
  let sumY = 0;
  let sumZ = 0;
  let active: Node[] = [{ at: 0, line: 0, fitness: 1, width: 0, stretch: 0, shrink: 0, demerits: 0, ratio: 0, run: 0, prev: null }];

  const ratioFor = (a: Node, _i: number, extra: number) => {
    const natural = sumW - a.width + extra;
    const target = widthOf(a.line);
    if (natural < target) {
      const y = sumY - a.stretch;
      return y > 0 ? (target - natural) / y : INFINITY;
    }
    if (natural > target) {
      const z = sumZ - a.shrink;
      return z > 0 ? (target - natural) / z : -INFINITY;
    }
    return 0;
  };

  // The sums "after" a break: glue and discardable penalties after it are dropped.
  const afterBreak = (i: number) => {
    let w = sumW;
    let y = sumY;
    let z = sumZ;
    for (let k = i; k < items.length; k++) {
      const it = items[k];
      if (it.type === 'box') break;
      if (it.type === 'penalty' && it.penalty === -INFINITY && k > i) break;
      if (it.type === 'glue') {
        w += it.width;
        y += it.stretch;
        z += it.shrink;
      }
    }
    return { w, y, z };
  };

  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    const feasible = it.type === 'penalty' ? it.penalty < INFINITY : it.type === 'glue' && i > 0 && items[i - 1].type === 'box';
    if (feasible) {
      const pen = it.type === 'penalty' ? it.penalty : 0;
      const extra = it.type === 'penalty' ? it.width : 0;
      const isFlagged = it.type === 'penalty' && it.flagged;
      // The best break here for each fitness class and hyphen run: both shape what may follow.
      const candidates: (Node | undefined)[] = new Array(12);
      const keep: Node[] = [];
      for (const a of active) {
        const r = ratioFor(a, i, extra);
        if (r >= -1) {
          const badness = r === INFINITY ? INFINITY : 100 * Math.abs(r) ** 3;
          // A line with nothing to stretch is only acceptable where the paragraph must end.
          if ((badness <= o.tolerance && r !== INFINITY) || (r === INFINITY && pen === -INFINITY)) {
            let d = (linePenalty + Math.min(badness, INFINITY)) ** 2;
            if (pen >= 0) d += pen * pen;
            else if (pen > -INFINITY) d -= pen * pen;
            const prevItem = items[a.at];
            if (isFlagged && a.at > 0 && prevItem?.type === 'penalty' && prevItem.flagged) d += flagged;
            const run = isFlagged && pen !== -INFINITY ? Math.min(2, a.run + 1) : 0;
            if (isFlagged && a.run >= 2 && pen !== -INFINITY) d += ladder;
            const ratio = r === INFINITY ? 0 : r;
            const f = fitnessOf(ratio);
            if (Math.abs(f - a.fitness) > 1) d += fitnessD;
            d += a.demerits;
            const k = f * 3 + run;
            const c = candidates[k];
            if (!c || d < c.demerits) candidates[k] = { at: i, line: a.line + 1, fitness: f, width: 0, stretch: 0, shrink: 0, demerits: d, ratio, run, prev: a };
          }
          // Still active unless the paragraph is forced to end here.
          if (pen !== -INFINITY) keep.push(a);
        }
        // r < -1: the line from a is already too long and only grows: a is deactivated.
      }
      active = keep;
      const best = candidates.filter((c): c is Node => !!c);
      if (best.length) {
        // The next line starts after the break, without the glue and penalties that follow it.
        const after = afterBreak(i);
        for (const c of best) {
          c.width = after.w;
          c.stretch = after.y;
          c.shrink = after.z;
          active.push(c);
        }
      }
      if (!active.length) return null;
    }
    if (it.type === 'box') sumW += it.width;
    else if (it.type === 'glue') {
      sumW += it.width;
      sumY += it.stretch;
      sumZ += it.shrink;
    }
  }
  const last = active.filter((a) => a.at === items.length - 1);
  if (!last.length) return null;
  let node: Node | null = last.reduce((m, a) => (a.demerits < m.demerits ? a : m));
  const out: Break[] = [];
  while (node?.prev) {
    out.unshift({ at: node.at, ratio: node.ratio });
    node = node.prev;
  }
  return out;
}
