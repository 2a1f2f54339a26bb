import { PARSER_REFUSAL_MESSAGES } from '../http/clientErrors';
import { isJsonApiKind, kindOfPath as kindOfServerPath } from '../http/pathKind';

/** Every route of the running server, for suites that send each of them hostile requests. */

/** Which kind of answer a route gives: the error body the suite expects of it. */
export type RouteKind = 'token-api' | 'json-api' | 'graphql' | 'sign-in' | 'provider' | 'app';

export interface RouteUnderTest {
  kind: RouteKind;
  /** With `{uuid}`, `{org}`, `{team}`, `{user}`, `{orgName}`, `{teamId}` or `{uid}` for its parameters. */
  template: string;
  methods: string[];
}

export const ROUTES: RouteUnderTest[] = [
  { kind: 'token-api', template: '/pat/v1', methods: ['GET', 'POST'] },
  { kind: 'token-api', template: '/pat/v1/{uuid}', methods: ['DELETE'] },
  { kind: 'token-api', template: '/access-token/v1/teams', methods: ['GET', 'POST'] },
  { kind: 'token-api', template: '/access-token/v1/teams/current-teams', methods: ['GET'] },
  { kind: 'token-api', template: '/access-token/v1/teams/{uuid}', methods: ['DELETE'] },
  { kind: 'json-api', template: '/api/v1/organization', methods: ['GET'] },
  { kind: 'json-api', template: '/api/v1/organization/{org}', methods: ['GET'] },
  { kind: 'json-api', template: '/api/v1/organization/{org}/team', methods: ['GET'] },
  { kind: 'json-api', template: '/api/v1/organization/{org}/team/{team}', methods: ['GET'] },
  { kind: 'json-api', template: '/api/v1/organization/{org}/tag', methods: ['GET'] },
  { kind: 'token-api', template: '/access-token/v1/teams/permissions/organization/{org}', methods: ['GET'] },
  { kind: 'json-api', template: '/api/v2/account/details', methods: ['GET'] },
  { kind: 'json-api', template: '/api/v2/organizations', methods: ['GET'] },
  { kind: 'json-api', template: '/api/v2/organizations/{orgName}', methods: ['GET'] },
  { kind: 'json-api', template: '/api/v2/organizations/{orgName}/teams', methods: ['GET'] },
  { kind: 'json-api', template: '/api/v2/organizations/{orgName}/team-tokens', methods: ['GET', 'DELETE'] },
  { kind: 'json-api', template: '/api/v2/teams/{teamId}', methods: ['GET'] },
  { kind: 'json-api', template: '/api/v2/teams/{teamId}/authentication-tokens', methods: ['POST'] },
  { kind: 'json-api', template: '/api/v2/teams/{teamId}/authentication-token', methods: ['GET', 'POST', 'DELETE'] },
  { kind: 'json-api', template: '/api/v2/users/{user}/authentication-tokens', methods: ['GET', 'POST'] },
  { kind: 'json-api', template: '/api/v2/authentication-tokens/at-{uuid}', methods: ['GET', 'DELETE'] },
  { kind: 'graphql', template: '/graphql/api/v1', methods: ['POST'] },
  { kind: 'sign-in', template: '/oidc/interaction/{uid}', methods: ['GET'] },
  { kind: 'sign-in', template: '/oidc/interaction/{uid}/login', methods: ['POST'] },
  { kind: 'provider', template: '/oidc/.well-known/openid-configuration', methods: ['GET'] },
  { kind: 'provider', template: '/oidc/auth', methods: ['GET', 'POST'] },
  { kind: 'provider', template: '/oidc/token', methods: ['POST'] },
  { kind: 'provider', template: '/oidc/token/revocation', methods: ['POST'] },
  { kind: 'provider', template: '/oidc/jwks', methods: ['GET'] },
  { kind: 'provider', template: '/oidc/me', methods: ['GET', 'POST'] },
  { kind: 'provider', template: '/oidc/session/end', methods: ['GET', 'POST'] },
  { kind: 'app', template: '/', methods: ['GET'] },
  { kind: 'app', template: '/settings/tokens', methods: ['GET'] },
  { kind: 'app', template: '/env-config.js', methods: ['GET'] },
  { kind: 'app', template: '/assets/index.js', methods: ['GET'] },
];

