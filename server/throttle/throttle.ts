import { waitText } from '../../contracts/waitText';
import type { Database } from '../db/database';
import { purgeSchedule } from '../db/purgeSchedule';
import { RateLimitStore, type RateRule } from './rateLimitStore';
import {
  generateRule,
  GENERATE_WINDOW_TEXT,
  SIGN_IN_FAILURES_PER_ACCOUNT,
  SIGN_IN_FAILURES_PER_ACCOUNT_AT_ADDRESS,
  SIGN_IN_FAILURES_PER_ADDRESS,
  SIGN_IN_KNOWN_ADDRESS,
} from './rateLimits';

/** A refusal: how long to wait (for Retry-After) and a sentence saying so, for the caller's error shape. */
export interface Refusal {
  admitted: false;
  retryAfterSeconds: number;
  message: string;
}

export type SignInAdmission =
  | { admitted: true; /** Call when the password was right: the attempt is then not a failure. */ succeeded(): Promise<void> }
  | Refusal;

export type GenerateAdmission =
  | { admitted: true; /** Call when the token is not made after all: its slot is given back. */ withdraw(): Promise<void> }
  | Refusal;

/** The server's rate limits: failed sign-ins per account and per address, and tokens generated per person. */
export class Throttle {
  private readonly store: RateLimitStore;
  private readonly generate: RateRule;
  private readonly purgeNowAndThen: () => Promise<Date>;

  constructor(db: Database, now: () => Date, generateLimit: number) {
    this.store = new RateLimitStore(db);
    this.generate = generateRule(generateLimit);
    this.purgeNowAndThen = purgeSchedule(now, (current) => this.store.purge(current));
  }

  /**
   * Counts a sign-in attempt as a failure before its password is checked, so that concurrent guesses cannot get
   * past a limit; a refused attempt checks no password, and costs nothing against the other limits.
   */
  async admitSignIn(email: string, address: string): Promise<SignInAdmission> {
    const now = await this.purgeNowAndThen();
    const account = accountOf(email);
    const accountAtAddress = `${account}\n${address}`;
    const taken: [RateRule, string][] = [];
    const refuse = async (whose: string, retryAfterMs: number): Promise<Refusal> => {
      for (const [rule, identity] of taken) await this.store.giveBack(rule, identity);
      return refusal(`Too many failed sign-ins ${whose}.`, retryAfterMs);
    };
    const take = async (rule: RateRule, identity: string) => {
      const admission = await this.store.take(rule, identity, now);
      if (admission.admitted) taken.push([rule, identity]);
      return admission;
    };

    const byAddress = await take(SIGN_IN_FAILURES_PER_ADDRESS, address);
    if (!byAddress.admitted) return refuse('from your network', byAddress.retryAfterMs);
    const atAddress = await take(SIGN_IN_FAILURES_PER_ACCOUNT_AT_ADDRESS, accountAtAddress);
    if (!atAddress.admitted) return refuse('for this account', atAddress.retryAfterMs);
    // Guesses spread over many addresses do not keep the owner out where they signed in before.
    if (!(await this.store.isMarked(SIGN_IN_KNOWN_ADDRESS.scope, accountAtAddress, now))) {
      const byAccount = await take(SIGN_IN_FAILURES_PER_ACCOUNT, account);
      if (!byAccount.admitted) return refuse('for this account', byAccount.retryAfterMs);
    }
    return {
      admitted: true,
      succeeded: async () => {
        // Only the count at this address is cleared: an owner signing in must not wipe out a guesser's count.
        await this.store.clear(SIGN_IN_FAILURES_PER_ACCOUNT_AT_ADDRESS, accountAtAddress);
        for (const [rule, identity] of taken) {
          if (rule !== SIGN_IN_FAILURES_PER_ACCOUNT_AT_ADDRESS) await this.store.giveBack(rule, identity);
        }
        await this.store.mark(SIGN_IN_KNOWN_ADDRESS.scope, accountAtAddress, new Date(now.getTime() + SIGN_IN_KNOWN_ADDRESS.forMs));
      },
    };
  }

  /**
   * Counts a token about to be generated for `email`. Call it once the request is otherwise going to be carried
   * out (valid, permitted), so that a refused request costs nothing.
   */
  async admitGenerate(email: string): Promise<GenerateAdmission> {
    const admission = await this.store.take(this.generate, email, await this.purgeNowAndThen());
    if (!admission.admitted) {
      const sentence = `You have generated ${this.generate.limit} tokens in ${GENERATE_WINDOW_TEXT}, the most one person may.`;
      return refusal(sentence, admission.retryAfterMs);
    }
    return { admitted: true, withdraw: () => this.store.giveBack(this.generate, email) };
  }
}

/** The account an email names, however it was typed: `ADMIN@example.com ` is admin@example.com. */
const accountOf = (email: string) => email.trim().toLowerCase();

/** `sentence`, then how long to wait, in whole seconds rounded up as Retry-After has them. */
function refusal(sentence: string, retryAfterMs: number): Refusal {
  const seconds = Math.ceil(retryAfterMs / 1000);
  return { admitted: false, retryAfterSeconds: seconds, message: `${sentence} Try again in ${waitText(seconds)}.` };
}
