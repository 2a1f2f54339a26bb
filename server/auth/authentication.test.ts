import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../db/database';
import { STOPPING_MESSAGE } from '../db/databaseUnavailable';
import { signIssuedToken } from '../tokens/issuedTokens';
import { TokenRepository } from '../tokens/tokenRepository';
import { OrganizationRepository } from '../organizations/organizationRepository';
import { tokenRoutes } from '../tokens/tokenRoutes';
import { call } from '../test/api';
import { createTestStorage, openStorageDatabase, TEST_TOKEN_SIGNING_KEY, type TestStorage } from '../test/testServer';
import { createTokenVerifier } from './authentication';
import { DEFAULT_GENERATE_LIMIT } from '../throttle/rateLimits';
import { Throttle } from '../throttle/throttle';

const ADMIN = { email: 'admin@example.com', name: 'Admin User', groups: ['TERRAKUBE_ADMIN'] };

/**
 * The token API on a database the test can close under it: the server's own wiring keeps its database private,
 * so this assembles the same routes and verifier around one.
 */
describe('authentication when the database fails', () => {
  let storage: TestStorage;
  let db: Database;
  let tokens: TokenRepository;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    storage = await createTestStorage();
    db = await openStorageDatabase(storage);
    tokens = new TokenRepository(db);
    const now = () => new Date();
    const verifyToken = createTokenVerifier({
      oidc: { issuer: 'http://127.0.0.1/oidc', audience: 'http://127.0.0.1/', publicKeys: [], isGrantActive: async () => false },
      tokenSigningKey: TEST_TOKEN_SIGNING_KEY,
      tokens,
      now,
    });
    const throttle = new Throttle(db, now, DEFAULT_GENERATE_LIMIT);
    const app = express().use(tokenRoutes({ tokens, tokenSigningKey: TEST_TOKEN_SIGNING_KEY, verifyToken, now, throttle, organizations: new OrganizationRepository(db) }));
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await storage?.cleanup();
  });

  it('answers 503 with a JSON error, not 401, when the revocation check cannot use the database', async () => {
    const createdDate = new Date();
    const pat = await tokens.createPat({ id: randomUUID(), days: 0, description: 'Valid', owner: ADMIN, now: createdDate });
    const token = await signIssuedToken(TEST_TOKEN_SIGNING_KEY, {
      id: pat.id,
      subject: 'Admin User (Token)',
      name: 'Admin User (Token)',
      email: 'admin@example.com',
      groups: ['TERRAKUBE_ADMIN'],
      issuedAt: createdDate,
      expiresAt: null,
    });
    expect((await call(url, 'GET', '/access-token/v1/teams/current-teams', { token })).status).toBe(202);

    await db.close();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const response = await call(url, 'GET', '/access-token/v1/teams/current-teams', { token });
      // A closed database refuses new work as the server stopping: the caller's retry, not the server's bug.
      expect(response.status).toBe(503);
      expect(response.body).toEqual({ error: 'Service Unavailable', message: STOPPING_MESSAGE });
      expect(logged).not.toHaveBeenCalled();

      // A token that fails its own checks needs no database: still 401.
      expect((await call(url, 'GET', '/access-token/v1/teams/current-teams', { token: 'not-a-jwt' })).status).toBe(401);
      expect((await call(url, 'GET', '/access-token/v1/teams/current-teams', { token: `${token}x` })).status).toBe(401);
    } finally {
      logged.mockRestore();
    }
  });
});
