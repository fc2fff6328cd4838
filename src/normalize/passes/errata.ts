import type { NormState } from '../types.ts';

/** The sidecar's list of known typos, each corrected where it occurs and reported. */
export function errata(s: NormState): void {
  for (const e of s.sidecar.errata ?? []) {
    let hits = 0;
    for (const b of s.blocks) {
      if (!b.text.includes(e.from)) continue;
      b.text = b.text.split(e.from).join(e.to);
      hits++;
      s.changes.push({ kind: 'erratum', lines: b.lines, from: e.from, to: e.to, why: 'listed in the sidecar' });
    }
    if (!hits) s.doubts.push({ kind: 'erratum-unused', lines: [], message: `erratum “${e.from}” was not found in the text` });
  }
}
