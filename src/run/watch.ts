// --watch: build, then build again whenever something an edition is made from changes.
// The incremental build decides what a change touches: an edited sidecar rebuilds the
// editions of that source (its book and the packs it is in), a template all of them.
import { watch as fsWatch, existsSync, type FSWatcher } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { forgetHashes } from './cache.ts';
import { UserError } from '../errors.ts';
import type { EditionsFile } from '../config/editions.ts';

/** Folders and files a build reads: the editions file, sources, templates, fonts, introductions. */
export function watchedPaths(cfg: EditionsFile): string[] {
  const paths = [cfg.sourcesDir, cfg.templatesDir, 'fonts', ...cfg.editions.flatMap((e) => (e.introduction ? [dirname(e.introduction)] : []))];
  if (existsSync(cfg.path)) paths.push(cfg.path);
  return [...new Set(paths.map((p) => resolve(p)))].filter(existsSync);
}

export async function watch(build: () => Promise<number>, paths: () => string[]): Promise<never> {
  let watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  const arm = (list: string[]) => {
    for (const w of watchers) w.close();
    watchers = list.map((p) => fsWatch(p, { recursive: true }, (_ev, file) => {
      if (file && /(^|\/)\.|\.tmp$|~$/.test(String(file))) return; // editors' and our own temporary files
      clearTimeout(timer);
      timer = setTimeout(round, 200);
    }));
  };
  const round = async () => {
    if (running) return void (again = true);
    running = true;
    forgetHashes();
    try {
      await build();
      arm(paths());
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      process.stderr.write(`editions: ${e.message}\n`);
    }
    process.stderr.write('watching for changes (Ctrl-C to stop)\n');
    running = false;
    if (again) {
      again = false;
      await round();
    }
  };
  // A broken editions file still gets watched, so that fixing it starts a build.
  let list = ['editions.yaml', 'sources', 'templates', 'fonts'].filter(existsSync).map((p) => resolve(p));
  try {
    list = paths();
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
  }
  arm(list);
  await round();
  return new Promise<never>(() => {});
}
