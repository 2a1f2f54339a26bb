import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

export interface ConditionalAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as they came over the wire, still compressed. */
  raw: Buffer;
  /** The body decoded from its Content-Encoding (gzip, br) and parsed as JSON; undefined when empty. */
  json: unknown;
}

/**
 * A GET with exactly the headers given (no Accept-Encoding unless named, unlike fetch), read to the end, for
 * checking ETags, 304s and content codings byte for byte.
 */
export function conditionalGet(baseUrl: string, path: string, headers: Record<string, string | string[]>): Promise<ConditionalAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.get(new URL(path, baseUrl), { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const raw = Buffer.concat(chunks);
        const coding = response.headers['content-encoding'];
        const body = coding === 'gzip' ? gunzipSync(raw) : coding === 'br' ? brotliDecompressSync(raw) : raw;
        const text = body.toString('utf8');
        resolve({ status: response.statusCode!, headers: response.headers, raw, json: text ? (JSON.parse(text) as unknown) : undefined });
      });
    });
    request.on('error', reject);
  });
}
