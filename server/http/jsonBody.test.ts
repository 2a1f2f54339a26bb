import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LONE_SURROGATE_MESSAGE } from '../../contracts/unicodeText';
import type { RunningServer } from '../app';
import { call } from '../test/api';
import { signIn } from '../test/signIn';
import { callV2, JSON_API, resourceDocument, userIdOfCaller } from '../test/tfeApi';
import { createTestStorage, startTestServer, type TestStorage } from '../test/testServer';

/** JSON bodies as both token APIs read them: UTF-8 only, every string valid Unicode, every number exact. */
describe('JSON request bodies', () => {
  let storage: TestStorage;
  let server: RunningServer;
  let admin: string;
  let userTokensPath: string;

  beforeAll(async () => {
    storage = await createTestStorage();
    server = await startTestServer(storage);
    admin = (await signIn(server.url, 'admin@example.com')).accessToken;
    userTokensPath = `/users/${await userIdOfCaller(server.url, admin)}/authentication-tokens`;
  });
  afterAll(async () => {
    await server?.close();
    await storage?.cleanup();
  });

  const postPat = (rawBody: string, contentType = 'application/json') =>
    call(server.url, 'POST', '/pat/v1', { token: admin, rawBody, contentType });
  const postBytes = (path: string, bytes: Uint8Array, contentType = 'application/json') =>
    fetch(`${server.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': contentType }, body: new Uint8Array(bytes).buffer as ArrayBuffer });
  const patCount = async () => ((await call(server.url, 'GET', '/pat/v1', { token: admin })).body as unknown[]).length;

  describe('a number that cannot be read exactly', () => {
    it.each(['1e-400', '0.1e-323', '-1e-999', `0.${'0'.repeat(400)}1`])('refuses days %s, which would read as 0 (never)', async (days) => {
      const before = await patCount();
      const response = await postPat(`{"description":"x","days":${days}}`);
      expect(response.status).toBe(400);
      expect((response.body as { message: string }).message).toMatch(/too close to zero to read exactly.*Write 0 for zero\./);
      expect(await patCount()).toBe(before);
    });

    it('refuses minutes 1e-400 on a team token, whose other fields are zero', async () => {
      const body = '{"group":"TERRAKUBE_ADMIN","description":"x","days":0,"hours":0,"minutes":1e-400}';
      const response = await call(server.url, 'POST', '/access-token/v1/teams', { token: admin, rawBody: body });
      expect(response.status).toBe(400);
      expect((response.body as { message: string }).message).toContain('1e-400');
    });

    it('refuses a number too large to read', async () => {
      const response = await postPat('{"description":"x","days":1e400}');
      expect(response.status).toBe(400);
      expect((response.body as { message: string }).message).toBe('The number 1e400 in the request body is too large to read.');
    });

    it.each(['0', '0.0', '-0', '0e5'])('still takes a zero written as %s: never is asked for explicitly', async (days) => {
      expect((await postPat(`{"description":"Never","days":${days}}`)).status).toBe(201);
    });

    it('reads digits inside strings as text, not as numbers', async () => {
      expect((await postPat('{"description":"1e-400 \\"2e-999\\"","days":1}')).status).toBe(201);
    });
  });

  describe('text that is not valid Unicode', () => {
    it.each([
      ['a description', '{"description":"x\\ud800","days":1}'],
      ['a low surrogate first', '{"description":"\\udc00\\ud800","days":1}'],
      ['a field name', '{"description":"x","days":1,"\\udfff":1}'],
    ])('refuses a lone surrogate in %s', async (_where, rawBody) => {
      const before = await patCount();
      const response = await postPat(rawBody);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ error: 'Bad Request', message: LONE_SURROGATE_MESSAGE });
      expect(await patCount()).toBe(before);
    });

    it('takes an escaped surrogate pair, and an escaped backslash before "ud800"', async () => {
      expect((await postPat('{"description":"Rocket \\ud83d\\ude80 \\\\ud800","days":1}')).status).toBe(201);
      const pats = (await call(server.url, 'GET', '/pat/v1', { token: admin })).body as { description: string }[];
      expect(pats.map((pat) => pat.description)).toContain('Rocket 🚀 \\ud800');
    });

    it.each([
      ['a stray byte', [0xff]],
      ['an encoded surrogate', [0xed, 0xa0, 0x80]],
      ['a cut sequence', [0xe2, 0x82]],
    ])('refuses bytes that are not UTF-8 (%s) instead of storing U+FFFD', async (_what, bytes) => {
      const body = new Uint8Array([...Buffer.from('{"description":"x'), ...bytes, ...Buffer.from('","days":1}')]);
      const response = await postBytes('/pat/v1', body);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: 'Bad Request', message: 'The request body is not valid UTF-8.' });
    });

    it('refuses a line separator in a description like a line break', async () => {
      const response = await postPat('{"description":"one\\u2028two","days":1}');
      expect(response.status).toBe(400);
      expect((response.body as { message: string }).message).toBe(
        'Description must be a single line without tabs or other control characters.',
      );
    });
  });

  describe('the charset', () => {
    it.each(['utf-8', 'UTF-8', '"utf-8"', 'us-ascii'])('takes charset=%s', async (charset) => {
      expect((await postPat('{"description":"x","days":1}', `application/json; charset=${charset}`)).status).toBe(201);
    });

    it.each(['utf-16', 'latin1', 'iso-8859-1', 'utf-32', 'x'])('refuses charset=%s with 415, naming it', async (charset) => {
      const response = await postPat('{"description":"x","days":1}', `application/json; charset=${charset}`);
      expect(response.status).toBe(415);
      expect((response.body as { message: string }).message).toBe(
        `The request body must be UTF-8, not the unsupported charset "${charset}".`,
      );
    });
  });

  describe('on /api/v2', () => {
    it('refuses a lone surrogate and a UTF-16 body with JSON:API errors', async () => {
      const surrogate = await callV2(server.url, 'POST', userTokensPath, {
        token: admin,
        rawBody: JSON.stringify(resourceDocument({ description: 'x' })).replace('"x"', '"x\\ud800"'),
      });
      expect(surrogate.status).toBe(400);
      expect(surrogate.body?.errors[0].detail).toBe(LONE_SURROGATE_MESSAGE);

      const utf16 = await callV2(server.url, 'POST', userTokensPath, {
        token: admin,
        body: resourceDocument({ description: 'x' }),
        contentType: `${JSON_API}; charset=utf-16`,
      });
      expect(utf16.status).toBe(415);
      expect(utf16.body?.errors[0]).toMatchObject({ status: '415', detail: expect.stringContaining('UTF-8') });
    });

    it('refuses bytes that are not UTF-8', async () => {
      const body = Buffer.concat([Buffer.from('{"data":{"type":"authentication-tokens","attributes":{"description":"x'), Buffer.from([0xc3]), Buffer.from('"}}}')]);
      const response = await postBytes(`/api/v2${userTokensPath}`, body, JSON_API);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { errors: { detail: string }[] }).errors[0]!.detail).toBe('The request body is not valid UTF-8.');
    });
  });
});
