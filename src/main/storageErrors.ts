import { StudioError } from '../shared/contract/errors';

/** What a person is told when this computer's disk has no room left (the file system or SQLite said so). */
export const DISK_FULL_MESSAGE =
  "This computer's disk is full, so the studio could not save. Free some space (empty the trash, delete old media or other files) and try again.";

/** What a person is told when the operating system refuses the studio's writes (permissions, a read-only disk). */
export const STORAGE_UNWRITABLE_MESSAGE =
  'The studio cannot write to its media folder or database: the folder is read-only or its permissions changed. Ask whoever looks after this computer to make it writable again, then try again.';

/** What a person is told when the disk failed a read or write (SQLite's I/O error). */
const STORAGE_IO_MESSAGE = "The studio could not read or write its files on this computer's disk. Check the disk, then try again.";

const DISK_FULL_CODES = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);
const UNWRITABLE_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);

/**
 * Recognises a failure of this computer's storage (Node's fs errors, SQLite's own codes), also when
 * it is wrapped as the `cause` of another error, and turns it into the StudioError a person can act
 * on. Anything else answers undefined. A full or read-only disk is never Google's fault, nor an
 * anonymous INTERNAL error (docs/architecture.md).
 */
export function storageErrorOf(error: unknown): StudioError | undefined {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    if (current instanceof StudioError) return current.code === 'DISK_FULL' || current.code === 'STORAGE_UNWRITABLE' ? current : undefined;
    const code = (current as { code?: unknown }).code;
    if (typeof code !== 'string') continue;
    if (DISK_FULL_CODES.has(code)) return new StudioError('DISK_FULL', DISK_FULL_MESSAGE);
    // Node's recursive mkdir reports a read-only (or vanished) parent folder as ENOENT
    const mkdirFailed = code === 'ENOENT' && (current as { syscall?: unknown }).syscall === 'mkdir';
    if (UNWRITABLE_CODES.has(code) || mkdirFailed || code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
      return new StudioError('STORAGE_UNWRITABLE', STORAGE_UNWRITABLE_MESSAGE);
    }
    if (code.startsWith('SQLITE_IOERR')) {
      // SQLite reports a full disk during a journal write as an I/O error on some systems
      return /full|no space/i.test(String((current as { message?: unknown }).message))
        ? new StudioError('DISK_FULL', DISK_FULL_MESSAGE)
        : new StudioError('STORAGE_UNWRITABLE', STORAGE_IO_MESSAGE);
    }
  }
  return undefined;
}
