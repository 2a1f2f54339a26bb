import { gzipSync } from 'node:zlib';
import type { HostileRequest } from './hostileArbitraries';
import { pathOf, ROUTES, type RouteFixtures } from './hostileRoutes';

/** Hand-picked hostile requests by class: the ones known to have answered 500 or to have been taken silently. */
type CaseList = (fixtures: RouteFixtures) => HostileRequest[];

const PAT_BODY = '{"description":"x","days":1}';
const V2_BODY = '{"data":{"type":"authentication-tokens","attributes":{"description":"x\\ud800"}}}';

function post(path: string, contentType: string, body: string | Buffer, extra: [string, string][] = []): HostileRequest {
  return {
    method: 'POST',
    path,
    headers: [['Content-Type', contentType], ...extra],
    body: typeof body === 'string' ? Buffer.from(body) : body,
    credential: path.startsWith('/oidc') ? 'none' : 'sign-in',
  };
}

const loginPath = (fixtures: RouteFixtures) => `/oidc/interaction/${fixtures.uid}/login`;

const charset: CaseList = (fixtures) => {
  const cases: HostileRequest[] = [];
  for (const name of ['latin1', 'utf-16', 'utf-16le', 'iso-8859-1', 'koi8-r', 'x-unknown', '']) {
    cases.push(post('/pat/v1', `application/json; charset=${name}`, PAT_BODY));
    cases.push(post('/access-token/v1/teams', `application/json; charset=${name}`, PAT_BODY));
    cases.push(post(`/api/v2/users/${fixtures.user}/authentication-tokens`, `application/vnd.api+json; charset=${name}`, V2_BODY));
    cases.push(post(loginPath(fixtures), `application/x-www-form-urlencoded; charset=${name}`, 'email=a&password=b'));
    cases.push(post('/oidc/token', `application/x-www-form-urlencoded; charset=${name}`, 'grant_type=x'));
  }
  return cases;
};

const contentEncoding: CaseList = (fixtures) => {
  const cases: HostileRequest[] = [];
  const targets: [string, string, string][] = [
    ['/pat/v1', 'application/json', '{"description":"x","days":1e-400}'],
    [`/api/v2/users/${fixtures.user}/authentication-tokens`, 'application/vnd.api+json', V2_BODY],
    [loginPath(fixtures), 'application/x-www-form-urlencoded', 'email=a&password=b'],
    ['/oidc/token', 'application/x-www-form-urlencoded', 'grant_type=x'],
    ['/oidc/token/revocation', 'application/x-www-form-urlencoded', 'token=x'],
  ];
  for (const [path, type, body] of targets) {
    for (const encoding of ['gzip', 'deflate', 'br', 'zstd', 'x-unknown', 'gzip, br', 'identity, gzip']) {
      cases.push(post(path, type, body, [['Content-Encoding', encoding]]));
    }
    // Really compressed, but to far more than the limit once inflated.
    cases.push(post(path, type, gzipSync(Buffer.alloc(5_000_000, 'a')), [['Content-Encoding', 'gzip']]));
  }
  return cases;
};

const percentEncoding: CaseList = (fixtures) => {
  const cases: HostileRequest[] = [];
  for (const { template, methods } of ROUTES) {
    for (const segment of ['%E0%A4%A', '%', '%zz', '%C0%AF']) {
      const path = template.includes('{') ? pathOf(template, fixtures, segment) : `${pathOf(template, fixtures)}/${segment}`;
      for (const credential of ['none', 'sign-in'] as const) {
        cases.push({ method: methods.at(-1)!, path, headers: [], credential });
      }
    }
  }
  return cases;
};

const inputEdges: CaseList = (fixtures) => {
  const team = (fields: string) => post('/access-token/v1/teams', 'application/json', `{"group":"TERRAKUBE_ADMIN",${fields}}`);
  return [
    post('/pat/v1', 'application/json', '{"description":"x","days":1e-400}'),
    post('/pat/v1', 'application/json', '{"description":"x","days":-1e-400}'),
    post('/pat/v1', 'application/json', '{"description":"x","days":1e400}'),
    team('"description":"x","days":0,"hours":0,"minutes":1e-400'),
    team('"description":"x","days":0,"hours":1e-999,"minutes":0'),
    post('/pat/v1', 'application/json', '{"description":"a\\u2028b","days":1}'),
    post('/pat/v1', 'application/json', '{"description":"a\\u2029b","days":1}'),
    post('/pat/v1', 'application/json', '{"description":"a\\u0085b","days":1}'),
    post('/pat/v1', 'application/json', '{"description":"x\\ud800","days":1}'),
    post('/pat/v1', 'application/json', '{"description":"\\udfffx","days":1}'),
    post('/pat/v1', 'application/json', Buffer.from([...Buffer.from('{"description":"'), 0xed, 0xa0, 0x80, ...Buffer.from('","days":1}')])),
    team('"description":"x\\ud800","days":1'),
    post(`/api/v2/users/${fixtures.user}/authentication-tokens`, 'application/vnd.api+json', V2_BODY),
    post(`/api/v2/teams/${fixtures.teamId}/authentication-tokens`, 'application/vnd.api+json', V2_BODY),
    post(`/api/v2/teams/${fixtures.teamId}/authentication-tokens`, 'application/vnd.api+json', V2_BODY.replace('\\ud800', '\\u2028y')),
  ];
};

export const FIXED_CASES: Record<string, CaseList> = {
  charset,
  'content-encoding': contentEncoding,
  'percent-encoding': percentEncoding,
  'input edge': inputEdges,
};
