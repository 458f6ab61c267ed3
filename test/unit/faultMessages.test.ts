import { describe, expect, it } from 'vitest';
import { toStudioError } from '../../src/main/services/gemini/errors';
import { storageErrorOf } from '../../src/main/storageErrors';
import { formatBytes } from '../../src/shared/domain/sizes';

const coded = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('failures of this computer, as told to a person', () => {
  it.each([
    ['ENOSPC', 'DISK_FULL'],
    ['EDQUOT', 'DISK_FULL'],
    ['SQLITE_FULL', 'DISK_FULL'],
    ['EACCES', 'STORAGE_UNWRITABLE'],
    ['EPERM', 'STORAGE_UNWRITABLE'],
    ['EROFS', 'STORAGE_UNWRITABLE'],
    ['SQLITE_READONLY', 'STORAGE_UNWRITABLE'],
    ['SQLITE_READONLY_DBMOVED', 'STORAGE_UNWRITABLE'],
    ['SQLITE_IOERR_WRITE', 'STORAGE_UNWRITABLE'],
  ])('%s is %s, also when wrapped as a cause, and never blamed on Google', (code, expected) => {
    expect(storageErrorOf(coded(code))?.code).toBe(expected);
    expect(storageErrorOf(new Error('saving failed', { cause: coded(code) }))?.code).toBe(expected);
    const mapped = toStudioError(new TypeError('fetch failed', { cause: coded(code) }));
    expect(mapped.code).toBe(expected);
    expect(mapped.message).not.toMatch(/Google/);
  });

  it('leaves other errors alone', () => {
    expect(storageErrorOf(coded('ECONNRESET'))).toBeUndefined();
    expect(storageErrorOf(coded('ENOENT'))).toBeUndefined();
    expect(storageErrorOf(new Error('boom'))).toBeUndefined();
    expect(storageErrorOf(null)).toBeUndefined();
  });

  it('says a huge inline answer is too large to receive, not that Google sent something unexpected', () => {
    const tooLong = coded('ERR_STRING_TOO_LONG', 'Cannot create a string longer than 0x1fffffe8 characters');
    expect(toStudioError(tooLong).message).toMatch(/larger than the studio can receive that way/);
    expect(toStudioError(new RangeError('Invalid string length')).message).toMatch(/larger than the studio can receive/);
  });

  it('names sizes the way people read them', () => {
    expect([
      formatBytes(1024 ** 3),
      formatBytes(2 * 1024 ** 3),
      formatBytes(450 * 1024 ** 2),
      formatBytes(1.5 * 1024 ** 2),
      formatBytes(4096),
      formatBytes(1000),
    ]).toEqual(['1 GB', '2 GB', '450 MB', '1.5 MB', '4 KB', '1000 bytes']);
  });
});
