import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { reasonPhrase } from './apiError';

/** Node's own refusals, before any route: their status (as Node chooses it) and a sentence for the caller. */
const REFUSALS: Record<string, { status: number; message: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, message: 'The request headers are too large.' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, message: 'The request did not arrive in time.' },
  ERR_HTTP_REQUEST_HEADERS_TIMEOUT: { status: 408, message: 'The request headers did not arrive in time.' },
};
const NOT_HTTP = { status: 400, message: 'The request is not valid HTTP/1.1.' };

/**
 * What Node's parser refusals say. Their error body is JSON:API only when the path could be read, which a
 * connection broken mid-request does not always allow.
 */
export const PARSER_REFUSAL_MESSAGES: ReadonlySet<string> = new Set([NOT_HTTP, ...Object.values(REFUSALS)].map((refusal) => refusal.message));

/**
 * A request Node cannot parse or that arrives too slowly gets the JSON error body every other refusal has,
 * instead of Node's bare status line.
 */
export function answerClientErrors(server: http.Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // As Node does: once anything was written on this connection, another answer would corrupt it.
    const inFlight = (socket as Duplex & { _httpMessage?: http.ServerResponse })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || (socket as Duplex & { bytesWritten?: number }).bytesWritten) {
      socket.destroy();
      return;
    }
    const { status, message } = REFUSALS[error.code ?? ''] ?? NOT_HTTP;
    const { contentType, body } = errorAnswer(inFlight?.req.url ?? requestPathOf(error), status, message);
    socket.end(
      [
        `HTTP/1.1 ${status} ${reasonPhrase(status)}`,
        `Content-Type: ${contentType}`,
        `Content-Length: ${Buffer.byteLength(body)}`,
        'Cache-Control: no-store',
        'X-Content-Type-Options: nosniff',
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  });
}

/** The path of the request line in the bytes Node could not parse, when it got that far. */
function requestPathOf(error: NodeJS.ErrnoException & { rawPacket?: unknown }): string {
  if (!Buffer.isBuffer(error.rawPacket)) return '';
  return /^[^ \r\n]+ ([^ \r\n]+)/.exec(error.rawPacket.subarray(0, 2048).toString('latin1'))?.[1] ?? '';
}

/** An error body in the shape of the API the path belongs to: JSON:API under /api/v1 and /api/v2. */
export function errorAnswer(path: string, status: number, message: string): { contentType: string; body: string } {
  if (/^\/api\/v[12](\/|$|\?)/.test(path)) {
    return {
      contentType: 'application/vnd.api+json',
      body: JSON.stringify({ errors: [{ status: String(status), title: reasonPhrase(status), detail: message }] }),
    };
  }
  return { contentType: 'application/json; charset=utf-8', body: JSON.stringify({ error: reasonPhrase(status), message }) };
}
