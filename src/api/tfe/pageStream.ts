import { ApiError } from '../ApiError';
import { mapWithConcurrency } from '../boundedConcurrency';
import type { ListPart } from '../tokenApi';
import { includedOf, resourcesOf, UNUSABLE_ANSWER_STATUS, type Resource } from './jsonApi';
import { MAX_PAGES, nextPageOf, PAGE_CONCURRENCY, pageQuery, totalCountOf, totalPagesOf } from './pagination';
import type { TfeClient, TfeRequestOptions } from './tfeClient';

/**
 * Reading a paged list as it arrives. Once the first page says how many pages there are, the rest are read in
 * parallel, {@link PAGE_CONCURRENCY} at a time, and the first page is handed over meanwhile; an answer that only
 * links to its next page is followed page by page. A list is never handed over as complete unless it is: a server
 * that claims more than {@link MAX_PAGES} pages is read that far, and pages that disagree (the list changed while it
 * was read) or run out before the count they claimed leave it short, saying why.
 */

export interface StreamPagesOptions extends Pick<TfeRequestOptions, 'signal' | 'query' | 'notFound'> {
  /** What the list is, for messages ("the team tokens"). */
  what: string;
  /** The first page when it is already at hand (asked for with `pageQuery` of page 1). */
  firstPage?: unknown;
}

/** The pages read so far, merged in page order. */
export interface PagesRead extends Omit<ListPart<Resource>, 'items'> {
  resources: Resource[];
  included: Resource[];
}

type PartState = Omit<PagesRead, 'resources' | 'included'>;
type ReadPage = (number: number) => Promise<unknown>;

const numberFormat = new Intl.NumberFormat('en');

/** Items added or deleted while the pages are read shift the pages; an item seen twice is kept once. */
function uniqueBy(resources: Resource[], key: (resource: Resource) => string): Resource[] {
  const seen = new Set<string>();
  return resources.filter((resource) => !seen.has(key(resource)) && seen.add(key(resource)));
}

function merged(pages: readonly unknown[], what: string, state: PartState): PagesRead {
  return {
    resources: uniqueBy(
      pages.flatMap((page) => resourcesOf(page, what)),
      (resource) => resource.id,
    ),
    included: uniqueBy(pages.flatMap(includedOf), (resource) => `${resource.type}:${resource.id}`),
    ...state,
  };
}

/** The pages read from page 1 up to the first not read (a failure leaves gaps: what follows one is not shown). */
function readPrefix(pages: readonly unknown[]): unknown[] {
  const gap = pages.findIndex((page) => page === undefined);
  return gap < 0 ? [...pages] : pages.slice(0, gap);
}

export async function* streamPages(client: TfeClient, path: string, options: StreamPagesOptions): AsyncGenerator<PagesRead> {
  const { what, signal, query, notFound } = options;
  const readPage = (number: number) => client.get(path, { signal, notFound, query: pageQuery(number, query) });
  const first = options.firstPage ?? (await readPage(1));
  const claimed = totalPagesOf(first);
  yield* claimed === undefined ? followLinks(first, readPage, what) : readInParallel(first, claimed, readPage, what);
}

async function* readInParallel(first: unknown, claimed: number, readPage: ReadPage, what: string): AsyncGenerator<PagesRead> {
  const totalCount = totalCountOf(first);
  const pages: unknown[] = [first]; // page n at n - 1
  let lastPage = Math.min(claimed, MAX_PAGES);
  let mostClaimed = claimed;
  // The first empty page: the list ends there, and no page after it is asked for.
  let end = resourcesOf(first, what).length === 0 ? 1 : Infinity;
  let disagree = false;

  if (Math.min(lastPage, end) > 1) yield merged(pages, what, { complete: false, totalCount });
  try {
    for (let next = 2; next <= Math.min(lastPage, end); ) {
      const numbers = Array.from({ length: Math.min(lastPage, end) - next + 1 }, (_, index) => next + index);
      await mapWithConcurrency(numbers, PAGE_CONCURRENCY, async (number) => {
        if (number > end) return;
        const page = await readPage(number);
        pages[number - 1] = page;
        if (resourcesOf(page, what).length === 0) end = Math.min(end, number);
        const pageClaims = totalPagesOf(page);
        if (pageClaims !== claimed || totalCountOf(page) !== totalCount) disagree = true;
        mostClaimed = Math.max(mostClaimed, pageClaims ?? 0);
      });
      next = numbers.at(-1)! + 1;
      // A list that grew while it was read has more pages than the first one said.
      lastPage = Math.min(Math.max(lastPage, mostClaimed), MAX_PAGES);
    }
  } catch (error) {
    const prefix = readPrefix(pages);
    if (prefix.length > 1) yield merged(prefix, what, { complete: false, totalCount });
    throw error;
  }

  // Pages answered after an empty one that still have items: the pages moved under the reading.
  if (pages.slice(end).some((page) => page !== undefined && resourcesOf(page, what).length > 0)) disagree = true;
  const kept = pages.slice(0, Math.min(end, pages.length));
  let shortBecause: string | undefined;
  if (disagree) {
    shortBecause = `The list changed while it was read, so it may be missing some of ${what}. Load it again to see them all.`;
  } else if (end < Math.min(claimed, MAX_PAGES)) {
    shortBecause = `The server said ${what} run to ${numberFormat.format(claimed)} pages, but page ${numberFormat.format(end)} was empty.`;
  } else if (end > MAX_PAGES && claimed > MAX_PAGES) {
    shortBecause = `The server says ${what} run to ${numberFormat.format(claimed)} pages; only the first ${numberFormat.format(MAX_PAGES)} were read.`;
  }
  yield merged(kept, what, { complete: shortBecause === undefined, totalCount, ...(shortBecause && { shortBecause }) });
}

async function* followLinks(first: unknown, readPage: ReadPage, what: string): AsyncGenerator<PagesRead> {
  const pages: unknown[] = [first];
  let current = 1;
  let next = nextPageOf(first);
  if (next !== undefined && next > current) yield merged(pages, what, { complete: false });
  try {
    for (; next !== undefined && next > current; next = nextPageOf(pages.at(-1))) {
      if (pages.length >= MAX_PAGES) {
        const shortBecause = `The server links more than ${numberFormat.format(MAX_PAGES)} pages of ${what}; only the first ${numberFormat.format(MAX_PAGES)} were read.`;
        yield merged(pages, what, { complete: false, shortBecause });
        return;
      }
      current = next;
      pages.push(await readPage(next));
    }
  } catch (error) {
    if (pages.length > 1) yield merged(pages, what, { complete: false });
    throw error;
  }
  yield merged(pages, what, { complete: true });
}

const listCutShort = (why = 'The list could not be read whole.') => new ApiError(UNUSABLE_ANSWER_STATUS, why);

/** Every page of a list, or an error that says why the list cannot be had whole. */
export async function readAllPages(client: TfeClient, path: string, options: StreamPagesOptions): Promise<PagesRead> {
  let last: PagesRead | undefined;
  for await (const part of streamPages(client, path, options)) last = part;
  if (!last?.complete) throw listCutShort(last?.shortBecause);
  return last;
}

/** The items of the last part of a list, once they are all of it. */
export async function wholeList<T>(parts: AsyncIterable<ListPart<T>>): Promise<T[]> {
  let last: ListPart<T> | undefined;
  for await (const part of parts) last = part;
  if (!last?.complete) throw listCutShort(last?.shortBecause);
  return last.items;
}
