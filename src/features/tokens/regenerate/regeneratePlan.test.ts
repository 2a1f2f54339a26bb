import { describe, expect, it } from 'vitest';
import { DESCRIPTION_MAX_LENGTH } from '../../../../contracts/terrakubeLimits';
import { DAY, TERRAKUBE_CAPABILITIES, TFE_CAPABILITIES, aToken } from '../../../test/factories';
import { FALLBACK_LIFETIME_MS, freeDescription, regenerateInputOf, regeneratePlanOf } from './regeneratePlan';

const personal = TERRAKUBE_CAPABILITIES.personal;
const uniqueTeam = TFE_CAPABILITIES.team;

describe('regenerate plan', () => {
  it('keeps the description and the lifetime, counted from now', () => {
    const token = aToken({ description: 'ci', createdAgo: 20 * DAY, expiresIn: 10 * DAY });
    const plan = regeneratePlanOf(token, [token], personal);
    expect(plan).toEqual({ description: 'ci', renamed: false, lifetimeMs: 30 * DAY, lifetimeGuessed: false, replacesInPlace: false });
    const now = new Date('2026-12-02T10:00:00Z');
    expect(regenerateInputOf(plan, now)).toEqual({ description: 'ci', expiresAt: new Date('2027-01-01T10:00:00Z') });
  });

  it('counts the old lifetime to the nearest minute, as a client a moment ahead of the server leaves it a moment short', () => {
    const now = Date.now();
    const token = aToken({ createdAt: new Date(now - 1500).toISOString(), expiresIn: 90 * DAY - 1500 - 350 });
    expect(regeneratePlanOf(token, [token], personal).lifetimeMs).toBe(90 * DAY);
  });

  it('gives an expired token its whole lifetime again, and a never-expiring one never', () => {
    const expired = aToken({ createdAgo: 100 * DAY, expiresIn: -10 * DAY });
    expect(regeneratePlanOf(expired, [expired], personal).lifetimeMs).toBe(90 * DAY);
    const never = aToken({ expiresIn: null });
    const plan = regeneratePlanOf(never, [never], personal);
    expect(plan.lifetimeMs).toBeNull();
    expect(regenerateInputOf(plan, new Date()).expiresAt).toBeNull();
  });

  it('keeps within what the collection accepts', () => {
    const long = aToken({ createdAgo: DAY, expiresIn: 5000 * DAY });
    expect(regeneratePlanOf(long, [long], personal).lifetimeMs).toBe(personal.expiry.maxMs);
    const never = aToken({ expiresIn: null });
    const noNever = { ...personal, expiry: { ...personal.expiry, allowsNever: false } };
    expect(regeneratePlanOf(never, [never], noNever).lifetimeMs).toBe(personal.expiry.maxMs);
  });

  it('falls back to 30 days where the old lifetime cannot be told, and says so', () => {
    for (const token of [aToken({ createdAt: null }), aToken({ createdAt: 'not a date' }), aToken({ createdAgo: -DAY, expiresIn: -2 * DAY })]) {
      expect(regeneratePlanOf(token, [token], personal)).toMatchObject({ lifetimeMs: FALLBACK_LIFETIME_MS, lifetimeGuessed: true });
    }
  });

  it('renames where descriptions are unique, as the old token still stands when the new one is made', () => {
    const old = aToken({ description: 'deploy' });
    const other = aToken({ description: 'deploy (regenerated)' });
    expect(regeneratePlanOf(old, [old], uniqueTeam)).toMatchObject({ description: 'deploy (regenerated)', renamed: true });
    expect(regeneratePlanOf(old, [old, other], uniqueTeam).description).toBe('deploy (regenerated 2)');
    // Regenerating the regenerated one goes back to the first name.
    expect(regeneratePlanOf(other, [other], uniqueTeam)).toMatchObject({ description: 'deploy', renamed: true });
  });

  it('names an untitled token where the collection takes descriptions, and none where it takes none', () => {
    const untitled = aToken({ description: '' });
    expect(regeneratePlanOf(untitled, [untitled], personal)).toMatchObject({ description: 'Untitled token', renamed: true });
    const single = { ...uniqueTeam, takesDescription: false, uniqueDescriptions: false, tokensPerCollection: 'one' as const };
    expect(regeneratePlanOf(untitled, [untitled], single)).toMatchObject({ description: '', renamed: false, replacesInPlace: true });
  });

  it('keeps a suffixed description within the length limit, never splitting a character', () => {
    const long = `${'x'.repeat(DESCRIPTION_MAX_LENGTH - 1)}😀`;
    const free = freeDescription(long, new Set([long]));
    expect(free.endsWith(' (regenerated)')).toBe(true);
    expect(Array.from(free).length).toBeLessThanOrEqual(DESCRIPTION_MAX_LENGTH);
    expect(free).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
