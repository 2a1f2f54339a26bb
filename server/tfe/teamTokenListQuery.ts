import type { Request } from 'express';
import { queryValue } from './pagination';
import { badParameter } from './tfeErrors';

/** `filter[status]` values: whether a token still works, expires soon, has expired, or never expires. */
export const TOKEN_STATUSES = ['active', 'expiring_in_7_days', 'expiring_in_30_days', 'expired', 'no_expiration'] as const;
export type TokenStatus = (typeof TOKEN_STATUSES)[number];

export const SORT_KEYS = ['team-name', 'created-by', 'expired-at', 'last-used-at'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** What `GET /organizations/:org/team-tokens` narrows and orders by. */
export interface TeamTokenQuery {
  /** A substring of the team name, matched case-insensitively. */
  search: string | undefined;
  /** Any of these (OR); empty = every token. */
  statuses: TokenStatus[];
  sort: { key: SortKey; descending: boolean } | undefined;
}

// HCP Terraform's reference names the filter `filter[expiry_status]`, its docs `filter[status]`: take either.
const STATUS_PARAMETERS = ['filter[status]', 'filter[expiry_status]'];

function statusesOf(req: Request): TokenStatus[] {
  const given = STATUS_PARAMETERS.filter((name) => queryValue(req, name) !== undefined);
  if (given.length > 1) throw badParameter(given[1]!, `Use one of ${STATUS_PARAMETERS.join(' and ')}, not both.`);
  const parameter = given[0];
  if (parameter === undefined) return [];
  const statuses = queryValue(req, parameter)!.split(',').map((status) => status.trim());
  for (const status of statuses) {
    if (!(TOKEN_STATUSES as readonly string[]).includes(status)) {
      throw badParameter(parameter, `Unknown status "${status}" in ${parameter}: use ${TOKEN_STATUSES.join(', ')} (comma-separated for any of them).`);
    }
  }
  return [...new Set(statuses as TokenStatus[])];
}

function sortOf(req: Request): TeamTokenQuery['sort'] {
  const value = queryValue(req, 'sort');
  if (value === undefined) return undefined;
  const descending = value.startsWith('-');
  const key = descending ? value.slice(1) : value;
  if (!(SORT_KEYS as readonly string[]).includes(key)) {
    throw badParameter('sort', `Unknown sort "${value}": use ${SORT_KEYS.join(', ')}, with a leading - for descending.`);
  }
  return { key: key as SortKey, descending };
}

/** Reads q, the status filter and sort; an unknown filter or value is a 400 naming the parameter. */
export function teamTokenQueryOf(req: Request): TeamTokenQuery {
  const unknownFilter = Object.keys(req.query).find((name) => name.startsWith('filter[') && !STATUS_PARAMETERS.includes(name));
  if (unknownFilter) throw badParameter(unknownFilter, `Unknown filter ${unknownFilter}: team tokens filter by ${STATUS_PARAMETERS.join(' or ')}.`);
  const search = queryValue(req, 'q');
  if (search !== undefined && !/^\P{Cc}*$/u.test(search)) throw badParameter('q', 'q must not contain control characters.');
  return { search: search === '' ? undefined : search, statuses: statusesOf(req), sort: sortOf(req) };
}
