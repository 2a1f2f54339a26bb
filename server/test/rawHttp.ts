import net from 'node:net';

/**
 * HTTP/1.1 over a bare socket, for requests `fetch` refuses to send: any method, path bytes, header or
 * Content-Length, exactly as written.
 */
export interface RawRequest {
  method: string;
  /** Sent as UTF-8 bytes, unescaped. */
  path: string;
  headers?: [string, string][];
  body?: Uint8Array;
  /** Send a Content-Length of the body's size (the default), or this number whatever the body's size. */
  contentLength?: number | 'none';
  /** Close the sending side after the body, as a client that gives up on a Content-Length it did not fill. */
  endAfterBody?: boolean;
  timeoutMs?: number;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The first response, or `undefined` when the server closed the connection, or kept it, without one. */
export function rawRequest(baseUrl: string, request: RawRequest): Promise<RawResponse | undefined> {
  const { hostname, port } = new URL(baseUrl);
  const body = request.body ?? new Uint8Array();
  const headers: [string, string][] = [['Host', `${hostname}:${port}`], ['Connection', 'close'], ...(request.headers ?? [])];
  const length = request.contentLength ?? (body.length > 0 || ['POST', 'PUT', 'PATCH'].includes(request.method) ? body.length : 'none');
  if (length !== 'none') headers.push(['Content-Length', String(length)]);
  const head = `${request.method} ${request.path} HTTP/1.1\r\n${headers.map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`;

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
      resolve(parseResponse(Buffer.concat(chunks)));
    });
  });
}

function parseResponse(bytes: Buffer): RawResponse | undefined {
  const headEnd = bytes.indexOf('\r\n\r\n');
  if (headEnd < 0) return undefined;
  const [statusLine = '', ...headerLines] = bytes.subarray(0, headEnd).toString('latin1').split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1];
  if (!status) return undefined;
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const separator = line.indexOf(':');
    headers[line.slice(0, separator).trim().toLowerCase()] = line.slice(separator + 1).trim();
  }
  let rest = bytes.subarray(headEnd + 4);
  if (headers['transfer-encoding']?.toLowerCase() === 'chunked') rest = dechunk(rest);
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
