/** Calling the server's HCP Terraform API (`/api/v2`) as a JSON:API client would. */
export const JSON_API = 'application/vnd.api+json';

/** The seeded teams' `/api/v2` ids. */
export const TEAM_IDS = {
  TERRAKUBE_ADMIN: 'team-58529721-425e-44d7-8b0d-1d515043c2f7',
  TERRAKUBE_DEVELOPERS: 'team-0f7a8c8e-3c1b-4f0e-9a65-6a2f4c9b1d10',
  AZURE_DEVELOPERS: 'team-8b2f9f3c-6d1e-4a57-b0a4-3e5c7d9f2a61',
  AWS_DEVELOPERS: 'team-c3d4e5f6-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
  GCP_DEVELOPERS: 'team-1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6',
} as const;

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface V2Response {
  status: number;
  body: Json | undefined;
  text: string;
  headers: Headers;
}

/**
 * A request under `/api/v2`. POST, PATCH and DELETE carry the JSON:API content type unless `contentType` says
 * otherwise (`null` = none), with or without a body.
 */
export async function callV2(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string; contentType?: string | null } = {},
): Promise<V2Response> {
  const headers: Record<string, string> = {};
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  const sendsType = ['POST', 'PATCH', 'DELETE', 'PUT'].includes(method) || options.body !== undefined;
  const contentType = options.contentType === undefined ? (sendsType ? JSON_API : null) : options.contentType;
  if (contentType !== null) headers['content-type'] = contentType;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const response = await fetch(`${baseUrl}/api/v2${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: Json | undefined;
  try {
    parsed = text ? (JSON.parse(text) as Json) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed, text, headers: response.headers };
}

/** `{"data": {"type", "attributes"}}`. */
export const resourceDocument = (attributes: Json, type = 'authentication-tokens') => ({ data: { type, attributes } });

function expectStatus(response: V2Response, status: number, what: string): Json {
  if (response.status !== status) throw new Error(`${what} answered ${response.status}: ${response.text}`);
  return response.body!;
}

export async function userIdOfCaller(baseUrl: string, token: string): Promise<string> {
  return expectStatus(await callV2(baseUrl, 'GET', '/account/details', { token }), 200, 'GET /account/details').data.id;
}

/** Creates a personal token through `/api/v2`; answers its id, secret and resource. */
export async function createUserTokenV2(baseUrl: string, token: string, attributes: Json = {}) {
  const userId = await userIdOfCaller(baseUrl, token);
  const response = await callV2(baseUrl, 'POST', `/users/${userId}/authentication-tokens`, { token, body: resourceDocument(attributes) });
  const { data } = expectStatus(response, 201, 'POST /users/:id/authentication-tokens');
  return { id: data.id as string, secret: data.attributes.token as string, resource: data as Json };
}

/** Creates a described team token through `/api/v2`. */
export async function createTeamTokenV2(baseUrl: string, token: string, teamId: string, attributes: Json) {
  const response = await callV2(baseUrl, 'POST', `/teams/${teamId}/authentication-tokens`, { token, body: resourceDocument(attributes) });
  const { data } = expectStatus(response, 201, 'POST /teams/:id/authentication-tokens');
  return { id: data.id as string, secret: data.attributes.token as string, resource: data as Json };
}

/** Creates (or replaces) a team's legacy token through `/api/v2`. */
export async function createLegacyTeamTokenV2(baseUrl: string, token: string, teamId: string, attributes: Json = {}) {
  const response = await callV2(baseUrl, 'POST', `/teams/${teamId}/authentication-token`, {
    token,
    body: resourceDocument(attributes, 'authentication-token'),
  });
  const { data } = expectStatus(response, 201, 'POST /teams/:id/authentication-token');
  return { id: data.id as string, secret: data.attributes.token as string, resource: data as Json };
}

/** Every page of a paged list, following `links.next` as a client must. */
export async function readAllPages(baseUrl: string, token: string, path: string): Promise<Json[]> {
  const items: Json[] = [];
  let next: string | null = `${baseUrl}/api/v2${path}`;
  while (next) {
    const response = await callV2(baseUrl, 'GET', next.slice(`${baseUrl}/api/v2`.length), { token });
    const body = expectStatus(response, 200, `GET ${next}`);
    items.push(...(body.data as Json[]));
    next = body.links.next as string | null;
  }
  return items;
}
