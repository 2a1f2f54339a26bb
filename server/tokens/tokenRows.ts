import type { Queryable } from '../db/database';

/**
 * Writing token rows, shared by the Terrakube and the HCP Terraform surfaces so that both write the same columns:
 * the Terrakube duration (`days`, `hours`, `minutes`) for the Terrakube JSON, and `expires_at`, the expiry that
 * authentication checks (NULL = never).
 */
interface NewTokenRow {
  id: string;
  days: number;
  description: string | null;
  expiresAt: Date | null;
  now: Date;
}

/** Who a personal token acts as, stored with it: authentication reads identity from the row, not the claims. */
export interface TokenOwner {
  email: string;
  name: string;
  groups: string[];
}

export interface NewPatRow extends NewTokenRow {
  owner: TokenOwner;
}

export interface NewTeamTokenRow extends NewTokenRow {
  /** Who made it; the token acts for `group`. */
  email: string;
  hours: number;
  minutes: number;
  group: string;
}

export const PAT_COLUMNS =
  'id, days, description, deleted, created_date, created_by, updated_date, updated_by, expires_at, last_used_at';
export const TEAM_TOKEN_COLUMNS = `${PAT_COLUMNS}, hours, minutes, group_name`;

export interface PatRow {
  id: string;
  days: number;
  description: string | null;
  deleted: boolean;
  created_date: Date;
  created_by: string;
  updated_date: Date;
  updated_by: string;
  expires_at: Date | null;
  /** When it last authenticated a request, to the minute; `null` = never. */
  last_used_at: Date | null;
}

export interface TeamTokenRow extends PatRow {
  hours: number;
  minutes: number;
  group_name: string;
}

export async function insertPat(db: Queryable, pat: NewPatRow): Promise<PatRow> {
  const [row] = await db.query<PatRow>(
    `INSERT INTO pat (id, days, description, expires_at, created_date, created_by, updated_date, updated_by, owner_name,
       owner_groups)
     VALUES ($1, $2, $3, $4, $5, $6, $5, $6, $7, $8::text[]) RETURNING ${PAT_COLUMNS}`,
    [pat.id, pat.days, pat.description, pat.expiresAt, pat.now, pat.owner.email, pat.owner.name, pat.owner.groups],
  );
  return row!;
}

export async function insertTeamToken(db: Queryable, token: NewTeamTokenRow): Promise<TeamTokenRow> {
  const [row] = await db.query<TeamTokenRow>(
    `INSERT INTO team_token (id, days, hours, minutes, group_name, description, expires_at, created_date, created_by,
       updated_date, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $8, $9) RETURNING ${TEAM_TOKEN_COLUMNS}`,
    [token.id, token.days, token.hours, token.minutes, token.group, token.description, token.expiresAt, token.now, token.email],
  );
  return row!;
}
