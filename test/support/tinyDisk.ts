import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A real, tiny file system mounted at `dir` (tmpfs): it fills up for real (ENOSPC) and can be made
 * read-only for real (EROFS). Needs root (a CI container usually is); `available` says whether this
 * machine can mount, so the tests that need it skip elsewhere instead of faking the file system.
 */
export const tinyDiskAvailable = ((): boolean => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = fs.mkdtempSync('/tmp/tiny-disk-probe-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
})();

export interface TinyDisk {
  dir: string;
  /** writes filler until the disk has no room left */
  fill(): void;
  /** remounts the disk read-only (root ignores file modes, so chmod would not do) */
  readOnly(): void;
  writable(): void;
  unmount(): void;
}

export function mountTinyDisk(dir: string, sizeKb = 2048): TinyDisk {
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { stdio: 'ignore' });
  let mounted = true;
  const remount = (mode: 'ro' | 'rw') => execFileSync('mount', ['-o', `remount,${mode}`, dir], { stdio: 'ignore' });
  return {
    dir,
    fill() {
      const fd = fs.openSync(path.join(dir, '.filler'), 'a');
      const chunk = Buffer.alloc(64 * 1024, 1);
      try {
        for (;;) fs.writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      }
      // the last partial block too
      try {
        for (;;) fs.writeSync(fd, chunk, 0, 1);
      } catch {
        // full
      } finally {
        fs.closeSync(fd);
      }
    },
    readOnly: () => remount('ro'),
    writable: () => remount('rw'),
    unmount() {
      if (!mounted) return;
      mounted = false;
      try {
        remount('rw');
      } catch {
        // already gone
      }
      execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
    },
  };
}
