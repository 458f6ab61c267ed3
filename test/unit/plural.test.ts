import { describe, expect, it } from 'vitest';
import { plural } from '../../src/shared/domain/plural';

describe('plural', () => {
  it('uses the singular for exactly one and the plural otherwise', () => {
    expect(plural(1, 'file', 'files')).toBe('1 file');
    expect(plural(5, 'file', 'files')).toBe('5 files');
    expect(plural(0, 'file', 'files')).toBe('0 files');
    expect(plural(2, 'address', 'addresses')).toBe('2 addresses');
  });
});
