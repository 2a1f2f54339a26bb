import { afterEach, describe, expect, it, vi } from 'vitest';
import { storedSessionKey } from './storedSession';
import { createUserManager } from './userManager';

/** How many times the app loaded oidc-client-ts, and how many `UserManager`s it made. */
const library = vi.hoisted(() => ({ loads: 0, managers: 0 }));
vi.mock('oidc-client-ts', async (importOriginal) => {
  library.loads++;
  const original = await importOriginal<typeof import('oidc-client-ts')>();
  class CountedUserManager extends original.UserManager {
    constructor(...args: ConstructorParameters<typeof original.UserManager>) {
      super(...args);
      library.managers++;
    }
  }
  return { ...original, UserManager: CountedUserManager };
});

const CONFIG = { authority: 'https://id.example.com/oidc', clientId: 'token-settings', redirectUri: 'https://app.example.com/', scope: 'openid' };
const KEY = storedSessionKey(CONFIG.authority, CONFIG.clientId);
const PROFILE = { sub: 'u1', name: 'Admin User', email: 'admin@example.com' };
const nowSeconds = () => Math.floor(Date.now() / 1000);

function storeSession(expiresInSeconds: number) {
  window.sessionStorage.setItem(
    KEY,
    JSON.stringify({ access_token: 'access', refresh_token: 'refresh', token_type: 'Bearer', profile: PROFILE, expires_at: nowSeconds() + expiresInSeconds }),
  );
}

afterEach(() => {
  window.sessionStorage.clear();
  vi.useRealTimers();
});

// One file, in order: oidc-client-ts, once loaded, stays loaded for the rest of it.
describe('createUserManager', () => {
  it('answers a page load with a valid stored session, and raises its timers, without loading oidc-client-ts', async () => {
    vi.useFakeTimers();
    storeSession(120);
    const manager = createUserManager(CONFIG);
    const events: string[] = [];
    manager.events.addAccessTokenExpiring(() => events.push('expiring'));
    const removeExpired = manager.events.addAccessTokenExpired(() => events.push('expired'));

    const user = await manager.getUser();
    expect(user).toMatchObject({ access_token: 'access', refresh_token: 'refresh', profile: PROFILE, expired: false });
    // Every API call asks again: the timers are set once.
    await manager.getUser();
    vi.advanceTimersByTime(65_000);
    expect(events).toEqual(['expiring']);
    removeExpired();
    vi.advanceTimersByTime(65_000);
    expect(events).toEqual(['expiring']);
    expect(library.loads).toBe(0);
    expect(library.managers).toBe(0);
  });

  it('loads oidc-client-ts for what needs it, which then answers everything', async () => {
    storeSession(120);
    const manager = createUserManager(CONFIG);
    await manager.getUser();
    expect(library.loads).toBe(0);

    await manager.removeUser();
    expect(library.loads).toBe(1);
    expect(window.sessionStorage.getItem(KEY)).toBeNull();
    expect(await manager.getUser()).toBeNull();
    // From now on the library reads the stored session.
    storeSession(300);
    expect(await manager.getUser()).toMatchObject({ access_token: 'access', profile: PROFILE });
  });

  it('starts loading oidc-client-ts at once when there is no session to reuse; an expired one is its to renew', async () => {
    const before = library.managers;
    createUserManager(CONFIG);
    await vi.waitFor(() => expect(library.managers).toBe(before + 1));

    storeSession(-10);
    const manager = createUserManager(CONFIG);
    await vi.waitFor(() => expect(library.managers).toBe(before + 2));
    expect(await manager.getUser()).toMatchObject({ access_token: 'access', refresh_token: 'refresh', expired: true });
  });
});
