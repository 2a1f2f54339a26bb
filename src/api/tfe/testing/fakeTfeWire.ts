/**
 * How the fake HCP Terraform writes its answers: JSON:API resources, paged lists with `links` and
 * `meta.pagination`, and JSON:API error objects, shaped as HCP Terraform's are.
 */

export type JsonBody = Record<string, unknown>;

export interface FakeAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export const MEDIA_TYPE = 'application/vnd.api+json';

export const isRecord = (value: unknown): value is JsonBody =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

export function errorAnswer(
  status: number,
  title: string,
  detail?: string,
  pointer?: string,
  headers?: Record<string, string>,
): FakeAnswer {
  const error: JsonBody = { status: String(status), title };
  if (detail !== undefined) error.detail = detail;
  if (pointer !== undefined) error.source = { pointer };
  return { status, body: { errors: [error] }, headers };
}

export const notFound = (): FakeAnswer => errorAnswer(404, 'not found');

export interface PageRequest {
  /** `undefined` when the request named no page: some lists then answer everything at once. */
  number?: number;
  size?: number;
}

export interface PagingRules {
  defaultSize: number;
  maxSize: number;
  /** Whether answers carry `meta.pagination`; without it a client has only `links.next` to go on. */
  withMeta: boolean;
  /** Whether a request without page parameters gets every item at once (HCP's user-token list does). */
  unpagedWithoutParameters?: boolean;
}

const positive = (value: string | null): number | undefined => {
  const number = Number(value);
  return value !== null && Number.isInteger(number) && number > 0 ? number : undefined;
};

export function pageRequestOf(query: URLSearchParams): PageRequest {
  return { number: positive(query.get('page[number]')), size: positive(query.get('page[size]')) };
}

/** One page of `items`, with HCP Terraform's absolute links (its own host, whatever host was asked). */
export function pagedAnswer(items: JsonBody[], page: PageRequest, rules: PagingRules, listUrl: string): FakeAnswer {
  const unpaged = rules.unpagedWithoutParameters && page.number === undefined && page.size === undefined;
  const size = unpaged ? Math.max(items.length, 1) : Math.min(page.size ?? rules.defaultSize, rules.maxSize);
  const totalPages = Math.max(1, Math.ceil(items.length / size));
  const current = page.number ?? 1;
  const link = (number: number) => `${listUrl}?page%5Bnumber%5D=${number}&page%5Bsize%5D=${size}`;
  const body: JsonBody = {
    data: items.slice((current - 1) * size, current * size),
    links: {
      self: link(current),
      first: link(1),
      prev: current > 1 ? link(current - 1) : null,
      next: current < totalPages ? link(current + 1) : null,
      last: link(totalPages),
    },
  };
  if (rules.withMeta) {
    body.meta = {
      pagination: {
        'current-page': current,
        'page-size': size,
        'prev-page': current > 1 ? current - 1 : null,
        'next-page': current < totalPages ? current + 1 : null,
        'total-pages': totalPages,
        'total-count': items.length,
      },
    };
  }
  return { status: 200, body };
}

export const ref = (type: string, id: string) => ({ data: { type, id } });

type NewTokenAttributes = { ok: true; attributes: JsonBody } | { ok: false; answer: FakeAnswer };

/** The attributes of a new token, or the 422 HCP Terraform answers for them. */
export function newTokenAttributes(body: unknown, type: string, now: Date): NewTokenAttributes {
  const data = isRecord(body) ? body.data : undefined;
  if (!isRecord(data) || data.type !== type) {
    return { ok: false, answer: errorAnswer(422, 'invalid type', `The type must be ${type}.`, '/data/type') };
  }
  const attributes = isRecord(data.attributes) ? data.attributes : {};
  const expiredAt = attributes['expired-at'];
  if (expiredAt !== undefined && expiredAt !== null) {
    const time = typeof expiredAt === 'string' ? Date.parse(expiredAt) : NaN;
    if (Number.isNaN(time) || time <= now.getTime()) {
      const detail = 'Expired at must be a date in the future';
      return { ok: false, answer: errorAnswer(422, 'invalid attribute', detail, '/data/attributes/expired-at') };
    }
  }
  return { ok: true, attributes };
}

/** A request body as JSON; `ok: false` for one that is not JSON. */
export function parseBody(body: BodyInit | null | undefined): { ok: boolean; value?: unknown } {
  if (body === undefined || body === null || body === '') return { ok: true };
  try {
    return { ok: true, value: JSON.parse(String(body)) as unknown };
  } catch {
    return { ok: false };
  }
}
