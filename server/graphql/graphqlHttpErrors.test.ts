import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../test/api';
import { rawRequest } from '../test/rawHttp';
import { signIn } from '../test/signIn';
import { BACKENDS, useTestServer } from '../test/testServer';
import { GRAPHQL_PATH, postQuery } from './graphqlTestCalls';

const QUERY = '{ organization { edges { node { id } } } }';

/** Every refusal: GraphQL's error body, JSON, with the headers of an API answer. */
function expectGraphQLError(response: { headers: Headers; body: unknown }, message: string | RegExp) {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(response.body).toEqual({ errors: [{ message: expect.stringMatching(message) }] });
}

describe('the GraphQL endpoint refuses what is not a GraphQL query over HTTP', () => {
  const server = useTestServer(BACKENDS[0]!);
  let token: string;

  beforeAll(async () => {
    token = (await signIn(server.url, 'admin@example.com')).accessToken;
  });

  it.each([
    ['no credentials', undefined, /no bearer token/],
    ['a bearer that is no token', 'nonsense', /invalid, expired or revoked/],
  ])('answers %s with 401, as the other APIs do', async (_title, bearer, message) => {
    const response = await postQuery(server.url, bearer, QUERY);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expectGraphQLError(response, message);
  });

  it.each(['GET', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])('answers %s with 405 and Allow: POST', async (method) => {
    const response = await call(server.url, method, GRAPHQL_PATH, { token });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expectGraphQLError(response, new RegExp(`^${method} is not allowed on /graphql/api/v1; send the query with POST\\.$`));
  });

  it('answers a path below the endpoint with 404', async () => {
    const response = await call(server.url, 'POST', `${GRAPHQL_PATH}/organization`, { token, body: { query: QUERY } });
    expect(response.status).toBe(404);
    expectGraphQLError(response, /There is no POST \/graphql\/api\/v1\/organization in this API/);
  });

  it.each([
    ['text/plain', 415, /must be JSON with Content-Type: application\/json, not text\/plain/],
    ['application/x-www-form-urlencoded', 415, /not application\/x-www-form-urlencoded/],
    ['application/graphql', 415, /not application\/graphql/],
    ['application/json; charset=latin1', 415, /must be UTF-8, not the unsupported charset "latin1"/],
  ])('answers a body of type %s with %i', async (contentType, status, message) => {
    const response = await call(server.url, 'POST', GRAPHQL_PATH, { token, rawBody: JSON.stringify({ query: QUERY }), contentType });
    expect(response.status).toBe(status);
    expectGraphQLError(response, message);
  });

  it('answers a request without a Content-Type with 415', async () => {
    const response = await rawRequest(server.url, {
      method: 'POST',
      path: GRAPHQL_PATH,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(415);
    expect(JSON.parse(response.body)).toEqual({ errors: [{ message: expect.stringContaining('the request has no Content-Type') }] });
  });

  it.each([
    ['malformed JSON', '{"query": ', /^The request body is not valid JSON\.$/],
    ['an empty body', '', /^The request body has no "query"/],
    ['an array (batched queries)', `[{"query": "${QUERY}"}]`, /^The request body must be a JSON object/],
    ['no query', '{"variables": {}}', /^The request body has no "query"/],
    ['a query that is not a string', '{"query": 5}', /"query" of the request body must be a string/],
    ['an empty query', '{"query": "  "}', /"query" of the request body is empty/],
    ['an unknown field', `{"query": "${QUERY}", "mutation": true}`, /unknown field "mutation"/],
    ['variables that are not an object', `{"query": "${QUERY}", "variables": "{}"}`, /"variables" of the request body must be an object/],
    ['an operationName that is not a string', `{"query": "${QUERY}", "operationName": 1}`, /"operationName" of the request body must be a string/],
    ['a lone surrogate', `{"query": "{ organization(ids: [\\"\\ud800\\"]) { edges { node { id } } } }"}`, /lone surrogate|surrogate/i],
    ['a number too small to read', `{"query": "${QUERY}", "variables": {"a": 1e-400}}`, /too close to zero/],
  ])('answers %s with 400', async (_title, rawBody, message) => {
    const response = await call(server.url, 'POST', GRAPHQL_PATH, { token, rawBody });
    expect(response.status).toBe(400);
    expectGraphQLError(response, message);
  });

  it('answers a body over 32 kB with 413', async () => {
    const response = await call(server.url, 'POST', GRAPHQL_PATH, { token, body: { query: `${QUERY}#${'x'.repeat(33_000)}` } });
    expect(response.status).toBe(413);
    expectGraphQLError(response, /too large/);
  });

  it('answers a refused query with the security headers and no data', async () => {
    const response = await postQuery(server.url, token, '{ organization { edges { node { foo } } } }');
    expect(response.status).toBe(400);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.answer).toEqual({ errors: [{ message: "Field 'foo' in type 'Organization' is undefined.", locations: [{ line: 1, column: 33 }] }] });
  });
});
