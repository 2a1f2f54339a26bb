import { decodeJwt, jwtVerify } from 'jose';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../app';
import { TOKEN_SIGNING_KEY_SECRET } from '../tokens/signingKey';
import { call, generatePat, generateTeamToken } from './api';
import { OidcBrowser, signIn } from './signIn';
import {
  BACKENDS,
  createTestStorage,
  openStorageDatabase,
  SKIP_POSTGRES_REASON,
  startTestServer,
  testConfig,
  type TestStorage,
} from './testServer';

describe.each(BACKENDS)('restart on $name', (backend) => {
  if (!backend.available) {
    it.skip(SKIP_POSTGRES_REASON, () => {});
    return;
  }

  let storage: TestStorage;
  let server: RunningServer | undefined;

  beforeAll(async () => {
    storage = await createTestStorage(backend);
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  afterAll(async () => {
    await storage?.cleanup();
  });

  it('keeps tokens, deletions, the provider’s keys and sessions', async () => {
    server = await startTestServer(storage);
    const url = server.url;
    const browser = new OidcBrowser(url);
    const { action } = await browser.openSignInPage();
    const session = await browser.finishSignIn(await browser.submitSignIn(action, 'admin@example.com', 'admin'));
    const kept = await generatePat(url, session.accessToken, 'Kept');
    const revoked = await generatePat(url, session.accessToken, 'Revoked');
    const teamToken = await generateTeamToken(url, session.accessToken, { group: 'TERRAKUBE_ADMIN' });
    expect((await call(url, 'DELETE', `/pat/v1/${decodeJwt(revoked).jti}`, { token: kept })).status).toBe(202);
    await server.close();
    server = undefined;

    // Same data and the same public URL (the provider's issuer), as after restarting `npm start`.
    server = await startServer(testConfig(storage, { port: Number(new URL(url).port) }));
    expect(server.url).toBe(url);
    expect((await call(url, 'GET', '/pat/v1', { token: kept })).status).toBe(202);
    expect((await call(url, 'GET', '/access-token/v1/teams', { token: teamToken })).status).toBe(202);
    expect((await call(url, 'GET', '/pat/v1', { token: revoked })).status).toBe(401);
    const list = (await call(url, 'GET', '/pat/v1', { token: kept })).body as { description: string }[];
    expect(list.map((pat) => pat.description)).toEqual(['Kept']);

    // The access token from before the restart is still valid, and the refresh token still renews.
    expect((await call(url, 'GET', '/pat/v1', { token: session.accessToken })).status).toBe(202);
    const renewed = await browser.refresh(session.refreshToken!);
    expect((await call(url, 'GET', '/access-token/v1/teams', { token: renewed.accessToken })).status).toBe(202);
    // The browser session survived too: a new authorization request needs no sign-in.
    const signedIn = await browser.follow(await browser.request(`/oidc/auth?${new URLSearchParams({
      client_id: 'token-settings',
      response_type: 'code',
      redirect_uri: `${url}/`,
      scope: 'openid email profile groups',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    })}`));
    expect(new URL(signedIn.headers.get('location')!).searchParams.get('code')).toBeTruthy();
  });

  it('keeps a generated token signing key in the database, beside the provider’s keys, and not in a file', async () => {
    server = await startTestServer(storage);
    const { accessToken } = await signIn(server.url, 'aws@example.com');
    const pat = await generatePat(server.url, accessToken, 'Signed with the stored key');
    // PGlite allows one process at a time: stop the server before opening its database.
    await server.close();
    server = undefined;

    const db = await openStorageDatabase(storage);
    try {
      const secrets = await db.query<{ name: string; value: unknown }>('SELECT name, value FROM server_secret ORDER BY name');
      expect(secrets.map((secret) => secret.name)).toEqual(['oidc-cookie-keys', 'oidc-signing-keys', TOKEN_SIGNING_KEY_SECRET]);
      const stored = secrets.find((secret) => secret.name === TOKEN_SIGNING_KEY_SECRET)!.value as string;
      await expect(jwtVerify(pat, Buffer.from(stored, 'base64url'))).resolves.toBeDefined();
    } finally {
      await db.close();
    }
    const files = existsSync(storage.dataDir) ? await readdir(storage.dataDir) : [];
    expect(files.filter((file) => file !== 'pglite')).toEqual([]);
  });

  it.runIf(backend.name === 'PostgreSQL')(
    'servers on one PostgreSQL database with different data folders accept each other’s tokens',
    async () => {
      const otherDataDir = await mkdtemp(path.join(os.tmpdir(), 'token-settings-other-data-'));
      const first = await startTestServer(storage);
      try {
        const second = await startServer(testConfig(storage, { dataDir: otherDataDir }));
        try {
          const { accessToken } = await signIn(first.url, 'admin@example.com');
          const pat = await generatePat(first.url, accessToken, 'Made on the first server');
          const teamToken = await generateTeamToken(first.url, accessToken, { group: 'TERRAKUBE_ADMIN' });
          expect((await call(second.url, 'GET', '/pat/v1', { token: pat })).status).toBe(202);
          expect((await call(second.url, 'GET', '/access-token/v1/teams', { token: teamToken })).status).toBe(202);
        } finally {
          await second.close();
        }
      } finally {
        await first.close();
        await rm(otherDataDir, { recursive: true, force: true });
      }
    },
  );
});
