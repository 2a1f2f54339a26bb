import type { Response } from 'express';
import type { Database } from '../db/database';
import { ApiError } from '../http/apiError';
import { RateLimitStore, type RateRule } from './rateLimitStore';
import {
  generateRule,
  GENERATE_WINDOW_TEXT,
  SIGN_IN_FAILURES_PER_ACCOUNT,
  SIGN_IN_FAILURES_PER_ADDRESS,
  waitText,
} from './rateLimits';

export type SignInAdmission =
  | { admitted: true; /** Call when the password was right: the attempt is then not a failure. */ succeeded(): Promise<void> }
  | { admitted: false; retryAfterSeconds: number; message: string };

const PURGE_EVERY_MS = 60_000;

/** The server's rate limits: failed sign-ins per account and per address, and tokens generated per person. */
export class Throttle {
  private readonly store: RateLimitStore;
  private readonly generate: RateRule;
  private lastPurge = 0;

  constructor(
    db: Database,
    private readonly now: () => Date,
    generateLimit: number,
  ) {
    this.store = new RateLimitStore(db);
    this.generate = generateRule(generateLimit);
  }

  /**
   * Counts a sign-in attempt as a failure before its password is checked, so that concurrent guesses cannot get
   * past the limit; a refused attempt checks no password, and costs the address nothing.
   */
  async admitSignIn(email: string, address: string): Promise<SignInAdmission> {
    const now = await this.purgeNowAndThen();
    const account = email.trim().toLowerCase();
    const byAddress = await this.store.take(SIGN_IN_FAILURES_PER_ADDRESS, address, now);
    if (!byAddress.admitted) return signInRefusal('from your network', byAddress.retryAfterMs);
    const byAccount = await this.store.take(SIGN_IN_FAILURES_PER_ACCOUNT, account, now);
    if (!byAccount.admitted) {
      await this.store.giveBack(SIGN_IN_FAILURES_PER_ADDRESS, address);
      return signInRefusal('for this account', byAccount.retryAfterMs);
    }
    return {
      admitted: true,
      succeeded: async () => {
        await this.store.clear(SIGN_IN_FAILURES_PER_ACCOUNT, account);
        await this.store.giveBack(SIGN_IN_FAILURES_PER_ADDRESS, address);
      },
    };
  }

  /** Counts a token about to be generated for `email`; over the limit, throws a 429 with Retry-After set. */
  async checkGenerate(res: Response, email: string): Promise<void> {
    const admission = await this.store.take(this.generate, email, await this.purgeNowAndThen());
    if (admission.admitted) return;
    const seconds = Math.ceil(admission.retryAfterMs / 1000);
    res.set('Retry-After', String(seconds));
    throw new ApiError(
      429,
      `You have generated ${this.generate.limit} tokens in ${GENERATE_WINDOW_TEXT}, the most one person may. Try again in ${waitText(seconds)}.`,
    );
  }

  /** The time now; once a minute, first drops the rows that count nothing any more. */
  private async purgeNowAndThen(): Promise<Date> {
    const now = this.now();
    if (Math.abs(now.getTime() - this.lastPurge) >= PURGE_EVERY_MS) {
      this.lastPurge = now.getTime();
      await this.store.purge(now);
    }
    return now;
  }
}

function signInRefusal(whose: string, retryAfterMs: number): SignInAdmission {
  const seconds = Math.ceil(retryAfterMs / 1000);
  return { admitted: false, retryAfterSeconds: seconds, message: `Too many failed sign-ins ${whose}. Try again in ${waitText(seconds)}.` };
}
