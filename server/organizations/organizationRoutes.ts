import express, { type ErrorRequestHandler, type RequestHandler, type Response } from 'express';
import { authenticate, type Caller } from '../auth/authentication';
import type { Database } from '../db/database';
import { ApiError, describeError } from '../http/apiError';
import { sendJsonApi, sendJsonApiError } from '../http/jsonApi';
import { parseUuid } from '../http/uuid';
import { teamPermissions } from './callerPermissions';
import { OrganizationRepository, type OrganizationRow, type TeamRow } from './organizationRepository';
import { isUnkeptRelationship, UNKEPT_ORGANIZATION_ATTRIBUTES } from './terrakubeOrganization';

const READ_ONLY =
  "The embedded server's organizations and teams are read-only: it keeps the ones its database was seeded with.";

const organizationResource = (row: OrganizationRow) => ({
  type: 'organization',
  id: row.id,
  attributes: { name: row.name, description: row.description, ...UNKEPT_ORGANIZATION_ATTRIBUTES },
});

const teamResource = (row: TeamRow) => ({
  type: 'team',
  id: row.id,
  attributes: { name: row.name, ...teamPermissions(row) },
});

/** Any write: 405, naming the methods there are. */
const readOnly: RequestHandler = (_req, res) => {
  res.set('Allow', 'GET, HEAD');
  sendError(res, 405, READ_ONLY);
};

function sendOk(res: Response, body: unknown): void {
  sendJsonApi(res, 200, body);
}

function sendError(res: Response, status: number, detail: string): void {
  sendJsonApiError(res, status, detail);
}

/** The read-only subset of Terrakube's JSON:API that the teams screens need, under `/api/v1/`. */
export function organizationRoutes(
  db: Database,
  verifyToken: (token: string) => Promise<Caller | undefined>,
): express.Router {
  const router = express.Router();

  router.use(authenticate(verifyToken));

  const organizations = new OrganizationRepository(db);

  async function findOrganization(orgId: string | string[] | undefined): Promise<OrganizationRow> {
    const id = parseUuid(orgId);
    const row = await organizations.findOrganizationById(id);
    if (!row) throw new ApiError(404, `There is no organization with id ${id}.`);
    return row;
  }

  router
    .route('/organization')
    .get(async (_req, res) => {
      sendOk(res, { data: (await organizations.listOrganizations()).rows.map(organizationResource) });
    })
    .all(readOnly);

  router
    .route('/organization/:orgId')
    .get(async (req, res) => {
      sendOk(res, { data: organizationResource(await findOrganization(req.params.orgId)) });
    })
    .all(readOnly);

  router
    .route('/organization/:orgId/team')
    .get(async (req, res) => {
      const organization = await findOrganization(req.params.orgId);
      sendOk(res, { data: (await organizations.listTeams(organization.id)).rows.map(teamResource) });
    })
    .all(readOnly);

  router
    .route('/organization/:orgId/team/:teamId')
    .get(async (req, res) => {
      const organization = await findOrganization(req.params.orgId);
      const teamId = parseUuid(req.params.teamId);
      const row = await organizations.findTeam(teamId, organization.id);
      if (!row) throw new ApiError(404, `Organization ${organization.name} has no team with id ${teamId}.`);
      sendOk(res, { data: teamResource(row) });
    })
    .all(readOnly);

  // Terrakube's other relationships (workspaces, tags, templates, …): the server keeps none, so each is empty.
  router
    .route('/organization/:orgId/:relationship')
    .get(async (req, res, next) => {
      if (!isUnkeptRelationship(req.params.relationship)) return next();
      await findOrganization(req.params.orgId);
      sendOk(res, { data: [] });
    })
    .all((req, res, next) => (isUnkeptRelationship(req.params.relationship) ? readOnly(req, res, next) : next()));

  router.all('/organization/:orgId/:relationship/:id', async (req, res, next) => {
    if (!isUnkeptRelationship(req.params.relationship)) return next();
    if (req.method !== 'GET' && req.method !== 'HEAD') return readOnly(req, res, next);
    const organization = await findOrganization(req.params.orgId);
    throw new ApiError(404, `Organization ${organization.name} has no ${req.params.relationship} with id ${req.params.id}.`);
  });

  router.use((req, res) => {
    sendError(res, 404, `There is no ${req.method} ${req.originalUrl.split('?')[0]} in this API.`);
  });
  const errorHandler: ErrorRequestHandler = (error, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const { status, message } = describeError(error);
    sendError(res, status, message);
  };
  router.use(errorHandler);
  return router;
}
