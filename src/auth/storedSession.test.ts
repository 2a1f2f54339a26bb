import { User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readStoredSession, sessionTimers, storedSessionKey } from './storedSession';

const AUTHORITY = 'https://id.example.com/oidc';
const CLIENT_ID = 'token-settings';
const KEY = storedSessionKey(AUTHORITY, CLIENT_ID);
const PROFILE = { sub: 'u1', iss: AUTHORITY, aud: CLIENT_ID, exp: 0, iat: 0, name: 'Admin User', email: 'admin@example.com' };

const nowSeconds = () => Math.floor(Date.now() / 1000);

function libraryManager() {
  return new UserManager({
    authority: AUTHORITY,
    client_id: CLIENT_ID,
    redirect_uri: 'https://app.example.com/',
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

afterEach(() => {
  window.sessionStorage.clear();
  vi.useRealTimers();
});

describe('readStoredSession', () => {
  it('reads the session oidc-client-ts stored as oidc-client-ts reads it', async () => {
    const library = libraryManager();
    const expiresAt = nowSeconds() + 300;
    await library.storeUser(
      new User({ access_token: 'access', refresh_token: 'refresh', token_type: 'Bearer', profile: PROFILE, expires_at: expiresAt }),
    );
    const stored = readStoredSession(window.sessionStorage, KEY);
    const loaded = (await library.getUser())!;
    expect(stored).toMatchObject({ access_token: loaded.access_token, refresh_token: loaded.refresh_token, profile: loaded.profile, state: loaded.state });
    expect(stored!.expired).toBe(false);
    expect(stored!.expiresAt).toBe(expiresAt);
    expect(stored!.expiresIn).toBe(loaded.expires_in);
  });

  it('leaves an expired session, and anything oidc-client-ts does not write, to the library; reads one without a refresh token', async () => {
    const library = libraryManager();
    await library.storeUser(new User({ access_token: 'access', token_type: 'Bearer', profile: PROFILE, expires_at: nowSeconds() - 1 }));
    expect(readStoredSession(window.sessionStorage, KEY)).toBeNull();

    await library.storeUser(new User({ access_token: 'access', token_type: 'Bearer', profile: PROFILE, expires_at: nowSeconds() + 60 }));
    expect(readStoredSession(window.sessionStorage, KEY)).toMatchObject({ access_token: 'access', refresh_token: undefined });

    for (const text of ['', 'not json', 'null', '[]', '{"access_token":"a","profile":{}}', '{"access_token":"","expires_at":9e9,"profile":{}}',
      '{"access_token":"a","expires_at":"9e9","profile":{}}', '{"access_token":"a","expires_at":9e9}', '{"access_token":"a","expires_at":9e9,"profile":{},"refresh_token":1}']) {
      window.sessionStorage.setItem(KEY, text);
      expect(readStoredSession(window.sessionStorage, KEY), text).toBeNull();
    }
    window.sessionStorage.removeItem(KEY);
    expect(readStoredSession(window.sessionStorage, KEY)).toBeNull();
  });
});

describe('sessionTimers', () => {
  it('raise "expiring" a minute before the access token expires and "expired" a second after, as oidc-client-ts does', () => {
    vi.useFakeTimers();
    window.sessionStorage.setItem(KEY, JSON.stringify({ access_token: 'a', profile: PROFILE, expires_at: nowSeconds() + 120 }));
    const events: string[] = [];
    const stop = sessionTimers(readStoredSession(window.sessionStorage, KEY)!, () => events.push('expiring'), () => events.push('expired'));
    vi.advanceTimersByTime(55_000);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(10_000);
    expect(events).toEqual(['expiring']);
    vi.advanceTimersByTime(50_000);
    expect(events).toEqual(['expiring']);
    vi.advanceTimersByTime(10_000);
    expect(events).toEqual(['expiring', 'expired']);
    vi.advanceTimersByTime(600_000);
    expect(events).toEqual(['expiring', 'expired']);
    stop();
  });

  it('raise "expiring" after a second when the token expires within the minute, and nothing once stopped', () => {
    vi.useFakeTimers();
    window.sessionStorage.setItem(KEY, JSON.stringify({ access_token: 'a', profile: PROFILE, expires_at: nowSeconds() + 30 }));
    const session = readStoredSession(window.sessionStorage, KEY)!;
    const events: string[] = [];
    sessionTimers(session, () => events.push('expiring'), () => events.push('expired'));
    vi.advanceTimersByTime(2_000);
    expect(events).toEqual(['expiring']);

    const stop = sessionTimers(session, () => events.push('again'), () => events.push('again'));
    stop();
    vi.advanceTimersByTime(600_000);
    expect(events).toEqual(['expiring', 'expired']);
  });
});
