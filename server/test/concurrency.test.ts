import { decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../app';
import { call, generatePat, generateTeamToken } from './api';
import { signIn } from './signIn';
import {
  BACKENDS,
  createTestStorage,
  SKIP_POSTGRES_REASON,
  TEST_TOKEN_SIGNING_KEY,
  testConfig,
  type TestStorage,
} from './testServer';

describe.each(BACKENDS)('concurrent requests on $name', (backend) => {
  if (!backend.available) {
    it.skip(SKIP_POSTGRES_REASON, () => {});
    return;
  }

  let storage: TestStorage;
  let server: RunningServer;
  let admin: string;

  beforeAll(async () => {
    storage = await createTestStorage(backend);
    server = await startServer(testConfig(storage, { tokenSigningKey: TEST_TOKEN_SIGNING_KEY }));
    admin = (await signIn(server.url, 'admin@example.com')).accessToken;
  });
  afterAll(async () => {
    await server?.close();
    await storage?.cleanup();
  });

  /** The `jti` of each token after checking its signature; throws on any that does not verify. */
  const verifiedIds = (tokens: string[]) =>
    Promise.all(tokens.map(async (token) => (await jwtVerify(token, TEST_TOKEN_SIGNING_KEY)).payload.jti));

  it('200 concurrent generates make 200 distinct rows and 200 tokens that work at the API', async () => {
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        call(server.url, 'POST', '/pat/v1', { token: admin, body: { description: `Parallel ${index}`, days: 7 } }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(200).fill(201));
    const tokens = responses.map((response) => (response.body as { token: string }).token);
    expect(new Set(tokens).size).toBe(200);
    const ids = await verifiedIds(tokens);
    expect(new Set(ids).size).toBe(200);

    const rows = (await call(server.url, 'GET', '/pat/v1', { token: admin })).body as { id: string; description: string }[];
    const parallelRows = rows.filter((row) => row.description.startsWith('Parallel '));
    expect(parallelRows).toHaveLength(200);
    expect(new Set(parallelRows.map((row) => row.id))).toEqual(new Set(ids));

    // Every token authenticates, all at once, as its user.
    const uses = await Promise.all(tokens.map((token) => call(server.url, 'GET', '/pat/v1', { token })));
    expect(uses.map((use) => use.status)).toEqual(Array(200).fill(202));
    expect(uses.every((use) => (use.body as unknown[]).length === rows.length)).toBe(true);
  });

  it('100 concurrent team-token generates make 100 distinct rows and 100 tokens that work at the API', async () => {
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        call(server.url, 'POST', '/access-token/v1/teams', {
          token: admin,
          body: { group: 'TERRAKUBE_DEVELOPERS', description: `Team parallel ${index}`, days: 1, hours: 0, minutes: 0 },
        }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(100).fill(201));
    const tokens = responses.map((response) => (response.body as { token: string }).token);
    const ids = await verifiedIds(tokens);
    expect(new Set(ids).size).toBe(100);

    const rows = (await call(server.url, 'GET', '/access-token/v1/teams', { token: admin })).body as {
      id: string;
      description: string;
    }[];
    const parallelRows = rows.filter((row) => row.description.startsWith('Team parallel '));
    expect(new Set(parallelRows.map((row) => row.id))).toEqual(new Set(ids));

    const uses = await Promise.all(
      tokens.map((token) => call(server.url, 'GET', '/access-token/v1/teams/current-teams', { token })),
    );
    expect(uses.map((use) => use.status)).toEqual(Array(100).fill(202));
    expect(uses.map((use) => use.body)).toEqual(Array(100).fill({ groups: ['TERRAKUBE_DEVELOPERS'] }));
  });

  it('concurrent deletes of one personal token: exactly one 202, the rest 404, never 500', async () => {
    const { jti } = decodeJwt(await generatePat(server.url, admin, 'Deleted many times'));
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => call(server.url, 'DELETE', `/pat/v1/${jti}`, { token: admin })),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([202, ...Array(19).fill(404)]);
  });

  it('concurrent deletes of one team token: exactly one 202, the rest 404, and the token stops working', async () => {
    const token = await generateTeamToken(server.url, admin, { group: 'TERRAKUBE_ADMIN', description: 'Team, deleted many times' });
    const { jti } = decodeJwt(token);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => call(server.url, 'DELETE', `/access-token/v1/teams/${jti}`, { token: admin })),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([202, ...Array(19).fill(404)]);
    expect((await call(server.url, 'GET', '/access-token/v1/teams/current-teams', { token })).status).toBe(401);
  });
});
