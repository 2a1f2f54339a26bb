/** Calling the embedded API from the bench, and timing many calls at a given concurrency. */

export interface Answer {
  status: number;
  json: () => unknown;
}

/** API calls with a bearer token, each read to the end (so that its latency includes the whole answer). */
export class ApiCaller {
  /** GET requests sent again after the server had closed their kept-alive connection (see `call`). */
  resentRequests = 0;

  constructor(private readonly baseUrl: string) {}

  /**
   * One call. Under load the server may close a kept-alive connection as idle (5 s after it wrote its last
   * answer) before this process has read that answer and sent the next request on it; like a browser, a GET is
   * then sent once more, on a new connection, and the latency counts both tries. `expect` checks the status.
   */
  async call(token: string, method: string, path: string, body?: unknown, expect?: number): Promise<Answer> {
    const send = () =>
      fetch(`${this.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
    let response: Response;
    try {
      response = await send();
    } catch (error) {
      if (method !== 'GET' || (error as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw error;
      this.resentRequests++;
      response = await send();
    }
    const text = await response.text();
    if (expect !== undefined && response.status !== expect) throw new Error(`${method} ${path} answered ${response.status}, expected ${expect}`);
    return { status: response.status, json: () => JSON.parse(text) as unknown };
  }
}

/** Runs `count` calls of `send` with `clients` in parallel; each call's latency in ms. */
export async function timedCalls(count: number, clients: number, send: (i: number) => Promise<Answer>, status: number): Promise<number[]> {
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
