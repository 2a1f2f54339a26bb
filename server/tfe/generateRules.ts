import type { Response } from 'express';
import type { Caller } from '../auth/authentication';
import type { TfeSignIn } from '../config';
import { MAX_EXPIRY_DAYS } from '../../contracts/tfeTokenRequests';
import { invalidAttribute } from './tfeDocuments';
import type { Throttle } from '../throttle/throttle';
import { TfeError } from './tfeErrors';

const DAY_MS = 24 * 60 * 60 * 1000;

/** An expiry must be in the future and at most ten years ahead; `null` (never) is allowed. */
export function checkExpiry(expiresAt: Date | null, now: Date): void {
  if (expiresAt === null) return;
  if (expiresAt.getTime() <= now.getTime()) {
    throw invalidAttribute('expired-at', `Expired at must be in the future, got ${expiresAt.toISOString()}.`);
  }
  if (expiresAt.getTime() > now.getTime() + MAX_EXPIRY_DAYS * DAY_MS) {
    throw invalidAttribute('expired-at', `Expired at must be at most ${MAX_EXPIRY_DAYS} days from now, or null for never.`);
  }
}

const SIGN_IN_TO_GENERATE = 'An API token cannot generate tokens. Sign in to the app to generate one.';

/**
 * Who may generate a token, as on the Terrakube surface: a person who signed in, because a leaked token must not
 * outlive itself by minting another. With TFE_SIGN_IN=token people sign in to the app with a user API token, so
 * a personal token may generate then (see `checkNotOutlivingCaller`). A team token never may.
 */
export function checkMayGenerate(caller: Caller, signIn: TfeSignIn): void {
  if (caller.credential === 'sign-in') return;
  if (caller.credential === 'team-token' || signIn === 'oidc') throw new TfeError(403, SIGN_IN_TO_GENERATE);
}

/** A token generated with a personal token expires no later than that token, so a leaked one cannot live on. */
export function checkNotOutlivingCaller(caller: Caller, expiresAt: Date | null): void {
  const limit = caller.tokenExpiresAt ?? null;
  if (limit !== null && (expiresAt === null || expiresAt.getTime() > limit.getTime())) {
    throw invalidAttribute(
      'expired-at',
      `A token generated with an API token cannot outlive it: expired-at must be no later than ${limit.toISOString()}, when the token you are using expires.`,
    );
  }
}

/**
 * Counts a token about to be generated, once the request is otherwise going to be carried out; over the limit, a
 * 429 with Retry-After as a JSON:API error. The admission can give its slot back if the token is not made after all.
 */
export async function admitGenerate(throttle: Throttle, res: Response, caller: Caller): Promise<{ withdraw(): Promise<void> }> {
  const admission = await throttle.admitGenerate(caller.email);
  if (admission.admitted) return admission;
  res.set('Retry-After', String(admission.retryAfterSeconds));
  throw new TfeError(429, admission.message);
}
