import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import type { RawRequest } from './rawHttp';
import { pathOf, ROUTES, type RouteFixtures } from './hostileRoutes';

/** Who sends a hostile request: nobody, a signed-in person, a personal access token, or a forged bearer. */
export type CredentialKind = 'none' | 'sign-in' | 'pat' | 'forged';
export type Credentials = Record<Exclude<CredentialKind, 'none'>, string>;

/** A request made of arbitrary parts; `credential` is filled in when it is sent. */
export interface HostileRequest extends Omit<RawRequest, 'method' | 'headers' | 'body'> {
  method: string;
  headers: [string, string][];
  body?: Uint8Array;
  credential: CredentialKind;
}

const credential = fc.constantFrom<CredentialKind>('none', 'sign-in', 'pat', 'forged');
const route = fc.constantFrom(...ROUTES);
const text = (maxLength = 40) => fc.string({ unit: 'binary', maxLength });

/**
 * Bodies near a valid one, each broken in one way, so that none may make a token whoever sends it, and wholly
 * random ones (JSON, text, bytes).
 */
const badDays = fc.constantFrom('1e-400', '-1e-999', '1e400', '-1', '3651', '1.5', '"1"', 'null', 'true', '[]', '{}', '0x10', 'NaN');
const badDescription = fc.constantFrom('"x\\ud800"', '"\\udc00"', '"a\\u2028b"', '"a\\u0085b"', '"a\\u0000b"', '""', '1', 'null', `"${'x'.repeat(300)}"`);
const nearValidBody = fc.oneof(
  badDays.map((days) => `{"description":"x","days":${days}}`),
  badDays.map((days) => `{"group":"TERRAKUBE_ADMIN","description":"x","days":0,"hours":0,"minutes":${days}}`),
  badDescription.map((description) => `{"description":${description},"days":1}`),
  badDescription.map((description) => `{"data":{"type":"authentication-tokens","attributes":{"description":${description}}}}`),
  fc.constantFrom(
    '{"data":{"type":"authentication-tokens","attributes":{"expired-at":"2026-02-30T00:00:00Z"}}}',
    '{"data":{"type":"authentication-token","attributes":{"expired-at":1e-400}}}',
    '{"data":[{"type":"authentication-tokens","id":"at-\\ud800"}]}',
    '{"description":"x","days":1,"__proto__":{"admin":true}}',
    '{"description":"x","days":1,"constructor":{"prototype":{}}}',
    '{"description":"x","days":1',
    '[' .repeat(3000),
    `{"description":"x","days":1,"pad":"${'a'.repeat(11_000)}"}`,
  ),
);
const randomBody = fc.oneof(
  fc.json({ maxDepth: 4 }),
  text(200),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
);

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/json; charset=',
  'application/json; charset="',
  'application/vnd.api+json',
  'application/vnd.api+json; charset=utf-16le',
  'application/x-www-form-urlencoded',
  'application/x-www-form-urlencoded; charset=utf-16',
  'multipart/form-data; boundary=x',
  'text/plain',
  ';;;',
  '',
];
const contentType = fc.oneof(fc.constantFrom(...CONTENT_TYPES), text(30));
const contentEncoding = fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'gzip, gzip', 'zstd', 'x-unknown', 'GZIP', '');

function encode(body: string, encoding: string | undefined, compressed: boolean): Buffer {
  // Text beyond Latin-1 is sent as UTF-8; the rest byte for byte, so random bytes stay random.
  const bytes = Buffer.from(body, [...body].some((char) => char.codePointAt(0)! > 0xff) ? 'utf8' : 'latin1');
  if (!compressed) return bytes;
  if (encoding === 'gzip') return gzipSync(bytes);
  if (encoding === 'deflate') return deflateSync(bytes);
  if (encoding === 'br') return brotliCompressSync(bytes);
  return bytes;
}

/** Fuzzed bodies: any POST route, any body, a JSON or random content type. */
export function bodyRequest(fixtures: RouteFixtures): fc.Arbitrary<HostileRequest> {
  return fc
    .record({
      route: route.filter((candidate) => candidate.methods.some((method) => method !== 'GET')),
      body: fc.oneof(nearValidBody, randomBody),
      contentType: fc.oneof(fc.constantFrom('application/json', 'application/vnd.api+json', 'application/x-www-form-urlencoded'), contentType),
      credential,
    })
    .map(({ route: { template, methods }, body, contentType: type, credential: who }) => ({
      method: methods.find((method) => method !== 'GET')!,
      path: pathOf(template, fixtures),
      headers: [['Content-Type', type]],
      body: encode(body, undefined, false),
      credential: who,
    }));
}

