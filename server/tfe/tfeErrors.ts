import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { ApiError, describeError } from '../http/apiError';
import { sendJsonApiError, type ErrorSource } from '../http/jsonApi';

/** An error for the `/api/v2` caller, with where in the request it is when that applies. */
export class TfeError extends ApiError {
  constructor(
    status: number,
    message: string,
    readonly source?: ErrorSource,
  ) {
    super(status, message);
    this.name = 'TfeError';
  }
}

export const notFound = (detail: string): TfeError => new TfeError(404, detail);
export const badParameter = (parameter: string, detail: string): TfeError => new TfeError(400, detail, { parameter });

export function sendTfeError(res: Response, status: number, detail: string, source?: ErrorSource): void {
  sendJsonApiError(res, status, detail, source);
}

/** Every error as a JSON:API error object; unexpected ones are logged and never leak details. */
export const tfeErrorHandler: ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  const { status, message } = describeError(error);
  sendTfeError(res, status, message, error instanceof TfeError ? error.source : undefined);
};

/** 405 for a known path called with another method, naming the ones it allows. */
export function methodNotAllowed(...methods: string[]): RequestHandler {
  const allowed = methods.includes('GET') ? ['GET', 'HEAD', ...methods.filter((method) => method !== 'GET')] : methods;
  return (req, res) => {
    res.set('Allow', allowed.join(', '));
    sendTfeError(res, 405, `${req.method} is not allowed on ${req.originalUrl.split('?')[0]}; use ${methods.join(' or ')}.`);
  };
}
