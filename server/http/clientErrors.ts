import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { apiErrorBody, reasonPhrase } from './apiError';
import { JSON_API, jsonApiErrorBody } from './jsonApi';
import { isJsonApiKind, kindOfPath } from './pathKind';
import { API_ANSWER_HEADERS } from './securityHeaders';

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
    const { headers, body } = errorAnswer(inFlight?.req.url ?? requestTargetOf(error), status, message);
    const fields = { ...headers, 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' };
    socket.end(
      [`HTTP/1.1 ${status} ${reasonPhrase(status)}`, ...Object.entries(fields).map(([name, value]) => `${name}: ${value}`), '', body].join(
        '\r\n',
      ),
    );
  });
}

/** The target of the request line (a path, or a URL in absolute form) in the bytes Node could not parse, if it got that far. */
function requestTargetOf(error: NodeJS.ErrnoException & { rawPacket?: unknown }): string {
  if (!Buffer.isBuffer(error.rawPacket)) return '';
  return /^[^ \r\n]+ ([^ \r\n]+)/.exec(error.rawPacket.subarray(0, 2048).toString('latin1'))?.[1] ?? '';
}

/**
 * An error answer written outside Express: the security headers of an API answer, and the error body in the
 * shape of the API the target belongs to (JSON:API under /api/v1 and /api/v2, GraphQL's at /graphql/api/v1, in
 * any case).
 */
export function errorAnswer(target: string, status: number, message: string): { headers: Record<string, string>; body: string } {
  const kind = kindOfPath(target);
  if (kind === 'graphql') {
    return { headers: { ...API_ANSWER_HEADERS, 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify({ errors: [{ message }] }) };
  }
  if (isJsonApiKind(kind)) {
    return { headers: { ...API_ANSWER_HEADERS, 'Content-Type': JSON_API }, body: JSON.stringify(jsonApiErrorBody(status, message)) };
  }
  return {
    headers: { ...API_ANSWER_HEADERS, 'Content-Type': 'application/json; charset=utf-8' },
    body: JSON.stringify(apiErrorBody(status, message)),
  };
}
