import http from 'node:http';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { precompressFolder } from '../../scripts/precompress';
import { BACKENDS, useTestServer } from '../test/testServer';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A request whose body is read as sent, still encoded (fetch would decode it). */
function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .request(url, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject)
      .end();
  });
}

const BUNDLE = `export const rows = [${Array.from({ length: 400 }, (_, i) => `"token row ${i}"`).join(',')}];\n`;

describe('precompressed bundles', () => {
  const server = useTestServer(BACKENDS[0]!);
  let assets: string;
  let gz: Buffer;
  let br: Buffer;
  const url = (file = 'index-abc123.js') => `${server.url}/assets/${file}`;

  beforeAll(async () => {
    assets = path.join(server.storage.staticDir, 'assets');
    await mkdir(assets, { recursive: true });
    await writeFile(path.join(assets, 'index-abc123.js'), BUNDLE);
    await writeFile(path.join(assets, 'small.js'), 'export {};\n');
    // As the build writes them.
    expect(await precompressFolder(server.storage.staticDir)).toBe(2);
    gz = await readFile(path.join(assets, 'index-abc123.js.gz'));
    br = await readFile(path.join(assets, 'index-abc123.js.br'));
  });

  it('writes a gzip and a brotli copy that decode to the file, and none for small files', async () => {
    expect(gunzipSync(gz).toString()).toBe(BUNDLE);
    expect(brotliDecompressSync(br).toString()).toBe(BUNDLE);
    expect(br.length).toBeLessThan(gz.length);
    await expect(readFile(path.join(assets, 'small.js.gz'))).rejects.toThrow();
  });

  it('sends brotli to a browser that accepts it, with its own length and ETag, cacheable for good', async () => {
    const answer = await get(url(), { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toMatch(/javascript/);
    expect(answer.headers['content-length']).toBe(String(br.length));
    expect(answer.headers.vary).toMatch(/Accept-Encoding/i);
    expect(answer.headers.etag).toMatch(/-br"$/);
    expect(answer.headers['cache-control']).toContain('immutable');
    expect(answer.body.equals(br)).toBe(true);
  });

  it('sends the gzip copy to a client that accepts gzip only, or refuses brotli', async () => {
    for (const acceptEncoding of ['gzip', 'br;q=0, gzip', 'gzip;q=0.9, br;q=0.5']) {
      const answer = await get(url(), { 'accept-encoding': acceptEncoding });
      expect(answer.headers['content-encoding']).toBe('gzip');
      expect(answer.headers['content-length']).toBe(String(gz.length));
      expect(answer.headers.etag).toMatch(/-gzip"$/);
      expect(answer.body.equals(gz)).toBe(true);
    }
  });

  it('sends the file as it is to a client that names no encoding or refuses both, still varying on it', async () => {
    for (const headers of [{} as Record<string, string>, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'gzip;q=0, br;q=0' }, { 'accept-encoding': '*;q=0' }]) {
      const answer = await get(url(), headers);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-encoding']).toBeUndefined();
      expect(answer.headers['content-length']).toBe(String(Buffer.byteLength(BUNDLE)));
      expect(answer.headers.vary).toMatch(/Accept-Encoding/i);
      expect(answer.body.toString()).toBe(BUNDLE);
    }
  });

  it('compresses on the fly for an encoding it has no copy in', async () => {
    const answer = await get(url(), { 'accept-encoding': 'deflate' });
    expect(answer.headers['content-encoding']).toBe('deflate');
    expect(inflateSync(answer.body).toString()).toBe(BUNDLE);
  });

  it('answers HEAD with the headers of the GET and no body', async () => {
    const answer = await get(url(), { 'accept-encoding': 'br' }, 'HEAD');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-length']).toBe(String(br.length));
    expect(answer.body.length).toBe(0);
  });

  it('revalidates with its ETag: 304 without a body', async () => {
    const first = await get(url(), { 'accept-encoding': 'gzip' });
    const again = await get(url(), { 'accept-encoding': 'gzip', 'if-none-match': first.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    // The brotli copy is another representation: the gzip one's ETag does not match it.
    expect((await get(url(), { 'accept-encoding': 'br', 'if-none-match': first.headers.etag! })).status).toBe(200);
  });

  it('serves ranges of the bytes it sends, and refuses one past their end with 416', async () => {
    const part = await get(url(), { 'accept-encoding': 'gzip', range: 'bytes=0-9' });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 0-9/${gz.length}`);
    expect(part.headers['content-encoding']).toBe('gzip');
    expect(part.body.equals(gz.subarray(0, 10))).toBe(true);

    const past = await get(url(), { 'accept-encoding': 'gzip', range: `bytes=${gz.length + 10}-` });
    expect(past.status).toBe(416);
    expect(past.headers['content-encoding']).toBeUndefined();
    expect(past.headers['content-range']).toBe(`bytes */${gz.length}`);
    expect(JSON.parse(past.body.toString())).toEqual({ error: 'Range Not Satisfiable', message: expect.any(String) });
  });

  it('answers hostile or odd paths with a 4xx, never a copy from outside the folder', async () => {
    for (const target of ['..%2F..%2Fpackage.json', '%2E%2E%2Findex.html', '%E0%A4%A.js', 'index-abc123.js%00', 'nope.js']) {
      const answer = await get(url(target), { 'accept-encoding': 'gzip, br' });
      expect(answer.status, target).toBeGreaterThanOrEqual(400);
      expect(answer.status, target).toBeLessThan(500);
      expect(answer.headers['content-encoding'], target).toBeUndefined();
    }
  });

  it('does not send a copy whose file is gone (a rebuild in progress)', async () => {
    await writeFile(path.join(assets, 'gone.js.gz'), gz);
    const answer = await get(url('gone.js'), { 'accept-encoding': 'gzip' });
    expect(answer.status).toBe(404);
    await rm(path.join(assets, 'gone.js.gz'));
  });
});
