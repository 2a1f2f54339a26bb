import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE } from '../../../test/factories';
import { lifetimeWords } from './lifetimeWords';

describe('lifetimeWords', () => {
  it('says a lifetime in days, hours and minutes, to the nearest minute', () => {
    expect(lifetimeWords(30 * DAY)).toBe('30 days');
    expect(lifetimeWords(30 * DAY - 1500)).toBe('30 days');
    expect(lifetimeWords(DAY + 2 * HOUR + 30 * MINUTE)).toBe('1 day, 2 hours and 30 minutes');
    expect(lifetimeWords(HOUR + MINUTE)).toBe('1 hour and 1 minute');
    expect(lifetimeWords(15 * MINUTE)).toBe('15 minutes');
    expect(lifetimeWords(3650 * DAY)).toBe('3650 days');
  });

  it('never says nothing', () => {
    expect(lifetimeWords(10)).toBe('1 minute');
  });
});
