import fs from 'node:fs/promises';
import { StudioError } from '../../../../shared/contract/errors';
import { storageErrorOf } from '../../../storageErrors';
import { createGenAi } from '../../gemini/client';
import { generateImage } from '../../gemini/imageProvider';
import { type DurableStep, writeDurable } from '../../media/durableFile';
import { absoluteOf, originalRelPath, thumbRelPath } from '../../media/layout';
import { SNIFF_BYTES, sniffMediaType } from '../../media/sniff';
import { inspectImage } from '../../media/thumbnails';
import type { ImageTask, ImageTaskResult, SerializedError } from './protocol';

const IMAGE_FORMATS: Record<string, string> = { png: 'png', jpg: 'jpeg', webp: 'webp' };

/**
 * One image job's heavy part, run inside the generation worker: the SDK request (its ~11 MB JSON
 * answer is parsed here), the base64 decode, the decode check and thumbnail (sharp), and the durable
 * writes. Main gets back only where the files are. Nothing here touches the database.
 *
 * `onStep` is awaited after each step of the writes (the crash tests stop the worker at one).
 */
export async function runImageTask(task: ImageTask, signal: AbortSignal, onStep?: (step: string) => void | Promise<void>): Promise<ImageTaskResult> {
  const ai = createGenAi({ apiKey: task.apiKey, baseUrl: task.baseUrl });
  const result = await generateImage(ai, {
    model: task.model,
    prompt: task.prompt,
    images: task.images,
    aspectRatio: task.aspectRatio,
    imageSize: task.imageSize,
    signal,
    timeoutMs: task.timeoutMs,
  });
  throwIfAborted(signal);
  const prepared = await storeImage(task, result.image.bytes, onStep);
  if (signal.aborted) {
    // cancelled while the file was written: main will not record it, so it must not stay
    await removeStored(task.dataDir, [prepared.relPath, prepared.thumbRelPath]);
    throwIfAborted(signal);
  }
  return { prepared, responseId: result.responseId, modelVersion: result.modelVersion, usage: result.usage };
}

/**
 * The image half of the media store's `storeFile` (media/mediaStore.ts), without its database: the
 * type is read from the bytes (Google's declared MIME type is not trusted), the image is decoded
 * before anything touches the disk, then the original and its thumbnail are made durable.
 */
async function storeImage(task: ImageTask, bytes: Buffer, onStep?: (step: string) => void | Promise<void>): Promise<ImageTaskResult['prepared']> {
  const type = sniffMediaType(bytes.subarray(0, SNIFF_BYTES));
  if (!type || type.family !== 'image') throw new StudioError('VALIDATION_FAILED', 'This file is not a PNG, JPEG or WebP image.');
  let facts: Awaited<ReturnType<typeof inspectImage>>;
  try {
    facts = await inspectImage(bytes);
    if (facts.format !== IMAGE_FORMATS[type.ext]) throw new Error(`decoded as ${facts.format}, sniffed as ${type.ext}`);
  } catch {
    throw new StudioError('VALIDATION_FAILED', 'This image could not be read: the file is damaged, too large or not really an image.');
  }
  const relPath = originalRelPath(task.mediaId, type.ext, task.createdAt);
  const thumb = thumbRelPath(task.mediaId, task.createdAt);
  const step = (prefix: string) => (s: DurableStep) => onStep?.(`${prefix}:${s}`);
  const { bytes: size } = await writeDurable(absoluteOf(task.dataDir, relPath), bytes, step('original'));
  try {
    await writeDurable(absoluteOf(task.dataDir, thumb), facts.thumbnail, step('thumb'));
  } catch (error) {
    await removeStored(task.dataDir, [relPath]);
    throw error;
  }
  return {
    id: task.mediaId,
    kind: 'image',
    relPath,
    thumbRelPath: thumb,
    mimeType: type.mimeType,
    bytes: size,
    width: facts.width,
    height: facts.height,
    durationMs: null,
    createdAt: task.createdAt,
  };
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
