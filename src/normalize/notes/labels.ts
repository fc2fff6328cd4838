// Note labels as sources print them — 12, 35a, A, *, †, "n 3" — and how they run in series.

export type LabelKind = 'num' | 'alpha' | 'sym' | 'numalpha';

export interface Label {
  /** The label as printed (for a group label, with its group: "n 3"). */
  text: string;
  kind: LabelKind;
  /** Its place in its series: 1 for 1, A, a, * and †-first. */
  value: number;
  /** A note group of its own (Wikipedia's "n", "note", "lower-alpha"), '' for the main series. */
  family: string;
}

const SYMBOLS = '*†‡§‖¶';

/** Reads a label, or nothing when the text is not one. Numbers of any length are labels. */
export function parseLabel(raw: string): Label | undefined {
  // TeX's \thanks star comes out of a PDF as U+2217 (∗): the same label as *
  const t = raw.trim().replace(/\u2217/g, '*');
  let m: RegExpExecArray | null;
  if (/^\d{1,6}$/.test(t)) return { text: String(Number(t)), kind: 'num', value: Number(t), family: '' };
  if (/^[A-Za-z]$/.test(t)) return { text: t, kind: 'alpha', value: t.toLowerCase().charCodeAt(0) - 96, family: t === t.toUpperCase() ? 'A' : 'a' };
  if ((m = /^(\d{1,5})([a-z])$/.exec(t))) return { text: t, kind: 'numalpha', value: Number(m[1]) * 26 + m[2].charCodeAt(0) - 96, family: '' };
  if (/^\*{1,4}$/.test(t)) return { text: t, kind: 'sym', value: t.length, family: '' };
  if (t.length === 1 && SYMBOLS.includes(t)) return { text: t, kind: 'sym', value: SYMBOLS.indexOf(t) + 1, family: '' };
  if ((m = /^([a-z]{1,12})[ \u00a0](\d{1,5})$/.exec(t))) return { text: `${m[1]} ${Number(m[2])}`, kind: 'num', value: Number(m[2]), family: m[1] };
  return undefined;
}

/** The k-th label (1-based) of a series like `like`: for notes lists that print no labels. */
export function nthLabel(k: number, family = ''): Label {
  return { text: family ? `${family} ${k}` : String(k), kind: 'num', value: k, family };
}

/** b comes right after a in one series: 3 → 4, C → D, 35a → 35b, * → ** (or † after *). */
export const follows = (a: Label, b: Label): boolean =>
  a.kind === b.kind && a.family === b.family && b.value === a.value + 1 && (a.kind !== 'numalpha' || Math.floor(a.value / 26) === Math.floor(b.value / 26) || b.value % 26 === 1);

/** A label that can open a series: 1, A, a, *. */
export const opensSeries = (l: Label): boolean => l.value === 1 || (l.kind === 'numalpha' && l.value % 26 === 1);

/** Mark and body name the same note. Letters may differ in case only when nothing else fits. */
export const sameLabel = (a: Label, b: Label): boolean => a.text === b.text;
