/**
 * An in-memory Terrakube for adapter tests: its token API and organization/team JSON:API, answering as a real
 * Terrakube does (202 lists, 201 with `{"token"}`, 202 empty deletes, 400 for an unknown id, 201 with an empty
 * token for a team the caller is not in). Tokens are JWT-shaped, with `exp` when they expire.
 */
export interface FakeTerrakubeOptions {
  origin?: string;
  /** The caller's identity-provider groups. */
  groups?: string[];
  email?: string;
}

interface StoredToken {
  id: string;
  description: string;
  days: number;
  hours: number;
  minutes: number;
  group?: string;
  createdDate: string;
  createdBy: string;
}

export const FAKE_ORGANIZATION_ID = 'd9b58bd3-f3fc-4056-a026-1163297e80a8';
export const FAKE_TEAMS = [
  { id: '58529721-425e-44d7-8b0d-1d515043c2f7', name: 'TERRAKUBE_ADMIN' },
  { id: 'c3d4e5f6-7a8b-4c9d-8e0f-1a2b3c4d5e6f', name: 'AWS_DEVELOPERS' },
];

const DAY_MS = 86_400_000;
const base64Url = (text: string) => btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

function jwtFor(token: StoredToken): string {
  const created = Date.parse(token.createdDate);
  const lifetime = token.days * DAY_MS + token.hours * 3_600_000 + token.minutes * 60_000;
  const payload = { jti: token.id, iat: Math.floor(created / 1000), ...(lifetime > 0 ? { exp: Math.floor((created + lifetime) / 1000) } : {}) };
  return `${base64Url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64Url(JSON.stringify(payload))}.c2ln`;
}

let sequence = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++sequence).padStart(12, '0')}`;

export function fakeTerrakubeBackend({ origin = 'https://terrakube-api.example.com', groups = ['TERRAKUBE_ADMIN'], email = 'admin@example.com' }: FakeTerrakubeOptions = {}) {
  const pats: StoredToken[] = [];
  const teamTokens: StoredToken[] = [];
  const requests: { method: string; url: string }[] = [];

  const json = (status: number, body?: unknown) =>
    new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  const teamResource = (team: (typeof FAKE_TEAMS)[number]) => ({ type: 'team', id: team.id, attributes: { name: team.name, manageState: true } });

  function create(list: StoredToken[], body: Record<string, unknown>, group?: string): Response {
    const description = typeof body.description === 'string' ? body.description.trim() : '';
    const numbers = [body.days, body.hours ?? 0, body.minutes ?? 0];
    if (description === '' || !numbers.every((value) => Number.isInteger(value) && (value as number) >= 0)) {
      return json(400, { message: 'The description is required and the duration must be whole numbers.' });
    }
    const [days, hours, minutes] = numbers as number[];
    const token: StoredToken = { id: uuid(), description, days: days!, hours: hours!, minutes: minutes!, group, createdDate: new Date().toISOString(), createdBy: email };
    list.push(token);
    return json(201, { token: jwtFor(token) });
  }

  function remove(list: StoredToken[], id: string): Response {
    const index = list.findIndex((token) => token.id === id && (token.group === undefined || groups.includes(token.group)));
    if (index < 0) return new Response(null, { status: 400 });
    list.splice(index, 1);
    return new Response(null, { status: 202 });
  }

  const fetch: typeof globalThis.fetch = async (input, init) => {
    const method = init?.method ?? 'GET';
    const url = new URL(String(input));
    requests.push({ method, url: url.toString() });
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : {};
    const path = url.pathname;
    let match: RegExpExecArray | null;

    if (path === '/pat/v1' && method === 'GET') return json(202, pats.map(({ group: _group, ...pat }) => ({ ...pat, deleted: false })));
    if (path === '/pat/v1' && method === 'POST') return create(pats, body);
    if ((match = /^\/pat\/v1\/([^/]+)$/.exec(path)) && method === 'DELETE') return remove(pats, match[1]!);
    if (path === '/access-token/v1/teams/current-teams') return json(202, { groups });
    if (path === '/access-token/v1/teams' && method === 'GET') {
      return json(202, teamTokens.filter((token) => groups.includes(token.group!)).map((token) => ({ ...token, deleted: false })));
    }
    if (path === '/access-token/v1/teams' && method === 'POST') {
      const group = String(body.group);
      return groups.includes(group) ? create(teamTokens, body, group) : json(201, { token: '' });
    }
    if ((match = /^\/access-token\/v1\/teams\/([^/]+)$/.exec(path)) && method === 'DELETE') return remove(teamTokens, match[1]!);
    if (path === '/api/v1/organization') return json(200, { data: [{ type: 'organization', id: FAKE_ORGANIZATION_ID, attributes: { name: 'simple', description: '' } }] });
    if ((match = /^\/api\/v1\/organization\/([^/]+)\/team$/.exec(path))) {
      return match[1] === FAKE_ORGANIZATION_ID ? json(200, { data: FAKE_TEAMS.map(teamResource) }) : json(200, { data: [] });
    }
    if ((match = /^\/api\/v1\/organization\/([^/]+)\/team\/([^/]+)$/.exec(path))) {
      const team = match[1] === FAKE_ORGANIZATION_ID ? FAKE_TEAMS.find((candidate) => candidate.id === match![2]) : undefined;
      return team ? json(200, { data: teamResource(team) }) : json(404);
    }
    return json(404);
  };

  return { fetch, requests, apiUrl: `${origin}/api/v1/`, pats, teamTokens };
}
