// A build worker process: says when it is ready, renders each job it is sent, and reports
// each stage and the result to the parent over IPC.
import { renderEdition, type RenderJob } from '../render/edition.ts';
import { UserError } from '../errors.ts';

const send = (m: unknown) => process.send!(m);

process.on('message', async (job: RenderJob & { id: number }) => {
  try {
    const result = await renderEdition(job, (stage) => send({ id: job.id, stage }));
    send({ id: job.id, result });
  } catch (e) {
    const user = e instanceof UserError;
    send({ id: job.id, error: user ? (e as Error).message : `internal error: ${(e as Error).stack ?? e}`, user });
  }
});
// The parent going away ends the worker too.
process.on('disconnect', () => process.exit(0));
send({ ready: true });
