import { readdirSync, existsSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { normalize } from './normalize/chain.ts';
import { loadSidecar } from './sidecar.ts';
import { readSource } from './io/source.ts';
import { writeAtomic } from './io/atomic.ts';
import { makeReport, type BuildReport } from './report.ts';
import { UserError } from './errors.ts';

export interface SourceFile {
  name: string;
  path: string;
}

/** The raw texts in a folder: every .txt (normalised) and .md (already in the model). */
export function listSources(dir: string): SourceFile[] {
  if (!existsSync(dir)) throw new UserError(`${dir}: no such folder of sources`);
  return readdirSync(dir)
    .filter((f) => ['.txt', '.md'].includes(extname(f)))
    .sort()
    .map((f) => ({ name: basename(f, extname(f)), path: join(dir, f) }));
}

export interface Normalised {
  markdown: string;
  report: BuildReport;
}

/** Raw file → Markdown model and report. A `.md` source is already in the model. */
export function normaliseFile(path: string): Normalised {
  const decoded = readSource(path);
  if (extname(path) === '.md') return { markdown: decoded.text, report: makeReport(path, decoded.encoding, decoded.notes) };
  const { markdown, state } = normalize(decoded.text, loadSidecar(path));
  return { markdown, report: makeReport(path, decoded.encoding, decoded.notes, state) };
}

/** Writes the Markdown model and the report of one source into out/. */
export function buildMarkdown(src: SourceFile, outDir: string): Normalised {
  const result = normaliseFile(src.path);
  writeAtomic(join(outDir, 'markdown', `${src.name}.md`), result.markdown);
  writeAtomic(join(outDir, 'report', `${src.name}.json`), `${JSON.stringify(result.report, null, 2)}\n`);
  return result;
}
