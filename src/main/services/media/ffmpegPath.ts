/**
 * Where the ffmpeg binary of `@ffmpeg-installer/ffmpeg` is. In a packaged app the package sits
 * inside app.asar, which a child process cannot execute from: electron-builder must list it in
 * `asarUnpack`, and the path must point into `app.asar.unpacked`. Null when the package is absent
 * for this platform (videos are then stored without a poster frame). The build is from 2018; why it
 * stays (no maintained package ships its binary without an install-time download, except a native
 * library that would run inside main): docs/decisions/0024-ffmpeg-stays-a-child-process.md.
 */
export function bundledFfmpegPath(): string | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const installer = require('@ffmpeg-installer/ffmpeg') as { path: string };
    return installer.path.replace(`app.asar${pathSep()}`, `app.asar.unpacked${pathSep()}`);
  } catch {
    return null;
  }
}

function pathSep(): string {
  return process.platform === 'win32' ? '\\' : '/';
}
