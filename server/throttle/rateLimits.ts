import type { RateRule } from './rateLimitStore';

const MINUTE = 60_000;

/**
 * Failed sign-ins per account (the email typed, known or not, so the answer says nothing about who exists):
 * 5 at once, then one more every 3 minutes. A person who mistypes a few times waits minutes, never for good;
 * a guesser gets about 20 tries an hour. Signing in clears the account's count.
 */
export const SIGN_IN_FAILURES_PER_ACCOUNT: RateRule = { scope: 'sign-in-account', limit: 5, windowMs: 15 * MINUTE };

/**
 * Failed sign-ins per client address, across accounts: 30 at once, then one every 30 seconds. Higher than per
 * account, since an office behind one address shares it; successful sign-ins are not counted.
 */
export const SIGN_IN_FAILURES_PER_ADDRESS: RateRule = { scope: 'sign-in-address', limit: 30, windowMs: 15 * MINUTE };

export const GENERATE_WINDOW_MS = 10 * MINUTE;
export const GENERATE_WINDOW_TEXT = '10 minutes';
/** Tokens one person may generate in 10 minutes, on all surfaces together; GENERATE_LIMIT changes it. */
export const DEFAULT_GENERATE_LIMIT = 500;

export function generateRule(limit: number): RateRule {
  return { scope: 'generate', limit, windowMs: GENERATE_WINDOW_MS };
}

/** A wait as a person reads it: seconds under a minute, else whole minutes, rounded up. */
export function waitText(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
