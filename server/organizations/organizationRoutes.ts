import express, { type ErrorRequestHandler, type Response } from 'express';
import { authenticate, type Caller } from '../auth/authentication';
import type { Database } from '../db/database';
import { ApiError, describeError, reasonPhrase } from '../http/apiError';
import { parseUuid } from '../http/uuid';

const JSON_API = 'application/vnd.api+json';

interface OrganizationRow {
  id: string;
  name: string;
  description: string;
}

interface TeamRow {
  id: string;
  name: string;
  manage_state: boolean;
  manage_workspace: boolean;
  manage_module: boolean;
  manage_provider: boolean;
  manage_vcs: boolean;
  manage_template: boolean;
  manage_collection: boolean;
  manage_job: boolean;
}

const TEAM_COLUMNS = `id, name, manage_state, manage_workspace, manage_module, manage_provider, manage_vcs,
  manage_template, manage_collection, manage_job`;

const organizationResource = (row: OrganizationRow) => ({
  type: 'organization',
  id: row.id,
  attributes: { name: row.name, description: row.description },
});

const teamResource = (row: TeamRow) => ({
  type: 'team',
  id: row.id,
  attributes: {
    name: row.name,
    manageState: row.manage_state,
    manageWorkspace: row.manage_workspace,
    manageModule: row.manage_module,
    manageProvider: row.manage_provider,
    manageVcs: row.manage_vcs,
    manageTemplate: row.manage_template,
    manageCollection: row.manage_collection,
    manageJob: row.manage_job,
  },
});

function sendJsonApi(res: Response, body: unknown): void {
  res.status(200).type(JSON_API).send(JSON.stringify(body));
}

function sendJsonApiError(res: Response, status: number, detail: string): void {
  if (status === 401) res.set('WWW-Authenticate', 'Bearer');
  res
    .status(status)
    .type(JSON_API)
    .send(JSON.stringify({ errors: [{ status: String(status), title: reasonPhrase(status), detail }] }));
}

/** The read-only subset of Terrakube's JSON:API that the teams screens need, under `/api/v1/`. */
export function organizationRoutes(
  db: Database,
  verifyToken: (token: string) => Promise<Caller | undefined>,
): express.Router {
  const router = express.Router();

  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  router.use(authenticate(verifyToken));

  async function findOrganization(orgId: string | string[] | undefined): Promise<OrganizationRow> {
    const id = parseUuid(orgId);
    const [row] = await db.query<OrganizationRow>('SELECT id, name, description FROM organization WHERE id = $1', [id]);
    if (!row) throw new ApiError(404, `There is no organization with id ${id}.`);
    return row;
  }

  router.get('/organization', async (_req, res) => {
    const rows = await db.query<OrganizationRow>('SELECT id, name, description FROM organization ORDER BY name');
    sendJsonApi(res, { data: rows.map(organizationResource) });
  });

  router.get('/organization/:orgId', async (req, res) => {
    sendJsonApi(res, { data: organizationResource(await findOrganization(req.params.orgId)) });
  });

  router.get('/organization/:orgId/team', async (req, res) => {
    const organization = await findOrganization(req.params.orgId);
    const rows = await db.query<TeamRow>(
      `SELECT ${TEAM_COLUMNS} FROM team WHERE organization_id = $1 ORDER BY name`,
      [organization.id],
    );
    sendJsonApi(res, { data: rows.map(teamResource) });
  });

  router.get('/organization/:orgId/team/:teamId', async (req, res) => {
    const organization = await findOrganization(req.params.orgId);
    const teamId = parseUuid(req.params.teamId);
    const [row] = await db.query<TeamRow>(
      `SELECT ${TEAM_COLUMNS} FROM team WHERE organization_id = $1 AND id = $2`,
      [organization.id, teamId],
    );
    if (!row) throw new ApiError(404, `Organization ${organization.name} has no team with id ${teamId}.`);
    sendJsonApi(res, { data: teamResource(row) });
  });

  router.use((req, res) => {
    sendJsonApiError(res, 404, `There is no ${req.method} ${req.originalUrl.split('?')[0]} in this API.`);
  });
  const errorHandler: ErrorRequestHandler = (error, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const { status, message } = describeError(error);
    sendJsonApiError(res, status, message);
  };
  router.use(errorHandler);
  return router;
}
