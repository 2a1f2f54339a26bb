import type http from 'node:http';
import { errorAnswer } from './clientErrors';

/** Seconds a client is asked to wait while the server starts: it is ready moments after it listens. */
const STARTING_RETRY_AFTER_SECONDS = 1;
const STARTING_MESSAGE = 'The server is starting. Try again in a moment.';
const UNREADABLE_TARGET_MESSAGE = 'The request target is neither a path nor a URL.';

/** 503 with Retry-After, with the security headers and in the error shape of the API the path belongs to. */
export function answerStarting(req: http.IncomingMessage, res: http.ServerResponse): void {
  const { headers, body } = errorAnswer(req.url ?? '', 503, STARTING_MESSAGE);
  res.writeHead(503, { ...headers, 'Retry-After': String(STARTING_RETRY_AFTER_SECONDS) });
  res.end(body);
}

/**
 * A path, `*`, or an absolute URL. Express's router skips every middleware for a target it cannot parse (such as
 * `http://[bad/…`) and answers an HTML 404, so such a target is refused before the app, in the API's error shape.
 */
export function isReadableTarget(target: string): boolean {
  if (target.startsWith('/') || target === '*') return true;
  try {
    new URL(target);
    return true;
  } catch {
    return false;
  }
}

export function answerUnreadableTarget(req: http.IncomingMessage, res: http.ServerResponse): void {
  const { headers, body } = errorAnswer(req.url ?? '', 400, UNREADABLE_TARGET_MESSAGE);
  res.writeHead(400, headers);
  res.end(body);
}
