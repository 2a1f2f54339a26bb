import express from 'express';
import { callerOf, type Caller } from '../auth/authentication';
import { userTokenAttributesSchema } from '../../contracts/tfeTokenRequests';
import { personalTokenSecret } from '../tokens/tokenSecrets';
import { admitGenerate, checkExpiry, checkMayGenerate, checkNotOutlivingCaller } from './generateRules';
import { pageRequestOf, paginationOf, windowOf } from './pagination';
import { requireJsonApiContentType, send, viewerOf, type TfeContext } from './tfeContext';
import { attributesOf, parseAttributes } from './tfeDocuments';
import { methodNotAllowed, notFound } from './tfeErrors';
import { emailOfUserId, tokenUuidOf } from './tfeIds';
import { tokenResource } from './tfeResources';
import { personalTokensOf } from '../db/tokenListVersions';
import { JSON_API_TYPE } from '../tokens/keptTokenLists';

/** The caller's own user, by id; anyone else's (and, for a team token, every user) is not found. */
function requireOwnUser(caller: Caller, userId: string | string[] | undefined): void {
  const isOwn = typeof userId === 'string' && caller.credential !== 'team-token' && emailOfUserId(userId) === caller.email;
  if (!isOwn) throw notFound(`There is no user with id "${String(userId)}" whose tokens you can see.`);
}

/** Personal tokens (`/users/:id/authentication-tokens`) and any token by id (`/authentication-tokens/:id`). */
export function userTokenRoutes(context: TfeContext): express.Router {
  const router = express.Router();

  router
    .route('/users/:userId/authentication-tokens')
    .get(async (req, res) => {
      const caller = callerOf(res);
      requireOwnUser(caller, req.params.userId);
      // Unpaginated unless a page is asked for, as in HCP Terraform.
      const page = pageRequestOf(req);
      await context.lists.send(req, res, {
        key: JSON.stringify(['v2 user tokens', caller.email, req.originalUrl]),
        owners: [personalTokensOf(caller.email)],
        status: 200,
        contentType: JSON_API_TYPE,
        build: async () => {
          const { rows, totalCount } = await context.tokens.listUserTokens(caller.email, page && windowOf(page));
          const data = rows.map((row) => tokenResource(row));
          return page ? { data, ...paginationOf(context.publicUrl, req, page, totalCount) } : { data };
        },
      });
    })
    .post(requireJsonApiContentType, async (req, res) => {
      const caller = callerOf(res);
      requireOwnUser(caller, req.params.userId);
      checkMayGenerate(caller, context.signIn);
      const attributes = parseAttributes(userTokenAttributesSchema, attributesOf(req.body, ['authentication-tokens']));
      const now = context.now();
      const expiresAt = attributes['expired-at'];
      checkExpiry(expiresAt, now);
      checkNotOutlivingCaller(caller, expiresAt);
      await admitGenerate(context.throttle, res, caller);
      const row = await context.tokens.createUserToken({ description: attributes.description, expiresAt, owner: caller, now });
      const secret = await personalTokenSecret(context.tokenSigningKey, caller, { id: row.id, createdAt: now, expiresAt });
      send(res, 201, { data: tokenResource(row, secret) });
    })
    .all(methodNotAllowed('GET', 'POST'));

  router
    .route('/authentication-tokens/:tokenId')
    .get(async (req, res) => {
      const uuid = tokenUuidOf(req.params.tokenId);
      const row = uuid && (await context.tokens.findVisibleToken(uuid, viewerOf(callerOf(res))));
      if (!row) throw notFound(`There is no authentication token "${req.params.tokenId}" that you can see.`);
      send(res, 200, { data: tokenResource(row) });
    })
    .delete(requireJsonApiContentType, async (req, res) => {
      const uuid = tokenUuidOf(req.params.tokenId);
      const deleted = uuid && (await context.tokens.deleteVisibleToken(uuid, viewerOf(callerOf(res)), context.now()));
      if (!deleted) throw notFound(`There is no authentication token "${req.params.tokenId}" that you can delete.`);
      res.status(204).end();
    })
    .all(methodNotAllowed('GET', 'DELETE'));

  return router;
}
