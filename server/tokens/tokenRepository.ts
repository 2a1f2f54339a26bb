import type { Database } from '../db/database';
import { expiryOf } from '../../contracts/tokenDuration';
import { formatTerrakubeDate } from './terrakubeDate';
import {
  insertPat,
  insertTeamToken,
  PAT_COLUMNS,
  TEAM_TOKEN_COLUMNS,
  type PatRow,
  type TeamTokenRow,
  type TokenOwner,
} from './tokenRows';

/** Terrakube's `Pat` JSON, as a real Terrakube sends it. */
export interface TerrakubePat {
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

/** A personal token as listed here: Terrakube's fields, then ours, when it last authenticated (to the minute). */
export interface Pat extends TerrakubePat {
  /** Terrakube's date format; `null` = never used. */
  lastUsedDate: string | null;
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
    lastUsedDate: row.last_used_at && formatTerrakubeDate(row.last_used_at),
  };
}

function toGroup(row: TeamTokenRow): Group {
  const { id, days, description, deleted, createdDate, createdBy, updatedDate, updatedBy, lastUsedDate } = toPat(row);
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
    lastUsedDate,
  };
}

export type IssuedTokenKind = 'personal' | 'team';

/** A live issued token and who it acts as, from its row: a token's claims are never trusted for identity. */
export interface ActiveToken {
  id: string;
  kind: IssuedTokenKind;
  /** `null`: never expires. */
  expiresAt: Date | null;
  /** The person who made it; a team token acts for its team but keeps its maker's email, as in Terrakube. */
  email: string;
  /** The maker's name for a personal token; `"<group> (Token)"` for a team token. */
  name: string;
  /** The maker's groups when the personal token was made; the one team of a team token. */
  groups: string[];
}

interface ActiveTokenRow {
  id: string;
  kind: IssuedTokenKind;
  expires_at: Date | null;
  created_by: string;
  owner_name: string | null;
  owner_groups: string[] | null;
  group_name: string | null;
}

function toActiveToken(row: ActiveTokenRow): ActiveToken {
  const common = { id: row.id, kind: row.kind, expiresAt: row.expires_at, email: row.created_by };
  if (row.kind === 'team') return { ...common, name: `${row.group_name} (Token)`, groups: [row.group_name!] };
  // A personal token of an owner the store has no name or groups for acts as that email alone, in no team.
  return { ...common, name: row.owner_name ?? row.created_by, groups: [...(row.owner_groups ?? [])] };
}

/** Personal and team tokens. Deleting is soft: the row stays, flagged, and stops authenticating. */
export class TokenRepository {
  constructor(private readonly db: Database) {}

  async createPat(pat: { id: string; days: number; description: string; owner: TokenOwner; now: Date }): Promise<Pat> {
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
   * Issued token `id` and who it acts as, when its row exists, is not deleted and has not expired at `now`.
   * `expires_at` decides, whichever surface made the token. One query, a primary-key lookup in each table, kept
   * until the next write where only this process writes (a deletion is one).
   */
  async findActiveToken(id: string, now: Date): Promise<ActiveToken | undefined> {
    const rows = await this.db.keptUntilWrite(`issued token ${id}`, () =>
      this.db.query<ActiveTokenRow>(
        `SELECT id, 'personal' AS kind, expires_at, created_by, owner_name, owner_groups, NULL::text AS group_name
         FROM pat WHERE id = $1 AND NOT deleted
         UNION ALL
         SELECT id, 'team' AS kind, expires_at, created_by, NULL::text, NULL::text[], group_name
         FROM team_token WHERE id = $1 AND NOT deleted`,
        [id],
      ),
    );
    const row = rows.find(({ expires_at: expiresAt }) => expiresAt === null || expiresAt > now);
    return row && toActiveToken(row);
  }

  /**
   * Records `now` as the last use of live token `id` unless it was recorded after `since`; false when it was not
   * written. A row another transaction holds (being revoked, or recorded by another server) is skipped, not waited for.
   */
  async recordUse(kind: IssuedTokenKind, id: string, now: Date, since: Date): Promise<boolean> {
    const table = kind === 'team' ? 'team_token' : 'pat';
    const rows = await this.db.query(
      `UPDATE ${table} SET last_used_at = $2
       WHERE id = (SELECT id FROM ${table} WHERE id = $1 AND NOT deleted AND (last_used_at IS NULL OR last_used_at <= $3)
         FOR UPDATE SKIP LOCKED)
       RETURNING id`,
      [id, now, since],
    );
    return rows.length === 1;
  }
}
