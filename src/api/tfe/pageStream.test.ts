import { describe, expect, it } from 'vitest';
import { ApiError } from '../ApiError';
import { readAllPages, streamPages, type PagesRead } from './pageStream';
import type { TfeClient } from './tfeClient';

/** A page of `count` items named `p<page>-<i>`, claiming `totalPages` (and `totalCount`, when given). */
function page(number: number, count: number, totalPages: number | undefined, totalCount?: number) {
  const data = Array.from({ length: count }, (_, index) => ({ type: 'authentication-tokens', id: `p${number}-${index}` }));
  const pagination = totalPages === undefined ? undefined : { 'current-page': number, 'total-pages': totalPages, 'total-count': totalCount };
  return { data, ...(pagination && { meta: { pagination } }) };
}

interface Scripted {
  client: TfeClient;
  /** Page numbers in the order they were asked for. */
  asked: number[];
  /** The most pages being answered at once. */
  readonly maxInFlight: number;
}

/** A client whose every page is `answer(number)`, after `delayMs(number)`. */
function scriptedClient(answer: (number: number) => unknown, delayMs: (number: number) => number = () => 1): Scripted {
  const asked: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const client: TfeClient = {
    async get(_path, options = {}) {
      const number = Number(options.query?.['page[number]']);
      asked.push(number);
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        await new Promise((resolve) => setTimeout(resolve, delayMs(number)));
        const body = answer(number);
        if (body instanceof Error) throw body;
        return body;
      } finally {
        inFlight -= 1;
      }
    },
    post: () => Promise.reject(new Error('not used')),
    delete: () => Promise.reject(new Error('not used')),
  };
  return {
    client,
    asked,
    get maxInFlight() {
      return maxInFlight;
    },
  };
}

/** Every part the stream hands over, and how it ended. */
async function partsOf(stream: AsyncIterable<PagesRead>) {
  const parts: PagesRead[] = [];
  try {
    for await (const part of stream) parts.push(part);
    return { parts, error: undefined };
  } catch (error) {
    return { parts, error };
  }
}

const ids = (part: PagesRead | undefined) => part?.resources.map((resource) => resource.id) ?? [];
const what = 'the team tokens';

