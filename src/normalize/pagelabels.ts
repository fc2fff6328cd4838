// Original page numbers for every page of a paged source, from the few it states.
// A transcription may mark every page (`page 39`); a PDF extraction may keep a folio on
// only a handful. Between the stated numbers the pages are counted, and a page that opens
// a chapter is taken to be a recto (odd), as books set them: a number is skipped for the
// blank verso before it when the count says so. Where the count and a stated number
// disagree, the stated number wins and the disagreement is reported.

export interface PageEvidence {
  /** The number the source states for this page, if any. */
  label?: string;
  /** The page's first line opens a chapter (a recto in a printed book). */
  opens: boolean;
}

export interface PageNumbering {
  labels: (string | undefined)[];
  /** Pages whose number was counted, not stated. */
  inferred: number;
  /** Disagreements between the count and a stated number. */
  conflicts: { page: number; counted: number; stated: number }[];
  /** Counted pages before the first or after the last stated number: nothing checks them. */
  unchecked: number;
}

const arabic = (l?: string) => (l && /^\d{1,4}\b/.test(l.trim()) ? Number(/^\d+/.exec(l.trim())![0]) : undefined);

/** Page 0 is the text's start; page k begins at the k-th page break. */
export function numberPages(pages: PageEvidence[]): PageNumbering {
  const stated = pages.map((p) => arabic(p.label));
  const anchors = stated.flatMap((n, i) => (n === undefined ? [] : [i]));
  const labels: (string | undefined)[] = pages.map((p) => p.label);
  const out: PageNumbering = { labels, inferred: 0, conflicts: [], unchecked: 0 };
  // One stated number is too little to count from.
  if (anchors.length < 2) return out;
  const n: (number | undefined)[] = [...stated];
  // Forward from the first stated number.
  for (let i = anchors[0] + 1; i < pages.length; i++) {
    let c = n[i - 1]! + 1;
    if (pages[i].opens && c % 2 === 0) c++;
    if (stated[i] !== undefined) {
      if (stated[i] !== c) out.conflicts.push({ page: i, counted: c, stated: stated[i]! });
      continue;
    }
    n[i] = c;
  }
  // Backward from it: an opening page counted even means a blank verso came after the
  // previous chapter, so the pages from here to the next opening move down one.
  let nextOpening = pages[anchors[0]].opens ? anchors[0] : -1;
  for (let i = anchors[0] - 1; i >= 0; i--) {
    n[i] = n[i + 1]! - 1;
    if (pages[i].opens && n[i]! % 2 === 0 && nextOpening > i) {
      for (let j = i; j < nextOpening; j++) n[j] = n[j]! - 1;
    }
    if (pages[i].opens) nextOpening = i;
  }
  n.forEach((v, i) => {
    if (labels[i] === undefined && v !== undefined && v > 0) {
      labels[i] = String(v);
      out.inferred++;
      if (i < anchors[0] || i > anchors[anchors.length - 1]) out.unchecked++;
    }
  });
  return out;
}
