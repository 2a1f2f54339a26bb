import { ApiError, defaultMessageFor } from './ApiError';

export type AccessTokenGetter = () => Promise<string | null | undefined> | string | null | undefined;

export interface HttpClientOptions {
  getAccessToken: AccessTokenGetter;
  /**
   * Called on a 401 answer to a read, before the error is thrown: the app sends the user to sign in again. A 401 to
   * a write is only thrown, so the form that sent it keeps the user's input and can offer to sign in again.
   */
  onUnauthorized?: () => void;
  fetch?: typeof fetch;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
}

export interface HttpClient {
  /**
   * Sends a request to an absolute URL and resolves with the parsed JSON body (`undefined` for an empty body)
   * on any 2xx status. Rejects with an {@link ApiError} otherwise.
   */
  request<T = unknown>(url: string | URL, options?: RequestOptions): Promise<T | undefined>;
}

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * The message of an error body, from the shapes APIs answer with: `{message}`, `{error_description}`, `{detail}`,
 * JSON:API `{errors: [{detail | title}]}`, or `{error}`. Spring's default error body
 * (`{timestamp, status, error, path}`) carries only the reason phrase in `error`, which says less than the
 * default message, so it is ignored.
 */
export function messageFromErrorBody(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return nonEmpty(body) ? body : undefined;
  const record = body as Record<string, unknown>;
  if (nonEmpty(record.message)) return record.message;
  if (nonEmpty(record.error_description)) return record.error_description;
  if (nonEmpty(record.detail)) return record.detail;
  if (Array.isArray(record.errors) && record.errors.length > 0) {
    const first: unknown = record.errors[0];
    if (first && typeof first === 'object') {
      const { detail, title } = first as Record<string, unknown>;
      if (nonEmpty(detail)) return detail;
      if (nonEmpty(title)) return title;
    }
  }
  const isSpringDefault = 'timestamp' in record && 'path' in record;
  if (nonEmpty(record.error) && !isSpringDefault) return record.error;
  return undefined;
}

function parseBody(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

export function createHttpClient({ getAccessToken, onUnauthorized, fetch: fetchImpl }: HttpClientOptions): HttpClient {
  return {
    async request<T>(url: string | URL, { method = 'GET', body, signal }: RequestOptions = {}) {
      const doFetch = fetchImpl ?? globalThis.fetch.bind(globalThis);
      const headers = new Headers({ Accept: 'application/json' });
      const token = await getAccessToken();
      if (token) headers.set('Authorization', `Bearer ${token}`);
      if (body !== undefined) headers.set('Content-Type', 'application/json');

      let response: Response;
      try {
        response = await doFetch(url, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal,
        });
      } catch (error) {
        if (signal?.aborted) throw error;
        throw new ApiError(0, defaultMessageFor(0), { cause: error });
      }

      let text = '';
      try {
        text = await response.text();
      } catch (error) {
        if (signal?.aborted) throw error;
        if (response.ok) throw new ApiError(0, defaultMessageFor(0), { cause: error });
      }
      const parsed = parseBody(text);

      if (response.ok) {
        if (!parsed.ok) {
          throw new ApiError(response.status, 'The server sent an answer that could not be read.');
        }
        return parsed.value as T | undefined;
      }

      if (response.status === 401 && method === 'GET') onUnauthorized?.();
      const message = (parsed.ok && messageFromErrorBody(parsed.value)) || defaultMessageFor(response.status);
      throw new ApiError(response.status, message);
    },
  };
}
