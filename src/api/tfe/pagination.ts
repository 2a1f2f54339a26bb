import { isRecord } from './jsonApi';
import type { TfeRequestOptions } from './tfeClient';

/**
 * HCP Terraform's paging: lists come in pages (`page[number]`, `page[size]`, at most 100 a page) and say how many
 * pages there are in `meta.pagination`, or link to the next one. Reading them: see `pageStream`.
 */

/** HCP Terraform's largest page: the fewest requests for a long list. */
export const PAGE_SIZE = 100;
/** Pages after the first are read this many at a time. */
export const PAGE_CONCURRENCY = 4;
/** 100,000 items at most: a server that claims more pages is answering nonsense, and is not asked thousands of times. */
export const MAX_PAGES = 1000;

export function pageQuery(number: number, query: TfeRequestOptions['query'] = {}) {
  return { ...query, 'page[number]': number, 'page[size]': PAGE_SIZE };
}

const positiveInteger = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;

function paginationOf(body: unknown) {
  const meta = isRecord(body) ? body.meta : undefined;
  return isRecord(meta) && isRecord(meta.pagination) ? meta.pagination : {};
}

/** `meta.pagination.total-pages`, when it is a count. */
export const totalPagesOf = (body: unknown) => positiveInteger(paginationOf(body)['total-pages']);

/** `meta.pagination.total-count`, when it is a count. */
export function totalCountOf(body: unknown): number | undefined {
  const count = paginationOf(body)['total-count'];
  return typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : undefined;
}

/**
 * The next page's number, from `meta.pagination` or else `links.next`. Only the link's page number is taken, not
 * its address: HCP Terraform writes its own host there, and the app may reach it through a same-origin proxy.
 */
export function nextPageOf(body: unknown): number | undefined {
  const fromMeta = positiveInteger(paginationOf(body)['next-page']);
  if (fromMeta !== undefined) return fromMeta;
  const links = isRecord(body) ? body.links : undefined;
  const next = isRecord(links) ? links.next : undefined;
  if (typeof next !== 'string' || next === '') return undefined;
  try {
    return positiveInteger(Number(new URL(next, 'http://link.invalid/').searchParams.get('page[number]')));
  } catch {
    return undefined;
  }
}
