/**
 * What regenerating a token makes: a new token like the old one (its description, the same lifetime counted from
 * now) before the old one is deleted. Pure: everything takes "now".
 */
import { DESCRIPTION_MAX_LENGTH } from '../../../../contracts/terrakubeLimits';
import type { CollectionCapabilities, GenerateTokenInput } from '../../../api';
import { DAY_MS, MINUTE_MS } from '../generate/expiryChoices';
import { UNTITLED_TOKEN, type ListedToken } from '../tokenRows';

/** The lifetime a regenerated token gets when the old one's cannot be told (no readable creation date). */
export const FALLBACK_LIFETIME_MS = 30 * DAY_MS;

const REGENERATED_SUFFIX = ' (regenerated)';

export interface RegeneratePlan {
  /** The new token's description: the old one's, unless the collection keeps descriptions unique. */
  description: string;
  /** Whether `description` differs from the old token's (unique descriptions, or none to keep). */
  renamed: boolean;
  /** How long the new token lasts from when it is made, in ms; `null`: it never expires. */
  lifetimeMs: number | null;
  /** Whether the old lifetime could not be told, so `lifetimeMs` is the fallback. */
  lifetimeGuessed: boolean;
  /** Where a team has one token, making the new one revokes the old: there is nothing left to delete. */
  replacesInPlace: boolean;
}

function lifetimeOf(token: ListedToken, expiry: CollectionCapabilities['expiry']): { lifetimeMs: number | null; guessed: boolean } {
  if (token.expiresAt === null) return expiry.allowsNever ? { lifetimeMs: null, guessed: false } : { lifetimeMs: expiry.maxMs, guessed: false };
  const lived = token.createdAt === null ? Number.NaN : Date.parse(token.expiresAt) - Date.parse(token.createdAt);
  if (!(lived > 0)) return { lifetimeMs: Math.min(FALLBACK_LIFETIME_MS, expiry.maxMs), guessed: true };
  // To the nearest minute: a 90-day token made by a client a moment ahead of the server lived 90 days less a moment,
  // and its successor should last 90 days again.
  return { lifetimeMs: Math.min(Math.max(MINUTE_MS, Math.round(lived / MINUTE_MS) * MINUTE_MS), expiry.maxMs), guessed: false };
}

/** Cuts `text` to `max` code points, never inside a surrogate pair. */
const cut = (text: string, max: number) => Array.from(text).slice(0, max).join('');

/**
 * A description no other listed token has: the old one's base (without an earlier "(regenerated)"), else the base
 * with "(regenerated)", "(regenerated 2)", … So regenerating twice goes back to the first name rather than piling
 * up suffixes.
 */
export function freeDescription(description: string, taken: ReadonlySet<string>): string {
  const base = description.replace(/ \(regenerated(?: \d+)?\)$/, '') || description;
  if (!taken.has(base)) return base;
  for (let n = 1; ; n += 1) {
    const suffix = n === 1 ? REGENERATED_SUFFIX : ` (regenerated ${n})`;
    const candidate = cut(base, DESCRIPTION_MAX_LENGTH - suffix.length) + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}

export function regeneratePlanOf(
  token: ListedToken,
  listed: readonly ListedToken[],
  capabilities: CollectionCapabilities,
): RegeneratePlan {
  const { lifetimeMs, guessed } = lifetimeOf(token, capabilities.expiry);
  let description = '';
  if (capabilities.takesDescription) {
    const own = token.description || UNTITLED_TOKEN;
    // The old token still stands while the new one is made, so its own description counts as taken.
    description = capabilities.uniqueDescriptions ? freeDescription(own, new Set(listed.map((t) => t.description))) : own;
  }
  return {
    description,
    renamed: capabilities.takesDescription && description !== token.description,
    lifetimeMs,
    lifetimeGuessed: guessed,
    replacesInPlace: capabilities.tokensPerCollection === 'one',
  };
}

/** The generate request of a plan, its lifetime counted from `now`. */
export function regenerateInputOf(plan: RegeneratePlan, now: Date): GenerateTokenInput {
  return {
    description: plan.description,
    expiresAt: plan.lifetimeMs === null ? null : new Date(now.getTime() + plan.lifetimeMs),
  };
}
