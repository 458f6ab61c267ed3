import { describe, expect, it } from 'vitest';
import { tooLargeMessage } from './importImage';

const MB = 1024 * 1024;

describe('the message for a file over the import limit', () => {
  it('names the file, its size and the limit in whole megabytes', () => {
    expect(tooLargeMessage('holiday.png', 27 * MB)).toBe('holiday.png is 27 MB; the limit is 20 MB.');
    expect(tooLargeMessage('scan.jpg', 26.6 * MB)).toBe('scan.jpg is 27 MB; the limit is 20 MB.');
  });

  it('keeps a decimal just over the limit, where rounding would make the file look allowed', () => {
    expect(tooLargeMessage('a.png', 20 * MB + 1)).toBe('a.png is 20.1 MB; the limit is 20 MB.');
    expect(tooLargeMessage('b.png', 20.3 * MB)).toBe('b.png is 20.3 MB; the limit is 20 MB.');
  });
});
