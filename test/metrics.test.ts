// The print edition measures and sets words from per-character and per-pair metrics
// (render/pdf/metrics.ts) instead of shaping each word: this holds that the run it gives is
// fontkit's own for the whole word, glyph for glyph and unit for unit, over real texts.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { FaceMetrics, type EmbeddedFont } from '../src/render/pdf/metrics.ts';
import { root } from './helpers.ts';

const fonts = readdirSync(join(root, 'fonts')).filter((f) => f.endsWith('.otf'));
const words = new Set<string>();
for (const f of readdirSync(join(root, 'sources')).filter((n) => n.endsWith('.txt'))) {
  for (const w of readFileSync(join(root, 'sources', f), 'utf8').split(/\s+/)) if (w) words.add(w);
}
// what the seeds lack: ligatures at every place, other scripts, marks, figures and signs
for (const w of ['efficient', 'ffl', 'Thirdly', 'fjord', 'AVAST', 'Wa.', 'λόγος', 'Москва́', 'cafe\u0301', '1917–18.', '“quoted”', '(e.g.)', 'x²', '†‡§¶']) words.add(w);

describe('font metrics', () => {
  for (const file of fonts) {
    it(`give fontkit's run for each of ${words.size} words in ${file}`, () => {
      const doc = new PDFDocument({ font: join(root, 'fonts', file), autoFirstPage: false });
      const font = (doc as unknown as { _font: EmbeddedFont })._font;
      // one face's metrics learnt pair by pair as words come, one taught the whole text's pairs at once
      const byPair = new FaceMetrics(font);
      const taught = new FaceMetrics(font);
      let shaped = 0;
      let counting = false;
      const layout = font.font.layout.bind(font.font);
      font.font.layout = (...a: Parameters<typeof layout>) => {
        if (counting && a[0].length > 2) shaped++;
        return layout(...a);
      };
      taught.learn([...words].join(' '));
      const wrong: string[] = [];
      for (const w of words) {
        counting = true;
        const got = [byPair.shape(w), taught.shape(w)];
        counting = false;
        const want = font.layout(w);
        const ids = (r: typeof want) => r.glyphs.map((g) => g.id).join(',');
        const adv = (r: typeof want) => r.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset, p.advanceWidth].join(' ')).join(',');
        for (const r of got) if (ids(r) !== ids(want) || adv(r) !== adv(want)) wrong.push(w);
      }
      expect(wrong).toEqual([]);
      // and the metrics did the work: most words were never shaped whole
      expect(shaped).toBeLessThan((2 * words.size) / 5);
    });
  }
});
