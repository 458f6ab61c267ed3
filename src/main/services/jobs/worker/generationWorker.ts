/**
 * The generation worker's entry (a Node worker thread; docs/generation-and-jobs.md, "The generation
 * worker"). Runs image tasks for main and answers each with a small result; never opens the
 * database. Built by electron-vite as its own main-process entry (out/main/generationWorker.js);
 * in the harness, the benchmarks and Vitest it runs from source through tsx (workerHost.ts).
 */
import { parentPort } from 'node:worker_threads';
import { runImageTask, serializeError } from './imageTask';
import type { FromWorker, ToWorker } from './protocol';

const port = parentPort;
if (!port) throw new Error('generationWorker runs only as a worker thread');

const running = new Map<string, AbortController>();
const post = (message: FromWorker): void => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  if (message.type === 'abort') {
    running.get(message.jobId)?.abort();
  } else if (message.type === 'crash') {
    // test seam: dies as a crash would, mid-call, with no cleanup
    if (message.how === 'exit') process.exit(70);
    if (message.how === 'hang') {
      // a thread stuck in a loop: it never answers again, not even an abort
      for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
    }
    setImmediate(() => {
      throw new Error('generation worker: crash asked for by a test');
    });
  } else if (message.type === 'image') {
    const { task } = message;
    const controller = new AbortController();
    running.set(task.jobId, controller);
    const onStep = task.exitAtWriteStep
      ? (step: string) => {
          if (step === task.exitAtWriteStep) process.exit(70);
        }
      : undefined;
    void runImageTask(task, controller.signal, onStep).then(
      async ({ result, makeThumbnail }) => {
        running.delete(task.jobId);
        post({ type: 'done', jobId: task.jobId, result });
        // the result goes to main first; the decode for the thumbnail follows (imageTask.ts)
        const thumbnail = { type: 'thumbnail', jobId: task.jobId, mediaId: result.prepared.id } as const;
        await makeThumbnail().then(
          () => post(thumbnail),
          (error: unknown) => post({ ...thumbnail, error: String(error) }),
        );
      },
      (error: unknown) => {
        running.delete(task.jobId);
        post({ type: 'failed', jobId: task.jobId, ...serializeError(error) });
      },
    );
  }
});
