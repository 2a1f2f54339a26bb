import type { Request, Response } from 'express';
import { COMPRESSION_THRESHOLD, type ContentCoding, type Representation } from './keptRepresentations';

/**
 * A token list may be kept by the browser, but only to revalidate it (`no-cache`), never by a shared cache
 * (`private`); lists of different people share a URL (`/pat/v1`), so it varies by `Authorization`.
 */
export const LIST_CACHE_CONTROL = 'private, no-cache';

type Coding = ContentCoding | 'identity';

/** One element of RFC 9110's list syntax (commas with optional whitespace, empty elements allowed): an entity tag. */
const LIST_ELEMENT = /[\t ,]*((?:W\/)?"[\x21\x23-\x7e\x80-\xff]*")[\t ]*(?:,|$)/y;

/** The entity tags of an `If-None-Match` value, or undefined when it does not parse (a comma may sit inside a tag). */
function entityTagsOf(value: string): string[] | undefined {
  const tags: string[] = [];
  LIST_ELEMENT.lastIndex = 0;
  while (LIST_ELEMENT.lastIndex < value.length) {
    const start = LIST_ELEMENT.lastIndex;
    const match = LIST_ELEMENT.exec(value);
    if (!match) return /^[\t ,]*$/.test(value.slice(start)) && tags.length > 0 ? tags : undefined;
    tags.push(match[1]!);
  }
  return tags.length > 0 ? tags : undefined;
}

/**
 * Whether `If-None-Match` names the current representation's `etag` (RFC 9110 §13.1.2): `*`, or a list of entity
 * tags compared weakly (`W/"x"` matches `"x"`). A field value that does not parse is ignored, as if not sent.
 */
export function noneMatchHolds(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const value = header.trim();
  if (value === '*') return true;
  const tags = entityTagsOf(value);
  const opaque = (tag: string) => tag.replace(/^W\//, '');
  return tags !== undefined && tags.some((tag) => opaque(tag) === opaque(etag));
}

/** Each coding's weight in `Accept-Encoding`; `*` stands for those not named; identity is acceptable unless refused. */
function weightsOf(header: string | undefined): (coding: Coding) => number {
  const weights = new Map<string, number>();
  for (const element of (header ?? '').split(',')) {
    const [name = '', ...parameters] = element.split(';').map((part) => part.trim().toLowerCase());
    if (!name) continue;
    const q = parameters.find((parameter) => /^q\s*=/.test(parameter));
    const weight = q === undefined ? 1 : Number(q.replace(/^q\s*=\s*/, ''));
    weights.set(name, Number.isFinite(weight) ? Math.min(1, Math.max(0, weight)) : 0);
  }
  return (coding) => weights.get(coding) ?? weights.get('*') ?? (coding === 'identity' ? 1 : 0);
}

/**
 * The coding to send: the most wanted of brotli, gzip and none (in that order when equally wanted). Without
 * `Accept-Encoding`, none, as most servers answer; and none when the client refuses everything, rather than a 406.
 */
export function codingFor(header: string | undefined, size: number): Coding {
  if (header === undefined || size < COMPRESSION_THRESHOLD) return 'identity';
  const weight = weightsOf(header);
  const [best] = (['br', 'gzip', 'identity'] as const)
    .map((coding, order) => ({ coding, order, weight: weight(coding) }))
    .filter((candidate) => candidate.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  return best?.coding ?? 'identity';
}

/**
 * Sends a kept answer: a 304 with no body when `If-None-Match` names it, else its bytes in the coding the client
 * takes best. Each coding is its own representation with its own strong ETag. The 304 carries the same ETag,
 * Cache-Control and Vary as the full answer.
 */
export async function sendRepresentation(req: Request, res: Response, status: number, representation: Representation): Promise<void> {
  const coding = codingFor(req.get('accept-encoding'), representation.body.length);
  const etag = `"${representation.etag}${coding === 'identity' ? '' : `-${coding}`}"`;
  const notModified = noneMatchHolds(req.get('if-none-match'), etag);
  // Compressed before any header is set: should it fail, the error answer carries no list's ETag or Cache-Control.
  const bytes = notModified || coding === 'identity' ? representation.body : await representation.encodedAs(coding);
  res.set({ ETag: etag, 'Cache-Control': LIST_CACHE_CONTROL });
  res.vary('Authorization');
  res.vary('Accept-Encoding');
  if (notModified) {
    res.status(304).end();
    return;
  }
  res.status(status).set({ 'Content-Type': representation.contentType, 'Content-Length': String(bytes.length) });
  if (coding !== 'identity') res.set('Content-Encoding', coding);
  res.end(bytes);
}
