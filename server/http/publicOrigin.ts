import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { sendApiError } from './apiError';

const ABSOLUTE_FORM = /^[a-z][a-z\d+.-]*:\/\//i;

/**
 * Makes the request name the public origin, for everything that writes an absolute URL from it (the identity
 * provider's discovery document, redirects and cookies). Any client can send Host and X-Forwarded-*: they are
 * replaced with PUBLIC_URL's (or the bound address's), unless a proxy the operator trusts sets them.
 */
export function usePublicOrigin(req: IncomingMessage, publicUrl: string, trustProxy: boolean): void {
  if (trustProxy) return;
  const { host, protocol } = new URL(publicUrl);
  req.headers.host = host;
  req.headers['x-forwarded-host'] = host;
  req.headers['x-forwarded-proto'] = protocol.slice(0, -1);
  delete req.headers['x-forwarded-for'];
  delete req.headers.forwarded;
}

/**
 * `usePublicOrigin` for every request, and an absolute-form target (`GET http://elsewhere/path`) reduced to its
 * path, so that the host it names is never taken for this server's. The router has already read that target
 * (and would put its host back in front of the path for mounted routes): the reduced request starts over.
 */
export function publicOrigin(publicUrl: string, trustProxy: boolean): RequestHandler {
  return (req, res, next) => {
    if (ABSOLUTE_FORM.test(req.url)) {
      const url = parseUrl(req.url);
      if (!url) {
        sendApiError(res, 400, 'The request target is neither a path nor a URL.');
        return;
      }
      req.url = `${url.pathname}${url.search}`;
      req.originalUrl = req.url;
      req.app(req, res);
      return;
    }
    usePublicOrigin(req, publicUrl, trustProxy);
    next();
  };
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
