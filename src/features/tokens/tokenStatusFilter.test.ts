import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aToken, DAY, MINUTE } from '../../test/testKit';
import { EXPIRES_SOON_MS } from './tokenExpiry';
import { toTokenRows } from './tokenRows';
import {
  countByStatus,
  filterRowsByStatus,
  statusFilterFromParam,
  statusFilterParam,
  TOKEN_STATUS_FILTER_LABELS,
  TOKEN_STATUS_FILTERS,
  withStatusParam,
} from './tokenStatusFilter';

const names = (rows: ReturnType<typeof toTokenRows> | readonly ReturnType<typeof toTokenRows>[number][]) =>
  rows.map((row) => row.token.description);

describe('the status filter in the query', () => {
  it('reads each status from its value, and a missing or unknown value as All', () => {
    expect(statusFilterFromParam('active')).toBe('active');
    expect(statusFilterFromParam('expiring')).toBe('expiresSoon');
    expect(statusFilterFromParam('expired')).toBe('expired');
    expect(statusFilterFromParam('never')).toBe('neverExpires');
    // A hand-typed link is forgiven its case and spaces.
    expect(statusFilterFromParam(' Expired ')).toBe('expired');
    for (const unknown of [null, '', 'all', 'expiresSoon', 'soon', 'constructor', '__proto__', 'toString', 'active,expired']) {
      expect(statusFilterFromParam(unknown)).toBe('all');
    }
  });

  it('writes each filter as a value that reads back as it, and All as no value', () => {
    expect(statusFilterParam('all')).toBeNull();
    for (const filter of TOKEN_STATUS_FILTERS.filter((filter) => filter !== 'all')) {
      expect(statusFilterFromParam(statusFilterParam(filter))).toBe(filter);
    }
    expect(TOKEN_STATUS_FILTERS.map((filter) => statusFilterParam(filter))).toEqual([null, 'active', 'expiring', 'expired', 'never']);
  });

  it('sets or removes the status only, keeping the other parameters and the original untouched', () => {
    const search = new URLSearchParams('tab=keys&status=expired&q=a%26b');
    expect(withStatusParam(search, 'expiresSoon').toString()).toBe('tab=keys&status=expiring&q=a%26b');
    expect(withStatusParam(search, 'all').toString()).toBe('tab=keys&q=a%26b');
    expect(withStatusParam(new URLSearchParams('status=a&status=b'), 'neverExpires').toString()).toBe('status=never');
    expect(search.toString()).toBe('tab=keys&status=expired&q=a%26b');
  });

  it('labels All and each status as the rows do', () => {
    expect(TOKEN_STATUS_FILTERS.map((filter) => TOKEN_STATUS_FILTER_LABELS[filter])).toEqual([
      'All',
      'Active',
      'Expires soon',
      'Expired',
      'Never expires',
    ]);
  });
});

describe('counting and filtering rows by status', () => {
  const now = Date.parse('2026-11-23T10:00:00Z');
  const expiringIn = (description: string, ms: number) => aToken({ description, expiresAt: new Date(now + ms).toISOString() });
  const rows = toTokenRows([
    expiringIn('long', 30 * DAY),
    // Exactly seven days left is not yet soon.
    expiringIn('week', 7 * DAY),
    expiringIn('soon', 2 * DAY),
    expiringIn('minute', MINUTE),
    expiringIn('gone', -DAY),
    aToken({ description: 'forever', expiresIn: null }),
    // A date the backend sent that cannot be read: never expiring, as the row shows it.
    aToken({ description: 'unreadable', expiresAt: 'not a date' }),
  ]);

  it('counts each status, "Active" meaning exactly that, and All as every row', () => {
    expect(countByStatus(rows, now)).toEqual({ all: 7, active: 2, expiresSoon: 2, expired: 1, neverExpires: 2 });
  });

  it('keeps the rows of a status in their order, and every row, as the same array, for All', () => {
    expect(names(filterRowsByStatus(rows, 'active', now))).toEqual(['long', 'week']);
    expect(names(filterRowsByStatus(rows, 'expiresSoon', now))).toEqual(['soon', 'minute']);
    expect(names(filterRowsByStatus(rows, 'expired', now))).toEqual(['gone']);
    expect(names(filterRowsByStatus(rows, 'neverExpires', now))).toEqual(['forever', 'unreadable']);
    expect(filterRowsByStatus(rows, 'all', now)).toBe(rows);
  });

  it('follows the time it is given', () => {
    const later = now + 2 * MINUTE;
    expect(names(filterRowsByStatus(rows, 'expired', later))).toEqual(['minute', 'gone']);
    expect(countByStatus(rows, now + 3 * DAY)).toEqual({ all: 7, active: 1, expiresSoon: 1, expired: 3, neverExpires: 2 });
    expect(countByStatus(rows, now + EXPIRES_SOON_MS)).toEqual({ all: 7, active: 1, expiresSoon: 0, expired: 4, neverExpires: 2 });
  });

  it('partitions any list: the statuses add up to All, and each filter keeps as many rows as its count', () => {
    const expiry = fc.option(fc.integer({ min: -30 * DAY, max: 30 * DAY }), { nil: null });
    fc.assert(
      fc.property(fc.array(expiry, { maxLength: 40 }), fc.integer({ min: -10 * DAY, max: 10 * DAY }), (expiries, shift) => {
        const list = toTokenRows(expiries.map((expiresIn) => aToken({ expiresIn })));
        const at = now + shift;
        const counts = countByStatus(list, at);
        expect(counts.active + counts.expiresSoon + counts.expired + counts.neverExpires).toBe(counts.all);
        for (const filter of TOKEN_STATUS_FILTERS) expect(filterRowsByStatus(list, filter, at)).toHaveLength(counts[filter]);
      }),
    );
  });
});
