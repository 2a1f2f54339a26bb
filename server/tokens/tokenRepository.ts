import type { Database } from '../db/database';
import { expiryOf } from '../../contracts/tokenDuration';
import { formatTerrakubeDate } from './terrakubeDate';

/** Terrakube's `Pat` JSON. */
export interface Pat {
  id: string;
  days: number;
  description: string;
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

interface AuditRow {
  id: string;
  days: number;
  description: string;
  deleted: boolean;
  created_date: Date;
  created_by: string;
  updated_date: Date;
  updated_by: string;
}

interface TeamTokenRow extends AuditRow {
  hours: number;
  minutes: number;
  group_name: string;
}

const PAT_COLUMNS = 'id, days, description, deleted, created_date, created_by, updated_date, updated_by';
const TEAM_TOKEN_COLUMNS = `${PAT_COLUMNS}, hours, minutes, group_name`;

function toPat(row: AuditRow): Pat {
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

/** Personal and team tokens. Deleting is soft: the row stays, flagged, and stops authenticating. */
export class TokenRepository {
  constructor(private readonly db: Database) {}

  async createPat(pat: { id: string; days: number; description: string; email: string; now: Date }): Promise<Pat> {
    const [row] = await this.db.query<AuditRow>(
      `INSERT INTO pat (id, days, description, created_date, created_by, updated_date, updated_by)
       VALUES ($1, $2, $3, $4, $5, $4, $5) RETURNING ${PAT_COLUMNS}`,
      [pat.id, pat.days, pat.description, pat.now, pat.email],
    );
    return toPat(row!);
  }

  async listPats(email: string): Promise<Pat[]> {
    const rows = await this.db.query<AuditRow>(
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
    const [row] = await this.db.query<TeamTokenRow>(
      `INSERT INTO team_token (id, days, hours, minutes, group_name, description, created_date, created_by,
         updated_date, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $7, $8) RETURNING ${TEAM_TOKEN_COLUMNS}`,
      [token.id, token.days, token.hours, token.minutes, token.group, token.description, token.now, token.email],
    );
    return toGroup(row!);
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

  /** Which kind of issued token `id` is, when its row exists, is not deleted and has not expired at `now`. */
  async findActiveTokenKind(id: string, now: Date): Promise<IssuedTokenKind | undefined> {
    const rows = await this.db.query<{
      kind: IssuedTokenKind;
      deleted: boolean;
      created_date: Date;
      days: number;
      hours: number;
      minutes: number;
    }>(
      `SELECT 'personal' AS kind, deleted, created_date, days, 0 AS hours, 0 AS minutes FROM pat WHERE id = $1
       UNION ALL
       SELECT 'team' AS kind, deleted, created_date, days, hours, minutes FROM team_token WHERE id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row || row.deleted) return undefined;
    const expiry = expiryOf(row.created_date, row);
    return expiry === null || expiry.getTime() > now.getTime() ? row.kind : undefined;
  }
}
