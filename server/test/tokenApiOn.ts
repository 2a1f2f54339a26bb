import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createTokenVerifier } from '../auth/authentication';
import type { Database, Queryable } from '../db/database';
import { OrganizationRepository } from '../organizations/organizationRepository';
import { DEFAULT_GENERATE_LIMIT } from '../throttle/rateLimits';
import { Throttle } from '../throttle/throttle';
import { signIssuedToken } from '../tokens/issuedTokens';
import { KEPT_LISTS_MAX_BYTES, KeptTokenLists } from '../tokens/keptTokenLists';
import { TokenRepository } from '../tokens/tokenRepository';
import { tokenRoutes } from '../tokens/tokenRoutes';
import { TEST_TOKEN_SIGNING_KEY } from './testServer';

const ADMIN = { email: 'admin@example.com', name: 'Admin User', groups: ['TERRAKUBE_ADMIN'] };

/**
 * The token API on a database the test holds: the server's own wiring keeps its database private, so this
 * assembles the same routes and verifier around one, for tests that watch or break what reaches the database.
 * Sign-ins are refused (there is no identity provider); issued tokens are made with `personalToken`.
 */
export interface TokenApiOn {
  url: string;
  tokens: TokenRepository;
  /** The token lists it keeps, bounded to `keptListBytes`. */
  lists: KeptTokenLists;
  /** A live personal token of admin made at `now`: its row id and its secret. */
  personalToken(description?: string): Promise<{ id: string; secret: string }>;
  close(): Promise<void>;
}

export async function startTokenApiOn(
  db: Database,
  now: () => Date = () => new Date(),
  keptListBytes = KEPT_LISTS_MAX_BYTES,
): Promise<TokenApiOn> {
  const tokens = new TokenRepository(db);
  const verifyToken = createTokenVerifier({
    oidc: { issuer: 'http://127.0.0.1/oidc', audience: 'http://127.0.0.1/', publicKeys: [], isGrantActive: async () => false },
    tokenSigningKey: TEST_TOKEN_SIGNING_KEY,
    tokens,
    now,
  });
  const throttle = new Throttle(db, now, DEFAULT_GENERATE_LIMIT);
  const organizations = new OrganizationRepository(db);
  const lists = new KeptTokenLists(db, keptListBytes);
  const app = express().use(tokenRoutes({ tokens, tokenSigningKey: TEST_TOKEN_SIGNING_KEY, verifyToken, now, throttle, organizations, lists }));
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tokens,
    lists,
    async personalToken(description = 'Valid') {
      const createdDate = now();
      const pat = await tokens.createPat({ id: randomUUID(), days: 0, description, owner: ADMIN, now: createdDate });
      const secret = await signIssuedToken(TEST_TOKEN_SIGNING_KEY, {
        id: pat.id,
        subject: 'Admin User (Token)',
        name: 'Admin User (Token)',
        email: ADMIN.email,
        groups: ADMIN.groups,
        issuedAt: createdDate,
        expiresAt: null,
      });
      return { id: pat.id, secret };
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The UPDATE statements a database was sent, counted as they pass through, in transactions too. */
export function countingUpdates(db: Database): { db: Database; updates: () => number } {
  let updates = 0;
  const counted = (target: Queryable): Queryable['query'] =>
    (sql, params) => {
      if (/^\s*UPDATE\b/i.test(sql)) updates += 1;
      return target.query(sql, params);
    };
  return {
    db: {
      query: counted(db),
      transaction: (work) => db.transaction((tx) => work({ query: counted(tx) })),
      close: () => db.close(),
      keptUntilWrite: (key, read) => db.keptUntilWrite(key, read),
    },
    updates: () => updates,
  };
}
