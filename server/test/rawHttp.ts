import { createHash, randomBytes } from 'node:crypto';
import type http from 'node:http';
import net from 'node:net';

/**
 * HTTP/1.1 over a bare socket, for requests `fetch` refuses to send: any method, target (an absolute-form
 * `http://elsewhere/path` too), Host or other header, path bytes or Content-Length, exactly as written.
 */
export interface RawRequest {
  /** GET unless given. */
  method?: string;
  /** Sent as UTF-8 bytes, unescaped. */
  path: string;
  /** A Host naming the server and `Connection: close` are added unless given here. */
  headers?: [string, string][] | Record<string, string>;
  body?: Uint8Array | string;
  /** Send a Content-Length of the body's size (the default), or this number whatever the body's size. */
  contentLength?: number | 'none';
  /** Close the sending side after the body, as a client that gives up on a Content-Length it did not fill. */
  endAfterBody?: boolean;
  timeoutMs?: number;
}

export interface RawResponse {
  status: number;
  /** As Node gives them: names in lower case, repeated headers joined with `, `, Set-Cookie as a list. */
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** The server closed the connection, or kept it past the timeout, without an answer. */
export class NoAnswerError extends Error {
  constructor(request: RawRequest) {
    super(`No answer to ${request.method ?? 'GET'} ${request.path}`);
    this.name = 'NoAnswerError';
  }
}

/** The first response on a fresh connection; rejects with `NoAnswerError` when there is none. */
export function rawRequest(baseUrl: string, request: RawRequest): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  const method = request.method ?? 'GET';
  const body = typeof request.body === 'string' ? Buffer.from(request.body) : (request.body ?? new Uint8Array());
  const given = Array.isArray(request.headers) ? request.headers : Object.entries(request.headers ?? {});
  const has = (name: string) => given.some(([candidate]) => candidate.toLowerCase() === name);
  const headers: [string, string][] = [
    ...(has('host') ? [] : [['Host', `${hostname}:${port}`] as [string, string]]),
    ...(has('connection') ? [] : [['Connection', 'close'] as [string, string]]),
    ...given,
  ];
  const length = request.contentLength ?? (body.length > 0 || ['POST', 'PUT', 'PATCH'].includes(method) ? body.length : 'none');
  if (length !== 'none') headers.push(['Content-Length', String(length)]);
  const head = `${method} ${request.path} HTTP/1.1\r\n${headers.map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`;

  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(), request.timeoutMs ?? 5000);
    socket.on('connect', () => {
      socket.write(Buffer.concat([Buffer.from(head, 'utf8'), body]));
      if (request.endAfterBody) socket.end();
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // A reset after the answer was read is the server closing a connection it will not read further.
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') reject(error);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      const response = parseResponse(Buffer.concat(chunks));
      if (response) resolve(response);
      else reject(new NoAnswerError(request));
    });
  });
}

function parseResponse(bytes: Buffer): RawResponse | undefined {
  const headEnd = bytes.indexOf('\r\n\r\n');
  if (headEnd < 0) return undefined;
  const [statusLine = '', ...headerLines] = bytes.subarray(0, headEnd).toString('latin1').split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1];
  if (!status) return undefined;
  const headers: http.IncomingHttpHeaders = {};
  for (const line of headerLines) {
    const separator = line.indexOf(':');
    const name = line.slice(0, separator).trim().toLowerCase();
    const value = line.slice(separator + 1).trim();
    if (name === 'set-cookie') headers['set-cookie'] = [...(headers['set-cookie'] ?? []), value];
    else headers[name] = headers[name] === undefined ? value : `${String(headers[name])}, ${value}`;
  }
  let rest = bytes.subarray(headEnd + 4);
  if (String(headers['transfer-encoding']).toLowerCase() === 'chunked') rest = dechunk(rest);
  else if (headers['content-length'] !== undefined) rest = rest.subarray(0, Number(headers['content-length']));
  return { status: Number(status), headers, body: rest.toString('utf8') };
}

function dechunk(bytes: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', offset);
    if (lineEnd < 0) break;
    const size = parseInt(bytes.subarray(offset, lineEnd).toString('latin1'), 16);
    if (!(size > 0)) break;
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
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
    const response = await rawRequest(serverUrl, {
      method: init.method,
      path: targetOf(location),
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
