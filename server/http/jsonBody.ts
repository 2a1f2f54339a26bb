import express, { type Request, type RequestHandler } from 'express';
import { hasLoneSurrogate, LONE_SURROGATE_MESSAGE } from '../../contracts/unicodeText';
import { ApiError } from './apiError';

export interface JsonBodyOptions {
  /** The largest body, as body-parser reads it ('10kb'); it counts the bytes after any Content-Encoding. */
  limit: string;
  /** Whether the request's Content-Type is one this API reads as JSON; other bodies are left unread. */
  accepts: (req: Request) => boolean;
}

/** JSON is UTF-8 (RFC 8259); US-ASCII is a subset of it. */
const UTF8_CHARSETS = new Set(['utf-8', 'utf8', 'us-ascii']);

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a JSON body more strictly than `express.json()`: only UTF-8 (an unsupported charset is a 415, bytes that
 * are not UTF-8 a 400, never U+FFFD), no lone surrogates in any string or field name, and no number that reads
 * as something else than written: `1e-400` would silently become 0, which for a duration means "never".
 * An empty body reads as `{}`, as with `express.json()`.
 */
export function jsonBody({ limit, accepts }: JsonBodyOptions): RequestHandler[] {
  const refuseOtherCharsets: RequestHandler = (req, _res, next) => {
    const charset = hasBody(req) && accepts(req) ? charsetOf(req.headers['content-type']) : undefined;
    if (charset !== undefined && !UTF8_CHARSETS.has(charset.toLowerCase())) {
      throw new ApiError(415, `The request body must be UTF-8, not the unsupported charset "${charset}".`);
    }
    next();
  };
  const parse: RequestHandler = (req, _res, next) => {
    if (Buffer.isBuffer(req.body)) req.body = parseJsonBytes(req.body);
    next();
  };
  return [refuseOtherCharsets, express.raw({ limit, type: (req) => accepts(req as Request) }), parse];
}

/** As body-parser tells: a request without either header has no body to read. */
const hasBody = (req: Request) => req.headers['transfer-encoding'] !== undefined || req.headers['content-length'] !== undefined;

/** The `charset` parameter of a Content-Type, unquoted; undefined when there is none. */
function charsetOf(contentType: string | undefined): string | undefined {
  for (const parameter of (contentType ?? '').split(';').slice(1)) {
    const [name = '', ...rest] = parameter.split('=');
    if (name.trim().toLowerCase() === 'charset') return rest.join('=').trim().replace(/^"(.*)"$/, '$1');
  }
  return undefined;
}

export function parseJsonBytes(bytes: Buffer): unknown {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    throw new ApiError(400, 'The request body is not valid UTF-8.');
  }
  if (text.trim() === '') return {};
  // Like express.json(): a body is an object or an array, never a bare value.
  if (!/^\s*[[{]/.test(text)) throw new ApiError(400, 'The request body is not valid JSON.');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'The request body is not valid JSON.');
  }
  checkTokens(text);
  return value;
}

/**
 * Every string and number of valid JSON text, in order. Outside strings JSON has no digits but numbers', and a
 * string is consumed whole, so the digits of `"1e-400"` are never read as a number.
 */
const JSON_TOKEN = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/** Checks the body's text, already known to be valid JSON, for what JSON.parse takes without a word. */
function checkTokens(text: string): void {
  for (const [token] of text.matchAll(JSON_TOKEN)) {
    if (token.startsWith('"')) {
      // Bytes were decoded strictly, so a lone surrogate can only come from a \u escape.
      if (token.includes('\\u') && hasLoneSurrogate(JSON.parse(token) as string)) {
        throw new ApiError(400, LONE_SURROGATE_MESSAGE);
      }
      continue;
    }
    const value = Number(token);
    if (!Number.isFinite(value)) throw new ApiError(400, `The number ${shown(token)} in the request body is too large to read.`);
    const mantissa = token.split(/[eE]/)[0]!;
    if (value === 0 && /[1-9]/.test(mantissa)) {
      throw new ApiError(
        400,
        `The number ${shown(token)} in the request body is too close to zero to read exactly (it would be read as 0). Write 0 for zero.`,
      );
    }
  }
}

const shown = (token: string) => (token.length > 40 ? `${token.slice(0, 37)}…` : token);
