import { ApiError, defaultMessageFor, isApiError, tooManyRequestsMessage } from '../ApiError';
import type { HttpClient } from '../httpClient';
import { JSON_API_MEDIA_TYPE, type Json } from './jsonApi';

/**
 * HCP Terraform's API as the adapter calls it: paths under the API URL, the JSON:API media type on every request
 * (a write without it is refused with 415, a DELETE without a body included), and errors worded for people.
 */
export interface TfeClient {
  get(path: string, options?: TfeRequestOptions): Promise<unknown>;
  post(path: string, document: Json, options?: TfeRequestOptions): Promise<unknown>;
  delete(path: string, options?: TfeRequestOptions & { document?: Json }): Promise<void>;
}

export interface TfeRequestOptions {
  signal?: AbortSignal;
  query?: Record<string, string | number>;
  /** What a 404 means for this call, in the user's words ("This token was already deleted."). */
  notFound?: string;
}

/** An id as one path segment. */
export const segment = (id: string) => encodeURIComponent(id);

/** Wire attribute names as the port's {@link GenerateTokenInput} names them, for errors that point at one. */
const INPUT_FIELD_OF_ATTRIBUTE: Record<string, string> = { description: 'description', 'expired-at': 'expiresAt' };

const UNSUPPORTED_MEDIA_TYPE_MESSAGE =
  'The server did not accept the format of the request (415 Unsupported Media Type). ' +
  'This is a bug in this app; please report it.';

/**
 * HCP Terraform's error bodies for 401, 404 and 5xx hold only a reason phrase ("not found"), so those get the
 * app's own words. A 422 keeps the server's detail, which names the problem, without its "Validation failed:"
 * preamble, and says which input it is about.
 */
export function refineTfeError(error: unknown, notFound?: string): unknown {
  if (!isApiError(error)) return error;
  const { status } = error;
  const options = { cause: error, field: error.field, retryAfterSeconds: error.retryAfterSeconds };
  if (status === 404) return new ApiError(404, notFound ?? defaultMessageFor(404), options);
  if (status === 401 || status >= 500) return new ApiError(status, defaultMessageFor(status), options);
  if (status === 415) return new ApiError(415, UNSUPPORTED_MEDIA_TYPE_MESSAGE, options);
  if (status === 429) return new ApiError(429, tooManyRequestsMessage(error.retryAfterSeconds), options);
  if (status === 422) {
    const field = error.field === undefined ? undefined : (INPUT_FIELD_OF_ATTRIBUTE[error.field] ?? error.field);
    const message = error.message.replace(/^Validation failed:\s*/i, '');
    return new ApiError(422, message, { ...options, field });
  }
  return error;
}

export function createTfeClient(http: HttpClient, apiUrl: string): TfeClient {
  const urlOf = (path: string, query: TfeRequestOptions['query']) => {
    const url = new URL(path, apiUrl);
    for (const [name, value] of Object.entries(query ?? {})) url.searchParams.set(name, String(value));
    return url.toString();
  };

  async function send(method: 'GET' | 'POST' | 'DELETE', path: string, options: TfeRequestOptions, body?: Json) {
    try {
      return await http.request(urlOf(path, options.query), {
        method,
        body,
        signal: options.signal,
        accept: JSON_API_MEDIA_TYPE,
        contentType: method === 'GET' ? undefined : JSON_API_MEDIA_TYPE,
      });
    } catch (error) {
      throw refineTfeError(error, options.notFound);
    }
  }

  return {
    get: (path, options = {}) => send('GET', path, options),
    post: (path, document, options = {}) => send('POST', path, options, document),
    async delete(path, { document, ...options } = {}) {
      await send('DELETE', path, options, document);
    },
  };
}
