/**
 * The token list's rows: each token with its dates parsed once, and the pure sort and filter the list applies.
 * The list memoizes each step, so a new "now" (relative times) re-sorts nothing and typing in the filter box
 * re-parses nothing.
 */
import type { ApiToken } from '../../api';

/** What every token list shows; team tokens carry more, which the list ignores. */
export type ListedToken = ApiToken;

export const UNTITLED_TOKEN = 'Untitled token';

/** How a token is named on screen: its description, or a stand-in where the backend keeps none. */
export const tokenNameOf = (token: ListedToken): string => token.description || UNTITLED_TOKEN;

export interface TokenRow {
  token: ListedToken;
  /** Milliseconds since the epoch; `null` when the token never expires. */
  expiresAt: number | null;
  /** Milliseconds since the epoch; `null` when the backend sent no readable creation date. */
  createdAt: number | null;
  /** Milliseconds since the epoch; `null`: never used; `undefined`: the backend does not say. */
  lastUsedAt: number | null | undefined;
  /** The description, lower-cased once for the filter. */
  searchText: string;
}

export type TokenSortOrder = 'expiry' | 'newest' | 'lastUsed' | 'description';

export const TOKEN_SORT_ORDERS: readonly TokenSortOrder[] = ['expiry', 'newest', 'lastUsed', 'description'];

export const TOKEN_SORT_LABELS: Record<TokenSortOrder, string> = {
  expiry: 'Expiry',
  newest: 'Newest first',
  lastUsed: 'Last used',
  description: 'Description',
};

/** The sort orders a list offers: by last use only where some token says when it was used. */
export function sortOrdersFor(rows: readonly TokenRow[]): readonly TokenSortOrder[] {
  return rows.some((row) => row.lastUsedAt !== undefined) ? TOKEN_SORT_ORDERS : TOKEN_SORT_ORDERS.filter((order) => order !== 'lastUsed');
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function timeOf(iso: string | null): number | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

export function toTokenRows(tokens: readonly ListedToken[]): TokenRow[] {
  return tokens.map((token) => ({
    token,
    expiresAt: timeOf(token.expiresAt),
    createdAt: timeOf(token.createdAt),
    lastUsedAt: token.lastUsedAt === undefined ? undefined : timeOf(token.lastUsedAt),
    searchText: tokenNameOf(token).toLocaleLowerCase(),
  }));
}

/** Soonest first (expired ones, then those expiring soon); never-expiring ones last. */
function byExpiry(a: TokenRow, b: TokenRow): number {
  if (a.expiresAt !== null && b.expiresAt !== null) return a.expiresAt - b.expiresAt;
  if (a.expiresAt !== null) return -1;
  if (b.expiresAt !== null) return 1;
  return 0;
}

/** Newest first; tokens of unknown creation date last. */
function byNewest(a: TokenRow, b: TokenRow): number {
  if (a.createdAt !== null && b.createdAt !== null) return b.createdAt - a.createdAt;
  if (a.createdAt !== null) return -1;
  if (b.createdAt !== null) return 1;
  return 0;
}

/** Most recently used first, then those never used; those the backend says nothing about last. */
function byLastUse(a: TokenRow, b: TokenRow): number {
  const rank = (row: TokenRow) => (row.lastUsedAt === undefined ? 2 : row.lastUsedAt === null ? 1 : 0);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  return a.lastUsedAt && b.lastUsedAt ? b.lastUsedAt - a.lastUsedAt : 0;
}

function byDescription(a: TokenRow, b: TokenRow): number {
  return collator.compare(tokenNameOf(a.token), tokenNameOf(b.token));
}

function byId(a: TokenRow, b: TokenRow): number {
  return a.token.id < b.token.id ? -1 : a.token.id > b.token.id ? 1 : 0;
}

const COMPARATORS: Record<TokenSortOrder, ((a: TokenRow, b: TokenRow) => number)[]> = {
  expiry: [byExpiry, byDescription, byId],
  newest: [byNewest, byDescription, byId],
  lastUsed: [byLastUse, byNewest, byDescription, byId],
  description: [byDescription, byExpiry, byId],
};

/** A sorted copy; ties are broken so the order never depends on the order the API answered in. */
export function sortTokenRows(rows: readonly TokenRow[], order: TokenSortOrder): TokenRow[] {
  const comparators = COMPARATORS[order];
  return [...rows].sort((a, b) => {
    for (const compare of comparators) {
      const result = compare(a, b);
      if (result !== 0) return result;
    }
    return 0;
  });
}

/** The rows whose description contains `query`, ignoring case and surrounding spaces. */
export function filterTokenRows(rows: readonly TokenRow[], query: string): readonly TokenRow[] {
  const needle = query.trim().toLocaleLowerCase();
  if (needle === '') return rows;
  return rows.filter((row) => row.searchText.includes(needle));
}
