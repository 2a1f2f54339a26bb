import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './test/api';
import { spawnServer, stopServer, type ServerProcess } from './test/serverProcess';
import { signIn } from './test/signIn';
import { createTestStorage, startTestServer, type TestStorage } from './test/testServer';

const REQUESTS = 60;

type Outcome = { status: number; token?: string } | { failure: string };

describe('stopping the server with SIGTERM', { timeout: 90_000 }, () => {
  let storage: TestStorage;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    storage = await createTestStorage();
  });
  afterAll(async () => {
    await stopServer(server);
    await storage?.cleanup();
  });

  it('answers every request it accepted, keeps every 201, and exits 0', async () => {
    server = spawnServer({ DATA_DIR: storage.dataDir, STATIC_DIR: storage.staticDir });
    const url = await server.started;
    const { accessToken } = await signIn(url, 'admin@example.com');

    let signalled = false;
    const outcomes = await Promise.all(
      Array.from({ length: REQUESTS }, async (_, index): Promise<Outcome> => {
        try {
          const response = await call(url, 'POST', '/pat/v1', {
            token: accessToken,
            body: { description: `During shutdown ${index}`, days: 1 },
          });
          // Stop in the middle: the first answer is back, the other requests are in flight.
          if (!signalled) {
            signalled = true;
            server!.child.kill('SIGTERM');
          }
          return { status: response.status, token: (response.body as { token?: string } | undefined)?.token };
        } catch (error) {
          return { failure: String((error as { cause?: unknown }).cause ?? error) };
        }
      }),
    );
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('SIGTERM received');

    expect(outcomes.filter((outcome) => 'failure' in outcome)).toEqual([]);
    const created = outcomes.filter((outcome): outcome is { status: number; token: string } => 'status' in outcome && outcome.status === 201);
    expect(created).toHaveLength(REQUESTS);

    const restarted = await startTestServer(storage);
    try {
      // A new port is a new audience: sign in again.
      const again = await signIn(restarted.url, 'admin@example.com');
      const list = await call(restarted.url, 'GET', '/pat/v1', { token: again.accessToken });
      const stored = (list.body as { id: string; description: string }[]).filter((row) => row.description.startsWith('During shutdown'));
      expect(stored.map((row) => row.id).sort()).toEqual(created.map((outcome) => decodeJwt(outcome.token).jti).sort());
    } finally {
      await restarted.close();
    }
  });
});
