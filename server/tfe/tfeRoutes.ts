import express from 'express';
import { authenticate, type Caller } from '../auth/authentication';
import type { TfeSignIn, TfeTeamTokens } from '../config';
import type { Database } from '../db/database';
import { hasJsonApiContentType } from '../http/jsonApi';
import { jsonBody } from '../http/jsonBody';
import { OrganizationRepository } from '../organizations/organizationRepository';
import { accountRoutes } from './accountRoutes';
import { legacyTeamTokenRoutes } from './legacyTeamTokenRoutes';
import { teamTokenRoutes } from './teamTokenRoutes';
import type { TfeContext } from './tfeContext';
import { sendTfeError, tfeErrorHandler } from './tfeErrors';
import { TfeTokenRepository } from './tfeTokenRepository';
import { userTokenRoutes } from './userTokenRoutes';
import type { Throttle } from '../throttle/throttle';
import type { KeptTokenLists } from '../tokens/keptTokenLists';

export interface TfeRoutesOptions {
  db: Database;
  tokenSigningKey: Uint8Array;
  verifyToken: (token: string) => Promise<Caller | undefined>;
  now: () => Date;
  throttle: Throttle;
  publicUrl: string;
  teamTokens: TfeTeamTokens;
  signIn: TfeSignIn;
  lists: KeptTokenLists;
}

/** The same 10 kB as the Terrakube surface: a bulk delete of 100 ids fits, with room to spare. */
const BODY_LIMIT = '10kb';

/**
 * HCP Terraform / Terraform Enterprise's token API, under `/api/v2`, over the Terrakube surface's tables. Every
 * call needs a bearer token (a sign-in or an issued token); answers and errors are JSON:API.
 */
export function tfeRoutes(options: TfeRoutesOptions): express.Router {
  const context: TfeContext = {
    db: options.db,
    tokens: new TfeTokenRepository(options.db),
    organizations: new OrganizationRepository(options.db),
    tokenSigningKey: options.tokenSigningKey,
    now: options.now,
    throttle: options.throttle,
    publicUrl: options.publicUrl,
    teamTokens: options.teamTokens,
    signIn: options.signIn,
    lists: options.lists,
  };
  const router = express.Router();

  router.use(authenticate(options.verifyToken));
  // Only JSON:API bodies are read; any other gets 415 from the routes that take one.
  router.use(jsonBody({ limit: BODY_LIMIT, accepts: (req) => hasJsonApiContentType(req.headers['content-type']) }));

  router.use(accountRoutes(context));
  router.use(userTokenRoutes(context));
  router.use(legacyTeamTokenRoutes(context));
  // Older Terraform Enterprise has only the legacy token: without these routes, their paths are not found.
  if (context.teamTokens === 'multiple') router.use(teamTokenRoutes(context));

  router.use((req, res) => {
    sendTfeError(res, 404, `There is no ${req.method} ${req.originalUrl.split('?')[0]} in this API.`);
  });
  router.use(tfeErrorHandler);
  return router;
}
