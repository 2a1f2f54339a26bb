import type { ErrorRequestHandler, Response } from 'express';
import { DatabaseUnavailableError } from '../db/databaseUnavailable';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Seconds a client is asked to wait before retrying a 503. */
export const RETRY_AFTER_SECONDS = 5;

/** An error meant for the caller: its message is safe to show and says what to change. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function reasonPhrase(status: number): string {
  return REASONS[status] ?? 'Error';
}

/** `{"error": "Bad Request", "message": "…"}`, the token API's error body. */
export function apiErrorBody(status: number, message: string): { error: string; message: string } {
  return { error: reasonPhrase(status), message };
}

export function sendApiError(res: Response, status: number, message: string): void {
  if (status === 401) res.set('WWW-Authenticate', 'Bearer');
  if (status === 503) res.set('Retry-After', String(RETRY_AFTER_SECONDS));
  res.status(status).json(apiErrorBody(status, message));
}

/** Maps any error to a status and a message a person can read; unexpected errors never leak details. */
export function describeError(error: unknown): { status: number; message: string } {
  if (error instanceof ApiError) return { status: error.status, message: error.message };
  if (error instanceof DatabaseUnavailableError) return { status: 503, message: error.message };
  const bodyError = error as { type?: string };
  if (bodyError?.type === 'entity.parse.failed') return { status: 400, message: 'The request body is not valid JSON.' };
  if (bodyError?.type === 'entity.too.large') return { status: 413, message: 'The request body is too large.' };
  // The router cannot decode a path such as /pat/v1/%E0: the client's mistake.
  if (error instanceof URIError) return { status: 400, message: 'The request path has malformed percent-encoding.' };
  // Body-parser's other refusals (an unsupported charset or encoding, an aborted upload) are the caller's.
  const httpError = error as { status?: unknown; expose?: unknown; message?: unknown };
  if (typeof httpError?.status === 'number' && httpError.status >= 400 && httpError.status < 500 && httpError.expose === true) {
    return { status: httpError.status, message: `The request body cannot be read: ${String(httpError.message)}.` };
  }
  console.error('Unexpected error while handling a request:', error);
  return { status: 500, message: 'Something went wrong on the server. Try again later.' };
}

export const apiErrorHandler: ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  const { status, message } = describeError(error);
  sendApiError(res, status, message);
};
