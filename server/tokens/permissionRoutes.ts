import express, { type Response } from 'express';
import { callerOf } from '../auth/authentication';
import { ApiError } from '../http/apiError';
import { parseUuid } from '../http/uuid';
import { callerPermissions } from '../organizations/callerPermissions';
import type { OrganizationRepository } from '../organizations/organizationRepository';
import { methodNotAllowed } from './methodNotAllowed';

/**
 * `/access-token/v1/teams/permissions/…`: what the caller may do in an organization, from the caller's groups
 * matched against its teams, answered 202 as Terrakube does. Terrakube adds a workspace's own access grants on
 * the workspace form; this server keeps no workspaces, so that form answers the organization's permissions once
 * the workspace id is a well-formed one, as Terrakube does for a workspace it does not find.
 */
export function permissionRoutes(organizations: OrganizationRepository): express.Router {
  const router = express.Router();

  async function sendPermissions(res: Response, organizationId: string | string[] | undefined): Promise<void> {
    const id = parseUuid(organizationId);
    const organization = await organizations.findOrganizationById(id);
    if (!organization) throw new ApiError(404, `There is no organization with id ${id}.`);
    res.status(202).json(callerPermissions(await organizations.findTeamsNamed(organization.id, callerOf(res).groups)));
  }

  router
    .route('/organization/:organizationId')
    .get(async (req, res) => {
      await sendPermissions(res, req.params.organizationId);
    })
    .all(methodNotAllowed('GET'));

  router
    .route('/organization/:organizationId/workspace/:workspaceId')
    .get(async (req, res) => {
      parseUuid(req.params.workspaceId);
      await sendPermissions(res, req.params.organizationId);
    })
    .all(methodNotAllowed('GET'));

  return router;
}
