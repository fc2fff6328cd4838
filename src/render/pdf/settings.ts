import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { UserError } from '../../errors.ts';

export interface Paper {
  width: number;
  height: number;
  inner: number;
  outer: number;
  top: number;
  bottom: number;
  size: number;
  leading: number;
}

export interface PrintSettings {
  paperName: string;
  paper: Paper;
  fonts: { regular: string; italic: string; bold: string; boldItalic: string };
  quote: { scale: number; indent: number };
  notes: { scale: number };
  heads: { verso: 'book' | 'chapter'; recto: 'book' | 'chapter' };
}

function readPrintYaml(templateDir: string): Record<string, unknown> {
  const path = join(templateDir, 'print.yaml');
  try {
    return parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new UserError(`${path}: ${(e as Error).message.split('\n')[0]}`);
  }
}

/** The papers a template offers. */
export const papersOf = (templateDir: string): string[] => Object.keys((readPrintYaml(templateDir).papers as object | undefined) ?? {});

/** Reads a template's print settings; `paper` overrides the template's default. */
export function loadPrintSettings(templateDir: string, paper?: string): PrintSettings {
  const path = join(templateDir, 'print.yaml');
  const raw = readPrintYaml(templateDir);
  const papers = raw.papers as Record<string, Paper>;
  const name = paper ?? String(raw.paper);
  if (!papers?.[name]) throw new UserError(`${path}: no paper “${name}” (known: ${Object.keys(papers ?? {}).join(', ')})`);
  return {
    paperName: name,
    paper: papers[name],
    fonts: raw.fonts as PrintSettings['fonts'],
    quote: raw.quote as PrintSettings['quote'],
    notes: raw.notes as PrintSettings['notes'],
    heads: raw.heads as PrintSettings['heads'],
  };
}
