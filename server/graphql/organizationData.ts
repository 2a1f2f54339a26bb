import type { OrganizationRepository, OrganizationRow, TeamRow } from '../organizations/organizationRepository';

/**
 * The organizations and teams one query reads, each list read once however often (and under however many
 * aliases) the query asks for it: a query costs at most one database read per organization, plus one.
 */
export class OrganizationData {
  private organizationList?: Promise<OrganizationRow[]>;
  private readonly teamLists = new Map<string, Promise<TeamRow[]>>();

  constructor(private readonly repository: OrganizationRepository) {}

  /** All organizations, by name: every signed-in caller sees them all, as on the JSON:API. */
  organizations(): Promise<OrganizationRow[]> {
    this.organizationList ??= this.repository.listOrganizations().then((page) => page.rows);
    return this.organizationList;
  }

  /** An organization's teams, by name. */
  teams(organizationId: string): Promise<TeamRow[]> {
    let teams = this.teamLists.get(organizationId);
    if (!teams) {
      teams = this.repository.listTeams(organizationId).then((page) => page.rows);
      this.teamLists.set(organizationId, teams);
    }
    return teams;
  }
}
