// Small predicates over block text shared by the structure passes.
import { NOTE_TOKEN_RE, TAG_TOKEN_RE } from './types.ts';

/** The text without note markers (and a transcription's tags), for judging its shape. */
export const bare = (t: string): string => t.replace(NOTE_TOKEN_RE, '').replace(TAG_TOKEN_RE, '').replace(/\uE004/g, '').trim();
export const words = (t: string): number => bare(t).split(/\s+/).filter(Boolean).length;
/** Compare names and titles loosely: case, spacing and punctuation do not matter. */
export const loose = (t: string): string => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
export const endsWithNote = (t: string): boolean => /[\uE001\uE004][\s)\].,;:”’"']*$/.test(t.trim());

const SMALL = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as', 'into', 'than', 'via', 'vs', 'de', 'la', 'le', 'du', 'des', 'et', 'von', 'van']);

/** Share of the words that matter written with a capital: Title Case headings score high. */
export function titleCaseShare(t: string): number {
  const ws = bare(t).split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter((w) => w && !SMALL.has(w.toLowerCase()));
  if (!ws.length) return 0;
  return ws.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length / ws.length;
}

/** A heading's shape: a short line opening in a capital or a number, at most eight words, no sentence or clause end. */
export const headingShape = (t: string): boolean => {
  const s = t.trim();
  return s.length > 0 && s.length <= 60 && /^[\p{Lu}\p{N}“"‘]/u.test(s) && !/[.,;:!?)\]”"]$/.test(s) && s.split(/\s+/).length <= 8;
};
export const GENERIC_HEADINGS = /^(introduction|preface|foreword|afterword|conclusion|conclusions|epilogue|prologue|appendix( [ivx\d]+)?|contents|table of contents|list of (?:illustrations|figures|tables|plates|maps)|notes|acknowledgements|acknowledgments|dedication|bibliography|references|works cited|further reading|glossary|postscript|summary)\.?$/i;
export const CHAPTER_LABEL = /^(chapter|part|book|section|lecture|letter|article)\s+([ivxlcdm]+|\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\.?$/i;
/** A scene break: a row of three stars or more (spaced or not), an asterism, a transcription's `<tb>`. */
export const SCENE_BREAK = /^\s*(?:(?:\*\s*){3,}|⁂|<tb>)\s*$/;
export const LIST_LABEL = /^(\(?[a-z]\s?\)|\(?\d{1,2}\s?\)|\(?[ivx]{1,4}\)|[•·▪◦‣]|[-–*+])(?=[\s\u202f\u00a0])/;
export const OPEN_QUOTE = /^[“"‘«„]/;

/** A token an inline element (a formula's symbol, a superscript) put on a line of its own. */
const fragment = (t: string) => t.trim().length > 0 && t.trim().length <= 4 && !/\s/.test(t.trim());
/**
 * In a browser copy, lines that are one paragraph broken at its inline elements (MathML
 * flattened a symbol a line): the line before ends in a space or is such a token, and this
 * one is a token or opens with a space — or, after a token, with the sentence's punctuation
 * (", then so is", ". But").
 */
export const inlineFlow = (before: string, line: string): boolean => (/ $/.test(before) || fragment(before)) && (fragment(line) || /^ \S/.test(line) || (fragment(before) && /^[,.;:)\]] /.test(line)));
