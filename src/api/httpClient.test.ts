import { describe, expect, it, vi } from 'vitest';
import { ApiError, NETWORK_ERROR_MESSAGE } from './ApiError';
import { createHttpClient } from './httpClient';

function answer(status: number, body?: unknown, init: { raw?: boolean; headers?: Record<string, string> } = {}) {
  const text = body === undefined ? null : init.raw ? String(body) : JSON.stringify(body);
  return new Response(text, {
    status,
    headers: { ...(text ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
  });
}

function clientWith(response: Response | (() => Promise<Response>), options: { token?: string | null } = {}) {
  const fetch = vi.fn<typeof globalThis.fetch>(typeof response === 'function' ? response : async () => response);
  const onUnauthorized = vi.fn();
  const client = createHttpClient({
    getAccessToken: async () => ('token' in options ? options.token : 'access-token'),
    onUnauthorized,
    fetch,
  });
  return { client, fetch, onUnauthorized };
}

async function errorOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the request to fail');
}

describe('createHttpClient', () => {
  it('sends the bearer token and JSON, and parses a JSON answer', async () => {
    const { client, fetch } = clientWith(answer(201, { token: 'abc' }));
    const body = await client.request('https://api.example.com/pat/v1', {
      method: 'POST',
      body: { days: 30, description: 'CI' },
    });
    expect(body).toEqual({ token: 'abc' });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('https://api.example.com/pat/v1');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"days":30,"description":"CI"}');
    const headers = new Headers(init?.headers);
    expect(headers.get('Authorization')).toBe('Bearer access-token');
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(headers.get('Accept')).toBe('application/json');
  });

  it('sends no Authorization header without a token and no Content-Type without a body', async () => {
    const { client, fetch } = clientWith(answer(200, []), { token: null });
    await client.request('https://api.example.com/x');
    const headers = new Headers(fetch.mock.calls[0]![1]?.headers);
    expect(headers.has('Authorization')).toBe(false);
    expect(headers.has('Content-Type')).toBe(false);
  });

  it.each([200, 201, 202, 204])('treats %i with an empty body as success', async (status) => {
    const { client } = clientWith(answer(status));
    await expect(client.request('https://api.example.com/x', { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it('treats 202 with a JSON list as success', async () => {
    const { client } = clientWith(answer(202, [{ id: '1' }]));
    await expect(client.request('https://api.example.com/x')).resolves.toEqual([{ id: '1' }]);
  });

  it.each([
    ['message', { error: 'Bad Request', message: 'Description is required.' }, 'Description is required.'],
    ['error', { error: 'Token revoked' }, 'Token revoked'],
    ['error_description', { error: 'invalid_token', error_description: 'The token expired.' }, 'The token expired.'],
    ['detail', { title: 'Invalid', detail: 'Days must be a whole number.' }, 'Days must be a whole number.'],
    ['JSON:API errors[0].detail', { errors: [{ title: 'Bad', detail: 'Name is taken.' }] }, 'Name is taken.'],
    ['JSON:API errors[0].title', { errors: [{ title: 'Forbidden' }] }, 'Forbidden'],
  ])('takes the message of a 400 from %s', async (_shape, body, message) => {
    const { client } = clientWith(answer(400, body));
    const error = await errorOf(client.request('https://api.example.com/x'));
    expect(error.status).toBe(400);
    expect(error.message).toBe(message);
  });

  it("uses a readable default for Spring's default error body, which only has the reason phrase", async () => {
    const { client } = clientWith(
      answer(500, { timestamp: '2023-09-18T23:10:02.482+00:00', status: 500, error: 'Internal Server Error', path: '/pat/v1/x' }),
    );
    const error = await errorOf(client.request('https://api.example.com/pat/v1/x', { method: 'DELETE' }));
    expect(error.status).toBe(500);
    expect(error.message).toBe('The server had a problem (500). Try again later.');
  });

  it("uses Spring's message when it has one", async () => {
    const { client } = clientWith(
      answer(400, { timestamp: 't', status: 400, error: 'Bad Request', message: 'Invalid UUID string: x', path: '/p' }),
    );
    expect((await errorOf(client.request('https://api.example.com/p'))).message).toBe('Invalid UUID string: x');
  });

  it.each([
    [400, /400 Bad Request/],
    [403, /permission/],
    [404, /Not found/],
    [409, /conflict/i],
    [429, /Too many requests/],
    [502, /server had a problem \(502\)/],
    [418, /request failed \(418\)/],
  ])('uses a readable default message for an empty %i', async (status, message) => {
    const { client } = clientWith(answer(status));
    const error = await errorOf(client.request('https://api.example.com/x'));
    expect(error.status).toBe(status);
    expect(error.message).toMatch(message);
  });

  it('uses the default message when the error body is not JSON', async () => {
    const { client } = clientWith(answer(503, '<html>Bad gateway</html>', { raw: true }));
    const error = await errorOf(client.request('https://api.example.com/x'));
    expect(error).toMatchObject({ status: 503, message: 'The server had a problem (503). Try again later.' });
  });

  it('reports a success answer that is not JSON', async () => {
    const { client } = clientWith(answer(200, '<html>login</html>', { raw: true }));
    const error = await errorOf(client.request('https://api.example.com/x'));
    expect(error.message).toMatch(/could not be read/);
  });

  it('turns a network failure into status 0 with "Cannot reach the server"', async () => {
    const { client } = clientWith(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await errorOf(client.request('https://api.example.com/x'));
    expect(error.status).toBe(0);
    expect(error.message).toBe(NETWORK_ERROR_MESSAGE);
    expect(error.message).toMatch(/^Cannot reach the server/);
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('rethrows an abort as is, not as an API error', async () => {
    const controller = new AbortController();
    controller.abort();
    const abort = new DOMException('aborted', 'AbortError');
    const { client } = clientWith(() => Promise.reject(abort));
    await expect(client.request('https://api.example.com/x', { signal: controller.signal })).rejects.toBe(abort);
  });

  it('calls the sign-in-again callback on a 401 to a read and still rejects', async () => {
    const { client, onUnauthorized } = clientWith(answer(401));
    const error = await errorOf(client.request('https://api.example.com/x'));
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/Sign in again/);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it.each(['POST', 'DELETE'] as const)('only rejects on a 401 to a %s, so the form that sent it keeps its input', async (method) => {
    const { client, onUnauthorized } = clientWith(answer(401));
    const error = await errorOf(client.request('https://api.example.com/x', { method, body: method === 'POST' ? {} : undefined }));
    expect(error.status).toBe(401);
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it.each([400, 403, 404, 500])('does not call the sign-in-again callback on %i', async (status) => {
    const { client, onUnauthorized } = clientWith(answer(status));
    await errorOf(client.request('https://api.example.com/x'));
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  describe('content types', () => {
    it('sends the given Content-Type and Accept with a body', async () => {
      const { client, fetch } = clientWith(answer(201, { data: {} }));
      await client.request('https://api.example.com/x', {
        method: 'POST',
        body: { data: {} },
        contentType: 'application/vnd.api+json',
        accept: 'application/vnd.api+json',
      });
      const headers = new Headers(fetch.mock.calls[0]![1]?.headers);
      expect(headers.get('Content-Type')).toBe('application/vnd.api+json');
      expect(headers.get('Accept')).toBe('application/vnd.api+json');
      expect(fetch.mock.calls[0]![1]?.body).toBe('{"data":{}}');
    });

    it('sends the given Content-Type on a DELETE without a body, and no body', async () => {
      const { client, fetch } = clientWith(answer(204));
      await client.request('https://api.example.com/x', { method: 'DELETE', contentType: 'application/vnd.api+json' });
      const [, init] = fetch.mock.calls[0]!;
      expect(new Headers(init?.headers).get('Content-Type')).toBe('application/vnd.api+json');
      expect(init?.body).toBeUndefined();
    });
  });

  describe('what an error says beyond its message', () => {
    it('takes the message of a JSON:API error list of strings', async () => {
      const { client } = clientWith(answer(400, { errors: ['Team name is invalid'] }));
      expect((await errorOf(client.request('https://api.example.com/x'))).message).toBe('Team name is invalid');
    });

    it("names the field of a JSON:API error's source pointer", async () => {
      const { client } = clientWith(
        answer(422, {
          errors: [
            {
              status: '422',
              title: 'invalid attribute',
              detail: 'Description has already been taken',
              source: { pointer: '/data/attributes/description' },
            },
          ],
        }),
      );
      const error = await errorOf(client.request('https://api.example.com/x', { method: 'POST', body: {} }));
      expect(error).toMatchObject({ status: 422, message: 'Description has already been taken', field: 'description' });
    });

    it('names no field when the error has no pointer', async () => {
      const { client } = clientWith(answer(422, { errors: [{ title: 'invalid', source: { parameter: 'q' } }] }));
      expect((await errorOf(client.request('https://api.example.com/x'))).field).toBeUndefined();
    });

    it.each([
      ['seconds', '7', 7],
      ['fractional seconds, rounded up', '1.2', 2],
      ['an HTTP date', new Date(Date.now() + 30_000).toUTCString(), 30],
    ])('reads Retry-After given in %s', async (_form, retryAfter, seconds) => {
      const { client } = clientWith(answer(429, undefined, { headers: { 'Retry-After': retryAfter } }));
      const error = await errorOf(client.request('https://api.example.com/x'));
      expect(error.status).toBe(429);
      expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(seconds - 1);
      expect(error.retryAfterSeconds).toBeLessThanOrEqual(seconds);
    });

    it("reads a 429's X-RateLimit-Reset when there is no Retry-After", async () => {
      const { client } = clientWith(answer(429, undefined, { headers: { 'X-RateLimit-Reset': '0.4' } }));
      expect((await errorOf(client.request('https://api.example.com/x'))).retryAfterSeconds).toBe(1);
    });

    it('says nothing about waiting when the server does not', async () => {
      const { client } = clientWith(answer(429, undefined, { headers: { 'Retry-After': 'soon' } }));
      const error = await errorOf(client.request('https://api.example.com/x'));
      expect(error.retryAfterSeconds).toBeUndefined();
      expect(error.message).toMatch(/Too many requests/);
    });
  });
});
