import { answerRequest, type RouteRules } from './fakeTfeRoutes';
import {
  createFakeTfeState,
  type FakeOrganization,
  type FakeTeam,
  type FakeTfeState,
  type FakeToken,
  type FakeUser,
} from './fakeTfeState';
import { errorAnswer, MEDIA_TYPE, parseBody, type FakeAnswer } from './fakeTfeWire';

/**
 * An in-memory HCP Terraform / Terraform Enterprise behind a `fetch`, for tests of anything that speaks its token
 * API. As strict as the real one where it matters: a write without the JSON:API media type gets 415, an unknown
 * or hidden resource 404, a duplicate team-token description 422, lists are paged with `links` and
 * `meta.pagination`. `single` is an older release with only the one-token-per-team endpoints.
 */
export interface FakeTfeBackendOptions {
  teamTokens?: 'multiple' | 'single';
  /** Where the client reaches the API. Default `https://app.terraform.io/api/v2/`. */
  baseUrl?: string;
  /** The host HCP Terraform writes into `links` (its own, even behind a proxy). Default: `baseUrl`. */
  linksBaseUrl?: string;
  defaultPageSize?: number;
  maxPageSize?: number;
  /** `false`: lists carry only `links`, no `meta.pagination`. */
  paginationMeta?: boolean;
  /** `false`: a release without team-token expiry, which ignores `expired-at` and never sends it. */
  legacyTokensExpire?: boolean;
  now?: () => Date;
  /** How long each answer takes, so that overlapping requests can be counted. Default 0 (the next macrotask). */
  latencyMs?: number;
}

export interface RecordedRequest {
  method: string;
  /** Under the API base: `organizations/acme/team-tokens`. */
  path: string;
  query: Record<string, string>;
  contentType: string | null;
  accept: string | null;
  body: unknown;
}

export interface FakeTfeBackend {
  fetch: typeof fetch;
  state: FakeTfeState;
  /** Signed in by {@link FakeUser.accessToken}; seeded. */
  me: FakeUser;
  requests: RecordedRequest[];
  /** The most requests that were being answered at the same time. */
  readonly maxInFlight: number;
  clearRequests(): void;
  addOrganization(name: string, options?: Partial<Omit<FakeOrganization, 'name'>>): FakeOrganization;
  addTeam(organization: string, name: string, options?: Partial<Pick<FakeTeam, 'canManageTokens' | 'organizationAccess'>>): FakeTeam;
  addToken(kind: FakeToken['kind'], ownerId: string, options?: Partial<Omit<FakeToken, 'kind' | 'ownerId'>>): FakeToken;
  /** The next request matching gets `answer` instead (once). */
  answerNext(match: { method?: string; path: string | RegExp }, answer: FakeAnswer): void;
  /** The next `count` requests get a 429, with `Retry-After` when given. */
  rateLimitNext(count: number, retryAfterSeconds?: number): void;
}

const abortError = () => new DOMException('The request was aborted.', 'AbortError');

