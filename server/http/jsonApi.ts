import type { Response } from 'express';
import { RETRY_AFTER_SECONDS } from './apiError';

/** JSON:API's media type, for answers and (on `/api/v2`) for request bodies. */
export const JSON_API = 'application/vnd.api+json';

/** Where in the request an error is: a JSON pointer into the body, or a query parameter. */
export type ErrorSource = { pointer: string } | { parameter: string };

export interface JsonApiErrorObject {
  status: string;
  title: string;
  detail: string;
  source?: ErrorSource;
}

export function sendJsonApi(res: Response, status: number, body: unknown): void {
  res.status(status).type(JSON_API).send(JSON.stringify(body));
}

/** `{"errors": [{status, title, detail, source?}]}`; a 401 also says which scheme to use. */
export function sendJsonApiError(res: Response, status: number, error: Omit<JsonApiErrorObject, 'status'>): void {
  if (status === 401) res.set('WWW-Authenticate', 'Bearer');
  if (status === 503) res.set('Retry-After', String(RETRY_AFTER_SECONDS));
  const { title, detail, source } = error;
  sendJsonApi(res, status, { errors: [{ status: String(status), title, detail, ...(source ? { source } : {}) }] });
}

/** Whether the request says its body is JSON:API; media type parameters such as charset are allowed. */
export function hasJsonApiContentType(header: string | undefined): boolean {
  return header?.split(';')[0]?.trim().toLowerCase() === JSON_API;
}
