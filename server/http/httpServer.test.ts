import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../test/freePort';
import { createTestStorage, startTestServer, type TestStorage } from '../test/testServer';
import { HEADERS_TIMEOUT_MS } from './httpServer';

type Poll = { path: string; outcome: 'refused' | 'hung' | 'answered'; status?: number; retryAfter?: string | null; body?: string };

async function poll(port: number, path: string): Promise<Poll> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(5_000) });
    return { path, outcome: 'answered', status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.text() };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    if (cause?.code === 'ECONNREFUSED') return { path, outcome: 'refused' };
    return { path, outcome: 'hung' };
  }
}

describe('the HTTP server while it starts', () => {
  let storage: TestStorage;

  beforeAll(async () => {
    storage = await createTestStorage();
  });
  afterAll(async () => {
    await storage?.cleanup();
  });

  it('answers every request made from the moment the port is bound', async () => {
    const port = await freePort();
    const polls: Promise<Poll>[] = [];
    let polling = true;
    const poller = (async () => {
      for (let i = 0; polling; i++) {
        polls.push(poll(port, i % 2 ? '/env-config.js' : '/api/v2/account/details'));
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    const server = await startTestServer(storage, undefined, { port });
    polls.push(poll(port, '/env-config.js'));
    polling = false;
    await poller;
    try {
      const results = await Promise.all(polls);
      expect(results.filter((result) => result.outcome === 'hung')).toEqual([]);
      // Else the polls missed the window between binding the port and serving the app, and proved nothing.
      expect(results.filter((result) => result.status === 503).length).toBeGreaterThan(0);
      for (const result of results.filter((candidate) => candidate.status === 503)) {
        expect(result.retryAfter).toMatch(/^\d+$/);
        const body = JSON.parse(result.body!) as Record<string, unknown>;
        if (result.path.startsWith('/api/')) expect(body).toEqual({ errors: [expect.objectContaining({ status: '503' })] });
        else expect(body).toEqual({ error: 'Service Unavailable', message: expect.stringMatching(/starting/) });
      }
      expect(results.at(-1)).toMatchObject({ outcome: 'answered', status: 200 });
    } finally {
      await server.close();
    }
  });
});

describe('the HTTP server against a slow client', () => {
  let storage: TestStorage;
  let url: URL;
  let close: () => Promise<void>;

  beforeAll(async () => {
    storage = await createTestStorage();
    const server = await startTestServer(storage);
    url = new URL(server.url);
    close = () => server.close();
  });
  afterAll(async () => {
    await close?.();
    await storage?.cleanup();
  });

  it('cuts off a client that never finishes its headers (slow loris)', async () => {
    const socket = connect(Number(url.port), url.hostname);
    socket.write('GET /env-config.js HTTP/1.1\r\nHost: localhost\r\n');
    const drip = setInterval(() => socket.write('X-Slow: a\r\n'), 500);
    const started = Date.now();
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    await new Promise<void>((resolve) => socket.once('close', () => resolve()));
    clearInterval(drip);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 500);
    expect(elapsed).toBeLessThan(HEADERS_TIMEOUT_MS + 3_000);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });
});
