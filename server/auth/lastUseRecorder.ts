import { isConnectionFailure } from '../db/databaseUnavailable';
import type { IssuedTokenKind, TokenRepository } from '../tokens/tokenRepository';

/** A token's last use is kept to the minute: at most one write per token per minute. */
export const LAST_USE_GRANULARITY_MS = 60_000;

/** Tokens remembered at once; past that the oldest record is forgotten, and the database's own check still holds. */
const DEFAULT_CAPACITY = 10_000;

export type RecordLastUse = (kind: IssuedTokenKind, id: string, now: Date) => Promise<void>;

/**
 * Records when issued tokens authenticate, twice guarded: this process writes a token at most once per minute
 * (a burst costs one UPDATE), and the UPDATE itself skips a token recorded less than a minute ago, so several
 * servers on one database also write about once a minute per token.
 *
 * A write that fails because the database is unreachable fails the request (503), as the lookup before it would
 * have; the token is tried again on its next use. Any other failure is logged and the request goes on: the last
 * use is bookkeeping, not a reason to refuse a valid token. It is then tried again after the minute.
 */
export function lastUseRecorder(tokens: Pick<TokenRepository, 'recordUse'>, capacity = DEFAULT_CAPACITY): RecordLastUse {
  // Token id → when this process last wrote it, oldest first (a write moves the token to the end).
  const recordedAt = new Map<string, number>();

  return async (kind, id, now) => {
    const time = now.getTime();
    const last = recordedAt.get(id);
    // Also skips while a clock that went back is before the last write, as the database's check does.
    if (last !== undefined && time - last < LAST_USE_GRANULARITY_MS) return;
    // Marked before the write, so that the requests arriving while it runs do not write as well.
    recordedAt.delete(id);
    recordedAt.set(id, time);
    if (recordedAt.size > capacity) recordedAt.delete(recordedAt.keys().next().value!);
    try {
      await tokens.recordUse(kind, id, now, new Date(time - LAST_USE_GRANULARITY_MS));
    } catch (error) {
      if (isConnectionFailure(error)) {
        if (recordedAt.get(id) === time) recordedAt.delete(id);
        throw error;
      }
      console.error(`Could not record the last use of token ${id}; the request goes on:`, error);
    }
  };
}
