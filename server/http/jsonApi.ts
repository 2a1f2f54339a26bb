import type { Response } from 'express';
import { reasonPhrase, RETRY_AFTER_SECONDS } from './apiError';

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

/** The title of every JSON:API error: lowercase as HCP Terraform sends it, which names a 422 "invalid attribute". */
export function jsonApiTitle(status: number): string {
  return status === 422 ? 'invalid attribute' : reasonPhrase(status).toLowerCase();
}

/** `{"errors": [{status, title, detail, source?}]}`, under `/api/v1` and `/api/v2` alike. */
export function jsonApiErrorBody(status: number, detail: string, source?: ErrorSource): { errors: JsonApiErrorObject[] } {
  return { errors: [{ status: String(status), title: jsonApiTitle(status), detail, ...(source ? { source } : {}) }] };
}

export function sendJsonApi(res: Response, status: number, body: unknown): void {
  res.status(status).type(JSON_API).send(JSON.stringify(body));
}

/** A JSON:API error answer; a 401 also says which scheme to use, a 503 when to retry. */
export function sendJsonApiError(res: Response, status: number, detail: string, source?: ErrorSource): void {
  if (status === 401) res.set('WWW-Authenticate', 'Bearer');
  if (status === 503) res.set('Retry-After', String(RETRY_AFTER_SECONDS));
  sendJsonApi(res, status, jsonApiErrorBody(status, detail, source));
}

/** Whether the request says its body is JSON:API; media type parameters such as charset are allowed. */
export function hasJsonApiContentType(header: string | undefined): boolean {
  return header?.split(';')[0]?.trim().toLowerCase() === JSON_API;
}
