import type { RateRule } from './rateLimitStore';

const MINUTE = 60_000;

/*
 * Failed sign-ins are counted three ways; an attempt must pass all three. The account is the email as typed,
 * known or not (so the answer says nothing about who exists), trimmed and in lower case.
 */

/**
 * Per account at one client address, the strict limit: 5 at once, then one more every 3 minutes. A person who
 * mistypes a few times waits minutes, never for good; a guesser at one address gets about 20 tries an hour.
 * Signing in there clears it. A guesser elsewhere never touches it, so nobody keeps the owner out through it.
 */
export const SIGN_IN_FAILURES_PER_ACCOUNT_AT_ADDRESS: RateRule = { scope: 'sign-in-account-address', limit: 5, windowMs: 15 * MINUTE };

/**
 * Per account from all addresses together, against a guesser spread over many: 100 within an hour, then one more
 * every 36 seconds. One address at its strict limit fails at most 25 times in an hour, so it takes at least four
 * addresses guessing flat out, for the whole hour, to reach it; past it the whole botnet gets about 100 tries an
 * hour (2,400 a day) instead of 20 per address. It does not hold back a person at an address they signed in from
 * within 30 days (see SIGN_IN_KNOWN_ADDRESS), so reaching it only delays sign-ins from new places.
 */
export const SIGN_IN_FAILURES_PER_ACCOUNT: RateRule = { scope: 'sign-in-account', limit: 100, windowMs: 60 * MINUTE };

/**
 * Per client address, across accounts: 30 at once, then one every 30 seconds. Higher than per account at one
 * address, since an office behind one address shares it; successful sign-ins are not counted.
 */
export const SIGN_IN_FAILURES_PER_ADDRESS: RateRule = { scope: 'sign-in-address', limit: 30, windowMs: 15 * MINUTE };

/** How long an address an account signed in from stays known to it, exempt from the account-wide limit. */
export const SIGN_IN_KNOWN_ADDRESS = { scope: 'sign-in-known-address', forMs: 30 * 24 * 60 * MINUTE };

export const GENERATE_WINDOW_MS = 10 * MINUTE;
export const GENERATE_WINDOW_TEXT = '10 minutes';
/** Tokens one person may generate in 10 minutes, on all surfaces together; GENERATE_LIMIT changes it. */
export const DEFAULT_GENERATE_LIMIT = 500;

export function generateRule(limit: number): RateRule {
  return { scope: 'generate', limit, windowMs: GENERATE_WINDOW_MS };
}
