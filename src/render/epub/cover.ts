import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as PImageTypes from 'pureimage';
import { writeAtomic } from '../../io/atomic.ts';
import { encodePng } from './png.ts';

type PImage = typeof PImageTypes;

export interface CoverSpec {
  title: string;
  subtitle?: string;
  author?: string;
  fontsDir: string;
  /** Regular and italic font files of the template. */
  regular: string;
  italic: string;
}

const W = 1200;
const H = 1800;
interface OpenTypePath {
  commands: { type: string; x?: number; y?: number; x1?: number; y1?: number; x2?: number; y2?: number }[];
}
interface Face {
  font: {
    unitsPerEm: number;
    getPath(text: string, x: number, y: number, size: number): OpenTypePath;
    stringToGlyphs(text: string): { advanceWidth: number }[];
    getKerningValue(a: unknown, b: unknown): number;
  };
}
let faces: { roman: Face; italic: Face; key: string } | undefined;

/**
 * Draws text as one path with every contour closed, then fills it once. pureimage's own
 * fillText fills each contour separately, which closes the counters of o, a, e.
 */
function drawText(ctx: PImageTypes.Context, face: Face, text: string, x: number, y: number, size: number): void {
  const path = face.font.getPath(text, x, y, size);
  ctx.beginPath();
  let sx = 0;
  let sy = 0;
  for (const c of path.commands) {
    if (c.type === 'M') {
      sx = c.x!;
      sy = c.y!;
      ctx.moveTo(sx, sy);
    } else if (c.type === 'L') ctx.lineTo(c.x!, c.y!);
    else if (c.type === 'Q') ctx.quadraticCurveTo(c.x1!, c.y1!, c.x!, c.y!);
    else if (c.type === 'C') ctx.bezierCurveTo(c.x1!, c.y1!, c.x2!, c.y2!, c.x!, c.y!);
    else if (c.type === 'Z') ctx.lineTo(sx, sy);
  }
  ctx.fill();
}

/** An opaque rectangle, straight into the bitmap (pureimage's fillRect composites pixel by pixel): its first row, then copies of it. */
function fillOpaque(data: Uint8Array, x: number, y: number, w: number, h: number, rgb: number): void {
  const first = (y * W + x) * 4;
  for (let i = first, end = i + w * 4; i < end; i += 4) {
    data[i] = rgb >> 16;
    data[i + 1] = (rgb >> 8) & 0xff;
    data[i + 2] = rgb & 0xff;
    data[i + 3] = 255;
  }
  for (let r = y + 1; r < y + h; r++) data.copyWithin((r * W + x) * 4, first, first + w * 4);
}

/** Advance width of a line of text at a size, kerning included (as getPath sets it). */
function widthOf(face: Face, text: string, size: number): number {
  const glyphs = face.font.stringToGlyphs(text);
  let units = 0;
  glyphs.forEach((g, i) => {
    units += g.advanceWidth + (i + 1 < glyphs.length ? face.font.getKerningValue(g, glyphs[i + 1]) : 0);
  });
  return (units * size) / face.font.unitsPerEm;
}

/** Breaks text into lines that fit a width, measured with the cover's own font. */
function wrap(face: Face, size: number, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const tryLine = line ? `${line} ${word}` : word;
    if (line && widthOf(face, tryLine, size) > width) {
      lines.push(line);
      line = word;
    } else line = tryLine;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A plain typographic cover: title, subtitle and author set in the template's fonts on a
 * dark ground, drawn in pure JavaScript (pureimage), so the PNG is the same on every machine.
 */
export async function coverPng(spec: CoverSpec): Promise<Buffer> {
  const PImage = (await import('pureimage')) as unknown as PImage;
  const key = `${spec.fontsDir}|${spec.regular}|${spec.italic}`;
  if (faces?.key !== key) {
    const roman = PImage.registerFont(join(spec.fontsDir, spec.regular), 'CoverRoman') as unknown as Face & { loadSync(): void };
    const italic = PImage.registerFont(join(spec.fontsDir, spec.italic), 'CoverItalic') as unknown as Face & { loadSync(): void };
    roman.loadSync();
    italic.loadSync();
    faces = { roman, italic, key };
  }
  const { roman, italic } = faces;
  const img = PImage.make(W, H);
  const ctx = img.getContext('2d');
  const data = (img as unknown as { data: Uint8Array }).data;
  fillOpaque(data, 0, 0, W, H, 0x2b2a33);
  fillOpaque(data, 100, 180, W - 200, 6, 0xc9a96e);
  fillOpaque(data, 100, H - 186, W - 200, 6, 0xc9a96e);
  const centred = (face: Face, text: string, size: number, y: number) => drawText(ctx, face, text, (W - widthOf(face, text, size)) / 2, y, size);

  // Shrink the title until it fits in five lines.
  let size = 110;
  let lines = wrap(roman, size, spec.title, W - 240);
  while (lines.length > 5 && size > 60) lines = wrap(roman, (size -= 8), spec.title, W - 240);
  ctx.fillStyle = '#f4ecd8';
  let y = 420;
  for (const l of lines) {
    centred(roman, l, size, y);
    y += size * 1.15;
  }
  if (spec.subtitle) {
    y += 30;
    for (const l of wrap(italic, 56, spec.subtitle, W - 280)) {
      centred(italic, l, 56, y);
      y += 70;
    }
  }
  if (spec.author) {
    ctx.fillStyle = '#c9a96e';
    centred(italic, spec.author, 72, H - 300);
  }
  return encodePng(W, H, data);
}

/**
 * The cover, drawn once per title, subtitle, author, font and drawing code: later builds read
 * it from the cache folder (drawing it costs more than the rest of an EPUB).
 */
export async function cachedCoverPng(spec: CoverSpec, cacheDir: string | undefined): Promise<Buffer> {
  if (!cacheDir) return coverPng(spec);
  const h = createHash('sha256');
  h.update(readFileSync(fileURLToPath(import.meta.url)));
  h.update(JSON.stringify([spec.title, spec.subtitle ?? null, spec.author ?? null, W, H]));
  for (const f of [spec.regular, spec.italic]) h.update(readFileSync(join(spec.fontsDir, f)));
  const path = join(cacheDir, `cover-${h.digest('hex').slice(0, 32)}.png`);
  if (existsSync(path)) return readFileSync(path);
  const png = await coverPng(spec);
  writeAtomic(path, png);
  return png;
}
