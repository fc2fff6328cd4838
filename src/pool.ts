// Independent editions render in parallel, one worker thread per core (or as asked).
// With one worker the jobs run in this thread: no start-up cost for a single edition.
import { Worker } from 'node:worker_threads';
import { renderEdition, type EditionResult, type RenderJob, type Stage } from './render/edition.ts';
import { UserError } from './errors.ts';

export type Outcome = { ok: true; result: EditionResult } | { ok: false; error: string; user: boolean };

export async function renderAll(jobs: RenderJob[], workers: number, onStage: (name: string, stage: Stage) => void): Promise<Outcome[]> {
  const n = Math.max(1, Math.min(workers, jobs.length));
  if (n === 1) {
    const out: Outcome[] = [];
    for (const job of jobs) {
      try {
        out.push({ ok: true, result: await renderEdition(job, (s) => onStage(job.edition.name, s)) });
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        out.push({ ok: false, error: e.message, user: true });
      }
    }
    return out;
  }
  const out: Outcome[] = new Array(jobs.length);
  // Longest first (by the text to set; a PDF costs about three times an EPUB), so one big
  // book does not start last and finish alone.
  const size = (j: RenderJob) => j.markdowns.reduce((n, m) => n + m.length, 0) * j.edition.formats.reduce((n, f) => n + (f === 'pdf' ? 3 : 1), 0);
  const order = jobs.map((_, i) => i).sort((a, b) => size(jobs[b]) - size(jobs[a]) || a - b);
  let next = 0;
  const run = (w: Worker) =>
    new Promise<void>((resolve, reject) => {
      const take = () => {
        if (next >= jobs.length) return resolve();
        const id = order[next++];
        w.postMessage({ ...jobs[id], id });
      };
      w.on('message', (m: { id: number; stage?: Stage; result?: EditionResult; error?: string; user?: boolean }) => {
        if (m.stage) return onStage(jobs[m.id].edition.name, m.stage);
        out[m.id] = m.result ? { ok: true, result: m.result } : { ok: false, error: m.error ?? 'unknown error', user: !!m.user };
        take();
      });
      w.on('error', reject);
      take();
    });
  const pool = Array.from({ length: n }, () => new Worker(new URL('./worker-entry.mjs', import.meta.url)));
  try {
    await Promise.all(pool.map(run));
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  for (const o of out) if (!o.ok && !o.user) throw new Error(o.error);
  return out;
}
