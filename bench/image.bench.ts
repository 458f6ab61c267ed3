import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createCore } from '../src/main/core';
import { createMemoryLogger } from '../src/main/logger';
import { MemorySecretStore } from '../src/main/services/settings/secretStore';
import { seedUser, signInAs } from '../test/support/seed';
import { type Benchmark, median } from './registry';

const JOBS = 50;
const WARM_UP = 3;
const PASSWORD = 'violet-harbour-42';

/**
 * The app's own cost of one 2K image job: validation, reservation, the SDK call's client side,
 * response parsing and base64 decode, the durable write, the thumbnail and the commit — the wall
 * time of each job minus the fake server's time. Also the longest the main event loop was blocked
 * meanwhile: it serves every IPC request, so a long block freezes the window. Sign-ins (bcrypt at the
 * product's cost, 12) run one after another the whole time, as when colleagues sign in while someone
 * generates: neither may stall the loop.
 */
export const imageBenchmark: Benchmark = {
  name: 'image',
  async run() {
    const child = fork(path.join(__dirname, 'support/fakeGeminiProcess.ts'), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    const { baseUrl, apiKey } = await nextMessage<{ baseUrl: string; apiKey: string }>(child);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-bench-image-'));
    const core = await createCore({
      dataDir,
      secretStore: new MemorySecretStore(),
      env: { GEMINI_API_KEY: apiKey },
      geminiBaseUrl: baseUrl,
      logger: createMemoryLogger(),
      sessionSweepMs: 0,
    });
    try {
      await core.router.dispatch({ transportId: 'setup' }, 'auth.setup_first_admin', { email: 'admin@lab.example', password: PASSWORD });
      core.disconnect('setup');
      const userId = seedUser(core);
      signInAs(core, 'bench', userId);
      // 53 jobs outrun the default 50 a day: this user is unlimited
      core.services.db.$client
        .prepare("INSERT OR REPLACE INTO quota_policy (user_id, kind, period, \"limit\", updated_at) VALUES (?, 'image', 'unlimited', 0, 0)")
        .run(userId);

      const finished = new Map<string, () => void>();
      core.events.connect('bench', (event, payload) => {
        const job = payload as { id: string; status: string };
        if (event === 'job.updated' && ['succeeded', 'failed', 'blocked'].includes(job.status)) finished.get(job.id)?.();
      });
      const runOne = async (): Promise<number> => {
        const started = performance.now();
        let pending: () => void = () => {};
        const done = new Promise<void>((resolve) => (pending = resolve));
        // A Generate click reaches main as an IPC message at its own moment, not in the same turn of
        // the event loop as the previous job's last event (a setImmediate would still run in that
        // turn, and the loop monitor would add the two together as one block).
        await new Promise((resolve) => setTimeout(resolve, 1));
        const result = await core.router.dispatch({ transportId: 'bench' }, 'generation.image.create', {
          prompt: 'A harbour at dawn',
          imageSize: '2K',
        });
        if (!result.ok) throw new Error(result.error.message);
        const [jobId] = (result.data as { jobIds: string[] }).jobIds;
        finished.set(jobId!, pending);
        await done;
        const job = core.services.jobs.get(jobId!);
        if (job?.status !== 'succeeded') throw new Error(`bench job ended ${job?.status}: ${job?.errorMessage}`);
        return performance.now() - started;
      };

      let signingIn = true;
      let signIns = 0;
      const signInLoop = async (): Promise<void> => {
        while (signingIn) {
          const transportId = `signin-${signIns}`;
          const result = await core.router.dispatch({ transportId }, 'auth.login', { email: 'admin@lab.example', password: PASSWORD });
          if (!result.ok) throw new Error(`bench sign-in failed: ${result.error.message}`);
          core.disconnect(transportId);
          signIns++;
        }
      };

      for (let i = 0; i < WARM_UP; i++) await runOne();
      // sampled every 1 ms, as the sign-in benchmark does: the monitor records the time between its
      // own timer's runs, so at 5 ms a block read up to 5 ms longer than it was
      const loop = monitorEventLoopDelay({ resolution: 1 });
      loop.enable();
      // main's own CPU time (this thread only): unlike the loop's delay, a busy machine does not inflate it
      const cpuBefore = process.threadCpuUsage();
      const signInsDone = signInLoop();
      const walls: number[] = [];
      for (let i = 0; i < JOBS; i++) walls.push(await runOne());
      signingIn = false;
      await signInsDone;
      const cpu = process.threadCpuUsage(cpuBefore);
      loop.disable();

      child.send('timings');
      const { timings } = await nextMessage<{ timings: { endpoint: string; serverMs: number | null }[] }>(child);
      const serverTimes = timings
        .filter((t) => t.endpoint === 'generateContent')
        .slice(WARM_UP)
        .map((t) => t.serverMs ?? 0);
      const overheads = walls.map((wall, i) => wall - (serverTimes[i] ?? 0));
      return [
        { name: 'image_overhead_ms', value: median(overheads), unit: 'ms' },
        { name: 'image_job_wall_ms', value: median(walls), unit: 'ms' },
        { name: 'main_loop_block_ms', value: loop.max / 1e6, unit: 'ms' },
        { name: 'image_main_loop_p99_ms', value: loop.percentile(99) / 1e6, unit: 'ms' },
        { name: 'image_main_thread_cpu_ms_per_job', value: (cpu.user + cpu.system) / 1000 / JOBS, unit: 'ms' },
        { name: 'image_bench_sign_ins', value: signIns, unit: 'count', digits: 0 },
      ];
    } finally {
      await core.shutdown();
      child.send('stop');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

function nextMessage<T>(child: ReturnType<typeof fork>): Promise<T> {
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve(message as T));
    child.once('exit', (code) => reject(new Error(`fake Gemini process exited (${code})`)));
  });
}
