import {
  organizationResource,
  teamResource,
  tokenResource,
  userResource,
  type FakeTeam,
  type FakeTfeState,
  type FakeToken,
  type FakeUser,
} from './fakeTfeState';
import {
  errorAnswer,
  isRecord,
  newTokenAttributes,
  notFound,
  pagedAnswer,
  pageRequestOf,
  type FakeAnswer,
  type JsonBody,
  type PagingRules,
} from './fakeTfeWire';

/** The fake HCP Terraform's routes, under its `/api/v2/`. */

export interface FakeRequest {
  method: string;
  /** The path under the API base, without a leading `/`: `teams/team-1/authentication-tokens`. */
  path: string;
  query: URLSearchParams;
  body: unknown;
  user: FakeUser;
}

export interface RouteRules {
  teamTokens: 'multiple' | 'single';
  paging: PagingRules;
  /** HCP Terraform's own base URL, written into `links`. */
  baseUrl: string;
  /** `false`: a release older than expiring team tokens (seed 004), which ignores `expired-at`. */
  legacyTokensExpire: boolean;
}

const TWO_YEARS_MS = 2 * 365 * 24 * 60 * 60 * 1000;

export function answerRequest(state: FakeTfeState, rules: RouteRules, request: FakeRequest): FakeAnswer {
  const { method, path, query, body, user } = request;
  const [first, second, third, fourth] = path.split('/').map(decodeURIComponent);
  const now = state.now();
  // What current HCP Terraform gives a token whose `expired-at` is left out.
  const twoYearsOn = new Date(now.getTime() + TWO_YEARS_MS).toISOString();
  const page = pageRequestOf(query);
  const list = (items: JsonBody[], paging: PagingRules = rules.paging) =>
    pagedAnswer(items, page, paging, `${rules.baseUrl}${path}`);
  const organization = (name?: string) => state.organizations.find((org) => org.name === name && org.member);
  const team = (id?: string) => state.teams.find((candidate) => candidate.id === id && organization(candidate.organization));
  const managedTeam = (id?: string) => {
    const found = team(id);
    return found?.canManageTokens ? found : undefined;
  };
  const visibleToken = (id?: string) =>
    state.tokens.find(
      (token) => token.id === id && (token.kind === 'user' ? token.ownerId === user.id : managedTeam(token.ownerId)),
    );
  const remove = (token: FakeToken) => state.tokens.splice(state.tokens.indexOf(token), 1);
  const legacyTokenOf = (teamId: string) => state.tokens.find((token) => token.kind === 'legacy' && token.ownerId === teamId);
  const create = (kind: FakeToken['kind'], ownerId: string, description: string | null, expiredAt: FakeToken['expiredAt']) => {
    const token: FakeToken = {
      id: state.nextId('at'),
      kind,
      ownerId,
      description,
      createdAt: now.toISOString(),
      expiredAt,
      lastUsedAt: null,
      secret: `${state.nextId('secret')}.atlasv1.${Math.random().toString(36).slice(2)}`,
      createdBy: { type: 'users', id: user.id },
    };
    state.tokens.push(token);
    return { status: 201, body: { data: tokenResource(token, { withSecret: true }) } };
  };
  const expiryOf = (attributes: JsonBody, omitted: string | null) => {
    const value = attributes['expired-at'];
    return value === undefined ? omitted : typeof value === 'string' ? new Date(value).toISOString() : null;
  };
  const teamTokensOf = (org: string) =>
    state.tokens
      .filter((token) => token.kind !== 'user' && managedTeam(token.ownerId)?.organization === org)
      .sort((a, b) => (a.expiredAt ?? '\uffff').localeCompare(b.expiredAt ?? '\uffff'));
  const multiple = rules.teamTokens === 'multiple';
  if (fourth !== undefined) return notFound();

  const route = `${method} ${first}${second === undefined ? '' : '/:'}${third === undefined ? '' : `/${third}`}`;
  switch (route) {
    case 'GET account/:':
      return second === 'details' ? { status: 200, body: { data: userResource(user) } } : notFound();
    case 'GET organizations':
      return list(state.organizations.filter((org) => org.member).map(organizationResource));
    case 'GET organizations/:': {
      const org = organization(second);
      return org ? { status: 200, body: { data: organizationResource(org) } } : notFound();
    }
    case 'GET organizations/:/teams':
      if (!organization(second)) return notFound();
      return list(state.teams.filter((candidate) => candidate.organization === second).map(teamResource));
    case 'GET teams/:': {
      const found = team(second);
      return found ? { status: 200, body: { data: teamResource(found) } } : notFound();
    }
    case 'GET users/:/authentication-tokens':
      if (second !== user.id) return notFound();
      return list(
        state.tokens.filter((token) => token.kind === 'user' && token.ownerId === user.id).map((token) => tokenResource(token)),
        { ...rules.paging, unpagedWithoutParameters: true },
      );
    case 'POST users/:/authentication-tokens': {
      if (second !== user.id) return notFound();
      const parsed = newTokenAttributes(body, 'authentication-tokens', now);
      if (!parsed.ok) return parsed.answer;
      const { attributes } = parsed;
      const description = typeof attributes.description === 'string' ? attributes.description : null;
      return create('user', user.id, description, expiryOf(attributes, twoYearsOn));
    }
    case 'GET authentication-tokens/:':
    case 'DELETE authentication-tokens/:': {
      const token = visibleToken(second);
      if (!token) return notFound();
      if (method === 'GET') return { status: 200, body: { data: tokenResource(token) } };
      remove(token);
      return { status: 204 };
    }
    case 'GET organizations/:/team-tokens':
      if (!multiple || !organization(second)) return notFound();
      return list(teamTokensOf(second as string).map((token) => tokenResource(token)));
    case 'DELETE organizations/:/team-tokens': {
      if (!multiple || !organization(second)) return notFound();
      const data = isRecord(body) && Array.isArray(body.data) ? body.data : undefined;
      if (!data) return errorAnswer(400, 'bad request', 'The body must list the tokens to delete.');
      const ids = data.map((item) => (isRecord(item) ? item.id : undefined));
      const tokens = ids.map((id) => teamTokensOf(second as string).find((token) => token.id === id));
      if (tokens.some((token) => token === undefined)) return notFound();
      tokens.forEach((token) => remove(token as FakeToken));
      return { status: 204 };
    }
    case 'POST teams/:/authentication-tokens':
      return multiple ? createTeamToken(managedTeam(second)) : notFound();
    case 'GET teams/:/authentication-token':
    case 'POST teams/:/authentication-token':
    case 'DELETE teams/:/authentication-token': {
      const found = managedTeam(second);
      if (!found) return notFound();
      const legacy = legacyTokenOf(found.id);
      if (method === 'GET') return legacy ? { status: 200, body: { data: tokenResource(legacy) } } : notFound();
      if (method === 'DELETE') {
        if (!legacy) return notFound();
        remove(legacy);
        return { status: 204 };
      }
      const parsed = newTokenAttributes(body ?? { data: { type: 'authentication-token' } }, 'authentication-token', now);
      if (!parsed.ok) return parsed.answer;
      // Generating revokes and replaces the team's one legacy token.
      if (legacy) remove(legacy);
      const expiry = rules.legacyTokensExpire ? expiryOf(parsed.attributes, null) : undefined;
      return create('legacy', found.id, null, expiry);
    }
    default:
      return notFound();
  }

  function createTeamToken(found: FakeTeam | undefined): FakeAnswer {
    if (!found) return notFound();
    const parsed = newTokenAttributes(body, 'authentication-tokens', now);
    if (!parsed.ok) return parsed.answer;
    const { attributes } = parsed;
    const description = typeof attributes.description === 'string' ? attributes.description : null;
    const taken = state.tokens.some(
      (token) => token.kind === 'team' && token.ownerId === found.id && token.description === description,
    );
    if (taken) {
      return errorAnswer(
        422,
        'invalid attributes',
        'Validation failed: Description has already been taken',
        '/data/attributes/description',
      );
    }
    return create('team', found.id, description, expiryOf(attributes, twoYearsOn));
  }
}
