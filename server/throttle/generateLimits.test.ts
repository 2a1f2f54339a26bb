import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../app';
import { call, generatePat } from '../test/api';
import { OidcBrowser, signIn } from '../test/signIn';
import { callV2, resourceDocument, TEAM_IDS, userIdOfCaller } from '../test/tfeApi';
import {
  BACKENDS,
  describeOnEachBackend,
  useTestServer,
  createTestStorage,
  SKIP_POSTGRES_REASON,
  startTestServer,
  TestClock,
  type TestStorage,
} from '../test/testServer';

const WAIT_MESSAGE = 'You have generated 500 tokens in 10 minutes, the most one person may. Try again in 2 seconds.';

const generatePats = (url: string, token: string, count: number) =>
  Promise.all(
    Array.from({ length: count }, (_, index) =>
      call(url, 'POST', '/pat/v1', { token, body: { description: `Burst ${index}`, days: 1 } }),
    ),
  );

const statusCounts = (responses: { status: number }[]) =>
  responses.reduce<Record<number, number>>((counts, { status }) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }), {});

describeOnEachBackend('generating tokens', (backend) => {
  let admin: string;
  const clock = new TestClock();
  const server = useTestServer(backend, { tokenBackend: 'tfe' }, clock);

  beforeAll(async () => {
    admin = (await signIn(server.url, 'admin@example.com')).accessToken;
  });

  it('allows a burst of 500 per person, even all at once, then 429 with Retry-After on every surface', async () => {
    const burst = await generatePats(server.url, admin, 510);
    expect(statusCounts(burst)).toEqual({ 201: 500, 429: 10 });
    const refused = burst.find((response) => response.status === 429)!;
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(refused.body).toEqual({ error: 'Too Many Requests', message: WAIT_MESSAGE });

    const teamToken = await call(server.url, 'POST', '/access-token/v1/teams', {
      token: admin,
      body: { group: 'TERRAKUBE_ADMIN', description: 'One more', days: 1, hours: 0, minutes: 0 },
    });
    expect([teamToken.status, teamToken.headers.get('retry-after'), teamToken.body]).toEqual([429, '2', refused.body]);

    const userId = await userIdOfCaller(server.url, admin);
    const v2Posts = [
      [`/users/${userId}/authentication-tokens`, resourceDocument({ description: 'One more' })],
      [`/teams/${TEAM_IDS.TERRAKUBE_ADMIN}/authentication-tokens`, resourceDocument({ description: 'One more' })],
      [`/teams/${TEAM_IDS.TERRAKUBE_ADMIN}/authentication-token`, resourceDocument({}, 'authentication-token')],
    ] as const;
    for (const [path, body] of v2Posts) {
      const response = await callV2(server.url, 'POST', path, { token: admin, body });
      expect([response.status, response.headers.get('retry-after'), response.body]).toEqual([
        429,
        '2',
        { errors: [{ status: '429', title: 'too many requests', detail: WAIT_MESSAGE }] },
      ]);
    }

    // Someone else is not held up by it.
    const aws = (await signIn(server.url, 'aws@example.com')).accessToken;
    await expect(generatePat(server.url, aws)).resolves.toBeTruthy();
  });

  it('allows one more token every 1.2 seconds after a burst, and the whole burst again after 10 minutes', async () => {
    clock.advance(1200);
    expect(statusCounts(await generatePats(server.url, admin, 2))).toEqual({ 201: 1, 429: 1 });
    clock.advance(10 * 60_000);
    expect(statusCounts(await generatePats(server.url, admin, 501))).toEqual({ 201: 500, 429: 1 });
  });
});

describe('limits shared by two server processes on one PostgreSQL', () => {
  if (!BACKENDS[1]!.available) {
    it.skip(SKIP_POSTGRES_REASON, () => {});
    return;
  }

  let storage: TestStorage;
  let first: RunningServer;
  let second: RunningServer;
  const clock = new TestClock();

  beforeAll(async () => {
    storage = await createTestStorage(BACKENDS[1]);
    [first, second] = await Promise.all([startTestServer(storage, clock.now), startTestServer(storage, clock.now)]);
  });
  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
    await storage?.cleanup();
  });

  it('count failed sign-ins of an account across both', async () => {
    const failAt = async (url: string) => {
      const browser = new OidcBrowser(url);
      const { action } = await browser.openSignInPage();
      return (await browser.submitSignIn(action, 'admin@example.com', 'wrong')).status;
    };
    expect([await failAt(first.url), await failAt(first.url), await failAt(first.url)]).toEqual([401, 401, 401]);
    expect([await failAt(second.url), await failAt(second.url)]).toEqual([401, 401]);
    expect(await failAt(first.url)).toBe(429);
    expect(await failAt(second.url)).toBe(429);
  });

  it('count generated tokens of a person across both', async () => {
    // Each server is its own issuer: the same person signs in at each.
    const [atFirst, atSecond] = await Promise.all([signIn(first.url, 'gcp@example.com'), signIn(second.url, 'gcp@example.com')]);
    const [onFirst, onSecond] = await Promise.all([
      generatePats(first.url, atFirst.accessToken, 300),
      generatePats(second.url, atSecond.accessToken, 210),
    ]);
    expect(statusCounts([...onFirst, ...onSecond])).toEqual({ 201: 500, 429: 10 });
    expect((await generatePats(first.url, atFirst.accessToken, 1))[0]!.status).toBe(429);
  });
});

describe('generates refused for their request', () => {
  let storage: TestStorage;
  let server: RunningServer;

  beforeAll(async () => {
    storage = await createTestStorage();
    server = await startTestServer(storage, new TestClock().now, { tokenBackend: 'tfe', generateLimit: 3 });
  });
  afterAll(async () => {
    await server?.close();
    await storage?.cleanup();
  });

  it('do not count: a description already taken, a bad body, a team one is not in', async () => {
    const admin = (await signIn(server.url, 'admin@example.com')).accessToken;
    const teamTokens = `/teams/${TEAM_IDS.TERRAKUBE_ADMIN}/authentication-tokens`;
    const post = (path: string, body: object) => callV2(server.url, 'POST', path, { token: admin, body });
    expect((await post(teamTokens, resourceDocument({ description: 'Taken' }))).status).toBe(201);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await post(teamTokens, resourceDocument({ description: 'Taken' }))).status).toBe(422);
      expect((await post(teamTokens, resourceDocument({ description: 'Bad', 'expired-at': 'soon' }))).status).toBe(422);
      expect((await post(`/teams/${TEAM_IDS.AWS_DEVELOPERS}/authentication-tokens`, resourceDocument({ description: 'x' }))).status).toBe(404);
    }
    expect((await post(teamTokens, resourceDocument({ description: 'Second' }))).status).toBe(201);
    expect((await post(teamTokens, resourceDocument({ description: 'Third' }))).status).toBe(201);
    expect((await post(teamTokens, resourceDocument({ description: 'Fourth' }))).status).toBe(429);
  });
});
