/**
 * The token list's status filter: All, or one expiry status. The four statuses partition the list, so their counts
 * add up to All. The filter is kept in the page's query (`?status=expiring`) so a link or a reload keeps it.
 */
import { EXPIRY_STATUS_LABELS, expiryStatusOf, type ExpiryStatus } from './tokenExpiry';
import type { TokenRow } from './tokenRows';

export type TokenStatusFilter = 'all' | ExpiryStatus;

/** In the order the chips show them. */
export const TOKEN_STATUS_FILTERS: readonly TokenStatusFilter[] = ['all', 'active', 'expiresSoon', 'expired', 'neverExpires'];

export const TOKEN_STATUS_FILTER_LABELS: Record<TokenStatusFilter, string> = { all: 'All', ...EXPIRY_STATUS_LABELS };

/** The query parameter that holds the filter; All is its absence. */
export const STATUS_PARAM = 'status';

const PARAM_VALUES: Record<ExpiryStatus, string> = {
  active: 'active',
  expiresSoon: 'expiring',
  expired: 'expired',
  neverExpires: 'never',
};

// A Map, so that a value such as "constructor" finds nothing.
const FILTERS_BY_PARAM = new Map(Object.entries(PARAM_VALUES).map(([status, value]) => [value, status as ExpiryStatus]));

/** The filter a `?status=` value asks for; a missing or unknown value is All. */
export function statusFilterFromParam(value: string | null): TokenStatusFilter {
  if (value === null) return 'all';
  return FILTERS_BY_PARAM.get(value.trim().toLowerCase()) ?? 'all';
}

/** The `?status=` value for a filter; `null` for All, which has none. */
export function statusFilterParam(filter: TokenStatusFilter): string | null {
  return filter === 'all' ? null : PARAM_VALUES[filter];
}

/** A copy of a page's query with the status filter set to `filter`, its other parameters kept. */
export function withStatusParam(search: URLSearchParams, filter: TokenStatusFilter): URLSearchParams {
  const params = new URLSearchParams(search);
  const value = statusFilterParam(filter);
  if (value === null) params.delete(STATUS_PARAM);
  else params.set(STATUS_PARAM, value);
  return params;
}

/** The tokens of a status inside a sentence: "No expired tokens." / "… among expired tokens." */
export const TOKEN_STATUS_PHRASES: Record<ExpiryStatus, string> = {
  active: 'active tokens',
  expiresSoon: 'tokens expiring soon',
  expired: 'expired tokens',
  neverExpires: 'tokens that never expire',
};

export function rowStatusOf(row: TokenRow, now: number): ExpiryStatus {
  return expiryStatusOf(row.expiresAt === null ? null : new Date(row.expiresAt), new Date(now));
}

export type TokenStatusCounts = Record<TokenStatusFilter, number>;

/** How many rows have each status at `now`, and how many there are in all. */
export function countByStatus(rows: readonly TokenRow[], now: number): TokenStatusCounts {
  const counts: TokenStatusCounts = { all: rows.length, active: 0, expiresSoon: 0, expired: 0, neverExpires: 0 };
  for (const row of rows) counts[rowStatusOf(row, now)] += 1;
  return counts;
}

/** The rows with the status at `now`, in their order; All returns `rows` itself. */
export function filterRowsByStatus(rows: readonly TokenRow[], status: TokenStatusFilter, now: number): readonly TokenRow[] {
  if (status === 'all') return rows;
  return rows.filter((row) => rowStatusOf(row, now) === status);
}
