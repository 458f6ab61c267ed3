import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createCore } from '../src/main/core';
import { logDirOf } from '../src/main/logFile';
import { createMemoryLogger } from '../src/main/logger';
import { MemorySecretStore } from '../src/main/services/settings/secretStore';
import { seedUser, signInAs } from '../test/support/seed';
import type { Benchmark } from './registry';

/** A full log folder: the live file and five rotated ones of 5 MB each, more than the zip's 20 MB cap. */
const FILE_BYTES = 5 * 1024 * 1024;

/**
 * "Save diagnostics" over a full log folder in the harness (no dialog): how long the save takes,
 * how big the zip is, and the longest the event loop waited meanwhile (every window's requests
 * wait behind it). Compression and redaction run in steps of 256 KB (a few ms of CPU each) with a
 * turn of the event loop between them; on a loaded machine the wall-clock delay also counts time the
 * OS gave to other processes, so read it next to the CPU time.
 */
export const diagnosticsBenchmark: Benchmark = {
  name: 'diagnostics',
  async run() {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-bench-diag-'));
    const logDir = logDirOf(dataDir);
    fs.mkdirSync(logDir, { recursive: true });
    const lines: string[] = [];
    for (let i = 0, bytes = 0; bytes < FILE_BYTES; i++) {
      const line = `${JSON.stringify({ level: 'warn', time: new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString(), msg: 'job ended without a result', jobId: crypto.randomUUID(), kind: 'image', status: 'failed', code: 'PROVIDER_ERROR' })}\n`;
      lines.push(line);
      bytes += line.length;
    }
    const content = lines.join('');
    for (const name of ['studio.log', '1-studio.log', '2-studio.log', '3-studio.log', '4-studio.log', '5-studio.log'])
      fs.writeFileSync(path.join(logDir, name), content);
    const core = await createCore({ dataDir, secretStore: new MemorySecretStore(), logger: createMemoryLogger(), env: {}, sessionSweepMs: 0 });
    try {
      signInAs(core, 'bench', seedUser(core, { role: 'admin' }));
      const delay = monitorEventLoopDelay({ resolution: 5 });
      delay.enable();
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      const result = await core.router.dispatch({ transportId: 'bench' }, 'settings.diagnostics.save', {});
      const elapsed = performance.now() - started;
      const cpu = process.cpuUsage(cpuBefore);
      delay.disable();
      if (!result.ok) throw new Error(result.error.message);
      const saved = result.data as { bytes: number };
      return [
        { name: 'diagnostics_save_20mb_logs_ms', value: elapsed, unit: 'ms', digits: 0 },
        { name: 'diagnostics_save_20mb_logs_cpu_ms', value: (cpu.user + cpu.system) / 1000, unit: 'ms', digits: 0 },
        { name: 'diagnostics_zip_size_mb', value: saved.bytes / 1024 / 1024, unit: 'MB', digits: 2 },
        { name: 'diagnostics_max_event_loop_delay_ms', value: delay.max / 1e6, unit: 'ms', digits: 1 },
      ];
    } finally {
      await core.shutdown();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
