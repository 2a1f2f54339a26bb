/** API calls as the bench sends them: over HTTP from this process, read to the end, timed. */

import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

export interface Answer {
  status: number;
  json: () => unknown;
}

/** GET requests sent again after the server had closed their kept-alive connection (see `authorized`). */
export const resends = { count: 0 };

/** Connections kept alive between calls, as a browser keeps them; as many at once as there are calls. */
const agent = new http.Agent({ keepAlive: true });

const DECODE: Record<string, (body: Buffer) => Buffer> = { gzip: gunzipSync, br: brotliDecompressSync };

/**
 * Sends one request and reads its answer to the end, decoded. Plain `node:http` rather than `fetch`: the clients
 * share the machine with the server, and `fetch` costs them about twice the CPU per call, which the server's
 * latency would then include. Asks for gzip, as Node's `fetch` does, so that the server still compresses.
 */
function send(url: string, method: string, headers: http.OutgoingHttpHeaders, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, agent, headers: { 'accept-encoding': 'gzip', ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        try {
          const raw = Buffer.concat(chunks);
          const decode = DECODE[response.headers['content-encoding'] ?? ''];
          resolve({ status: response.statusCode!, text: (decode ? decode(raw) : raw).toString('utf8') });
        } catch (error) {
          reject(error as Error);
        }
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * One API call, read to the end (so its latency includes the whole answer). Under load the server may close a
 * kept-alive connection as idle (5 s after it wrote its last answer) just as this process sends the next request
 * on it; like a browser, a GET is then sent once more, on a new connection, and the latency counts both tries.
 * Such resends are counted and printed.
 */
export async function authorized(baseURL: string, token: string, method: string, path: string, body?: unknown): Promise<Answer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers = { authorization: `Bearer ${token}`, ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) };
  let answer: { status: number; text: string };
  try {
    answer = await send(`${baseURL}${path}`, method, headers, payload);
  } catch (error) {
    if (method !== 'GET' || (error as { code?: string }).code !== 'ECONNRESET') throw error;
    resends.count++;
    answer = await send(`${baseURL}${path}`, method, headers, payload);
  }
  return { status: answer.status, json: () => JSON.parse(answer.text) as unknown };
}

/** Runs `count` calls of `send` with `clients` in parallel; returns each call's latency in ms. */
export async function timed(count: number, clients: number, send: (i: number) => Promise<Answer>, status: number): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < count) {
        const i = next++;
        const started = performance.now();
        const response = await send(i);
        latencies.push(performance.now() - started);
        if (response.status !== status) throw new Error(`call ${i} answered ${response.status}, expected ${status}`);
      }
    }),
  );
  return latencies;
}

/** `clients` calling `send` over and over until stopped; `stop` resolves with each call's latency in ms. */
export function timedWhile(clients: number, send: () => Promise<Answer>, status: number): { stop: () => Promise<number[]> } {
  const latencies: number[] = [];
  let running = true;
  const done = Promise.all(
    Array.from({ length: clients }, async () => {
      while (running) {
        const started = performance.now();
        const response = await send();
        latencies.push(performance.now() - started);
        if (response.status !== status) throw new Error(`a call answered ${response.status}, expected ${status}`);
      }
    }),
  );
  // A failure surfaces when stopped, not as an unhandled rejection before.
  done.catch(() => undefined);
  return {
    async stop() {
      running = false;
      await done;
      return latencies;
    },
  };
}

/** The id (`jti`) of a secret a generate answered. */
export const idOfSecret = (secret: string): string => JSON.parse(Buffer.from(secret.split('.')[1]!, 'base64url').toString()).jti;
