import { isUuid } from '../http/uuid';

/**
 * HCP Terraform's ids, derived from ours so that no table maps them: a token is `at-<row uuid>`, a team
 * `team-<uuid>`. A user has no row (the identity provider keeps users), so a user id is `user-` and the email in
 * unpadded base64url: stable, reversible, and only the characters HCP Terraform's ids use. A team token acts as
 * the team's service user, `user-` and `team:<name>` encoded the same way, which no email can collide with.
 * Organizations are addressed by name, as in HCP Terraform.
 */
const TOKEN_PREFIX = 'at-';
const TEAM_PREFIX = 'team-';
const USER_PREFIX = 'user-';

export const tokenIdOf = (uuid: string): string => `${TOKEN_PREFIX}${uuid}`;
export const teamIdOf = (uuid: string): string => `${TEAM_PREFIX}${uuid}`;
export const userIdOf = (email: string): string => `${USER_PREFIX}${Buffer.from(email, 'utf8').toString('base64url')}`;
export const serviceUserIdOf = (team: string): string => userIdOf(`team:${team}`);

function uuidAfter(prefix: string, id: string): string | undefined {
  const rest = id.startsWith(prefix) ? id.slice(prefix.length) : undefined;
  return isUuid(rest) ? rest.toLowerCase() : undefined;
}

/** The row uuid of `at-<uuid>`, or undefined for anything else (which then names no token: 404). */
export const tokenUuidOf = (id: string): string | undefined => uuidAfter(TOKEN_PREFIX, id);
export const teamUuidOf = (id: string): string | undefined => uuidAfter(TEAM_PREFIX, id);

/** The email a user id encodes, or undefined when it is not one this server makes. */
export function emailOfUserId(id: string): string | undefined {
  if (!id.startsWith(USER_PREFIX)) return undefined;
  const encoded = id.slice(USER_PREFIX.length);
  const email = Buffer.from(encoded, 'base64url').toString('utf8');
  // Buffer skips characters outside the alphabet: only an exact round trip is an id we made.
  return encoded !== '' && userIdOf(email) === id ? email : undefined;
}
