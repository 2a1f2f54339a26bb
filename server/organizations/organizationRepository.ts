import type { Queryable } from '../db/database';

export interface OrganizationRow {
  id: string;
  name: string;
  description: string;
}

/** A team and its Terrakube permissions. Its name is the identity-provider group its members are in. */
export interface TeamRow {
  id: string;
  organization_id: string;
  /** The name of the team's organization (HCP Terraform addresses organizations by name). */
  organization_name: string;
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

const TEAM_COLUMNS = `team.id, team.organization_id, organization.name AS organization_name, team.name,
  manage_state, manage_workspace, manage_module, manage_provider, manage_vcs, manage_template, manage_collection,
  manage_job`;
const TEAMS = 'team JOIN organization ON organization.id = team.organization_id';

/** One page of a list, and how many there are in all. */
export interface Page<Row> {
  rows: Row[];
  totalCount: number;
}

export interface PageWindow {
  limit: number;
  offset: number;
}

/** Organizations and their teams, read-only: they are seeded by the migrations. */
export class OrganizationRepository {
  constructor(private readonly db: Queryable) {}

  async listOrganizations(window?: PageWindow): Promise<Page<OrganizationRow>> {
    const rows = await this.db.query<OrganizationRow & { total_count: number }>(
      `SELECT id, name, description, count(*) OVER ()::integer AS total_count FROM organization
       ORDER BY name LIMIT $1 OFFSET $2`,
      [window?.limit ?? null, window?.offset ?? 0],
    );
    return pageOf(rows, () => this.db.query<{ count: number }>('SELECT count(*)::integer AS count FROM organization'));
  }

  async findOrganizationById(id: string): Promise<OrganizationRow | undefined> {
    const [row] = await this.db.query<OrganizationRow>('SELECT id, name, description FROM organization WHERE id = $1', [id]);
    return row;
  }

  async findOrganizationByName(name: string): Promise<OrganizationRow | undefined> {
    const [row] = await this.db.query<OrganizationRow>('SELECT id, name, description FROM organization WHERE name = $1', [name]);
    return row;
  }

  async listTeams(organizationId: string, window?: PageWindow): Promise<Page<TeamRow>> {
    const rows = await this.db.query<TeamRow & { total_count: number }>(
      `SELECT ${TEAM_COLUMNS}, count(*) OVER ()::integer AS total_count FROM ${TEAMS}
       WHERE team.organization_id = $1 ORDER BY team.name, team.id LIMIT $2 OFFSET $3`,
      [organizationId, window?.limit ?? null, window?.offset ?? 0],
    );
    return pageOf(rows, () =>
      this.db.query<{ count: number }>('SELECT count(*)::integer AS count FROM team WHERE organization_id = $1', [organizationId]),
    );
  }

  /** The organization's teams whose names are among `names` (a caller's identity-provider groups). */
  async findTeamsNamed(organizationId: string, names: readonly string[]): Promise<TeamRow[]> {
    return this.db.query<TeamRow>(
      `SELECT ${TEAM_COLUMNS} FROM ${TEAMS} WHERE team.organization_id = $1 AND team.name = ANY($2::text[])
       ORDER BY team.name`,
      [organizationId, [...names]],
    );
  }

  /** A team by id, in `organizationId` when given. */
  async findTeam(teamId: string, organizationId?: string): Promise<TeamRow | undefined> {
    const [row] = await this.db.query<TeamRow>(
      `SELECT ${TEAM_COLUMNS} FROM ${TEAMS} WHERE team.id = $1 AND ($2::uuid IS NULL OR team.organization_id = $2)`,
      [teamId, organizationId ?? null],
    );
    return row;
  }
}

/** A window function counts the rows on a page; a page past the end has none, so count separately then. */
async function pageOf<Row extends { total_count: number }>(
  rows: Row[],
  count: () => Promise<{ count: number }[]>,
): Promise<Page<Omit<Row, 'total_count'>>> {
  const totalCount = rows[0]?.total_count ?? (await count())[0]?.count ?? 0;
  return { rows: rows.map(({ total_count: _total, ...row }) => row), totalCount };
}
