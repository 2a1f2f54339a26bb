import fc from 'fast-check';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import type { RunningServer } from '../app';
import { call, generatePat, generateTeamToken } from './api';
import { bodyRequest, headerRequest, pathRequest, type Credentials, type HostileRequest } from './hostileArbitraries';
import { errorBodyProblem, kindOfPath, type RouteFixtures } from './hostileRoutes';
import { FIXED_CASES } from './hostileCases';
import { NoAnswerError, rawRequest, type RawRequest } from './rawHttp';
import { OidcBrowser, signIn } from './signIn';
import { callV2, TEAM_IDS, userIdOfCaller, type Json } from './tfeApi';
import { createTestStorage, startTestServer, type TestStorage } from './testServer';

/** The answer, or undefined when the server closed the connection without one. */
const answerOrNone = (url: string, request: RawRequest) =>
  rawRequest(url, request).catch((error: unknown) => {
    if (error instanceof NoAnswerError) return undefined;
    throw error;
  });

/** Fixed, so a failure is the same on every run; HOSTILE_SEED=… tries others. */
const SEED = Number(process.env.HOSTILE_SEED ?? 20260406);
const RUNS_PER_CLASS = 120;

/**
 * Hostile requests against every route of the running server: none may get a 5xx or log a server error, an API
 * route's error body is JSON in its API's shape, and no token list changes, with or without a valid credential.
 */
