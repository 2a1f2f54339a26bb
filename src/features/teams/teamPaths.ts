/** The teams screens' routes, built in one place. */
export const ORGANIZATIONS_PATH = '/organizations';

export const teamsPath = (organizationId: string) => `${ORGANIZATIONS_PATH}/${encodeURIComponent(organizationId)}/settings/teams`;

export const teamPath = (organizationId: string, teamId: string) =>
  `${teamsPath(organizationId)}/${encodeURIComponent(teamId)}`;
