import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * One request with full control over what goes on the wire (fetch drops a Host header): any Host, X-Forwarded-*
 * header or an absolute-form target (`GET http://elsewhere/path`).
 */
export function rawRequest(
  baseUrl: string,
  target: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: hostname, port, method: options.method ?? 'GET', path: target, headers: options.headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString() }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

/** The `name=value` pairs of a response's Set-Cookie headers, for sending them back. */
export function cookiesOf(response: RawResponse): string[] {
  return (response.headers['set-cookie'] ?? []).map((cookie) => cookie.split(';')[0]!);
}

/**
 * Signs the demo admin in through the provider with raw requests, each carrying `headers` and, with
 * `absoluteHost`, an absolute-form target naming that host. Answers every response on the way, the last one
 * being the redirect to the app with the code. `serverUrl` is where the server listens; `publicUrl` what it
 * calls itself.
 */
export async function rawSignIn(
  serverUrl: string,
  options: { publicUrl?: string; headers?: Record<string, string>; absoluteHost?: string } = {},
): Promise<RawResponse[]> {
  const { publicUrl = serverUrl, headers = {}, absoluteHost } = options;
  const targetOf = (location: string) => {
    const path = location.startsWith(publicUrl) ? location.slice(publicUrl.length) : location;
    return absoluteHost ? `http://${absoluteHost}${path}` : path;
  };
  const cookies: string[] = [];
  const send = async (location: string, init: { method?: string; body?: string; contentType?: string } = {}) => {
    const response = await rawRequest(serverUrl, targetOf(location), {
      method: init.method,
      body: init.body,
      headers: { ...headers, cookie: cookies.join('; '), ...(init.contentType ? { 'content-type': init.contentType } : {}) },
    });
    cookies.push(...cookiesOf(response));
    return response;
  };
  const params = new URLSearchParams({
    client_id: 'token-settings',
    response_type: 'code',
    redirect_uri: `${publicUrl}/`,
    scope: 'openid email',
    code_challenge: createHash('sha256').update(randomBytes(32).toString('base64url')).digest('base64url'),
    code_challenge_method: 'S256',
  });
  const start = await send(`/oidc/auth?${params}`);
  const page = await send(String(start.headers.location));
  const action = /<form method="post" action="([^"]+)"/.exec(page.body)?.[1]?.replaceAll('&amp;', '&');
  if (!action) throw new Error(`No sign-in form (status ${page.status}): ${page.body.slice(0, 300)}`);
  const form = { method: 'POST', contentType: 'application/x-www-form-urlencoded' };
  const login = await send(action, { ...form, body: 'email=admin%40example.com&password=admin' });
  const resume = await send(String(login.headers.location));
  return [start, page, login, resume];
}
