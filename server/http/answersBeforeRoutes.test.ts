import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../app';
import { API_POLICY, expectSecurityHeaders } from '../test/contentSecurityPolicy';
import { rawRequest } from '../test/rawHttp';
import { createTestStorage, startTestServer, type TestStorage } from '../test/testServer';
import { createHttpServer } from './httpServer';

/** Longer than Node's 16 KiB limit on request headers. */
const OVERSIZED_HEADER: [string, string] = ['X-Padding', 'a'.repeat(20_000)];

describe('answers written before any route', () => {
  it('the 503 while starting has the security headers and the JSON:API error shape under /api/v2', async () => {
    const httpServer = createHttpServer();
    await new Promise<void>((resolve) => httpServer.server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = httpServer.server.address() as AddressInfo;
      const response = await rawRequest(`http://127.0.0.1:${port}`, { method: 'GET', path: '/API/v2/account/details' });
      expect(response?.status).toBe(503);
      expectSecurityHeaders(response!.headers);
      expect(response!.headers['content-security-policy']).toBe(API_POLICY);
      expect(response!.headers['cache-control']).toBe('no-store');
      expect(response!.headers['retry-after']).toMatch(/^\d+$/);
      expect(response!.headers['content-type']).toBe('application/vnd.api+json');
      expect(JSON.parse(response!.body)).toEqual({
        errors: [{ status: '503', title: 'service unavailable', detail: expect.stringMatching(/starting/) }],
      });
    } finally {
      await httpServer.drain(0);
    }
  });

  describe('on a running server', () => {
    let storage: TestStorage;
    let server: RunningServer;

    beforeAll(async () => {
      storage = await createTestStorage();
      server = await startTestServer(storage);
    });
    afterAll(async () => {
      await server?.close();
      await storage?.cleanup();
    });

    it.each([
      ['/pat/v1', 'token-api'],
      ['/API/v2/account/details', 'json-api'],
      ['/Api/V1/organization', 'json-api'],
      ['http://elsewhere.example/api/v2/organizations?page%5Bsize%5D=1', 'json-api'],
      ['/oidc/interaction/abc', 'token-api'],
    ] as const)('a request Node refuses for its headers (%s) has the security headers and the %s error shape', async (path, shape) => {
      const response = await rawRequest(server.url, { method: 'GET', path, headers: [OVERSIZED_HEADER] });
      expect(response?.status).toBe(431);
      expectSecurityHeaders(response!.headers);
      expect(response!.headers['content-security-policy']).toBe(API_POLICY);
      expect(response!.headers['cache-control']).toBe('no-store');
      const body = JSON.parse(response!.body) as unknown;
      if (shape === 'json-api') {
        expect(response!.headers['content-type']).toBe('application/vnd.api+json');
        expect(body).toEqual({ errors: [{ status: '431', title: 'request header fields too large', detail: expect.any(String) }] });
      } else {
        expect(body).toEqual({ error: 'Request Header Fields Too Large', message: expect.any(String) });
      }
    });

    it.each(['http://a:99999/oidc/jwks', 'http://[bad/pat/v1'])(
      'the 400 for %s, a target that is neither a path nor a URL, is JSON with the security headers',
      async (target) => {
        const response = await rawRequest(server.url, { method: 'GET', path: target });
        expect(response?.status).toBe(400);
        expectSecurityHeaders(response!.headers);
        expect(JSON.parse(response!.body)).toEqual({ error: 'Bad Request', message: 'The request target is neither a path nor a URL.' });
      },
    );

    it('JSON:API errors have one title convention, under /api/v1 as under /api/v2', async () => {
      for (const path of ['/api/v1/organization', '/api/v2/account/details']) {
        const response = await rawRequest(server.url, { method: 'GET', path });
        expect(response?.status).toBe(401);
        expect(JSON.parse(response!.body)).toEqual({ errors: [{ status: '401', title: 'unauthorized', detail: expect.any(String) }] });
      }
    });
  });
});