/** Ids that exist (an organization, a team, the caller) or are merely well-formed (a token id nobody has). */
export interface RouteFixtures {
  org: string;
  team: string;
  orgName: string;
  teamId: string;
  user: string;
  uid: string;
}

/** An id of the right shape that matches no token: a DELETE of it must change nothing. */
const UNKNOWN_UUID = '00000000-0000-4000-8000-000000000000';

export function pathOf(template: string, fixtures: RouteFixtures, segment?: string): string {
  return template.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    if (segment !== undefined) return segment;
    return name === 'uuid' ? UNKNOWN_UUID : fixtures[name as keyof RouteFixtures];
  });
}

/** The kind of answer a path gets, as the server classifies it. */
export function kindOfPath(path: string): RouteKind {
  const kind = kindOfServerPath(path);
  if (isJsonApiKind(kind)) return 'json-api';
  return kind === 'assets' ? 'app' : kind;
}

/** A stack frame, a Node error name or internal error text: what a body must never show a client. */
const INTERNALS = /\bat [\w.<>]+ \(|node_modules|node:internal|\b(TypeError|ReferenceError|RangeError|SyntaxError|URIError)\b|Unexpected error|Cannot read propert|\bundefined is not\b/;

/** The sign-in pages and the provider's browser steps answer HTML or JSON, the app also its script. */
const OTHER_TYPES: Record<Exclude<RouteKind, 'token-api' | 'json-api' | 'graphql'>, RegExp> = {
  'sign-in': /^(text\/html|application\/json)\b/,
  provider: /^(text\/html|application\/json)\b/,
  app: /^(text\/html|application\/json|text\/javascript|application\/javascript)\b/,
};

/**
 * No error body shows the server's internals; API routes answer errors in JSON in their API's shape; the
 * sign-in pages, the provider and the app answer in the content types they serve.
 */
export function errorBodyProblem(kind: RouteKind, status: number, contentType: string | undefined, body: string): string | undefined {
  if (status < 400) return undefined;
  const internals = INTERNALS.exec(body);
  if (internals) return `error body shows internals (${internals[0]}): ${body.slice(0, 200)}`;
  if (kind === 'sign-in' || kind === 'provider' || kind === 'app') {
    if (!OTHER_TYPES[kind].test(contentType ?? '')) return `error body of a ${kind} route is ${contentType ?? 'without a content type'}`;
    if (!/json/.test(contentType!)) return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return `error body is not JSON (${contentType ?? 'no content type'}): ${body.slice(0, 120)}`;
  }
  const { message } = parsed as { message?: unknown };
  const parserRefusal = typeof message === 'string' && PARSER_REFUSAL_MESSAGES.has(message);
  if (kind === 'graphql' && !parserRefusal) {
    const errors = (parsed as { errors?: { message?: unknown }[] } | null)?.errors;
    return Array.isArray(errors) && typeof errors[0]?.message === 'string' ? undefined : `error body has not GraphQL's shape: ${body.slice(0, 120)}`;
  }
  if (kind !== 'token-api' && kind !== 'json-api') return typeof parsed === 'object' && parsed !== null ? undefined : `error body is not a JSON object: ${body.slice(0, 120)}`;
  const shaped =
    kind === 'token-api' || parserRefusal
      ? typeof (parsed as { message?: unknown }).message === 'string'
      : Array.isArray((parsed as { errors?: unknown }).errors) &&
        typeof (parsed as { errors: { detail?: unknown }[] }).errors[0]?.detail === 'string';
  return shaped ? undefined : `error body has not the ${kind} shape: ${body.slice(0, 120)}`;
}
