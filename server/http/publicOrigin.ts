import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';

const ABSOLUTE_FORM = /^[a-z][a-z\d+.-]*:\/\//i;

export interface OriginSettings {
  /** The origin absolute URLs start with: PUBLIC_URL, or the bound address when it is unset. */
  publicUrl: string;
  /** TRUST_PROXY: a proxy in front sets X-Forwarded-For (and, without PUBLIC_URL, X-Forwarded-Proto/Host). */
  trustProxy: boolean;
  /** Whether PUBLIC_URL was set: then it names the origin whatever the proxy says. */
  publicUrlSet: boolean;
}

/**
 * Makes the request name the public origin, for everything that writes an absolute URL from it (the identity
 * provider's discovery document, redirects and whether its cookies are Secure). Any client can send Host and
 * X-Forwarded-*, and a proxy commonly passes the client's Host on: they are replaced with PUBLIC_URL's (or the
 * bound address's). Only a trusted proxy without PUBLIC_URL names the origin, and only a trusted proxy's
 * X-Forwarded-For is kept, for the client address.
 */
export function usePublicOrigin(req: IncomingMessage, { publicUrl, trustProxy, publicUrlSet }: OriginSettings): void {
  if (trustProxy && !publicUrlSet) return;
  const { host, protocol } = new URL(publicUrl);
  req.headers.host = host;
  req.headers['x-forwarded-host'] = host;
  req.headers['x-forwarded-proto'] = protocol.slice(0, -1);
  delete req.headers.forwarded;
  if (!trustProxy) delete req.headers['x-forwarded-for'];
}

/**
 * `usePublicOrigin` for every request, before any route (the identity provider included), and an absolute-form
 * target (`GET http://elsewhere/path`) reduced to its path, so that the host it names is never taken for this
 * server's. The router has already read that target (and would put its host back in front of the path for
 * mounted routes): the reduced request starts over.
 */
export function publicOrigin(settings: OriginSettings): RequestHandler {
  return (req, res, next) => {
    if (ABSOLUTE_FORM.test(req.url)) {
      // The HTTP server has refused a target that is not a URL.
      const url = new URL(req.url);
      req.url = `${url.pathname}${url.search}`;
      req.originalUrl = req.url;
      req.app(req, res);
      return;
    }
    usePublicOrigin(req, settings);
    next();
  };
}
