// The candidate marks of the whole stream, looked up by label and place.
import type { Label } from './labels.ts';
import { marksOf, type Mark } from './marks.ts';
import type { Stream } from './stream.ts';

export interface PlacedMark extends Mark {
  /** Index of its line in the stream. */
  line: number;
  page: number;
  /** It opens its line: a body's label, unless the line is running text that begins with a mark. */
  atStart: boolean;
}

export class MarkIndex {
  readonly byLine: PlacedMark[][];
  private readonly byLabel = new Map<string, PlacedMark[]>();

  constructor(st: Stream) {
    this.byLine = st.lines.map((l, i) => {
      const lead = /^[ \u00a0\t]*/.exec(l.text)![0].length;
      return marksOf(l.text).map((m) => ({ ...m, line: i, page: l.page, atStart: m.start <= lead }));
    });
    for (const ms of this.byLine) for (const m of ms) {
      const list = this.byLabel.get(m.label.text);
      if (list) list.push(m);
      else this.byLabel.set(m.label.text, [m]);
    }
  }

  /** Marks with this label on lines [from, to), in order, leaving out lines `skip` says are not running text. */
  find(label: Label, from: number, to: number, skip?: (line: number) => boolean): PlacedMark[] {
    const list = this.byLabel.get(label.text);
    if (!list || to <= from) return [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].line < from) lo = mid + 1;
      else hi = mid;
    }
    const out: PlacedMark[] = [];
    for (let k = lo; k < list.length && list[k].line < to; k++) if (!skip?.(list[k].line)) out.push(list[k]);
    return out;
  }
}

/** Stream order of a mark: its line, then its offset. */
export const markKey = (m: PlacedMark): number => m.line * 1_000_000 + m.start;
