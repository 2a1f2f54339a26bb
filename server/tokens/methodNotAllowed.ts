import type { RequestHandler } from 'express';
import { sendApiError } from '../http/apiError';

/** 405 for a known path of the token API called with another method, naming the ones it allows. */
export function methodNotAllowed(...methods: string[]): RequestHandler {
  const allowed = methods.includes('GET') ? ['GET', 'HEAD', ...methods.filter((method) => method !== 'GET')] : methods;
  return (req, res) => {
    res.set('Allow', allowed.join(', '));
    sendApiError(res, 405, `${req.method} is not allowed on ${req.originalUrl.split('?')[0]}; use ${methods.join(' or ')}.`);
  };
}

