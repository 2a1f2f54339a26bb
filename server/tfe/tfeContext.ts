import type { RequestHandler, Response } from 'express';
import type { Caller } from '../auth/authentication';
import type { TfeSignIn, TfeTeamTokens } from '../config';
import type { Database } from '../db/database';
import { hasJsonApiContentType, sendJsonApi } from '../http/jsonApi';
import type { OrganizationRepository, OrganizationRow, TeamRow } from '../organizations/organizationRepository';
import { teamUuidOf } from './tfeIds';
import { notFound, TfeError } from './tfeErrors';
import type { TfeTokenRepository, TokenViewer } from './tfeTokenRepository';
import type { Throttle } from '../throttle/throttle';
import type { KeptTokenLists } from '../tokens/keptTokenLists';

/** What the `/api/v2` routes share. */
export interface TfeContext {
  db: Database;
  tokens: TfeTokenRepository;
  organizations: OrganizationRepository;
  tokenSigningKey: Uint8Array;
  now: () => Date;
  /** Limits how many tokens one person generates. */
  throttle: Throttle;
  /** The origin pagination links start with. */
  publicUrl: string;
  teamTokens: TfeTeamTokens;
  signIn: TfeSignIn;
  /** Token lists kept until their tokens change, answered with ETags. */
  lists: KeptTokenLists;
}

export function send(res: Response, status: number, body: unknown): void {
  sendJsonApi(res, status, body);
}

/** HCP Terraform answers 415 to a POST, PATCH or DELETE (with a body or not) that is not JSON:API. */
export const requireJsonApiContentType: RequestHandler = (req, _res, next) => {
  if (!hasJsonApiContentType(req.get('content-type'))) {
    throw new TfeError(415, `${req.method} requests must be sent with Content-Type: application/vnd.api+json, even without a body.`);
  }
  next();
};

export function viewerOf(caller: Caller): TokenViewer {
  return { email: caller.email, groups: caller.groups, seesPersonalTokens: caller.credential !== 'team-token' };
}

const WITHOUT_CONTROL_CHARACTERS = /^\P{Cc}*$/u;

/** An organization by name; every signed-in user belongs to every organization, as on the Terrakube surface. */
export async function findOrganization(context: TfeContext, name: string | string[] | undefined): Promise<OrganizationRow> {
  const found =
    typeof name === 'string' && WITHOUT_CONTROL_CHARACTERS.test(name)
      ? await context.organizations.findOrganizationByName(name)
      : undefined;
  if (!found) throw notFound(`There is no organization named "${String(name)}".`);
  return found;
}

export async function findTeam(context: TfeContext, teamId: string | string[] | undefined): Promise<TeamRow> {
  const uuid = typeof teamId === 'string' ? teamUuidOf(teamId) : undefined;
  const team = uuid ? await context.organizations.findTeam(uuid) : undefined;
  if (!team) throw notFound(`There is no team with id "${String(teamId)}".`);
  return team;
}

/** A team whose tokens the caller may manage: one they are a member of. Any other is not found, as in HCP Terraform. */
export async function findManagedTeam(context: TfeContext, caller: Caller, teamId: string | string[] | undefined): Promise<TeamRow> {
  const team = await findTeam(context, teamId);
  if (!caller.groups.includes(team.name)) throw notFound(`There is no team with id "${String(teamId)}" among your teams.`);
  return team;
}
