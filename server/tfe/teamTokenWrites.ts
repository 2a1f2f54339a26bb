import { randomUUID } from 'node:crypto';
import type { TfeTeamTokens } from '../config';
import type { Database, Queryable } from '../db/database';
import type { TeamRow } from '../organizations/organizationRepository';
import { durationCovering } from '../tokens/durationCovering';
import { insertTeamToken, TEAM_TOKEN_COLUMNS, type TeamTokenRow } from '../tokens/tokenRows';
import { withTeamLock, type TfeTokenRow } from './tfeTokenRepository';

/**
 * Team-token writes of `/api/v2`, each one transaction under the team's lock: a description checked for
 * uniqueness stays unique, a replaced legacy token is revoked exactly when its successor exists, and a bulk
 * delete happens in full or not at all.
 */
export interface NewTeamToken {
  team: TeamRow;
  description: string | null;
  expiresAt: Date | null;
  email: string;
  now: Date;
}

function fromTeamTokenRow(row: TeamTokenRow, team: TeamRow): TfeTokenRow {
  const { id, description, created_date, created_by, expires_at, last_used_at, group_name } = row;
  return { id, kind: 'team', description, created_date, created_by, expires_at, last_used_at, group_name, team_id: team.id };
}

function insert(tx: Queryable, token: NewTeamToken): Promise<TeamTokenRow> {
  const { team, description, expiresAt, email, now } = token;
  const duration = durationCovering(now, expiresAt, 'minutes');
  return insertTeamToken(tx, { id: randomUUID(), ...duration, group: team.name, description, expiresAt, email, now });
}

/**
 * The live tokens that count as a team's legacy token: in single mode every token of the team (whichever surface
 * made it), in multiple mode only the ones without a description, as HCP Terraform keeps them apart.
 */
const LEGACY_TOKENS = (mode: TfeTeamTokens) =>
  `group_name = $1 AND NOT deleted${mode === 'multiple' ? ' AND description IS NULL' : ''}`;

const REVOKE = 'SET deleted = true, updated_date = $2, updated_by = $3';

/** Makes a described team token; `duplicate` when a live token of the team already has that description. */
export function createDescribedTeamToken(db: Database, token: NewTeamToken & { description: string }): Promise<TfeTokenRow | 'duplicate'> {
  return withTeamLock(db, token.team.name, async (tx) => {
    const taken = await tx.query(
      'SELECT 1 FROM team_token WHERE group_name = $1 AND description = $2 AND NOT deleted LIMIT 1',
      [token.team.name, token.description],
    );
    if (taken.length > 0) return 'duplicate';
    return fromTeamTokenRow(await insert(tx, token), token.team);
  });
}

/** Revokes the team's legacy token(s) and makes the new one, in one step. */
export function replaceLegacyTeamToken(db: Database, mode: TfeTeamTokens, token: Omit<NewTeamToken, 'description'>): Promise<TfeTokenRow> {
  return withTeamLock(db, token.team.name, async (tx) => {
    await tx.query(`UPDATE team_token ${REVOKE} WHERE ${LEGACY_TOKENS(mode)}`, [token.team.name, token.now, token.email]);
    return fromTeamTokenRow(await insert(tx, { ...token, description: null }), token.team);
  });
}

/** The team's legacy token: the newest, should the Terrakube surface have made more than one. */
export async function findLegacyTeamToken(db: Database, mode: TfeTeamTokens, team: TeamRow): Promise<TfeTokenRow | undefined> {
  const [row] = await db.query<TeamTokenRow>(
    `SELECT ${TEAM_TOKEN_COLUMNS} FROM team_token WHERE ${LEGACY_TOKENS(mode)} ORDER BY created_date DESC, id DESC LIMIT 1`,
    [team.name],
  );
  return row && fromTeamTokenRow(row, team);
}

/** Revokes the team's legacy token(s); false when it has none. */
export async function deleteLegacyTeamToken(db: Database, mode: TfeTeamTokens, team: TeamRow, email: string, now: Date): Promise<boolean> {
  return withTeamLock(db, team.name, async (tx) => {
    const rows = await tx.query(`UPDATE team_token ${REVOKE} WHERE ${LEGACY_TOKENS(mode)} RETURNING id`, [team.name, now, email]);
    return rows.length > 0;
  });
}

/** Thrown inside the transaction to roll a partial bulk delete back. */
class NotAllDeletable extends Error {
  constructor(readonly missing: string[]) {
    super('Not every token could be deleted.');
  }
}

/**
 * Revokes every listed token, all or nothing: each must be a live token of a team of the organization that is
 * among `groups`. Answers the ids that are not, when any is not (and then nothing is revoked).
 */
export async function deleteTeamTokens(
  db: Database,
  deletion: { organizationId: string; groups: string[]; ids: string[]; email: string; now: Date },
): Promise<{ missing: string[] }> {
  const { organizationId, groups, ids, email, now } = deletion;
  try {
    await db.transaction(async (tx) => {
      const deleted = await tx.query<{ id: string }>(
        `UPDATE team_token ${REVOKE}
         WHERE id = ANY($1::uuid[]) AND NOT deleted AND group_name = ANY($4::text[])
           AND group_name IN (SELECT name FROM team WHERE organization_id = $5)
         RETURNING id`,
        [ids, now, email, groups, organizationId],
      );
      const found = new Set(deleted.map((row) => row.id));
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length > 0) throw new NotAllDeletable(missing);
    });
    return { missing: [] };
  } catch (error) {
    if (error instanceof NotAllDeletable) return { missing: error.missing };
    throw error;
  }
}
