import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from './httpServer';

/** The HTTP server alone, answering every request after `delayMs`, and a promise of each request's arrival. */
async function listeningServer(delayMs: number): Promise<{ http: HttpServer; url: string; arrived: Promise<void> }> {
  const http = createHttpServer();
  let arrive!: () => void;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  http.serve((_req, res) => {
    arrive();
    setTimeout(() => res.end('done'), delayMs);
  });
  await new Promise<void>((resolve) => http.server.listen(0, '127.0.0.1', resolve));
  const { port } = http.server.address() as AddressInfo;
  return { http, url: `http://127.0.0.1:${port}`, arrived };
}

/** Node's timer that enforces the header and request timeouts of a server; it has no public name. */
function timeoutsChecker(http: HttpServer): { _destroyed: boolean } {
  const key = Object.getOwnPropertySymbols(http.server).find((symbol) => symbol.description === 'http.server.connectionsCheckingInterval');
  return (http.server as unknown as Record<symbol, { _destroyed: boolean }>)[key!]!;
}

describe('stopping the HTTP server', () => {
  it('resolves every drain() called while a request is answered, and the request gets its answer', async () => {
    const { http, url, arrived } = await listeningServer(300);
    const answer = fetch(url).then((response) => response.text());
    await arrived;
    const drains = [http.drain(), http.drain()];
    const settled = await Promise.race([
      Promise.all(drains).then(() => 'resolved'),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 3_000)),
    ]);
    expect(settled).toBe('resolved');
    expect(await answer).toBe('done');
    await expect(http.drain()).resolves.toBeUndefined();
  });

  it('stops the timer that enforces the request timeouts', async () => {
    const { http } = await listeningServer(0);
    expect(timeoutsChecker(http)._destroyed).toBe(false);
    await http.drain();
    expect(timeoutsChecker(http)._destroyed).toBe(true);
  });
});
