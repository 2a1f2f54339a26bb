import { ApiError, defaultMessageFor } from './ApiError';
import { KeptAnswers } from './keptAnswers';

export type AccessTokenGetter = () => Promise<string | null | undefined> | string | null | undefined;

export interface HttpClientOptions {
  getAccessToken: AccessTokenGetter;
  /**
   * Called on a 401 answer to a read, before the error is thrown: the app sends the user to sign in again. A 401 to
   * a write is only thrown, so the form that sent it keeps the user's input and can offer to sign in again.
   */
  onUnauthorized?: () => void;
  fetch?: typeof fetch;
  /** Where answers to GETs with an ETag are kept, to be revalidated (see {@link KeptAnswers}). */
  keptAnswers?: KeptAnswers;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  /**
   * The `Content-Type` to send, with or without a body: JSON:API servers want theirs on a DELETE without a body
   * too. Default: `application/json` when there is a body, none otherwise.
   */
  contentType?: string;
  /** The `Accept` to send. Default: `application/json`. */
  accept?: string;
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
 * JSON:API `{errors: [{detail | title}]}`, `{errors: [string]}`, or `{error}`. Spring's default error body
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
    if (nonEmpty(first)) return first;
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

/**
 * The field a JSON:API error is about: the last segment of the first error's `source.pointer`
 * (`/data/attributes/description` → `description`).
 */
export function fieldFromErrorBody(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object' || !('errors' in body) || !Array.isArray(body.errors)) return undefined;
  const first: unknown = body.errors[0];
  if (first === null || typeof first !== 'object' || !('source' in first)) return undefined;
  const { source } = first;
  if (source === null || typeof source !== 'object' || !('pointer' in source)) return undefined;
  const { pointer } = source;
  if (typeof pointer !== 'string') return undefined;
  const field = pointer.split('/').pop();
  return nonEmpty(field) ? field : undefined;
}

/**
 * The wait a server asked for, in whole seconds: `Retry-After` (seconds or an HTTP date), else on a 429 the
 * `X-RateLimit-Reset` seconds rate-limited APIs such as HCP Terraform's send.
 */
export function retryAfterSecondsOf(response: Response, now: number = Date.now()): number | undefined {
  const retryAfter = response.headers.get('Retry-After')?.trim();
  if (retryAfter) {
    const seconds = /^\d+(\.\d+)?$/.test(retryAfter) ? Number(retryAfter) : (Date.parse(retryAfter) - now) / 1000;
    if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  }
  const reset = response.status === 429 ? response.headers.get('X-RateLimit-Reset')?.trim() : undefined;
  if (reset && /^\d+(\.\d+)?$/.test(reset)) return Math.ceil(Number(reset));
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

export function createHttpClient({ getAccessToken, onUnauthorized, fetch: fetchImpl, keptAnswers = new KeptAnswers() }: HttpClientOptions): HttpClient {
  return {
    async request<T>(
      url: string | URL,
      { method = 'GET', body, signal, contentType, accept = 'application/json' }: RequestOptions = {},
    ) {
      const doFetch = fetchImpl ?? globalThis.fetch.bind(globalThis);
      const headers = new Headers({ Accept: accept });
      const token = await getAccessToken();
      if (token) headers.set('Authorization', `Bearer ${token}`);
      const sentContentType = contentType ?? (body === undefined ? undefined : 'application/json');
      if (sentContentType !== undefined) headers.set('Content-Type', sentContentType);
      // A GET answered before with an ETag names it: an unchanged answer is then a 304 with no body. (With this
      // header the browser leaves its own HTTP cache out and hands the 304 over.)
      const urlText = url.toString();
      const kept = method === 'GET' ? keptAnswers.get(urlText, token) : undefined;
      if (kept) headers.set('If-None-Match', kept.etag);

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
      if (response.status === 304 && kept) return kept.value as T | undefined;
      const parsed = parseBody(text);

      if (response.ok) {
        if (!parsed.ok) {
          throw new ApiError(response.status, 'The server sent an answer that could not be read.');
        }
        if (method === 'GET') keptAnswers.set(urlText, token, response.headers.get('ETag'), parsed.value);
        return parsed.value as T | undefined;
      }

      if (response.status === 401 && method === 'GET') onUnauthorized?.();
      const message = (parsed.ok && messageFromErrorBody(parsed.value)) || defaultMessageFor(response.status);
      throw new ApiError(response.status, message, {
        field: parsed.ok ? fieldFromErrorBody(parsed.value) : undefined,
        retryAfterSeconds: retryAfterSecondsOf(response),
      });
    },
  };
}
