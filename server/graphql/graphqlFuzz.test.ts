import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { signIn } from '../test/signIn';
import { BACKENDS, useTestServer } from '../test/testServer';
import { ORGANIZATION_ID, postQuery, workspaceListQuery } from './graphqlTestCalls';

/** Fixed, so a failure is the same on every run; HOSTILE_SEED=… tries others. */
const SEED = Number(process.env.HOSTILE_SEED ?? 20260406);
const RUNS = 150;

/** GraphQL's punctuation and keywords, this schema's names, and values of every kind, to make near-queries of. */
const VOCABULARY = [
  '{', '}', '(', ')', '[', ']', ':', '!', '=', '$', '@', '...', '|', '&', ',', '#', '"', '"""',
  'query', 'mutation', 'subscription', 'fragment', 'on', 'type', 'schema', 'true', 'false', 'null',
  'organization', 'team', 'workspace', 'edges', 'node', 'pageInfo', 'totalRecords', 'hasNextPage', 'id', 'name',
  '__typename', '__schema', 'constructor', '__proto__', 'toString', 'ids', 'sort', 'first', 'after', 'filter', 'op', 'data',
  'FETCH', 'DELETE', '$ids', '$v', 'skip', 'include', 'if', 'Organization', 'Team', 'PageInfo', 'String', 'ID', 'Int',
  `"${ORGANIZATION_ID}"`, '"name"', '"-name"', '"1"', '"-1"', '1', '-0', '1e400', '0x1', '"\\u0000"', '"\\ud800"', '"""x"""',
];

const tokenSoup = fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 60 }).map((tokens) => tokens.join(' '));

/** The UI's own query, broken in one place: a slice cut out, or a token put in. */
const brokenUiQuery = fc
  .tuple(fc.nat(), fc.nat({ max: 30 }), fc.option(fc.constantFrom(...VOCABULARY), { nil: '' }))
  .map(([at, cut, insert]) => {
    const query = workspaceListQuery(ORGANIZATION_ID);
    const start = at % query.length;
    return `${query.slice(0, start)}${insert}${query.slice(start + cut)}`;
  });

const query = fc.oneof(tokenSoup, brokenUiQuery, fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 100 }));
const variables = fc.option(fc.oneof(fc.dictionary(fc.constantFrom('ids', 'v', '__proto__', 'constructor'), fc.jsonValue()), fc.jsonValue()), { nil: undefined });
const operationName = fc.option(fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('Q', 'constructor'), fc.jsonValue()), { nil: undefined });

describe('random queries to the GraphQL endpoint', () => {
  const server = useTestServer(BACKENDS[0]!);
  let token: string;
  let consoleError: MockInstance;

  beforeAll(async () => {
    token = (await signIn(server.url, 'admin@example.com')).accessToken;
    consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterAll(() => consoleError?.mockRestore());

  it('are answered with data or a 400 with one GraphQL error, never a server error', async () => {
    const requests = [
      ...fc.sample(fc.record({ query, variables, operationName }), { seed: SEED, numRuns: RUNS }),
      ...fc.sample(brokenUiQuery, { seed: SEED, numRuns: RUNS / 3 }).map((text) => ({ query: text })),
    ];
    const failures: string[] = [];
    const statuses = new Set<number>();
    for (const { query: text, ...extra } of requests) {
      const response = await postQuery(server.url, token, text, extra);
      statuses.add(response.status);
      const { data, errors } = response.answer ?? {};
      const wellFormed =
        (response.status === 200 && data !== undefined && errors === undefined) ||
        (response.status === 400 && data === undefined && errors?.length === 1 && typeof errors[0]!.message === 'string');
      if (!wellFormed || !response.headers.get('content-type')?.startsWith('application/json')) {
        failures.push(`${response.status} ${response.text.slice(0, 200)}\n    for ${JSON.stringify({ query: text, ...extra }).slice(0, 300)}`);
      }
    }
    expect(failures, `${failures.length} of ${requests.length} failed (seed ${SEED})`).toEqual([]);
    expect(consoleError).not.toHaveBeenCalled();
    // Many a broken UI query is cut only in its indentation, and still answered.
    expect(statuses).toEqual(new Set([200, 400]));
  });
});
