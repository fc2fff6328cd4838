// Independent editions render in parallel: this process and a worker process per further
// core (or as asked). Processes, not worker threads: on the 2-core machine this was measured
// on, two worker threads of one process ran each job about twice as slowly as alone, two
// processes only about 1.15 times. A worker takes about a second to start and load the
// renderers, so the pool is started before the sources are normalised and the loading
// overlaps that work; with one process's worth of work, everything runs here.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { renderEdition, type EditionResult, type RenderJob, type Stage } from '../render/edition.ts';
import { UserError } from '../errors.ts';

export type Outcome = { ok: true; result: EditionResult } | { ok: false; error: string; user: boolean };
type OnStage = (name: string, stage: Stage) => void;

export interface Pool {
  run(jobs: RenderJob[], onStage: OnStage): Promise<Outcome[]>;
  close(): Promise<void>;
}

async function here(jobs: RenderJob[], onStage: OnStage): Promise<Outcome[]> {
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

/** A job's cost, by the text to set (a PDF costs about three times an EPUB). */
const weight = (j: RenderJob) => j.markdowns.reduce((n, m) => n + m.length, 0) * j.edition.formats.reduce((n, f) => n + (f === 'pdf' ? 3 : 1), 0);

/**
 * A pool of `n` worker processes, loading from now on; this process works beside them. The
 * jobs are taken heaviest first from one queue: by this process between its own jobs, and by
 * a worker as soon as it is ready and after each job, so a worker that is slow to start
 * takes less and none stands idle while there is work.
 */
export function startPool(n: number): Pool {
  // Compiled (lib/), the worker is the bundle's worker.js; run from the TypeScript (tests,
  // bench), it is worker.ts and needs tsx's loader, which this process's options carry when
  // it runs under tsx (otherwise it is added).
  const compiled = import.meta.url.endsWith('.js');
  const execArgv = compiled || process.execArgv.some((a) => a.includes('/tsx/')) ? process.execArgv : [...process.execArgv, '--import', import.meta.resolve('tsx')];
  const workerFile = fileURLToPath(new URL(compiled ? './worker.js' : './worker.ts', import.meta.url));
  const workers = Array.from({ length: n }, () => {
    const child = fork(workerFile, [], { execArgv, serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const ready = new Promise<void>((resolve) => child.once('message', () => resolve()));
    return { child, ready };
  });
  return {
    async run(jobs, onStage) {
      if (jobs.length < 2) return here(jobs, onStage);
      const out: Outcome[] = new Array(jobs.length);
      const queue = jobs.map((_, i) => i).sort((a, b) => weight(jobs[b]) - weight(jobs[a]) || a - b);
      const drive = ({ child, ready }: (typeof workers)[number]) =>
        new Promise<void>((resolve, reject) => {
          const take = () => {
            const id = queue.shift();
            if (id === undefined) {
              child.removeAllListeners('message');
              child.removeAllListeners('exit');
              return resolve();
            }
            child.send({ ...jobs[id], id });
          };
          child.on('message', (m: { id: number; ready?: true; stage?: Stage; result?: EditionResult; error?: string; user?: boolean }) => {
            if (m.ready) return; // `ready` below takes the first job
            if (m.stage) return onStage(jobs[m.id].edition.name, m.stage);
            out[m.id] = m.result ? { ok: true, result: m.result } : { ok: false, error: m.error ?? 'unknown error', user: !!m.user };
            take();
          });
          child.on('exit', (code) => reject(new Error(`a build worker stopped (exit ${code})`)));
          void ready.then(take);
        });
      const driven = workers.map(drive);
      // This process takes from the same queue, one job at a time, first letting the event
      // loop hand out jobs to the workers that asked while it was busy.
      const turn = () => new Promise((resolve) => setImmediate(resolve));
      for (;;) {
        await turn();
        const id = queue.shift();
        if (id === undefined) break;
        out[id] = (await here([jobs[id]], onStage))[0];
      }
      await Promise.all(driven);
      for (const o of out) if (!o.ok && !o.user) throw new Error(o.error);
      return out;
    },
    async close() {
      for (const { child } of workers) if (child.connected) child.disconnect();
    },
  };
}

/** Runs the jobs on the pool, or here when there is none. */
export const renderAll = (jobs: RenderJob[], onStage: OnStage, pool?: Pool): Promise<Outcome[]> => (pool ? pool.run(jobs, onStage) : here(jobs, onStage));
