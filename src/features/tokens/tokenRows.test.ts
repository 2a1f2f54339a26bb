import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aToken, DAY } from '../../test/testKit';
import {
  filterTokenRows,
  sortOrdersFor,
  sortTokenRows,
  TOKEN_SORT_ORDERS,
  tokenNameOf,
  toTokenRows,
  UNTITLED_TOKEN,
  type TokenSortOrder,
} from './tokenRows';

const names = (rows: ReturnType<typeof toTokenRows>) => rows.map((row) => tokenNameOf(row.token));

describe('token rows', () => {
  const tokens = [
    aToken({ description: 'never', expiresIn: null, createdAgo: 5 * DAY }),
    aToken({ description: 'undated', createdAt: null, expiresIn: 10 * DAY }),
    aToken({ description: 'expired', expiresIn: -DAY, createdAgo: 40 * DAY }),
    aToken({ description: 'Later', expiresIn: 60 * DAY, createdAgo: 2 * DAY }),
    aToken({ description: 'soon', expiresIn: 2 * DAY, createdAgo: 3 * DAY }),
    // A legacy team token: the backend keeps no description.
    aToken({ description: '', expiresIn: 30 * DAY, createdAgo: 4 * DAY }),
  ];
  const rows = toTokenRows(tokens);

  it('names a token by its description, or as untitled where it has none', () => {
    expect(tokenNameOf(tokens[0]!)).toBe('never');
    expect(tokenNameOf(tokens[5]!)).toBe(UNTITLED_TOKEN);
    expect(UNTITLED_TOKEN).toBe('Untitled token');
  });

  it('sorts by expiry: soonest (expired) first, never last', () => {
    expect(names(sortTokenRows(rows, 'expiry'))).toEqual(['expired', 'soon', 'undated', 'Untitled token', 'Later', 'never']);
  });

  it('sorts newest first, unknown creation dates last', () => {
    expect(names(sortTokenRows(rows, 'newest'))).toEqual(['Later', 'soon', 'Untitled token', 'never', 'expired', 'undated']);
  });

  it('sorts by name ignoring case, an untitled token under its stand-in name', () => {
    expect(names(sortTokenRows(rows, 'description'))).toEqual(['expired', 'Later', 'never', 'soon', 'undated', 'Untitled token']);
  });

  it('does not depend on the order the API answered in, and does not change its input', () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      aToken({ description: `t${i % 7}`, expiresIn: i % 5 === 0 ? null : (i % 4) * DAY, createdAgo: (i % 3) * DAY }),
    );
    const manyRows = toTokenRows(many);
    fc.assert(
      fc.property(fc.shuffledSubarray(manyRows, { minLength: manyRows.length }), fc.constantFrom<TokenSortOrder>(...TOKEN_SORT_ORDERS), (shuffled, order) => {
        const before = [...shuffled];
        const sorted = sortTokenRows(shuffled, order);
        expect(shuffled).toEqual(before);
        expect(sorted.map((row) => row.token.id)).toEqual(sortTokenRows(manyRows, order).map((row) => row.token.id));
      }),
    );
  });

  it('sorts by last use: most recent first, then never used, then those the backend says nothing about', () => {
    const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
    const used = toTokenRows([
      aToken({ description: 'unknown', createdAgo: DAY }),
      aToken({ description: 'never', lastUsedAt: null, createdAgo: 2 * DAY }),
      aToken({ description: 'yesterday', lastUsedAt: ago(DAY) }),
      aToken({ description: 'old', lastUsedAt: ago(9 * DAY) }),
      aToken({ description: 'never, newer', lastUsedAt: null, createdAgo: DAY / 2 }),
      aToken({ description: 'just now', lastUsedAt: ago(1000) }),
      aToken({ description: 'unreadable', lastUsedAt: 'not a date', createdAgo: 3 * DAY }),
    ]);
    // An unreadable date counts as never used: the backend did say it keeps track.
    expect(names(sortTokenRows(used, 'lastUsed'))).toEqual(['just now', 'yesterday', 'old', 'never, newer', 'never', 'unreadable', 'unknown']);
  });

  it('offers the last-use sort only where some token says when it was used', () => {
    expect(sortOrdersFor(rows)).toEqual(['expiry', 'newest', 'description']);
    expect(sortOrdersFor(toTokenRows([...tokens, aToken({ lastUsedAt: null })]))).toEqual(TOKEN_SORT_ORDERS);
  });

  it('filters by name, ignoring case and surrounding spaces; an empty filter keeps every row', () => {
    expect(names([...filterTokenRows(rows, '  LATER ')])).toEqual(['Later']);
    expect(names([...filterTokenRows(rows, 'ex')])).toEqual(['expired']);
    expect(names([...filterTokenRows(rows, 'untitled')])).toEqual(['Untitled token']);
    expect(filterTokenRows(rows, '   ')).toBe(rows);
  });
});