describe('reading a paged list as it arrives', () => {
  it('hands over the first page before asking for the rest, then reads pages 2..N in parallel, 4 at a time', async () => {
    const server = scriptedClient((number) => page(number, number < 8 ? 100 : 50, 8, 750));
    const stream = streamPages(server.client, 'list', { what });
    const first = await stream.next();
    expect(first.value).toMatchObject({ complete: false, totalCount: 750 });
    expect(ids(first.value as PagesRead)).toHaveLength(100);
    expect(server.asked).toEqual([1]);
    const { parts } = await partsOf(stream);
    expect(parts).toHaveLength(1);
    expect(parts[0]).toMatchObject({ complete: true, totalCount: 750 });
    expect(parts[0]!.resources).toHaveLength(750);
    expect(server.asked.slice(1).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(server.maxInFlight).toBe(4);
  });

  it('keeps the pages in order whatever order they are answered in', async () => {
    const server = scriptedClient((number) => page(number, 2, 4), (number) => (number === 2 ? 30 : 1));
    const { parts } = await partsOf(streamPages(server.client, 'list', { what }));
    expect(ids(parts.at(-1))).toEqual(['p1-0', 'p1-1', 'p2-0', 'p2-1', 'p3-0', 'p3-1', 'p4-0', 'p4-1']);
  });

  it('hands a one-page list over once, complete', async () => {
    const server = scriptedClient((number) => page(number, 3, 1, 3));
    const { parts } = await partsOf(streamPages(server.client, 'list', { what }));
    expect(parts).toHaveLength(1);
    expect(parts[0]).toMatchObject({ complete: true, totalCount: 3 });
  });

  it('hands over the pages read in order before a failed one, never as complete, then fails', async () => {
    const failure = new ApiError(503, 'down');
    const server = scriptedClient((number) => (number === 4 ? failure : page(number, 10, 6)), (number) => (number === 4 ? 20 : 1));
    const { parts, error } = await partsOf(streamPages(server.client, 'list', { what }));
    expect(error).toBe(failure);
    expect(parts.every((part) => !part.complete)).toBe(true);
    expect(ids(parts.at(-1))).toHaveLength(30); // pages 1 to 3: what comes after the gap is not shown
    await expect(readAllPages(server.client, 'list', { what })).rejects.toBe(failure);
  });

  it('reads a server that claims 50,000 pages only 1,000 pages far, and says the list is cut short', async () => {
    const server = scriptedClient((number) => page(number, 1, 50_000), () => 0);
    const { parts } = await partsOf(streamPages(server.client, 'list', { what }));
    expect(server.asked).toHaveLength(1000);
    expect(parts.at(-1)).toMatchObject({
      complete: false,
      shortBecause: 'The server says the team tokens run to 50,000 pages; only the first 1,000 were read.',
    });
    expect(parts.at(-1)!.resources).toHaveLength(1000);
    await expect(readAllPages(server.client, 'list', { what })).rejects.toMatchObject({ message: /only the first 1,000/ });
  });

  it('stops at an empty page: a claim of many pages with no items costs a few requests, and is not complete', async () => {
    const server = scriptedClient((number) => page(number, number <= 2 ? 5 : 0, 40_000));
    const { parts } = await partsOf(streamPages(server.client, 'list', { what }));
    expect(server.asked.length).toBeLessThanOrEqual(2 + 4 * 2);
    expect(parts.at(-1)).toMatchObject({ complete: false, shortBecause: 'The server said the team tokens run to 40,000 pages, but page 3 was empty.' });
    expect(parts.at(-1)!.resources).toHaveLength(10);
  });

  it('an empty first page claiming more pages is read once', async () => {
    const server = scriptedClient((number) => page(number, 0, 50_000));
    const { parts } = await partsOf(streamPages(server.client, 'list', { what }));
    expect(server.asked).toEqual([1]);
    expect(parts).toHaveLength(1);
    expect(parts[0]).toMatchObject({ complete: false, shortBecause: expect.stringMatching(/50,000 pages, but page 1 was empty/) });
  });

  it('says the list changed when its pages disagree on the count, and reads the pages a grown list gained', async () => {
    // Page 1 says 3 pages of 200 tokens; the later pages say 4 pages of 301.
    const server = scriptedClient((number) => (number === 1 ? page(1, 100, 3, 300) : page(number, number === 4 ? 1 : 100, 4, 301)));
    const { parts } = await partsOf(streamPages(server.client, 'list', { what }));
    expect(server.asked).toContain(4);
    expect(parts.at(-1)!.resources).toHaveLength(301);
    expect(parts.at(-1)).toMatchObject({ complete: false, shortBecause: expect.stringMatching(/^The list changed while it was read/) });
  });

  it('keeps an item that moved to the next page once', async () => {
    const server = scriptedClient((number) => ({ data: [{ type: 't', id: 'same' }, { type: 't', id: `own-${number}` }], meta: { pagination: { 'total-pages': 2 } } }));
    const { parts } = await partsOf(streamPages(server.client, 'list', { what }));
    expect(ids(parts.at(-1))).toEqual(['same', 'own-1', 'own-2']);
  });

  it('follows links.next page by page when there is no meta.pagination, handing over the first page first', async () => {
    const linked = (number: number) => ({ ...page(number, 2, undefined), links: { next: number < 3 ? `https://elsewhere/api?page%5Bnumber%5D=${number + 1}` : null } });
    const server = scriptedClient(linked);
    const { parts } = await partsOf(streamPages(server.client, 'list', { what }));
    expect(parts.map((part) => [part.resources.length, part.complete])).toEqual([
      [2, false],
      [6, true],
    ]);
    expect(server.asked).toEqual([1, 2, 3]);
    expect(server.maxInFlight).toBe(1);
  });

  it('reports a page of the wrong shape as an unexpected answer', async () => {
    const server = scriptedClient((number) => (number === 1 ? page(1, 1, 2) : { data: 'nonsense' }));
    await expect(readAllPages(server.client, 'list', { what })).rejects.toMatchObject({
      message: 'The server sent an unexpected answer for the team tokens.',
    });
  });
});
