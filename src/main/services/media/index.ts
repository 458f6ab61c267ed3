/**
 * Media: the library of images and videos. `MediaStore` owns the files (durable writes,
 * thumbnails, removal, path containment); `MediaLibrary` answers the gallery's routes (list,
 * details, favourites, import, delete, export, desktop actions); `createMediaPort` is what the job
 * runner records results through; `createMediaServer` serves the bytes; `startMediaLibrary`
 * sweeps the folder at start-up. See docs/media.md.
 */
export type { MediaDesktopHooks } from './desktopHooks';
export { bundledFfmpegPath } from './ffmpegPath';
export { MediaLibrary, type MediaLibraryDeps } from './mediaLibrary';
export { createMediaPort } from './mediaPort';
export { mediaUrl } from './mediaRecord';
export { MediaStore } from './mediaStore';
export { createMediaServer } from './serveMedia';
export { startMediaLibrary, type StartedMediaLibrary } from './startMediaLibrary';
