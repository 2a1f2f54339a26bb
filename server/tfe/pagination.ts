import type { Request } from 'express';
import type { PageWindow } from '../organizations/organizationRepository';
import { badParameter } from './tfeErrors';

/** HCP Terraform's paging: `page[number]` from 1, `page[size]` 20 by default and at most 100 (larger is capped). */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** Far past any real list, and small enough that the offset stays a safe integer for the database. */
export const MAX_PAGE_NUMBER = 1_000_000;

export interface PageRequest {
  number: number;
  size: number;
}

/** A single query parameter's value; a repeated one is refused rather than one of them picked. */
export function queryValue(req: Request, name: string): string | undefined {
  const value: unknown = (req.query as Record<string, unknown>)[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badParameter(name, `${name} must be given once.`);
  return value;
}

function positiveInteger(req: Request, name: string): number | undefined {
  const value = queryValue(req, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw badParameter(name, `${name} must be a whole number from 1, got "${value}".`);
  }
  return Number(value);
}

/** The requested page, or undefined when the request names none (some lists are then unpaginated). */
export function pageRequestOf(req: Request): PageRequest | undefined {
  const known = new Set(['page[number]', 'page[size]']);
  const unknown = Object.keys(req.query).find((name) => name.startsWith('page[') && !known.has(name));
  if (unknown) throw badParameter(unknown, `Unknown query parameter ${unknown}: paging takes page[number] and page[size].`);
  const number = positiveInteger(req, 'page[number]');
  if (number !== undefined && number > MAX_PAGE_NUMBER) {
    throw badParameter('page[number]', `page[number] must be at most ${MAX_PAGE_NUMBER}.`);
  }
  const size = positiveInteger(req, 'page[size]');
  if (number === undefined && size === undefined) return undefined;
  return { number: number ?? 1, size: Math.min(size ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE) };
}

export const firstPage = (): PageRequest => ({ number: 1, size: DEFAULT_PAGE_SIZE });

export function windowOf(page: PageRequest): PageWindow {
  return { limit: page.size, offset: (page.number - 1) * page.size };
}

/**
 * `links` and `meta.pagination` of a page, as HCP Terraform sends them: absolute links that keep the request's
 * other parameters (q, filter, sort), and `prev`/`next` null at the ends. An empty list still has one page.
 */
export function paginationOf(publicUrl: string, req: Request, page: PageRequest, totalCount: number) {
  const totalPages = Math.max(1, Math.ceil(totalCount / page.size));
  const prevPage = page.number > 1 ? Math.min(page.number - 1, totalPages) : null;
  const nextPage = page.number < totalPages ? page.number + 1 : null;
  const link = (number: number) => {
    const url = new URL(req.originalUrl, publicUrl);
    url.searchParams.set('page[number]', String(number));
    url.searchParams.set('page[size]', String(page.size));
    return url.toString();
  };
  return {
    links: {
      self: link(page.number),
      first: link(1),
      prev: prevPage === null ? null : link(prevPage),
      next: nextPage === null ? null : link(nextPage),
      last: link(totalPages),
    },
    meta: {
      pagination: {
        'current-page': page.number,
        'page-size': page.size,
        'prev-page': prevPage,
        'next-page': nextPage,
        'total-pages': totalPages,
        'total-count': totalCount,
      },
    },
  };
}
