import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../ApiError';
import { createHttpClient } from '../httpClient';
import { createFakeTfeBackend } from './testing/fakeTfeBackend';
import { errorAnswer } from './testing/fakeTfeWire';
import { tfeApiOnFakeBackend } from './testing/tfeApiOnFakeBackend';
import { createTfeTokenApi } from './tfeTokenApi';

function organizationWithTeamTokens(count: number, backendOptions: Parameters<typeof tfeApiOnFakeBackend>[0] = {}) {
  const { api, backend } = tfeApiOnFakeBackend(backendOptions);
  backend.addOrganization('acme');
  const team = backend.addTeam('acme', 'ci');
  for (let index = 0; index < count; index += 1) backend.addToken('team', team.id, { description: `token ${index}` });
  return { api, backend, team };
}

const pageRequests = (backend: { requests: { path: string; query: Record<string, string> }[] }) =>
  backend.requests.filter((request) => request.path === 'organizations/acme/team-tokens').map((request) => request.query);

describe('reading every page of a list', () => {
  it('shows all 150 tokens of a team, asking for pages of 100', async () => {
    const { api, backend, team } = organizationWithTeamTokens(150);
    const tokens = await api.listTeamTokens('acme');
    expect(tokens).toHaveLength(150);
    expect(new Set(tokens.map((token) => token.id)).size).toBe(150);
    expect(tokens.every((token) => token.teamId === team.id)).toBe(true);
    expect(pageRequests(backend)).toEqual([
      { 'page[number]': '1', 'page[size]': '100' },
      { 'page[number]': '2', 'page[size]': '100' },
    ]);
  });

  it('reads the pages after the first in parallel, at most 4 at a time, once page 1 says how many there are', async () => {
    const { api, backend } = organizationWithTeamTokens(150, { maxPageSize: 20, latencyMs: 5 });
    await api.listPersonalTokens();
    backend.clearRequests();
    const tokens = await api.listTeamTokens('acme');
    expect(tokens).toHaveLength(150);
    expect(pageRequests(backend).map((query) => query['page[number]'])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(backend.maxInFlight).toBe(4);
  });

  it('follows links.next page by page when the answer has no meta.pagination', async () => {
    const { api, backend } = organizationWithTeamTokens(45, { maxPageSize: 20, paginationMeta: false });
    await api.listPersonalTokens(); // learns who is signed in, which a team-token list asks alongside its first page
    backend.clearRequests();
    await expect(api.listTeamTokens('acme')).resolves.toHaveLength(45);
    expect(pageRequests(backend).map((query) => query['page[number]'])).toEqual(['1', '2', '3']);
    expect(backend.maxInFlight).toBe(1);
  });

  it('takes only the page number from HCP Terraform’s absolute links, so a same-origin proxy stays in use', async () => {
    const backend = createFakeTfeBackend({
      baseUrl: 'https://tokens.example.com/api/v2/',
      linksBaseUrl: 'https://app.terraform.io/api/v2/',
      maxPageSize: 20,
      paginationMeta: false,
    });
    backend.addOrganization('acme');
    const team = backend.addTeam('acme', 'ci');
    for (let index = 0; index < 30; index += 1) backend.addToken('team', team.id, { description: `t${index}` });
    const fetch = vi.fn(backend.fetch);
    const api = createTfeTokenApi({
      http: createHttpClient({ getAccessToken: () => backend.me.accessToken, fetch }),
      apiUrl: 'https://tokens.example.com/api/v2/',
      cliHost: 'app.terraform.io',
    });
    await expect(api.listTeamTokens('acme')).resolves.toHaveLength(30);
    const hosts = fetch.mock.calls.map(([url]) => new URL(String(url)).host);
    expect(new Set(hosts)).toEqual(new Set(['tokens.example.com']));
  });

  it('keeps a token once when it shows up on two pages (the list changed while it was read)', async () => {
    const { api, backend, team } = organizationWithTeamTokens(2);
    const [first] = backend.state.tokens;
    const resource = { id: first!.id, type: 'authentication-tokens', attributes: {}, relationships: { team: { data: { type: 'teams', id: team.id } } } };
    const page = (number: number) => ({
      status: 200,
      body: { data: [resource], meta: { pagination: { 'current-page': number, 'total-pages': 2 } } },
    });
    backend.answerNext({ path: 'organizations/acme/team-tokens' }, page(1));
    backend.answerNext({ path: 'organizations/acme/team-tokens' }, page(2));
    await expect(api.listTeamTokens('acme')).resolves.toHaveLength(1);
  });

  it('refuses a server that claims thousands of pages instead of asking it thousands of times', async () => {
    const { api, backend } = organizationWithTeamTokens(1);
    backend.answerNext(
      { path: 'organizations/acme/team-tokens' },
      { status: 200, body: { data: [], meta: { pagination: { 'current-page': 1, 'total-pages': 50_000 } } } },
    );
    const error = await api.listTeamTokens('acme').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe('The server said the team tokens run to 50,000 pages, but page 1 was empty.');
    expect(pageRequests(backend)).toHaveLength(1);
  });

  it('reports a page of the wrong shape as an unexpected answer', async () => {
    const { api, backend } = organizationWithTeamTokens(30, { maxPageSize: 20 });
    backend.answerNext({ path: 'organizations/acme/team-tokens' }, { status: 200, body: firstOfTwoPages() });
    backend.answerNext({ path: 'organizations/acme/team-tokens' }, { status: 200, body: { data: 'nonsense' } });
    await expect(api.listTeamTokens('acme')).rejects.toMatchObject({
      message: 'The server sent an unexpected answer for the team tokens.',
    });
  });

  it('hands over the first page of your tokens before the rest, then all of them, in order', async () => {
    const { api, backend } = tfeApiOnFakeBackend({ latencyMs: 2 });
    for (let index = 0; index < 250; index += 1) backend.addToken('user', backend.me.id, { description: `mine ${index}` });
    const parts = [];
    for await (const part of api.streamPersonalTokens()) parts.push(part);
    expect(parts.map(({ items, complete, totalCount }) => [items.length, complete, totalCount])).toEqual([
      [100, false, 250],
      [250, true, 250],
    ]);
    expect(parts[1]!.items.slice(0, 100)).toEqual(parts[0]!.items);
    await expect(api.listPersonalTokens()).resolves.toEqual(parts[1]!.items);
  });

  it('hands over the team tokens read before a page fails, then fails the list', async () => {
    const { api, backend, team } = organizationWithTeamTokens(250);
    const [first] = backend.state.tokens;
    const resource = { id: first!.id, type: 'authentication-tokens', attributes: {}, relationships: { team: { data: { type: 'teams', id: team.id } } } };
    const firstPage = { data: [resource], meta: { pagination: { 'current-page': 1, 'total-pages': 3 } } };
    backend.answerNext({ path: 'organizations/acme/team-tokens' }, { status: 200, body: firstPage });
    backend.answerNext({ path: 'organizations/acme/team-tokens' }, errorAnswer(500, 'internal error'));
    const parts: { items: unknown[]; complete: boolean }[] = [];
    const failed = (async () => {
      for await (const part of api.streamTeamTokens('acme')) parts.push(part);
    })();
    await expect(failed).rejects.toMatchObject({ status: 500 });
    expect(parts.map(({ items, complete }) => [items.length, complete])).toEqual([[1, false]]);
    await expect(api.listTeamTokens('acme')).resolves.toHaveLength(250);
  });

  it('passes the abort signal to every page', async () => {
    const { api } = organizationWithTeamTokens(150, { maxPageSize: 20, latencyMs: 20 });
    const controller = new AbortController();
    const listing = api.listTeamTokens('acme', controller.signal);
    setTimeout(() => controller.abort(), 5);
    await expect(listing).rejects.toMatchObject({ name: 'AbortError' });
  });
});

function firstOfTwoPages() {
  return { data: [{ id: 'at-1', type: 'authentication-tokens' }], meta: { pagination: { 'current-page': 1, 'total-pages': 2 } } };
}
