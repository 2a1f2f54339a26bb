import { ApiError } from '../ApiError';
import type { ApiToken, CreatedToken, Organization, Team, TeamToken } from '../tokenApi';
import {
  isoDateOf,
  isRecord,
  relationshipRef,
  resourceOf,
  textOf,
  UNUSABLE_ANSWER_STATUS,
  unexpectedAnswer,
  type Resource,
} from './jsonApi';
import { teamPermissionsOf } from './teamPermissions';

/** HCP Terraform's resources as the port's types. */

/** The signed-in account (`GET account/details`). */
export interface Me {
  id: string;
  username: string;
}

export function toMe(body: unknown): Me {
  const resource = resourceOf(body, 'your account');
  return { id: resource.id, username: textOf(resource.attributes.username) };
}

/** Display names of whoever may have made a token (users, teams, organizations), keyed `type:id`. */
export type CreatorNames = ReadonlyMap<string, string>;

const creatorKey = (type: string, id: string) => `${type}:${id}`;

/**
 * A token's `created-by` is only a reference. Names come from resources the answer side-loaded (`included`) and
 * from the signed-in account, who made most of the tokens a person sees.
 */
export function creatorNamesOf(included: Resource[], me?: Me): CreatorNames {
  const names = new Map<string, string>();
  for (const resource of included) {
    const name = textOf(resource.attributes.username) || textOf(resource.attributes.name);
    if (name) names.set(creatorKey(resource.type, resource.id), name);
  }
  if (me?.username) names.set(creatorKey('users', me.id), me.username);
  return names;
}

export function toApiToken(resource: Resource, creators: CreatorNames): ApiToken {
  const { attributes } = resource;
  const creator = relationshipRef(resource, 'created-by');
  return {
    id: resource.id,
    description: textOf(attributes.description),
    createdAt: isoDateOf(attributes['created-at']),
    createdBy: (creator && creators.get(creatorKey(creator.type, creator.id))) ?? null,
    // HCP Terraform sends `null` for "never"; the port has no way to say "unreadable", which is as good as absent.
    expiresAt: isoDateOf(attributes['expired-at']),
    // Absent: this release does not say; `null`: never used.
    ...('last-used-at' in attributes ? { lastUsedAt: isoDateOf(attributes['last-used-at']) } : {}),
  };
}

/** A team token; `undefined` when it names no team, as it then belongs on no team's screen. */
export function toTeamToken(resource: Resource, creators: CreatorNames, teamId?: string): TeamToken | undefined {
  const team = relationshipRef(resource, 'team')?.id ?? teamId;
  return team === undefined ? undefined : { ...toApiToken(resource, creators), teamId: team };
}

export function toOrganization(resource: Resource): Organization {
  const name = textOf(resource.attributes.name) || resource.id;
  return { id: resource.id, name, description: textOf(resource.attributes.email) };
}

export function toTeam(resource: Resource, organizationId: string): Team {
  const { attributes } = resource;
  const permissions = isRecord(attributes.permissions) ? attributes.permissions : {};
  return {
    id: resource.id,
    organizationId: relationshipRef(resource, 'organization')?.id ?? organizationId,
    name: textOf(attributes.name),
    canManageTokens: permissions['can-update-api-token'] === true,
    permissions: teamPermissionsOf(attributes['organization-access']),
  };
}

// A success without a secret: nothing to show, and a token may have been made all the same.
const noSecret = () =>
  new ApiError(
    UNUSABLE_ANSWER_STATUS,
    'The server answered without the new token, so it cannot be shown. ' +
      'If it appears in the list, delete it, then generate another.',
  );

/** The answer to a generate: the secret, kept opaque, and the expiry the server gave the token. */
export function toCreatedToken(body: unknown, what: string): CreatedToken {
  const { attributes } = resourceOf(body, what);
  if (typeof attributes.token !== 'string' && attributes.token !== null && attributes.token !== undefined) {
    throw unexpectedAnswer(what);
  }
  if (typeof attributes.token !== 'string' || attributes.token.trim() === '') throw noSecret();
  const created: CreatedToken = { secret: attributes.token };
  // Older Terraform Enterprise releases have no expiry at all and leave the attribute out: then it does not say.
  if ('expired-at' in attributes) created.expiresAt = isoDateOf(attributes['expired-at']);
  return created;
}

/** A new token's `expired-at`: `null` is sent for "never", as leaving it out may mean a default expiry. */
export function expiredAtAttribute(expiresAt: Date | null): string | null {
  if (expiresAt === null) return null;
  if (Number.isNaN(expiresAt.getTime())) {
    throw new ApiError(400, 'The expiry is not a valid date.', { field: 'expiresAt' });
  }
  return expiresAt.toISOString();
}
