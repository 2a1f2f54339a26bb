import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import { PAGE_STYLE, SUBMIT_FORM_SCRIPT } from './html';
import { envConfig, isUrlVariable, type AppFlavor } from './envConfig';
import { isApiKind, kindOfPath } from './pathKind';

const hashOf = (code: string) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`;

const policy = (directives: Record<string, string[]>) =>
  Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');

/** The URLs the app calls (its API and OIDC authority), as `/env-config.js` gives them to it, by origin. */
function connectOrigins(publicUrl: string, flavor?: AppFlavor): string[] {
  const urls = Object.entries(envConfig(publicUrl, flavor)).flatMap(([name, value]) => (isUrlVariable(name) ? [value] : []));
  return [...new Set(urls.map((url) => new URL(url).origin))];
}

/** The SPA: its bundles, `/env-config.js` and `index.html`. */
function appPolicy(publicUrl: string, flavor?: AppFlavor): string {
  return policy({
    'default-src': ["'none'"],
    // The hashed bundles and /env-config.js, all from this server; nothing inline and nothing evaluated.
    'script-src': ["'self'"],
    // MUI (emotion) inserts <style> elements at run time, and React renders style attributes.
    'style-src': ["'self'", "'unsafe-inline'"],
    // The configured API and OIDC authority, which may be another origin than the one the page came from.
    'connect-src': ["'self'", ...connectOrigins(publicUrl, flavor)],
    'img-src': ["'self'"],
    'font-src': ["'self'"],
    'manifest-src': ["'self'"],
    'form-action': ["'self'"],
    'base-uri': ["'none'"],
    'frame-ancestors': ["'none'"],
  });
}

/**
 * The server's own pages (sign-in, sign-out, errors): their one inline style and script by hash. A form posts to
 * this server, whose answer redirects to the app, or to a UI on an origin in CORS_ORIGINS that signed in here
 * (browsers check form-action on those redirects too).
 */
export function pagePolicy(publicUrl: string, uiOrigins: readonly string[] = []): string {
  return policy({
    'default-src': ["'none'"],
    'script-src': [hashOf(SUBMIT_FORM_SCRIPT)],
    'style-src': [hashOf(PAGE_STYLE)],
    'img-src': ["'self'"],
    'form-action': [...new Set(["'self'", new URL(publicUrl).origin, ...uiOrigins])],
    'base-uri': ["'none'"],
    'frame-ancestors': ["'none'"],
  });
}

const API_POLICY = policy({ 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] });

/** On every answer: no framing (X-Frame-Options for browsers without frame-ancestors), no MIME sniffing, no Referer. */
const EVERY_ANSWER = { 'X-Frame-Options': 'DENY', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };

/**
 * The headers of an answer with nothing to render or keep: the JSON APIs', and those the server writes before any
 * route (while it starts, or for a request Node cannot parse).
 */
export const API_ANSWER_HEADERS: Readonly<Record<string, string>> = {
  ...EVERY_ANSWER,
  'Content-Security-Policy': API_POLICY,
  'Cache-Control': 'no-store',
};

/** Browsers ignore it over plain http; over https it keeps them from ever falling back. */
const STRICT_TRANSPORT_SECURITY = { 'Strict-Transport-Security': 'max-age=31536000' };

const isHttps = (publicUrl: string): boolean => new URL(publicUrl).protocol === 'https:';

/**
 * Headers on every answer: a Content-Security-Policy by kind of answer, no framing, no MIME sniffing, no
 * Referer, HSTS when the public URL is https, and `no-store` on the APIs and the provider (tokens, secrets,
 * sign-in pages). A route may still set its own Cache-Control: the token lists do (see `sendRepresentation`).
 */
export function securityHeaders(publicUrl: string, flavor?: AppFlavor, uiOrigins: readonly string[] = []): RequestHandler {
  const app = { ...EVERY_ANSWER, 'Content-Security-Policy': appPolicy(publicUrl, flavor) };
  const page = { ...EVERY_ANSWER, 'Content-Security-Policy': pagePolicy(publicUrl, uiOrigins), 'Cache-Control': 'no-store' };
  const https = isHttps(publicUrl);
  return (req, res, next) => {
    const kind = kindOfPath(req.path);
    res.set(isApiKind(kind) ? API_ANSWER_HEADERS : kind === 'sign-in' || kind === 'provider' ? page : app);
    if (https) res.set(STRICT_TRANSPORT_SECURITY);
    next();
  };
}
