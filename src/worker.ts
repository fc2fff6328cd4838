// A build worker: renders the editions it is sent, one at a time, and reports each stage.
import { parentPort } from 'node:worker_threads';
import { renderEdition, type RenderJob } from './render/edition.ts';
import { UserError } from './errors.ts';

parentPort!.on('message', async (job: RenderJob & { id: number }) => {
  try {
    const result = await renderEdition(job, (stage) => parentPort!.postMessage({ id: job.id, stage }));
    parentPort!.postMessage({ id: job.id, result });
  } catch (e) {
    const user = e instanceof UserError;
    parentPort!.postMessage({ id: job.id, error: user ? (e as Error).message : `internal error: ${(e as Error).stack ?? e}`, user });
  }
});
