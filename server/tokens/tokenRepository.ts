import type { Database } from '../db/database';
import { expiryOf } from '../../contracts/tokenDuration';
import { formatTerrakubeDate } from './terrakubeDate';
import { insertPat, insertTeamToken, PAT_COLUMNS, TEAM_TOKEN_COLUMNS, type PatRow, type TeamTokenRow } from './tokenRows';

/** Terrakube's `Pat` JSON. */
export interface Pat {
  id: string;
  days: number;
  /** `null` for a token made without one through the HCP Terraform API. */
  description: string | null;
  deleted: boolean;
  createdDate: string;
  createdBy: string;
  updatedDate: string;
  updatedBy: string;
}

/** Terrakube's `Group` JSON: a team token. */
export interface Group extends Pat {
  hours: number;
  minutes: number;
  group: string;
}

function toPat(row: PatRow): Pat {
  return {
    id: row.id,
    days: row.days,
    description: row.description,
    deleted: row.deleted,
    createdDate: formatTerrakubeDate(row.created_date),
    createdBy: row.created_by,
    updatedDate: formatTerrakubeDate(row.updated_date),
    updatedBy: row.updated_by,
  };
}

function toGroup(row: TeamTokenRow): Group {
  const { id, days, description, deleted, createdDate, createdBy, updatedDate, updatedBy } = toPat(row);
  return {
    id,
    days,
    hours: row.hours,
    minutes: row.minutes,
    group: row.group_name,
    description,
    deleted,
    createdDate,
    createdBy,
    updatedDate,
    updatedBy,
  };
}

export type IssuedTokenKind = 'personal' | 'team';

export interface ActiveToken {
  kind: IssuedTokenKind;
  /** `null`: never expires. */
  expiresAt: Date | null;
}

/** Personal and team tokens. Deleting is soft: the row stays, flagged, and stops authenticating. */
export class TokenRepository {
  constructor(private readonly db: Database) {}

  async createPat(pat: { id: string; days: number; description: string; email: string; now: Date }): Promise<Pat> {
    const expiresAt = expiryOf(pat.now, { days: pat.days, hours: 0, minutes: 0 });
    return toPat(await insertPat(this.db, { ...pat, expiresAt }));
  }

  async listPats(email: string): Promise<Pat[]> {
    const rows = await this.db.query<PatRow>(
      `SELECT ${PAT_COLUMNS} FROM pat WHERE created_by = $1 AND NOT deleted ORDER BY created_date, id`,
      [email],
    );
    return rows.map(toPat);
  }

  /** Soft-deletes the caller's own token; false when there is no such live token of theirs. */
  async deletePat(id: string, email: string, now: Date): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE pat SET deleted = true, updated_date = $3, updated_by = $2
       WHERE id = $1 AND created_by = $2 AND NOT deleted RETURNING id`,
      [id, email, now],
    );
    return rows.length === 1;
  }

  async createTeamToken(token: {
    id: string;
    group: string;
    description: string;
    days: number;
    hours: number;
    minutes: number;
    email: string;
    now: Date;
  }): Promise<Group> {
    return toGroup(await insertTeamToken(this.db, { ...token, expiresAt: expiryOf(token.now, token) }));
  }

  async listTeamTokens(groups: string[]): Promise<Group[]> {
    const rows = await this.db.query<TeamTokenRow>(
      `SELECT ${TEAM_TOKEN_COLUMNS} FROM team_token
       WHERE group_name = ANY($1::text[]) AND NOT deleted ORDER BY created_date, id`,
      [groups],
    );
    return rows.map(toGroup);
  }

  /** Soft-deletes a token of one of the caller's teams; false when there is no such live token. */
  async deleteTeamToken(id: string, groups: string[], email: string, now: Date): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE team_token SET deleted = true, updated_date = $4, updated_by = $3
       WHERE id = $1 AND group_name = ANY($2::text[]) AND NOT deleted RETURNING id`,
      [id, groups, email, now],
    );
    return rows.length === 1;
  }

  /**
   * The kind and expiry of issued token `id`, when its row exists, is not deleted and has not expired at `now`.
   * `expires_at` decides, whichever surface made the token.
   */
  async findActiveToken(id: string, now: Date): Promise<ActiveToken | undefined> {
    const [row] = await this.db.query<{ kind: IssuedTokenKind; expires_at: Date | null }>(
      `SELECT 'personal' AS kind, expires_at FROM pat WHERE id = $1 AND NOT deleted
         AND (expires_at IS NULL OR expires_at > $2)
       UNION ALL
       SELECT 'team' AS kind, expires_at FROM team_token WHERE id = $1 AND NOT deleted
         AND (expires_at IS NULL OR expires_at > $2)`,
      [id, now],
    );
    return row ? { kind: row.kind, expiresAt: row.expires_at } : undefined;
  }
}
