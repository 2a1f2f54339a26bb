/** API calls as the bench sends them: over HTTP from this process, read to the end, timed. */

export interface Answer {
  status: number;
  json: () => unknown;
}

/** GET requests sent again after the server had closed their kept-alive connection (see `authorized`). */
export const resends = { count: 0 };

/**
 * One API call, read to the end (so its latency includes the whole answer). Under load the server may close a
 * kept-alive connection as idle (5 s after it wrote its last answer) before this process has read that answer
 * and sent the next request on it; like a browser, a GET is then sent once more, on a new connection, and the
 * latency counts both tries. Such resends are counted and printed.
 */
export async function authorized(baseURL: string, token: string, method: string, path: string, body?: unknown): Promise<Answer> {
  const send = () =>
    fetch(`${baseURL}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  let response: Response;
  try {
    response = await send();
  } catch (error) {
    if (method !== 'GET' || (error as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw error;
    resends.count++;
    response = await send();
  }
  const text = await response.text();
  return { status: response.status, json: () => JSON.parse(text) as unknown };
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
