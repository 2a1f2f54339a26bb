import { ApiError } from '../ApiError';
import { mapWithConcurrency } from '../boundedConcurrency';
import { includedOf, isRecord, resourcesOf, UNUSABLE_ANSWER_STATUS, type Resource } from './jsonApi';
import type { TfeClient, TfeRequestOptions } from './tfeClient';

/**
 * Reading a whole paged list. HCP Terraform pages lists (`page[number]`, `page[size]`, at most 100 a page) and
 * says how many pages there are in `meta.pagination`; a list is only complete once every page is read.
 */

/** HCP Terraform's largest page: the fewest requests for a long list. */
export const PAGE_SIZE = 100;
/** Pages after the first are read this many at a time. */
export const PAGE_CONCURRENCY = 4;
/** 100,000 items at most: a server that claims more is answering nonsense, and is not asked thousands of times. */
const MAX_PAGES = 1000;

export interface AllPages {
  resources: Resource[];
  included: Resource[];
}

export interface ReadAllPagesOptions extends Pick<TfeRequestOptions, 'signal' | 'query' | 'notFound'> {
  /** What the list is, for the message of an answer that cannot be read ("the team tokens"). */
  what: string;
  /** The first page when it is already at hand (asked for with {@link pageQuery} of page 1). */
  firstPage?: unknown;
}

export function pageQuery(number: number, query: TfeRequestOptions['query'] = {}) {
  return { ...query, 'page[number]': number, 'page[size]': PAGE_SIZE };
}

const positiveInteger = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;

function paginationOf(body: unknown) {
  const meta = isRecord(body) ? body.meta : undefined;
  return isRecord(meta) && isRecord(meta.pagination) ? meta.pagination : {};
}

/**
 * The next page's number, from `meta.pagination` or else `links.next`. Only the link's page number is taken, not
 * its address: HCP Terraform writes its own host there, and the app may reach it through a same-origin proxy.
 */
function nextPageOf(body: unknown): number | undefined {
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

const tooLong = (what: string) =>
  new ApiError(UNUSABLE_ANSWER_STATUS, `The server says ${what} run to more than ${MAX_PAGES} pages.`);

/** Items added or deleted while the pages are read shift the pages; an item seen twice is kept once. */
function uniqueBy(resources: Resource[], key: (resource: Resource) => string): Resource[] {
  const seen = new Set<string>();
  return resources.filter((resource) => !seen.has(key(resource)) && seen.add(key(resource)));
}

/**
 * Every page of a list. Once the first page says how many there are, the rest are read in parallel,
 * {@link PAGE_CONCURRENCY} at a time; an answer that only links to its next page is followed page by page.
 */
export async function readAllPages(client: TfeClient, path: string, options: ReadAllPagesOptions): Promise<AllPages> {
  const { what, signal, query, notFound } = options;
  const readPage = (number: number) => client.get(path, { signal, notFound, query: pageQuery(number, query) });

  const first = options.firstPage ?? (await readPage(1));
  const pages: unknown[] = [first];
  const totalPages = positiveInteger(paginationOf(first)['total-pages']);

  if (totalPages !== undefined) {
    if (totalPages > MAX_PAGES) throw tooLong(what);
    const rest = Array.from({ length: totalPages - 1 }, (_, index) => index + 2);
    pages.push(...(await mapWithConcurrency(rest, PAGE_CONCURRENCY, readPage)));
  } else {
    let current = 1;
    for (let next = nextPageOf(first); next !== undefined && next > current; next = nextPageOf(pages.at(-1))) {
      if (pages.length >= MAX_PAGES) throw tooLong(what);
      current = next;
      pages.push(await readPage(next));
    }
  }

  return {
    resources: uniqueBy(
      pages.flatMap((page) => resourcesOf(page, what)),
      (resource) => resource.id,
    ),
    included: uniqueBy(pages.flatMap(includedOf), (resource) => `${resource.type}:${resource.id}`),
  };
}
