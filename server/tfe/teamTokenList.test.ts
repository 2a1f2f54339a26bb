import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../app';
import { signIn } from '../test/signIn';
import { callV2, createTeamTokenV2, readAllPages, TEAM_IDS, type Json } from '../test/tfeApi';
import {
  BACKENDS,
  createTestStorage,
  openStorageDatabase,
  SKIP_POSTGRES_REASON,
  testConfig,
  TestClock,
  type TestStorage,
} from '../test/testServer';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const LIST = '/organizations/simple/team-tokens';

/**
 * 150 tokens of TERRAKUBE_DEVELOPERS in five expiry groups (index % 5: never, expired, in 3 days, in 20 days,
 * in 60 days), 3 of TERRAKUBE_ADMIN that never expire, and one of AWS_DEVELOPERS that admin may not see.
 */
const expiryOf = (index: number): number | null => [null, MINUTE, 3 * DAY, 20 * DAY, 60 * DAY][index % 5]!;

describe.each(BACKENDS)('/api/v2 team-token list on $name', (backend) => {
  if (!backend.available) {
    it.skip(SKIP_POSTGRES_REASON, () => {});
    return;
  }

  let storage: TestStorage;
  let server: RunningServer;
  let url: string;
  const clock = new TestClock();
  let admin: string;
  const developerIds: string[] = [];
  const adminTeamIds: string[] = [];

  const list = async (query: string) => {
    const response = await callV2(url, 'GET', `${LIST}?${query}`, { token: admin });
    if (response.status !== 200) throw new Error(`${query}: ${response.status} ${response.text}`);
    return response.body!;
  };
  const countOf = async (query: string) => (await list(query)).meta.pagination['total-count'] as number;
  const descriptions = (data: Json[]) => data.map((row) => row.attributes.description as string);

  beforeAll(async () => {
    storage = await createTestStorage(backend);
    const config = testConfig(storage);
    server = await startServer(config, { now: clock.now });
    url = server.url;
    admin = (await signIn(url, 'admin@example.com')).accessToken;
    const aws = (await signIn(url, 'aws@example.com')).accessToken;
    const at = (ms: number | null) => (ms === null ? null : new Date(clock.now().getTime() + ms).toISOString());
    // One at a time, a millisecond apart, so that the default order (by creation) is the order made.
    for (let index = 0; index < 150; index += 1) {
      const made = await createTeamTokenV2(url, admin, TEAM_IDS.TERRAKUBE_DEVELOPERS, {
        description: `Token ${String(index).padStart(3, '0')}`,
        'expired-at': at(expiryOf(index)),
      });
      developerIds.push(made.id);
      clock.advance(1);
    }
    for (const description of ['Admin A', 'Admin B', 'Admin C']) {
      adminTeamIds.push((await createTeamTokenV2(url, admin, TEAM_IDS.TERRAKUBE_ADMIN, { description })).id);
      clock.advance(1);
    }
    await createTeamTokenV2(url, aws, TEAM_IDS.AWS_DEVELOPERS, { description: 'Hidden from admin' });
    // Another creator, which only the database can make: admin is the only member of these teams.
    await server.close();
    const db = await openStorageDatabase(storage);
    await db.query("UPDATE team_token SET created_by = 'aaron@example.com' WHERE description = 'Token 149'");
    await db.close();
    server = await startServer(config, { now: clock.now });
    url = server.url;
    // A new port is a new issuer: sign in again.
    admin = (await signIn(url, 'admin@example.com')).accessToken;
    // The 1-minute tokens expire; the provider's access token (15 minutes) still works.
    clock.advance(2 * MINUTE);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await storage?.cleanup();
  });

  it('pages 153 tokens by 20: every page once, with links and meta, prev and next null at the ends', async () => {
    const link = (number: number) => `${url}/api/v2${LIST}?page%5Bnumber%5D=${number}&page%5Bsize%5D=20`;
    const seen: string[] = [];
    for (let number = 1; number <= 8; number += 1) {
      const page = await list(number === 1 ? '' : `page[number]=${number}`);
      expect(page.data).toHaveLength(number < 8 ? 20 : 13);
      seen.push(...(page.data as Json[]).map((row) => row.id));
      expect(page.links).toEqual({
        self: number === 1 ? link(1) : link(number),
        first: link(1),
        prev: number === 1 ? null : link(number - 1),
        next: number === 8 ? null : link(number + 1),
        last: link(8),
      });
      expect(page.meta.pagination).toEqual({
        'current-page': number,
        'page-size': 20,
        'prev-page': number === 1 ? null : number - 1,
        'next-page': number === 8 ? null : number + 1,
        'total-pages': 8,
        'total-count': 153,
      });
    }
    expect(seen).toEqual([...developerIds, ...adminTeamIds]);
  });

  it('caps the page size at 100 and reads the same tokens by following next', async () => {
    const capped = await list('page[size]=500');
    expect(capped.data).toHaveLength(100);
    expect(capped.meta.pagination).toMatchObject({ 'page-size': 100, 'total-pages': 2 });
    expect(capped.links.next).toBe(`${url}/api/v2${LIST}?page%5Bsize%5D=100&page%5Bnumber%5D=2`);
    const all = await readAllPages(url, admin, `${LIST}?page[size]=100`);
    expect(all.map((row) => row.id)).toEqual([...developerIds, ...adminTeamIds]);
  });

  it('keeps q, filter and sort in the page links', async () => {
    const page = await list('q=developers&filter[status]=active&sort=-expired-at&page[size]=10');
    const next = new URL(page.links.next as string);
    expect(Object.fromEntries(next.searchParams)).toEqual({
      q: 'developers',
      'filter[status]': 'active',
      sort: '-expired-at',
      'page[size]': '10',
      'page[number]': '2',
    });
  });

  it('matches q as a case-insensitive substring of the team name, wildcards taken literally', async () => {
    expect(await countOf('q=admin')).toBe(3);
    expect(await countOf('q=DEVELOPERS')).toBe(150); // AWS_DEVELOPERS matches too, but is not admin's team
    expect(await countOf('q=E_D')).toBe(150);
    expect(await countOf('q=TERRAKUBE_DEVELOPER_')).toBe(0);
    expect(await countOf('q=%25')).toBe(0);
    expect(await countOf('q=')).toBe(153);
  });

  it.each([
    ['no_expiration', 33],
    ['expired', 30],
    ['expiring_in_7_days', 30],
    ['expiring_in_30_days', 60],
    ['active', 123],
    ['expired,no_expiration', 63],
    ['expiring_in_7_days,expiring_in_30_days', 60],
  ])('filters by status %s: %i tokens', async (status, count) => {
    expect(await countOf(`filter[status]=${status}&page[size]=100`)).toBe(count);
    expect(await countOf(`filter[expiry_status]=${status}`)).toBe(count);
  });

  it('combines the filter with q', async () => {
    const page = await list('q=admin&filter[status]=no_expiration');
    expect(descriptions(page.data)).toEqual(['Admin A', 'Admin B', 'Admin C']);
    expect(await countOf('q=admin&filter[status]=expired')).toBe(0);
  });

  it('sorts by team name, either way', async () => {
    expect(descriptions((await list('sort=team-name&page[size]=4')).data)).toEqual(['Admin A', 'Admin B', 'Admin C', 'Token 000']);
    expect(descriptions((await list('sort=-team-name&page[size]=2')).data)).toEqual(['Token 000', 'Token 001']);
  });

  it('sorts by expiry: soonest first and never last, or the reverse', async () => {
    const ascending = await readAllPages(url, admin, `${LIST}?sort=expired-at&page[size]=100`);
    const expiries = ascending.map((row) => row.attributes['expired-at'] as string | null);
    const dated = expiries.filter((expiry): expiry is string => expiry !== null);
    expect(dated).toEqual([...dated].sort());
    expect(expiries.slice(dated.length).every((expiry) => expiry === null)).toBe(true);
    expect(dated).toHaveLength(120);
    const descending = (await list('sort=-expired-at&page[size]=34')).data as Json[];
    expect(descending.slice(0, 33).every((row) => row.attributes['expired-at'] === null)).toBe(true);
    expect(descending[33]!.attributes['expired-at']).toBe(dated[dated.length - 1]);
  });

  it('sorts by creator', async () => {
    const aaron = `user-${Buffer.from('aaron@example.com').toString('base64url')}`;
    const first = ((await list('sort=created-by&page[size]=1')).data as Json[])[0]!;
    expect(first.attributes.description).toBe('Token 149');
    expect(first.relationships['created-by'].data.id).toBe(aaron);
    const last = ((await list('sort=-created-by&page[number]=153&page[size]=1')).data as Json[])[0]!;
    expect(last.attributes.description).toBe('Token 149');
  });

  it('sorts by last use either way in the creation order while no token has been used', async () => {
    for (const sort of ['last-used-at', '-last-used-at']) {
      const page = await list(`sort=${sort}&page[size]=3`);
      expect(page.data.map((row: Json) => row.id)).toEqual(developerIds.slice(0, 3));
      expect(page.data.every((row: Json) => row.attributes['last-used-at'] === null)).toBe(true);
    }
  });

  it.each([
    ['sort=name', 'sort'],
    ['sort=-', 'sort'],
    ['sort=team-name&sort=expired-at', 'sort'],
    ['filter[status]=soon', 'filter[status]'],
    ['filter[status]=active,', 'filter[status]'],
    ['filter[expiry_status]=EXPIRED', 'filter[expiry_status]'],
    ['filter[status]=active&filter[expiry_status]=active', 'filter[expiry_status]'],
    ['filter[team]=x', 'filter[team]'],
    ['q=a%00b', 'q'],
    ['page[number]=x', 'page[number]'],
  ])('answers 400 naming the parameter for %s', async (query, parameter) => {
    const response = await callV2(url, 'GET', `${LIST}?${query}`, { token: admin });
    expect(response.status).toBe(400);
    expect(response.body?.errors[0]).toMatchObject({ status: '400', title: 'bad request', source: { parameter } });
  });
});
