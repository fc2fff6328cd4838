// The language a text is written in, told from the text itself (character trigrams, franc),
// as a BCP 47 tag for the EPUB's dc:language and the PDF's /Lang. Only where the sidecar or
// the original's markup does not say.
import { franc } from 'franc-min';
import { iso6393To1 } from 'iso-639-3';

/** The text's language, or nothing when it is too short or too mixed to tell. */
export function detectLanguage(text: string): string | undefined {
  // a sample from the text's middle stretch: front matter and licences are often in English
  const sample = text.length > 30_000 ? text.slice(Math.floor(text.length / 2) - 15_000, Math.floor(text.length / 2) + 15_000) : text;
  const code = franc(sample, { minLength: 200 });
  if (code === 'und') return undefined;
  return iso6393To1[code] ?? code;
}
