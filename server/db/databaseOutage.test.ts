import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresCluster, type PostgresCluster } from '../../scripts/postgres.mjs';
import { startServer, type RunningServer } from '../app';
import { call, generatePat } from '../test/api';
import { OidcBrowser, signIn } from '../test/signIn';
import { BACKENDS, createTestStorage, SKIP_POSTGRES_REASON, testConfig, type TestStorage } from '../test/testServer';

/** Requests that all reach the database, each with the error shape its API answers in. */
const REQUESTS = [
  { method: 'GET', path: '/pat/v1', credential: 'signIn', shape: 'token-api' },
  { method: 'GET', path: '/pat/v1', credential: 'pat', shape: 'token-api' },
  { method: 'POST', path: '/pat/v1', credential: 'signIn', shape: 'token-api', body: { description: 'While down', days: 1 } },
  { method: 'GET', path: '/access-token/v1/teams', credential: 'signIn', shape: 'token-api' },
  { method: 'GET', path: '/api/v1/organization', credential: 'signIn', shape: 'json-api' },
  { method: 'GET', path: '/api/v2/account/details', credential: 'pat', shape: 'json-api' },
  { method: 'GET', path: '/api/v2/users/user-YWRtaW5AZXhhbXBsZS5jb20/authentication-tokens', credential: 'signIn', shape: 'json-api' },
] as const;

describe('PostgreSQL going away under a running server', { timeout: 120_000 }, () => {
  if (!BACKENDS[1]!.available) {
    it.skip(SKIP_POSTGRES_REASON, () => {});
    return;
  }

  let cluster: PostgresCluster;
  let storage: TestStorage;
  let server: RunningServer;
  let credentials: Record<'signIn' | 'pat', string>;

  const send = (request: (typeof REQUESTS)[number]) =>
    call(server.url, request.method, request.path, {
      token: credentials[request.credential],
      body: 'body' in request ? request.body : undefined,
    });

  beforeAll(async () => {
    cluster = await createPostgresCluster();
    cluster.start();
    storage = await createTestStorage();
    server = await startServer(testConfig(storage, { databaseUrl: cluster.url }));
    const { accessToken } = await signIn(server.url, 'admin@example.com');
    credentials = { signIn: accessToken, pat: await generatePat(server.url, accessToken) };
  });
  afterAll(async () => {
    await server?.close();
    try {
      cluster?.stop();
    } catch {
      // already stopped
    }
    cluster?.remove();
    await storage?.cleanup();
  });

  it('answers 503 with Retry-After and a readable message while it is stopped, then recovers by itself', async () => {
    for (const request of REQUESTS) expect((await send(request)).status).toBeLessThan(300);
    cluster.stop();

    for (const request of REQUESTS) {
      const response = await send(request);
      expect({ request: request.path, status: response.status }).toEqual({ request: request.path, status: 503 });
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      if (request.shape === 'json-api') {
        expect(response.headers.get('content-type')).toMatch(/^application\/vnd\.api\+json/);
        expect(response.body).toEqual({
          errors: [{ status: '503', title: expect.stringMatching(/service unavailable/i), detail: expect.stringMatching(/database/) }],
        });
      } else {
        expect(response.body).toEqual({ error: 'Service Unavailable', message: expect.stringMatching(/database/) });
      }
    }
    expect((await call(server.url, 'GET', '/env-config.js')).status).toBe(200);
    const refresh = await fetch(`${server.url}/oidc/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: 'token-settings', grant_type: 'refresh_token', refresh_token: 'any' }).toString(),
    });
    expect(refresh.status).toBe(503);
    expect(refresh.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await refresh.json()).toEqual({ error: 'temporarily_unavailable', error_description: expect.stringMatching(/database/) });
    const signInPage = await new OidcBrowser(server.url).openSignInPage().catch((error: Error) => error.message);
    expect(signInPage).toMatch(/status 503/);

    cluster.start();
    for (const request of REQUESTS) expect((await send(request)).status).toBeLessThan(300);
  });

  it('never answers 500 across a restart, and works again after it', async () => {
    const statuses = new Set<number>();
    let polling = true;
    const poller = (async () => {
      while (polling) {
        for (const request of REQUESTS) statuses.add((await send(request)).status);
      }
    })();
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      cluster.stop();
      await new Promise((resolve) => setTimeout(resolve, 500));
      cluster.start();
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      polling = false;
      await poller;
    }
    expect([...statuses].filter((status) => status >= 500 && status !== 503)).toEqual([]);
    for (const request of REQUESTS) expect((await send(request)).status).toBeLessThan(300);
  });
});
