// Independent editions render in parallel, one worker thread per core (or as asked). A
// worker takes most of a second to load the renderers, so the pool is started before the
// sources are normalised and the loading overlaps that work; with one worker, or one job,
// everything runs in this thread.
import { Worker } from 'node:worker_threads';
import { renderEdition, type EditionResult, type RenderJob, type Stage } from './render/edition.ts';
import { UserError } from './errors.ts';

export type Outcome = { ok: true; result: EditionResult } | { ok: false; error: string; user: boolean };
type OnStage = (name: string, stage: Stage) => void;

export interface Pool {
  run(jobs: RenderJob[], onStage: OnStage): Promise<Outcome[]>;
  close(): Promise<void>;
}

async function inThisThread(jobs: RenderJob[], onStage: OnStage): Promise<Outcome[]> {
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

/** Longest first (by the text to set; a PDF costs about three times an EPUB), so one big book does not start last and finish alone. */
const weight = (j: RenderJob) => j.markdowns.reduce((n, m) => n + m.length, 0) * j.edition.formats.reduce((n, f) => n + (f === 'pdf' ? 3 : 1), 0);

/** A pool of `n` worker threads, loading from now on. */
export function startPool(n: number): Pool {
  const workers = Array.from({ length: n }, () => new Worker(new URL('./worker-entry.mjs', import.meta.url)));
  return {
    async run(jobs, onStage) {
      if (jobs.length < 2) return inThisThread(jobs, onStage);
      const out: Outcome[] = new Array(jobs.length);
      const order = jobs.map((_, i) => i).sort((a, b) => weight(jobs[b]) - weight(jobs[a]) || a - b);
      let next = 0;
      const drive = (w: Worker) =>
        new Promise<void>((resolve, reject) => {
          const take = () => {
            if (next >= jobs.length) {
              w.removeAllListeners('message');
              w.removeAllListeners('error');
              return resolve();
            }
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
      await Promise.all(workers.slice(0, jobs.length).map(drive));
      for (const o of out) if (!o.ok && !o.user) throw new Error(o.error);
      return out;
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/** Runs the jobs on a pool of `workers` threads, or in this thread when one will do. */
export async function renderAll(jobs: RenderJob[], workers: number, onStage: OnStage, pool?: Pool): Promise<Outcome[]> {
  if (pool) return pool.run(jobs, onStage);
  const n = Math.min(workers, jobs.length);
  if (n < 2) return inThisThread(jobs, onStage);
  const p = startPool(n);
  try {
    return await p.run(jobs, onStage);
  } finally {
    await p.close();
  }
}
