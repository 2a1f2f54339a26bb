import { randomUUID } from 'node:crypto';
import express, { type Request, type RequestHandler, type Response } from 'express';
import type { z } from 'zod';
import { patRequestSchema, teamTokenRequestSchema } from '../../contracts/terrakubeRequests';
import { authenticate, callerOf, type Caller } from '../auth/authentication';
import { ApiError, apiErrorHandler, sendApiError } from '../http/apiError';
import type { OrganizationRepository } from '../organizations/organizationRepository';
import { jsonBody } from '../http/jsonBody';
import { parseUuid } from '../http/uuid';
import { expiryOf } from '../../contracts/tokenDuration';
import { personalTokenSecret, teamTokenSecret } from './tokenSecrets';
import { personalTokensOf, teamTokensOf } from '../db/tokenListVersions';
import { JSON_TYPE, type KeptTokenLists } from './keptTokenLists';
import type { TokenRepository } from './tokenRepository';
import type { GenerateAdmission, Throttle } from '../throttle/throttle';
import { methodNotAllowed } from './methodNotAllowed';
import { permissionRoutes } from './permissionRoutes';

export interface TokenRoutesOptions {
  tokens: TokenRepository;
  tokenSigningKey: Uint8Array;
  verifyToken: (token: string) => Promise<Caller | undefined>;
  now: () => Date;
  throttle: Throttle;
  organizations: OrganizationRepository;
  lists: KeptTokenLists;
}

/**
 * Only a person who signed in may mint tokens: an issued token (a leaked one-minute team token, say) must not
 * be able to outlive itself by generating another.
 */
const requireSignIn: RequestHandler = (_req, res, next) => {
  if (callerOf(res).credential !== 'sign-in') {
    throw new ApiError(403, 'An API token cannot generate tokens. Sign in to the app to generate one.');
  }
  next();
};

/** A team token acts for a team, not a person: it has no personal access tokens to see or manage. */
const refuseTeamTokens: RequestHandler = (_req, res, next) => {
  if (callerOf(res).credential === 'team-token') {
    throw new ApiError(403, 'A team token cannot use personal access tokens. Use a personal access token or sign in.');
  }
  next();
};

/** Counts a token about to be generated; over the limit, a 429 with Retry-After in the token API's shape. */
async function admitGenerate(throttle: Throttle, res: Response, email: string): Promise<void> {
  const admission: GenerateAdmission = await throttle.admitGenerate(email);
  if (admission.admitted) return;
  res.set('Retry-After', String(admission.retryAfterSeconds));
  throw new ApiError(429, admission.message);
}

/** Terrakube's token API (`/pat/v1`, `/access-token/v1/teams`), with its 201/202 success codes. */
export function tokenRoutes({ tokens, tokenSigningKey, verifyToken, now, throttle, organizations, lists }: TokenRoutesOptions): express.Router {
  const router = express.Router();
  const prefixes = ['/pat', '/access-token'];

  router.use(prefixes, authenticate(verifyToken));
  router.use(prefixes, jsonBody({ limit: '10kb', accepts: (req) => Boolean(req.is(['application/json', 'application/*+json'])) }));

  router
    .route('/pat/v1')
    .get(refuseTeamTokens, async (req, res) => {
      const { email } = callerOf(res);
      await lists.send(req, res, {
        key: JSON.stringify(['pat', email]),
        owners: [personalTokensOf(email)],
        status: 202,
        contentType: JSON_TYPE,
        build: () => tokens.listPats(email),
      });
    })
    .post(requireSignIn, async (req, res) => {
      const caller = callerOf(res);
      const request = parseBody(req, patRequestSchema);
      await admitGenerate(throttle, res, caller.email);
      const createdDate = now();
      const pat = await tokens.createPat({ id: randomUUID(), ...request, owner: caller, now: createdDate });
      const token = await personalTokenSecret(tokenSigningKey, caller, {
        id: pat.id,
        createdAt: createdDate,
        expiresAt: expiryOf(createdDate, { days: request.days, hours: 0, minutes: 0 }),
      });
      res.status(201).json({ token });
    })
    .all(methodNotAllowed('GET', 'POST'));

  router
    .route('/pat/v1/:id')
    .delete(refuseTeamTokens, async (req, res) => {
      const id = parseUuid(req.params.id);
      if (!(await tokens.deletePat(id, callerOf(res).email, now()))) {
        throw new ApiError(404, `You have no personal access token with id ${id}.`);
      }
      res.status(202).end();
    })
    .all(methodNotAllowed('DELETE'));

  // Before `/access-token/v1/teams/:id`, which would take `current-teams` for an id.
  router
    .route('/access-token/v1/teams/current-teams')
    .get((_req, res) => {
      res.status(202).json({ groups: callerOf(res).groups });
    })
    .all(methodNotAllowed('GET'));

  router.use('/access-token/v1/teams/permissions', permissionRoutes(organizations));

  router
    .route('/access-token/v1/teams')
    .get(async (req, res) => {
      const groups = [...new Set(callerOf(res).groups)].sort();
      await lists.send(req, res, {
        key: JSON.stringify(['team tokens', groups]),
        owners: groups.map(teamTokensOf),
        status: 202,
        contentType: JSON_TYPE,
        build: () => tokens.listTeamTokens(groups),
      });
    })
    .post(requireSignIn, async (req, res) => {
      const caller = callerOf(res);
      const request = parseBody(req, teamTokenRequestSchema);
      if (!caller.groups.includes(request.group)) {
        throw new ApiError(403, `You are not a member of ${request.group}, so you cannot generate its tokens.`);
      }
      await admitGenerate(throttle, res, caller.email);
      const createdDate = now();
      const group = await tokens.createTeamToken({ id: randomUUID(), ...request, email: caller.email, now: createdDate });
      const token = await teamTokenSecret(tokenSigningKey, caller, request.group, {
        id: group.id,
        createdAt: createdDate,
        expiresAt: expiryOf(createdDate, request),
      });
      res.status(201).json({ token });
    })
    .all(methodNotAllowed('GET', 'POST'));

  router
    .route('/access-token/v1/teams/:id')
    .delete(async (req, res) => {
      const id = parseUuid(req.params.id);
      const caller = callerOf(res);
      if (!(await tokens.deleteTeamToken(id, caller.groups, caller.email, now()))) {
        throw new ApiError(404, `None of your teams has a token with id ${id}.`);
      }
      res.status(202).end();
    })
    .all(methodNotAllowed('DELETE'));

  router.use(prefixes, (req, res) => {
    sendApiError(res, 404, `There is no ${req.method} ${req.originalUrl.split('?')[0]} in the token API.`);
  });
  router.use(prefixes, apiErrorHandler);
  return router;
}

/**
 * Validates a JSON body with the schema the UI's forms share. The first problem becomes the message; unknown
 * fields come first, since a misspelt field otherwise shows up as a missing one.
 */
function parseBody<Schema extends z.ZodType>(req: Request, schema: Schema): z.output<Schema> {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError(400, 'The request body must be a JSON object sent with Content-Type: application/json.');
  }
  const result = schema.safeParse(body);
  if (!result.success) {
    const { issues } = result.error;
    const issue = issues.find((candidate) => candidate.code === 'unrecognized_keys') ?? issues[0];
    throw new ApiError(400, issue?.message ?? 'The request body is not valid.');
  }
  return result.data;
}
