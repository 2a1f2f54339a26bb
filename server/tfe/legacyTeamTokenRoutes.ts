import express from 'express';
import { callerOf } from '../auth/authentication';
import { legacyTeamTokenAttributesSchema } from '../../contracts/tfeTokenRequests';
import { teamTokenSecret } from '../tokens/tokenSecrets';
import { admitGenerate, checkExpiry, checkMayGenerate, checkNotOutlivingCaller } from './generateRules';
import { deleteLegacyTeamToken, findLegacyTeamToken, replaceLegacyTeamToken } from './teamTokenWrites';
import { findManagedTeam, requireJsonApiContentType, send, type TfeContext } from './tfeContext';
import { attributesOf, parseAttributes } from './tfeDocuments';
import { methodNotAllowed, notFound } from './tfeErrors';
import { tokenResource } from './tfeResources';

/**
 * The legacy one token per team (`/teams/:id/authentication-token`), served in both modes as HCP Terraform still
 * does. With TFE_TEAM_TOKENS=single it is every token of the team; with multiple, the one without a description.
 */
export function legacyTeamTokenRoutes(context: TfeContext): express.Router {
  const router = express.Router();
  const mode = context.teamTokens;

  router
    .route('/teams/:teamId/authentication-token')
    .get(async (req, res) => {
      const team = await findManagedTeam(context, callerOf(res), req.params.teamId);
      const row = await findLegacyTeamToken(context.db, mode, team);
      if (!row) throw notFound(`Team ${team.name} has no team token.`);
      send(res, 200, { data: tokenResource(row) });
    })
    .post(requireJsonApiContentType, async (req, res) => {
      const caller = callerOf(res);
      const team = await findManagedTeam(context, caller, req.params.teamId);
      checkMayGenerate(caller, context.signIn);
      // The docs name the type in the singular; the resource that comes back is plural. Take either.
      const body = attributesOf(req.body, ['authentication-token', 'authentication-tokens']);
      const attributes = parseAttributes(legacyTeamTokenAttributesSchema, body);
      const now = context.now();
      const expiresAt = attributes['expired-at'];
      checkExpiry(expiresAt, now);
      checkNotOutlivingCaller(caller, expiresAt);
      await admitGenerate(context.throttle, res, caller);
      const row = await replaceLegacyTeamToken(context.db, mode, { team, expiresAt, email: caller.email, now });
      const secret = await teamTokenSecret(context.tokenSigningKey, caller, team.name, { id: row.id, createdAt: now, expiresAt });
      send(res, 201, { data: tokenResource(row, secret) });
    })
    .delete(requireJsonApiContentType, async (req, res) => {
      const caller = callerOf(res);
      const team = await findManagedTeam(context, caller, req.params.teamId);
      if (!(await deleteLegacyTeamToken(context.db, mode, team, caller.email, context.now()))) {
        throw notFound(`Team ${team.name} has no team token.`);
      }
      res.status(204).end();
    })
    .all(methodNotAllowed('GET', 'POST', 'DELETE'));

  return router;
}
