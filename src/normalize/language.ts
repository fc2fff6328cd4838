// The language a text is written in, told from the text itself (character trigrams, franc),
// as a BCP 47 tag for the EPUB's dc:language and the PDF's /Lang. Only where the sidecar or
// the original's markup does not say.
import { franc } from 'franc-min';
import { iso6393To1 } from 'iso-639-3';

/** The text's language, or nothing when it is too short or too mixed to tell. */
export function detectLanguage(text: string): string | undefined {
  // a sample of ten stretches spread over the text's middle four-fifths: front matter and
  // licences are often in English, and one stretch may be a table or a quotation in another tongue
  let sample = text;
  if (text.length > 30_000) {
    const from = Math.floor(text.length / 10);
    const step = Math.floor((text.length - 2 * from) / 10);
    sample = Array.from({ length: 10 }, (_, k) => text.slice(from + k * step, from + k * step + 3_000)).join('\n');
  }
  const code = franc(sample, { minLength: 200 });
  if (code === 'und') return undefined;
  return iso6393To1[code] ?? code;
}
