import fs from 'node:fs/promises';
import { StudioError } from '../../../../shared/contract/errors';
import { storageErrorOf } from '../../../storageErrors';
import { createGenAi } from '../../gemini/client';
import { generateImage } from '../../gemini/imageProvider';
import { type DurableStep, writeDurable } from '../../media/durableFile';
import { checkImageStructure } from '../../media/imageIntegrity';
import { readInputImageFile } from '../../media/inputImageFile';
import { absoluteOf, originalRelPath, thumbRelPath } from '../../media/layout';
import { SNIFF_BYTES, sniffMediaType } from '../../media/sniff';
import { inspectImage, readImageHeader } from '../../media/thumbnails';
import type { ImageTask, ImageTaskResult, SerializedError } from './protocol';

const IMAGE_FORMATS: Record<string, string> = { png: 'png', jpg: 'jpeg', webp: 'webp' };

/** A finished image task: the result for main, and the thumbnail still to make once main has it. */
export interface FinishedImageTask {
  result: ImageTaskResult;
  /** decodes the whole image and writes its thumbnail (after `result` was sent: see storeImage) */
  makeThumbnail: () => Promise<void>;
}

/**
 * One image job's heavy part, run inside the generation worker: the input images read and encoded,
 * the SDK request (its ~11 MB JSON answer is parsed here), the base64 decode, the structure check
 * and the durable write of the original. Main gets back only where the file is. Nothing here touches
 * the database.
 *
 * `onStep` is awaited after each step of the writes (the crash tests stop the worker at one).
 */
export async function runImageTask(
  task: ImageTask,
  signal: AbortSignal,
  onStep?: (step: string) => void | Promise<void>,
): Promise<FinishedImageTask> {
  const images = await Promise.all(
    task.images.map(async ({ mimeType, file }) => ({ mimeType, data: (await readInputImageFile(file)).toString('base64') })),
  );
  throwIfAborted(signal);
  const ai = createGenAi({ apiKey: task.apiKey, baseUrl: task.baseUrl });
  const result = await generateImage(ai, {
    model: task.model,
    prompt: task.prompt,
    images,
    aspectRatio: task.aspectRatio,
    imageSize: task.imageSize,
    signal,
    timeoutMs: task.timeoutMs,
  });
  throwIfAborted(signal);
  const bytes = result.image.bytes;
  const { prepared, format } = await storeImage(task, bytes, onStep);
  if (signal.aborted) {
    // cancelled while the file was written: main will not record it, so it must not stay
    await removeStored(task.dataDir, [prepared.relPath]);
    throwIfAborted(signal);
  }
  return {
    result: { prepared, responseId: result.responseId, modelVersion: result.modelVersion, usage: result.usage },
    makeThumbnail: () => storeThumbnail(task.dataDir, prepared.thumbRelPath!, format, bytes, onStep),
  };
}

/**
 * The image half of the media store's `storeFile` (media/mediaStore.ts), without its database. The
 * type is read from the bytes (Google's declared MIME type is not trusted) and the file's structure
 * is proven whole (media/imageIntegrity.ts: every PNG chunk's CRC, a JPEG's end marker, a WebP's
 * sizes) and its header read before anything touches the disk; then the original is made durable.
 *
 * The full decode and the thumbnail come after main has recorded the result (storeThumbnail): they
 * take ≈ 100 ms for a 2K PNG, more than the rest of the app's work on a job together. The result
 * names its thumbnail from the start; until the file exists the original is served in its place
 * (media/serveMedia.ts), and a crash before it is written leaves it to the start-up sweep to rebuild
 * (docs/decisions/0025-thumbnail-after-the-result.md).
 */
async function storeImage(
  task: ImageTask,
  bytes: Buffer,
  onStep?: (step: string) => void | Promise<void>,
): Promise<{ prepared: ImageTaskResult['prepared']; format: string }> {
  const type = sniffMediaType(bytes.subarray(0, SNIFF_BYTES));
  if (!type || type.family !== 'image') throw new StudioError('VALIDATION_FAILED', 'This file is not a PNG, JPEG or WebP image.');
  let header: Awaited<ReturnType<typeof readImageHeader>>;
  try {
    checkImageStructure(bytes, type);
    header = await readImageHeader(bytes);
    if (header.format !== IMAGE_FORMATS[type.ext]) throw new Error(`decoded as ${header.format}, sniffed as ${type.ext}`);
  } catch {
    throw new StudioError('VALIDATION_FAILED', 'This image could not be read: the file is damaged, too large or not really an image.');
  }
  const relPath = originalRelPath(task.mediaId, type.ext, task.createdAt);
  const { bytes: size } = await writeDurable(absoluteOf(task.dataDir, relPath), bytes, (s: DurableStep) => onStep?.(`original:${s}`));
  const prepared: ImageTaskResult['prepared'] = {
    id: task.mediaId,
    kind: 'image',
    relPath,
    thumbRelPath: thumbRelPath(task.mediaId, task.createdAt),
    mimeType: type.mimeType,
    bytes: size,
    width: header.width,
    height: header.height,
    durationMs: null,
    createdAt: task.createdAt,
  };
  return { prepared, format: header.format };
}

/** Decodes the whole image and writes its thumbnail where the result already names it. */
async function storeThumbnail(
  dataDir: string,
  relPath: string,
  format: string,
  bytes: Buffer,
  onStep?: (step: string) => void | Promise<void>,
): Promise<void> {
  const facts = await inspectImage(bytes);
  if (facts.format !== format) throw new Error(`decoded as ${facts.format}, its header said ${format}`);
  await writeDurable(absoluteOf(dataDir, relPath), facts.thumbnail, (s: DurableStep) => onStep?.(`thumb:${s}`));
}

async function removeStored(dataDir: string, relPaths: (string | null)[]): Promise<void> {
  for (const rel of relPaths) if (rel) await fs.rm(absoluteOf(dataDir, rel), { force: true }).catch(() => {});
}

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new StudioError('CANCELLED', 'Cancelled.');
}

/**
 * A failure as main will see it: Google's errors are StudioErrors already (gemini/errors.ts); a
 * full or read-only disk says so; anything else is ours and must not be blamed on Google.
 */
export function serializeError(error: unknown): { error: SerializedError; unexpected?: string } {
  if (error instanceof StudioError) return { error: { code: error.code, message: error.message, details: error.details } };
  const storage = storageErrorOf(error);
  if (storage) return { error: { code: storage.code, message: storage.message } };
  return { error: { code: 'INTERNAL', message: 'The result could not be saved on this computer. Try again.' }, unexpected: String(error) };
}
