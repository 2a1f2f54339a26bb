import express from 'express';
import { callerOf } from '../auth/authentication';
import { teamTokenAttributesSchema } from '../../contracts/tfeTokenRequests';
import { teamTokenSecret } from '../tokens/tokenSecrets';
import { admitGenerate, checkExpiry, checkMayGenerate, checkNotOutlivingCaller } from './generateRules';
import { firstPage, pageRequestOf, paginationOf, windowOf } from './pagination';
import { teamTokenQueryOf } from './teamTokenListQuery';
import { createDescribedTeamToken, deleteTeamTokens } from './teamTokenWrites';
import { findManagedTeam, findOrganization, requireJsonApiContentType, send, type TfeContext } from './tfeContext';
import { attributesOf, identifiersOf, invalidAttribute, parseAttributes } from './tfeDocuments';
import { methodNotAllowed, notFound } from './tfeErrors';
import { tokenUuidOf } from './tfeIds';
import { tokenResource } from './tfeResources';
import { teamTokensOf } from '../db/tokenListVersions';
import { JSON_API_TYPE } from '../tokens/keptTokenLists';

/** How many tokens one bulk delete may name. */
export const MAX_BULK_DELETE = 100;

/** Many described tokens per team, as current HCP Terraform has them; only served with TFE_TEAM_TOKENS=multiple. */
export function teamTokenRoutes(context: TfeContext): express.Router {
  const router = express.Router();

  router
    .route('/teams/:teamId/authentication-tokens')
    .post(requireJsonApiContentType, async (req, res) => {
      const caller = callerOf(res);
      const team = await findManagedTeam(context, caller, req.params.teamId);
      checkMayGenerate(caller, context.signIn);
      const attributes = parseAttributes(teamTokenAttributesSchema, attributesOf(req.body, ['authentication-tokens']));
      const now = context.now();
      const expiresAt = attributes['expired-at'];
      checkExpiry(expiresAt, now);
      checkNotOutlivingCaller(caller, expiresAt);
      const admission = await admitGenerate(context.throttle, res, caller);
      const row = await createDescribedTeamToken(context.db, { team, description: attributes.description, expiresAt, email: caller.email, now });
      if (row === 'duplicate') {
        // Found only under the team's lock, after the slot was taken: a refused request is not counted.
        await admission.withdraw();
        throw invalidAttribute('description', 'Description has already been taken');
      }
      const secret = await teamTokenSecret(context.tokenSigningKey, caller, team.name, { id: row.id, createdAt: now, expiresAt });
      send(res, 201, { data: tokenResource(row, secret) });
    })
    .all(methodNotAllowed('POST'));

  router
    .route('/organizations/:name/team-tokens')
    .get(async (req, res) => {
      const organization = await findOrganization(context, req.params.name);
      const query = teamTokenQueryOf(req);
      const page = pageRequestOf(req) ?? firstPage();
      const groups = [...new Set(callerOf(res).groups)].sort();
      await context.lists.send(req, res, {
        key: JSON.stringify(['v2 team tokens', organization.id, groups, req.originalUrl]),
        owners: groups.map(teamTokensOf),
        status: 200,
        contentType: JSON_API_TYPE,
        // Which tokens a status filter takes depends on the time of the request, not only on the tokens.
        keep: query.statuses.length === 0,
        build: async () => {
          const { rows, totalCount } = await context.tokens.listTeamTokens(organization.id, groups, query, windowOf(page), context.now());
          return { data: rows.map((row) => tokenResource(row)), ...paginationOf(context.publicUrl, req, page, totalCount) };
        },
      });
    })
    .delete(requireJsonApiContentType, async (req, res) => {
      const caller = callerOf(res);
      const organization = await findOrganization(context, req.params.name);
      const ids = identifiersOf(req.body, 'authentication-tokens', MAX_BULK_DELETE);
      const uuids = ids.map((id) => tokenUuidOf(id));
      const malformed = ids.filter((_id, index) => uuids[index] === undefined);
      const { missing } = malformed.length
        ? { missing: [] }
        : await deleteTeamTokens(context.db, {
            organizationId: organization.id,
            groups: caller.groups,
            ids: uuids as string[],
            email: caller.email,
            now: context.now(),
          });
      const notDeletable = [...malformed, ...missing.map((uuid) => ids[uuids.indexOf(uuid)]!)];
      if (notDeletable.length > 0) {
        throw notFound(
          `Nothing was deleted: ${notDeletable.join(', ')} ${notDeletable.length > 1 ? 'are not team tokens' : 'is not a team token'} of your teams in ${organization.name}.`,
        );
      }
      res.status(204).end();
    })
    .all(methodNotAllowed('GET', 'DELETE'));

  return router;
}
