import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aToken, DAY } from './testing/tokenTestKit';
import { filterTokenRows, sortTokenRows, toTokenRows, type TokenSortOrder } from './tokenRows';

const descriptions = (rows: ReturnType<typeof toTokenRows>) => rows.map((row) => row.token.description);

describe('token rows', () => {
  const tokens = [
    aToken({ description: 'never', expiresIn: null, createdAgo: 5 * DAY }),
    aToken({ description: 'unknown expiry', createdAt: null, expiresAt: null, duration: { days: 30, hours: 0, minutes: 0 } }),
    aToken({ description: 'expired', expiresIn: -DAY, createdAgo: 40 * DAY }),
    aToken({ description: 'Later', expiresIn: 60 * DAY, createdAgo: 2 * DAY }),
    aToken({ description: 'soon', expiresIn: 2 * DAY, createdAgo: 3 * DAY }),
  ];
  const rows = toTokenRows(tokens);

  it('sorts by expiry: soonest (expired) first, unknown next, never last', () => {
    expect(descriptions(sortTokenRows(rows, 'expiry'))).toEqual(['expired', 'soon', 'Later', 'unknown expiry', 'never']);
  });

  it('sorts newest first, unknown creation dates last', () => {
    expect(descriptions(sortTokenRows(rows, 'newest'))).toEqual(['Later', 'soon', 'never', 'expired', 'unknown expiry']);
  });

  it('sorts by description ignoring case', () => {
    expect(descriptions(sortTokenRows(rows, 'description'))).toEqual(['expired', 'Later', 'never', 'soon', 'unknown expiry']);
  });

  it('does not depend on the order the API answered in, and does not change its input', () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      aToken({ description: `t${i % 7}`, expiresIn: i % 5 === 0 ? null : (i % 4) * DAY, createdAgo: (i % 3) * DAY }),
    );
    const manyRows = toTokenRows(many);
    fc.assert(
      fc.property(fc.shuffledSubarray(manyRows, { minLength: manyRows.length }), fc.constantFrom<TokenSortOrder>('expiry', 'newest', 'description'), (shuffled, order) => {
        const before = [...shuffled];
        const sorted = sortTokenRows(shuffled, order);
        expect(shuffled).toEqual(before);
        expect(sorted.map((row) => row.token.id)).toEqual(sortTokenRows(manyRows, order).map((row) => row.token.id));
      }),
    );
  });

  it('filters by description, ignoring case and surrounding spaces; an empty filter keeps every row', () => {
    expect(descriptions([...filterTokenRows(rows, '  LATER ')])).toEqual(['Later']);
    expect(descriptions([...filterTokenRows(rows, 'ex')])).toEqual(['unknown expiry', 'expired']);
    expect(filterTokenRows(rows, '   ')).toBe(rows);
  });
});