describe('hostile requests', () => {
  let storage: TestStorage;
  let server: RunningServer;
  let credentials: Credentials;
  let fixtures: RouteFixtures;
  let listsBefore: unknown;
  let consoleError: MockInstance;

  /**
   * Every token list: both surfaces, the person's own and their teams', plus another person's. The suite's own
   * personal token records its last use whenever a request authenticates with it, so that one field is left out.
   */
  async function tokenLists() {
    const admin = credentials['sign-in'];
    const patId = decodeJwt(credentials.pat).jti;
    const pats = (await call(server.url, 'GET', '/pat/v1', { token: admin })).body as Json[];
    const v2 = (await callV2(server.url, 'GET', `/users/${fixtures.user}/authentication-tokens`, { token: admin })).body!;
    return {
      pats: pats.map((row) => (row.id === patId ? { ...row, lastUsedDate: 'its own use' } : row)),
      teams: (await call(server.url, 'GET', '/access-token/v1/teams', { token: admin })).body,
      v2: {
        ...v2,
        data: (v2.data as Json[]).map((row) =>
          row.id === `at-${patId}` ? { ...row, attributes: { ...row.attributes, 'last-used-at': 'its own use' } } : row,
        ),
      },
      legacy: (await callV2(server.url, 'GET', `/teams/${fixtures.teamId}/authentication-token`, { token: admin })).body,
      other: (await call(server.url, 'GET', '/pat/v1', { token: otherUser })).body,
    };
  }
  let otherUser: string;
  /** The distinct token ids in the lists (a personal token is in two of them; `/api/v2` prefixes `at-`). */
  const tokenIds = (lists: Awaited<ReturnType<typeof tokenLists>>) => {
    const ids = [lists.pats, lists.teams, (lists.v2 as { data?: unknown[] } | undefined)?.data, lists.other].flatMap((list) =>
      Array.isArray(list) ? list.map((token: { id: string }) => token.id.replace(/^at-/, '')) : [],
    );
    return new Set(ids);
  };

  beforeAll(async () => {
    storage = await createTestStorage();
    server = await startTestServer(storage);
    const admin = (await signIn(server.url, 'admin@example.com')).accessToken;
    otherUser = (await signIn(server.url, 'aws@example.com')).accessToken;
    const pat = await generatePat(server.url, admin, 'Hostile suite', 1);
    await generatePat(server.url, otherUser, 'Another person', 1);
    await generateTeamToken(server.url, admin, { group: 'TERRAKUBE_ADMIN', days: 1 });
    credentials = { 'sign-in': admin, pat, forged: `${pat.slice(0, -4)}AAAA` };
    const organizations = (await call(server.url, 'GET', '/api/v1/organization', { token: admin })).body as { data: { id: string }[] };
    const org = organizations.data[0]!.id;
    const teams = (await call(server.url, 'GET', `/api/v1/organization/${org}/team`, { token: admin })).body as { data: { id: string }[] };
    const orgNames = (await callV2(server.url, 'GET', '/organizations', { token: admin })).body!;
    // A sign-in that is waiting for its form: the interaction routes then have a real uid to be hostile to.
    const { action } = await new OidcBrowser(server.url).openSignInPage();
    fixtures = {
      org,
      team: teams.data[0]!.id,
      orgName: orgNames.data[0].attributes.name as string,
      teamId: TEAM_IDS.TERRAKUBE_ADMIN,
      user: await userIdOfCaller(server.url, admin),
      uid: /\/interaction\/([^/]+)\/login/.exec(action)![1]!,
    };
    listsBefore = await tokenLists();
    consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterAll(async () => {
    consoleError?.mockRestore();
    await server?.close();
    await storage?.cleanup();
  });

  /** What is wrong with the server's answer to a request, or undefined when nothing is. */
  async function problemWith(request: HostileRequest): Promise<string | undefined> {
    const headers = [...request.headers];
    if (request.credential !== 'none') headers.push(['Authorization', `Bearer ${credentials[request.credential]}`]);
    const errorsBefore = consoleError.mock.calls.length;
    const response = await answerOrNone(server.url, { ...request, headers });
    if (consoleError.mock.calls.length > errorsBefore) return `logged a server error: ${String(consoleError.mock.calls.at(-1))}`.slice(0, 300);
    // A client that promised more body than it sent, or an unknown method, may be dropped without an answer.
    if (!response) return request.endAfterBody || !/^[A-Z]+$/.test(request.method) ? undefined : 'no answer';
    if (response.status >= 500) return `answered ${response.status}: ${response.body.slice(0, 200)}`;
    if (request.method === 'HEAD') return undefined;
    return errorBodyProblem(kindOfPath(request.path), response.status, response.headers['content-type'], response.body);
  }

  const describeRequest = (request: HostileRequest) =>
    JSON.stringify({ ...request, body: request.body && Buffer.from(request.body).toString('latin1').slice(0, 120) }).slice(0, 400);

  /** Sends every request one after another and reports each that went wrong, with the seed to replay them. */
  async function expectAllRefusedCleanly(requests: HostileRequest[]) {
    // Compared per class as well as with the start, so that one class's write does not fail the next ones.
    const listsAtStart = await tokenLists();
    const failures: string[] = [];
    for (const request of requests) {
      const problem = await problemWith(request);
      if (problem) failures.push(`${problem}\n    for ${describeRequest(request)}`);
    }
    const listsAfter = await tokenLists();
    const written = tokenIds(listsAfter).size - tokenIds(listsAtStart).size;
    if (written !== 0) failures.push(`the token lists changed: ${written} tokens more`);
    expect(failures, `${failures.length} of ${requests.length} failed (seed ${SEED})`).toEqual([]);
    expect(listsAfter).toEqual(listsBefore);
  }

  const sample = (arbitrary: (fixtures: RouteFixtures) => fc.Arbitrary<HostileRequest>) =>
    fc.sample(arbitrary(fixtures), { seed: SEED, numRuns: RUNS_PER_CLASS });

  it.each(Object.keys(FIXED_CASES))('refuses the %s cases cleanly', async (name) => {
    await expectAllRefusedCleanly(FIXED_CASES[name]!(fixtures));
  });

  it('counts an HTML stack trace or a plain-text answer on the sign-in, provider and app routes as a failure', () => {
    const trace = '<pre>TypeError: x is undefined\n    at handler (/app/server/oidc/interactionRoutes.ts:10:5)</pre>';
    for (const kind of ['sign-in', 'provider', 'app'] as const) {
      expect(errorBodyProblem(kind, 400, 'text/html; charset=utf-8', trace)).toMatch(/internals/);
      expect(errorBodyProblem(kind, 400, 'text/plain', 'Bad Request')).toMatch(/text\/plain/);
      expect(errorBodyProblem(kind, 400, 'text/html; charset=utf-8', '<p>The link has expired.</p>')).toBeUndefined();
    }
  });

  it('logs nothing when the rest of a connection to the identity provider cannot be parsed', async () => {
    const request: HostileRequest = { method: 'GET', path: '/oidc/jwks', headers: [], body: Buffer.from('x'), contentLength: 'none', credential: 'none' };
    const errorsBefore = consoleError.mock.calls.length;
    await answerOrNone(server.url, request);
    expect(consoleError.mock.calls.length).toBe(errorsBefore);
  });

  it('refuses fuzzed bodies cleanly', async () => {
    await expectAllRefusedCleanly(sample(bodyRequest));
  });

  it('refuses fuzzed headers and methods cleanly', async () => {
    await expectAllRefusedCleanly(sample(headerRequest));
  });

  it('refuses fuzzed paths cleanly', async () => {
    await expectAllRefusedCleanly(sample(pathRequest));
  });
});
