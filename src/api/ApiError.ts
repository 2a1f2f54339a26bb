import { waitText } from '../../contracts/waitText';

/** The one error type of every API call: an HTTP status (0 when the server could not be reached) and a message a person can read. */
export class ApiError extends Error {
  readonly status: number;
  /**
   * The request field the error is about, when the server says (a JSON:API `source.pointer`), so a form can show
   * the message under that field. Adapters name it as their input does (`description`, `expiresAt`).
   */
  readonly field?: string;
  /** How long the server asked to wait before asking again (a 429's or 503's `Retry-After`), in whole seconds. */
  readonly retryAfterSeconds?: number;

  constructor(status: number, message: string, options?: ApiErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ApiError';
    this.status = status;
    this.field = options?.field;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}

export interface ApiErrorOptions {
  cause?: unknown;
  field?: string;
  retryAfterSeconds?: number;
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export const NETWORK_ERROR_MESSAGE = 'Cannot reach the server. Check your connection and try again.';

/** The message of a 429: it says to wait, and how long when the server said, worded as the server words it. */
export function tooManyRequestsMessage(retryAfterSeconds?: number): string {
  if (retryAfterSeconds === undefined || retryAfterSeconds <= 0) return defaultMessageFor(429);
  return `Too many requests (429). Wait ${waitText(retryAfterSeconds)} and try again.`;
}

/** A readable message for a status when the answer carries none. */
export function defaultMessageFor(status: number): string {
  switch (status) {
    case 0:
      return NETWORK_ERROR_MESSAGE;
    case 400:
      return 'The server did not accept the request (400 Bad Request).';
    case 401:
      return 'Your session has expired. Sign in again.';
    case 403:
      return 'You do not have permission to do this (403 Forbidden).';
    case 404:
      return 'Not found. It may have been deleted already (404 Not Found).';
    case 408:
      return 'The server took too long to answer (408 Request Timeout). Try again.';
    case 409:
      return 'The request conflicts with the current state (409 Conflict). Reload and try again.';
    case 429:
      return 'Too many requests (429). Wait a moment and try again.';
    default:
      if (status >= 500) return `The server had a problem (${status}). Try again later.`;
      return `The request failed (${status}).`;
  }
}

/** The port's one "not found" outcome: the thing asked about does not exist, or is not the caller's to see. */
export function isNotFound(error: unknown): boolean {
  return isApiError(error) && error.status === 404;
}
