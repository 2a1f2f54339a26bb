import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { generatePat } from '../test/api';
import { rawRequest } from '../test/rawHttp';
import { signIn } from '../test/signIn';
import { BACKENDS, useTestServer } from '../test/testServer';

const UI = 'https://terrakube-ui.example.com';
const LOCAL_UI = 'http://localhost:3001';
const ELSEWHERE = 'https://elsewhere.example';

/** The Access-Control-* headers of an answer, by lower-case name. */
function corsHeadersOf(headers: Headers): Record<string, string> {
  const found: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (name.startsWith('access-control-')) found[name] = value;
  });
  return found;
}

const preflight = (url: string, path: string, origin: string, method = 'POST') =>
  fetch(`${url}${path}`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'authorization,content-type' },
  });

const COVERED = ['/pat/v1', '/pat/v1/6f1f3a56-0b8e-4a8e-9d0c-5a3c2b1d0e9f', '/access-token/v1/teams', '/api/v1/organization', '/graphql/api/v1'];

describe('CORS_ORIGINS set', () => {
  // Written as an operator might; the server compares the origins as browsers write them.
  const { corsOrigins } = loadConfig({ CORS_ORIGINS: ' HTTPS://Terrakube-UI.example.com:443/, http://localhost:3001,' });
  const server = useTestServer(BACKENDS[0]!, { corsOrigins, generateLimit: 2 });
  let token: string;
  beforeAll(async () => {
    token = (await signIn(server.url, 'admin@example.com')).accessToken;
  });

  it.each(COVERED.flatMap((path) => [[path, UI] as const, [path.toUpperCase(), LOCAL_UI] as const]))(
    'answers a preflight to %s from %s with 204 and what the UI may send, without authentication',
    async (path, origin) => {
      const response = await preflight(server.url, path, origin);
      expect(response.status).toBe(204);
      expect(await response.text()).toBe('');
      expect(corsHeadersOf(response.headers)).toEqual({
        'access-control-allow-origin': origin,
        'access-control-allow-methods': 'GET, POST, PATCH, DELETE',
        'access-control-allow-headers': 'Authorization, Content-Type, Accept, Cache-Control, If-None-Match',
        'access-control-max-age': '3600',
      });
      expect(response.headers.get('vary')).toContain('Origin');
    },
  );

  it('lets the allowed origin list, generate and delete tokens and read the JSON:API, with Allow-Origin on each answer', async () => {
    const headers = { origin: UI, authorization: `Bearer ${token}` };
    const generated = await fetch(`${server.url}/pat/v1`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ description: 'From the other UI', days: 1 }),
    });
    const list = await fetch(`${server.url}/pat/v1`, { headers });
    const tokens = (await list.json()) as { id: string; description: string }[];
    const id = tokens.find((pat) => pat.description === 'From the other UI')?.id;
    const deleted = await fetch(`${server.url}/pat/v1/${id}`, { method: 'DELETE', headers });
    const organizations = await fetch(`${server.url}/api/v1/organization`, { headers });
    for (const [response, status] of [[generated, 201], [list, 202], [deleted, 202], [organizations, 200]] as const) {
      expect(response.status).toBe(status);
      expect(corsHeadersOf(response.headers)).toEqual({
        'access-control-allow-origin': UI,
        'access-control-expose-headers': 'Retry-After, WWW-Authenticate, ETag',
      });
      expect(response.headers.get('vary')).toContain('Origin');
    }
  });

  it('puts Allow-Origin on errors too, so the UI can read a 401 and a 429 with its Retry-After', async () => {
    const unauthenticated = await fetch(`${server.url}/access-token/v1/teams`, { headers: { origin: UI } });
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get('access-control-allow-origin')).toBe(UI);
    expect(unauthenticated.headers.get('www-authenticate')).toBe('Bearer');

    const aws = (await signIn(server.url, 'aws@example.com')).accessToken;
    await generatePat(server.url, aws);
    await generatePat(server.url, aws);
    const limited = await fetch(`${server.url}/pat/v1`, {
      method: 'POST',
      headers: { origin: UI, authorization: `Bearer ${aws}`, 'content-type': 'application/json' },
      body: JSON.stringify({ description: 'One too many', days: 1 }),
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(limited.headers.get('access-control-allow-origin')).toBe(UI);
    expect(limited.headers.get('access-control-expose-headers')).toContain('Retry-After');
  });

  it.each<[string, (body: unknown) => void, string]>([
    ['/pat/v1', (body) => expect(body).toEqual({ error: 'Forbidden', message: expect.stringContaining('CORS_ORIGINS') }), 'application/json'],
    ['/access-token/v1/teams', (body) => expect(body).toEqual({ error: 'Forbidden', message: expect.stringContaining('CORS_ORIGINS') }), 'application/json'],
    [
      '/api/v1/organization',
      (body) => expect(body).toEqual({ errors: [{ status: '403', title: 'forbidden', detail: expect.stringContaining('CORS_ORIGINS') }] }),
      'application/vnd.api+json',
    ],
    ['/graphql/api/v1', (body) => expect(body).toEqual({ errors: [{ message: expect.stringContaining('CORS_ORIGINS') }] }), 'application/json'],
  ])('refuses another origin’s preflight to %s with a 403 in that API’s error shape and no allow headers', async (path, checkBody, type) => {
    const response = await preflight(server.url, path, ELSEWHERE);
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toContain(type);
    checkBody(await response.json());
    expect(corsHeadersOf(response.headers)).toEqual({});
    expect(response.headers.get('vary')).toContain('Origin');
  });

  it('answers another origin’s real request as before, with no Access-Control-* header for the browser to let it through', async () => {
    const response = await fetch(`${server.url}/pat/v1`, { headers: { origin: ELSEWHERE, authorization: `Bearer ${token}` } });
    expect(response.status).toBe(202);
    expect(corsHeadersOf(response.headers)).toEqual({});
    expect(response.headers.get('vary')).toContain('Origin');
  });

  it.each([
    'null',
    '',
    'https://TERRAKUBE-UI.example.com',
    `${UI}/`,
    `${UI}:443`,
    'http://terrakube-ui.example.com',
    `${UI}.elsewhere.example`,
    `${ELSEWHERE}/${UI}`,
    `${UI}, ${ELSEWHERE}`,
    '*',
  ])('matches Origin %j exactly as browsers write it, so it is refused', async (origin) => {
    const response = await preflight(server.url, '/pat/v1', origin);
    expect(response.status).toBe(403);
    expect(corsHeadersOf(response.headers)).toEqual({});
  });

  it('refuses a request that repeats Origin, even with the allowed one among them', async () => {
    const response = await rawRequest(server.url, {
      method: 'OPTIONS',
      path: '/pat/v1',
      headers: [['Origin', UI], ['Origin', ELSEWHERE], ['Access-Control-Request-Method', 'GET']],
    });
    expect(response.status).toBe(403);
    expect(Object.keys(response.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });

  it('leaves a request without Origin as it was', async () => {
    const list = await fetch(`${server.url}/pat/v1`, { headers: { authorization: `Bearer ${token}` } });
    expect(list.status).toBe(202);
    expect(corsHeadersOf(list.headers)).toEqual({});
    // Not a preflight without Origin: the token API asks for a token, as for any unauthenticated request.
    const options = await fetch(`${server.url}/pat/v1`, { method: 'OPTIONS', headers: { 'access-control-request-method': 'GET' } });
    expect(options.status).toBe(401);
  });

  it('treats an OPTIONS without Access-Control-Request-Method as an ordinary request', async () => {
    const response = await fetch(`${server.url}/pat/v1`, { method: 'OPTIONS', headers: { origin: UI } });
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe(UI);
  });

  it.each(['/env-config.js', '/', '/assets/index.js', '/api/v2/account/details', '/api/v10/organization', '/graphql', '/patterns'])(
    'does not cover %s',
    async (path) => {
      const response = await preflight(server.url, path, UI, 'GET');
      expect(response.status).not.toBe(204);
      expect(corsHeadersOf(response.headers)).toEqual({});
      const get = await fetch(`${server.url}${path}`, { headers: { origin: UI } });
      expect(corsHeadersOf(get.headers)).toEqual({});
    },
  );
});

describe('CORS_ORIGINS unset', () => {
  const server = useTestServer(BACKENDS[0]!);

  it.each(COVERED)('allows no cross-origin access to %s and answers a preflight as any unauthenticated request', async (path) => {
    const response = await preflight(server.url, path, UI);
    expect(response.status).not.toBe(204);
    expect(corsHeadersOf(response.headers)).toEqual({});
    expect(response.headers.get('vary') ?? '').not.toContain('Origin');
  });
});