export function createFakeTfeBackend(options: FakeTfeBackendOptions = {}): FakeTfeBackend {
  const baseUrl = options.baseUrl ?? 'https://app.terraform.io/api/v2/';
  const state = createFakeTfeState(options.now ?? (() => new Date()));
  const rules: RouteRules = {
    teamTokens: options.teamTokens ?? 'multiple',
    baseUrl: options.linksBaseUrl ?? baseUrl,
    legacyTokensExpire: options.legacyTokensExpire ?? true,
    paging: {
      defaultSize: options.defaultPageSize ?? 20,
      maxSize: options.maxPageSize ?? 100,
      withMeta: options.paginationMeta ?? true,
    },
  };
  const me: FakeUser = { id: 'user-me000001', username: 'alice', email: 'alice@example.com', accessToken: 'alice-user-token' };
  state.users.push(me);
  const overrides: { match: { method?: string; path: string | RegExp }; answer: FakeAnswer }[] = [];
  let rateLimited = { count: 0, retryAfterSeconds: undefined as number | undefined };
  let inFlight = 0;
  let maxInFlight = 0;
  const requests: RecordedRequest[] = [];

  function signedInUser(authorization: string | null): FakeUser | undefined {
    const secret = authorization?.match(/^Bearer (.+)$/)?.[1];
    const byAccessToken = state.users.find((user) => user.accessToken === secret);
    if (byAccessToken) return byAccessToken;
    const token = state.tokens.find((candidate) => candidate.kind === 'user' && candidate.secret === secret);
    if (!token || (token.expiredAt && Date.parse(token.expiredAt) <= state.now().getTime())) return undefined;
    token.lastUsedAt = state.now().toISOString();
    return state.users.find((user) => user.id === token.ownerId);
  }

  function answer(method: string, path: string, url: URL, headers: Headers, rawBody: RequestInit['body']): FakeAnswer {
    const override = overrides.findIndex(
      ({ match }) => (match.method ?? method) === method && (typeof match.path === 'string' ? match.path === path : match.path.test(path)),
    );
    if (override >= 0) return overrides.splice(override, 1)[0]!.answer;
    if (rateLimited.count > 0) {
      rateLimited.count -= 1;
      const seconds = rateLimited.retryAfterSeconds;
      return errorAnswer(429, 'Too many requests', 'You have exceeded the API rate limit.', undefined, {
        ...(seconds === undefined ? {} : { 'Retry-After': String(seconds) }),
        'X-RateLimit-Limit': '30',
      });
    }
    const contentType = headers.get('Content-Type')?.split(';')[0]?.trim();
    if (method !== 'GET' && contentType !== MEDIA_TYPE) {
      return errorAnswer(415, 'unsupported media type', `Requests must use the ${MEDIA_TYPE} media type.`);
    }
    const user = signedInUser(headers.get('Authorization'));
    if (!user) return errorAnswer(401, 'unauthorized');
    const body = parseBody(rawBody);
    if (!body.ok) return errorAnswer(400, 'bad request', 'The body is not valid JSON.');
    return answerRequest(state, rules, { method, path, query: url.searchParams, body: body.value, user });
  }

  const fetch: typeof globalThis.fetch = async (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = new Headers(init.headers);
    const underBase = url.href.startsWith(baseUrl);
    const path = underBase ? url.pathname.slice(new URL(baseUrl).pathname.length) : url.pathname;
    requests.push({
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      contentType: headers.get('Content-Type'),
      accept: headers.get('Accept'),
      body: parseBody(init.body).value,
    });
    if (init.signal?.aborted) throw abortError();
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, options.latencyMs ?? 0);
        init.signal?.addEventListener('abort', () => (clearTimeout(timer), reject(abortError())), { once: true });
      });
      const { status, body, headers: answerHeaders } = underBase
        ? answer(method, path, url, headers, init.body)
        : errorAnswer(404, 'not found');
      const text = status === 204 || body === undefined ? null : JSON.stringify(body);
      return new Response(text, { status, headers: { ...(text ? { 'Content-Type': MEDIA_TYPE } : {}), ...answerHeaders } });
    } finally {
      inFlight -= 1;
    }
  };

  return {
    fetch,
    state,
    me,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    clearRequests() {
      requests.length = 0;
      maxInFlight = 0;
    },
    addOrganization(name, more = {}) {
      const organization = { name, email: `admin@${name}.example.com`, member: true, ...more };
      state.organizations.push(organization);
      return organization;
    },
    addTeam(organization, name, more = {}) {
      const team: FakeTeam = {
        id: state.nextId('team'),
        organization,
        name,
        canManageTokens: true,
        organizationAccess: { 'read-workspaces': true, 'manage-workspaces': false },
        ...more,
      };
      state.teams.push(team);
      return team;
    },
    addToken(kind, ownerId, more = {}) {
      const token: FakeToken = {
        id: state.nextId('at'),
        kind,
        ownerId,
        description: kind === 'legacy' ? null : 'Seeded token',
        createdAt: state.now().toISOString(),
        expiredAt: null,
        lastUsedAt: null,
        secret: state.nextId('seeded-secret'),
        createdBy: { type: 'users', id: me.id },
        ...more,
      };
      state.tokens.push(token);
      return token;
    },
    answerNext(match, answer) {
      overrides.push({ match, answer });
    },
    rateLimitNext(count, retryAfterSeconds) {
      rateLimited = { count, retryAfterSeconds };
    },
  };
}
