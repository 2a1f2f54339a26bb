import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { KeptRepresentations } from './keptRepresentations';

const KB = 1024;
const answer = (size: number, fill = 'a') => async () => ({ body: Buffer.alloc(size, fill), contentType: 'application/json' });

describe('kept representations', () => {
  it('keeps an answer under its key while the stamp is the same, and builds it again for another stamp', async () => {
    const kept = new KeptRepresentations(1024 * KB);
    let builds = 0;
    const build = async () => {
      builds++;
      return { body: Buffer.from(`{"build":${builds}}`), contentType: 'application/json' };
    };
    const first = await kept.get('list', '1', build);
    expect(await kept.get('list', '1', build)).toBe(first);
    const second = await kept.get('list', '2', build);
    expect(second.body.toString()).toBe('{"build":2}');
    expect(second.etag).not.toBe(first.etag);
    expect(kept.size).toBe(1);
  });

  it('shares one build among concurrent requests for the same key and stamp', async () => {
    const kept = new KeptRepresentations(1024 * KB);
    let builds = 0;
    const slow = async () => {
      builds++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { body: Buffer.from('[]'), contentType: 'application/json' };
    };
    const answers = await Promise.all(Array.from({ length: 50 }, () => kept.get('list', '1', slow)));
    expect(builds).toBe(1);
    expect(new Set(answers).size).toBe(1);
  });

  it('keeps nothing of a build that failed: the next request tries again', async () => {
    const kept = new KeptRepresentations(1024 * KB);
    await expect(kept.get('list', '1', () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    expect((await kept.get('list', '1', answer(10))).body.length).toBe(10);
  });

  it('stays within its bound, dropping the least recently used answers first', async () => {
    const kept = new KeptRepresentations(100 * KB);
    for (let owner = 0; owner < 50; owner++) await kept.get(`owner ${owner}`, '1', answer(10 * KB));
    expect(kept.keptBytes).toBeLessThanOrEqual(100 * KB);
    expect(kept.size).toBeGreaterThanOrEqual(8);
    expect(kept.size).toBeLessThan(50);
    // The last ones are kept, the first ones dropped; a hit makes an answer recent again.
    let rebuilt = false;
    const latest = await kept.get('owner 49', '1', async () => ((rebuilt = true), answer(10 * KB)()));
    expect(rebuilt).toBe(false);
    await kept.get('owner 0', '1', async () => ((rebuilt = true), answer(10 * KB)()));
    expect(rebuilt).toBe(true);
    expect(await kept.get('owner 49', '1', answer(1))).toBe(latest);
  });

  it('counts compressed forms toward the bound, and does not keep one answer larger than a quarter of it', async () => {
    const kept = new KeptRepresentations(100 * KB);
    const representation = await kept.get('list', '1', answer(20 * KB));
    const before = kept.keptBytes;
    const gzip = await representation.encodedAs('gzip');
    const br = await representation.encodedAs('br');
    expect(gunzipSync(gzip)).toEqual(representation.body);
    expect(brotliDecompressSync(br)).toEqual(representation.body);
    expect(await representation.encodedAs('gzip')).toBe(gzip);
    expect(kept.keptBytes).toBe(before + gzip.length + br.length);

    const huge = await kept.get('huge', '1', answer(30 * KB));
    expect(huge.body.length).toBe(30 * KB);
    expect(kept.size).toBe(1);
    expect(kept.keptBytes).toBe(before + gzip.length + br.length);
  });

  it('counts keys toward the bound, so that many long URLs of small answers stay within it', async () => {
    const kept = new KeptRepresentations(1024 * KB);
    for (let n = 0; n < 200; n++) await kept.get(`/api/v2/…?q=${'x'.repeat(16 * KB)}${n}`, '1', answer(10));
    expect(kept.keptBytes).toBeLessThanOrEqual(1024 * KB);
    expect(kept.size).toBeLessThan(64);
  });

  it('does not let a build that started earlier, and finished later, replace the newer answer', async () => {
    const kept = new KeptRepresentations(1024 * KB);
    let finishOld!: () => void;
    const old = kept.get('list', '1', () => new Promise((resolve) => (finishOld = () => resolve({ body: Buffer.from('old'), contentType: 'x' }))));
    const newer = await kept.get('list', '2', answer(3, 'n'));
    finishOld();
    expect((await old).body.toString()).toBe('old');
    expect(await kept.get('list', '2', answer(3, 'r'))).toBe(newer);
  });
});
