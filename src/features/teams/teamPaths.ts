/** The teams screens' routes (DESIGN §2), built in one place. */
export const ORGANIZATIONS_PATH = '/organizations';

export const teamsPath = (organizationId: string) => `${ORGANIZATIONS_PATH}/${encodeURIComponent(organizationId)}/settings/teams`;

export const teamPath = (organizationId: string, teamId: string) =>
  `${teamsPath(organizationId)}/${encodeURIComponent(teamId)}`;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Terrakube's organization and team ids are UUIDs. Anything else in a URL names nothing, and asking the API about
 * it may get a 500 from a real Terrakube rather than a 404, so the screens show "not found" without asking.
 */
export const isTerrakubeId = (id: string) => UUID_PATTERN.test(id);
