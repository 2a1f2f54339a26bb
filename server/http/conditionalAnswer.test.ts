import { describe, expect, it } from 'vitest';
import { codingFor, noneMatchHolds } from './conditionalAnswer';

const ETAG = '"abc-gzip"';

describe('If-None-Match', () => {
  it('matches the ETag alone, weakly, in a list with empty elements, and *', () => {
    for (const header of [ETAG, `W/${ETAG}`, `"other", ${ETAG}`, ` "a" ,, W/"b", ${ETAG} `, `${ETAG},`, '*', `"a,b", ${ETAG}`]) {
      expect(noneMatchHolds(header, ETAG), header).toBe(true);
    }
  });

  it('ignores a value that does not parse, as if it were not sent', () => {
    for (const header of ['', ',', 'abc-gzip', `${ETAG}, garbage`, `garbage, ${ETAG}`, `${ETAG}${ETAG}`, `"abc-gzip`, `"ab"c"`]) {
      expect(noneMatchHolds(header, ETAG), header).toBe(false);
    }
    expect(noneMatchHolds(undefined, ETAG)).toBe(false);
  });

  it('reads a hostile value in linear time', () => {
    const started = performance.now();
    expect(noneMatchHolds(`${Array.from({ length: 2000 }, (_, i) => `"t${i}"`).join(', ')}, ${ETAG}`, ETAG)).toBe(true);
    expect(noneMatchHolds(`"${'a'.repeat(100_000)}`, ETAG)).toBe(false);
    expect(noneMatchHolds(`${' ,'.repeat(50_000)}x`, ETAG)).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('the content coding', () => {
  it('takes brotli, then gzip, by weight; identity when nothing else is taken, and for small answers', () => {
    expect(codingFor('gzip, deflate, br, zstd', 5000)).toBe('br');
    expect(codingFor('br;q=0.5, gzip', 5000)).toBe('gzip');
    expect(codingFor('*', 5000)).toBe('br');
    expect(codingFor('*;q=0, gzip', 5000)).toBe('gzip');
    expect(codingFor('deflate', 5000)).toBe('identity');
    expect(codingFor('br;q=0, gzip;q=0, identity;q=0', 5000)).toBe('identity');
    expect(codingFor('gzip;q=garbage', 5000)).toBe('identity');
    expect(codingFor(undefined, 5000)).toBe('identity');
    expect(codingFor('gzip', 100)).toBe('identity');
  });
});
