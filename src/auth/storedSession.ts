import type { SessionUser } from './signInFlow';

/**
 * Where oidc-client-ts keeps a client's session: its `WebStorageStateStore` prefixes `oidc.` to the
 * `user:{authority}:{client_id}` key of `UserManager`.
 */
export const storedSessionKey = (authority: string, clientId: string) => `oidc.user:${authority}:${clientId}`;

const epochSeconds = () => Math.floor(Date.now() / 1000);

interface StoredFields {
  access_token?: unknown;
  refresh_token?: unknown;
  expires_at?: unknown;
  profile?: unknown;
}

/** A session as oidc-client-ts stored it; `expired` and `expiresIn` count as its `User` counts them. */
export interface StoredSession extends SessionUser {
  /** When the access token expires, in seconds since the epoch. */
  readonly expiresAt: number;
  /** Seconds until then. */
  readonly expiresIn: number;
}

/**
 * The session oidc-client-ts stored, read as its `User.fromStorageString` reads it, while its access token is
 * still valid; `null` for anything else (none stored, expired, or not as it writes it), which is its to handle.
 */
export function readStoredSession(storage: Storage, key: string): StoredSession | null {
  let fields: StoredFields;
  try {
    fields = JSON.parse(storage.getItem(key) ?? 'null') as StoredFields;
  } catch {
    return null;
  }
  if (!fields || typeof fields !== 'object') return null;
  const { access_token, refresh_token, expires_at, profile } = fields;
  if (typeof access_token !== 'string' || !access_token || typeof expires_at !== 'number' || !profile || typeof profile !== 'object') {
    return null;
  }
  if (refresh_token !== undefined && typeof refresh_token !== 'string') return null;
  const session: StoredSession = {
    access_token,
    refresh_token,
    profile: profile as SessionUser['profile'],
    state: undefined,
    expiresAt: expires_at,
    get expiresIn() {
      return expires_at - epochSeconds();
    },
    get expired() {
      return this.expiresIn <= 0;
    },
  };
  return session.expired ? null : session;
}

/** oidc-client-ts raises "expiring" this long before the access token expires (its default). */
const EXPIRING_NOTICE_SECONDS = 60;

/** Calls `callback` once `seconds` have passed, checking as oidc-client-ts's `Timer` does (at most every 5 s). */
function after(seconds: number, callback: () => void): () => void {
  const due = epochSeconds() + Math.max(Math.floor(seconds), 1);
  const poll = window.setInterval(
    () => {
      if (epochSeconds() < due) return;
      window.clearInterval(poll);
      callback();
    },
    Math.min(Math.max(Math.floor(seconds), 1), 5) * 1000,
  );
  return () => window.clearInterval(poll);
}

/**
 * The access-token timers oidc-client-ts's `AccessTokenEvents` sets for a loaded session, kept until it is loaded
 * itself: "expiring" a minute before the access token expires (after a second if it is closer), "expired" a
 * second after it. Returns what stops them.
 */
export function sessionTimers(session: StoredSession, onExpiring: () => void, onExpired: () => void): () => void {
  const inSeconds = session.expiresIn;
  const stops = [after(inSeconds - EXPIRING_NOTICE_SECONDS, onExpiring), after(inSeconds + 1, onExpired)];
  return () => stops.forEach((stop) => stop());
}
