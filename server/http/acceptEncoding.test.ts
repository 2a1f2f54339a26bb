import { describe, expect, it } from 'vitest';
import { acceptedCodings, chooseEncoding } from './acceptEncoding';

const BOTH = ['br', 'gzip'] as const;

describe('chooseEncoding', () => {
  it.each<[string | undefined, readonly ('br' | 'gzip')[], string | undefined]>([
    // Browsers name gzip first: among equal weights the smaller brotli wins.
    ['gzip, deflate, br, zstd', BOTH, 'br'],
    ['gzip', BOTH, 'gzip'],
    ['GZIP', BOTH, 'gzip'],
    ['x-gzip', BOTH, 'gzip'],
    ['br', ['gzip'], undefined],
    ['gzip, br', ['gzip'], 'gzip'],
    ['br;q=0, gzip', BOTH, 'gzip'],
    ['br;q=0.5, gzip;q=0.8', BOTH, 'gzip'],
    ['br;q=1.0, gzip;q=1', BOTH, 'br'],
    ['gzip;q=0, br;q=0', BOTH, undefined],
    ['*', BOTH, 'br'],
    ['*;q=0', BOTH, undefined],
    ['gzip, *;q=0', BOTH, 'gzip'],
    ['identity', BOTH, undefined],
    ['deflate', BOTH, undefined],
    [undefined, BOTH, undefined],
    ['', BOTH, undefined],
  ])('%j with %j available: %s', (header, available, expected) => {
    expect(chooseEncoding(header, available)).toBe(expected);
  });

  it('ignores entries with a malformed weight, and junk, rather than guessing', () => {
    expect(chooseEncoding('br;q=2, gzip', BOTH)).toBe('gzip');
    expect(chooseEncoding('br;q=abc, gzip;q=-1', BOTH)).toBeUndefined();
    expect(chooseEncoding('br;q=0.1234, gzip;q=0.001', BOTH)).toBe('gzip');
    expect(chooseEncoding(';;;,,, ;q=1, "br"', BOTH)).toBeUndefined();
    expect(chooseEncoding(`${'gzip;q=0,'.repeat(10_000)}br`, BOTH)).toBe('br');
  });
});

describe('acceptedCodings', () => {
  it('keeps the highest weight of a coding named twice', () => {
    expect(acceptedCodings('gzip;q=0, gzip;q=0.5, br ; Q=0.2')).toEqual(new Map([['gzip', 0.5], ['br', 0.2]]));
  });
});
