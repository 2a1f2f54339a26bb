import { describe, expect, it, vi } from 'vitest';
import { createHttpClient } from './httpClient';
import { KeptAnswers } from './keptAnswers';

const URL_ = 'https://api.example.com/pat/v1';

function json(status: number, body: unknown, etag?: string) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...(etag ? { ETag: etag } : {}) } });
}

/** A client whose fetch answers from `answers` in turn, and what each request named in If-None-Match. */
function clientAnswering(answers: Response[], token: { current: string } = { current: 'alice' }) {
  const sent: (string | null)[] = [];
  const fetch = vi.fn<typeof globalThis.fetch>(async (_url, init) => {
    sent.push(new Headers(init?.headers).get('If-None-Match'));
    return answers.shift()!;
  });
  return { client: createHttpClient({ getAccessToken: () => token.current, fetch }), sent, token };
}

describe('conditional GETs', () => {
  it('names the ETag of the last answer, and takes a 304 as that answer unchanged', async () => {
    const { client, sent } = clientAnswering([json(202, [{ id: 'a' }], '"v1"'), new Response(null, { status: 304, headers: { ETag: '"v1"' } })]);
    const first = await client.request(URL_);
    const again = await client.request(URL_);
    expect(sent).toEqual([null, '"v1"']);
    expect(again).toBe(first);
  });

  it('takes a changed answer in full and names its ETag next', async () => {
    const { client, sent } = clientAnswering([json(200, ['a'], '"v1"'), json(200, ['a', 'b'], '"v2"'), new Response(null, { status: 304 })]);
    await client.request(URL_);
    expect(await client.request(URL_)).toEqual(['a', 'b']);
    expect(await client.request(URL_)).toEqual(['a', 'b']);
    expect(sent).toEqual([null, '"v1"', '"v2"']);
  });

  it('keeps nothing without an ETag, of a write, or for another bearer token', async () => {
    const { client, sent, token } = clientAnswering([
      json(200, ['a']),
      json(200, ['a']),
      json(201, { token: 'secret' }, '"secret"'),
      json(200, ['a'], '"v1"'),
      json(200, ['b'], '"v9"'),
    ]);
    await client.request(URL_);
    await client.request(URL_);
    await client.request(URL_, { method: 'POST', body: { description: 'CI' } });
    await client.request(URL_);
    token.current = 'bob';
    expect(await client.request(URL_)).toEqual(['b']);
    expect(sent).toEqual([null, null, null, null, null]);
  });

  it('forgets the oldest answers past its bound', () => {
    const kept = new KeptAnswers(3);
    for (const page of [1, 2, 3, 4]) kept.set(`${URL_}?page=${page}`, 'alice', `"${page}"`, page);
    expect(kept.size).toBe(3);
    expect(kept.get(`${URL_}?page=1`, 'alice')).toBeUndefined();
    expect(kept.get(`${URL_}?page=4`, 'alice')).toEqual({ etag: '"4"', value: 4 });
  });
});
