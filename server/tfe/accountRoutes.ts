import express from 'express';
import { callerOf } from '../auth/authentication';
import { firstPage, pageRequestOf, paginationOf, windowOf } from './pagination';
import { findOrganization, findTeam, send, type TfeContext } from './tfeContext';
import { methodNotAllowed } from './tfeErrors';
import { organizationResource, teamResource, userResource } from './tfeResources';

/** Who is calling, the organizations, and their teams: read-only, as the token screens need them. */
export function accountRoutes(context: TfeContext): express.Router {
  const router = express.Router();

  router
    .route('/account/details')
    .get((_req, res) => {
      send(res, 200, { data: userResource(callerOf(res)) });
    })
    .all(methodNotAllowed('GET'));

  router
    .route('/organizations')
    .get(async (req, res) => {
      const page = pageRequestOf(req) ?? firstPage();
      const { rows, totalCount } = await context.organizations.listOrganizations(windowOf(page));
      send(res, 200, { data: rows.map(organizationResource), ...paginationOf(context.publicUrl, req, page, totalCount) });
    })
    .all(methodNotAllowed('GET'));

  router
    .route('/organizations/:name')
    .get(async (req, res) => {
      send(res, 200, { data: organizationResource(await findOrganization(context, req.params.name)) });
    })
    .all(methodNotAllowed('GET'));

  router
    .route('/organizations/:name/teams')
    .get(async (req, res) => {
      const organization = await findOrganization(context, req.params.name);
      const page = pageRequestOf(req) ?? firstPage();
      const { rows, totalCount } = await context.organizations.listTeams(organization.id, windowOf(page));
      const caller = callerOf(res);
      send(res, 200, {
        data: rows.map((team) => teamResource(team, caller)),
        ...paginationOf(context.publicUrl, req, page, totalCount),
      });
    })
    .all(methodNotAllowed('GET'));

  router
    .route('/teams/:teamId')
    .get(async (req, res) => {
      send(res, 200, { data: teamResource(await findTeam(context, req.params.teamId), callerOf(res)) });
    })
    .all(methodNotAllowed('GET'));

  return router;
}