/** Fuzzed headers: content type, charset, encoding (over compressed or plain bodies), lengths, sizes, methods. */
export function headerRequest(fixtures: RouteFixtures): fc.Arbitrary<HostileRequest> {
  return fc
    .record({
      route,
      method: fc.oneof(fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'), fc.constantFrom('TRACE', 'PROPFIND', 'FOO', 'M-SEARCH', 'get', 'PoSt')),
      body: fc.oneof(nearValidBody, randomBody),
      contentType: fc.option(contentType),
      encoding: fc.option(contentEncoding),
      compressed: fc.boolean(),
      length: fc.constantFrom('exact', 'shorter', 'longer', 'none', 'negative', 'huge'),
      extra: fc.constantFrom<[string, string][]>(
        [],
        [['X-Pad', 'x'.repeat(20_000)]],
        [['Accept', '*/*;q=bad']],
        [['Accept-Encoding', 'gzip;q=x, br']],
        [['Transfer-Encoding', 'chunked']],
        [['Expect', '100-continue']],
        [['Cookie', '_session=\u00ff; _interaction=%E0%A4%A']],
        [['Authorization', 'Bearer']],
        [['Authorization', `Bearer ${'a'.repeat(8_000)}`]],
        [['Authorization', 'Basic Zm9vOmJhcg==']],
      ),
      credential,
    })
    .map((parts): HostileRequest => {
      const body = encode(parts.body, parts.encoding ?? undefined, parts.compressed);
      const headers: [string, string][] = [...parts.extra];
      if (parts.contentType !== null) headers.push(['Content-Type', parts.contentType]);
      if (parts.encoding !== null) headers.push(['Content-Encoding', parts.encoding]);
      const lengths = { exact: body.length, shorter: Math.max(0, body.length - 3), longer: body.length + 5, none: 'none' as const };
      const special = { negative: -1, huge: 1e12 };
      const contentLength = parts.length in lengths ? lengths[parts.length as keyof typeof lengths] : special[parts.length as keyof typeof special];
      return {
        method: parts.method,
        path: pathOf(parts.route.template, fixtures),
        headers,
        body,
        contentLength,
        // Promised more than sent: the client gives up and closes its side.
        endAfterBody: parts.length === 'longer' || parts.length === 'huge',
        timeoutMs: 2000,
        credential: parts.credential,
      };
    });
}

const pathSegment = fc.oneof(
  fc.constantFrom('%E0%A4%A', '%', '%zz', '%00', '%2e%2e', '..', '.', '%2F', '%5C', '\\', ';x', '%FF', '%C0%AF', '%ED%A0%80', '~', '*', ''),
  fc.string({ unit: 'grapheme', maxLength: 12 }).map((segment) => segment.replace(/[\s?#]/g, '')),
  fc.string({ unit: 'binary-ascii', maxLength: 12 }).map((segment) => encodeURIComponent(segment)),
  fc.constantFrom('x'.repeat(2_000), 'a/'.repeat(500), '../'.repeat(50)),
);
const query = fc.constantFrom('', '?page[number]=1e-400', '?page[size]=-1&page[size]=2', '?q=%E0%A4%A', '?filter[x][y][z]=1', '?a=%FF', '?' + 'a=1&'.repeat(500), '?__proto__[x]=1');

/** Fuzzed paths: each route with a hostile segment in place of an id or appended, plus a hostile query. */
export function pathRequest(fixtures: RouteFixtures): fc.Arbitrary<HostileRequest> {
  return fc.record({ route, segment: pathSegment, where: fc.constantFrom('param', 'append', 'prefix'), query, credential }).map(
    ({ route: { template, methods }, segment, where, query: search, credential: who }) => {
      const base = where === 'param' && template.includes('{') ? pathOf(template, fixtures, segment) : pathOf(template, fixtures);
      const path = where === 'append' ? `${base}/${segment}` : where === 'prefix' ? `/${segment}${base}` : base;
      return { method: methods[0]!, path: `${path}${search}`, headers: [], credential: who };
    },
  );
}
