import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../db/database';
import type { Page, PageWindow } from '../organizations/organizationRepository';
import { durationCovering } from '../tokens/durationCovering';
import { insertPat, type PatRow, type TokenOwner } from '../tokens/tokenRows';
import type { SortKey, TeamTokenQuery, TokenStatus } from './teamTokenListQuery';

/** A personal or team token as `/api/v2` shows it, read from the same tables as the Terrakube surface. */
export interface TfeTokenRow {
  id: string;
  kind: 'personal' | 'team';
  description: string | null;
  created_date: Date;
  created_by: string;
  expires_at: Date | null;
  /** When it last authenticated a request, to the minute; `null` = never. */
  last_used_at: Date | null;
  /** The team's name (its identity-provider group), for team tokens. */
  group_name: string | null;
  /** The uuid of the team the token belongs to, when a team has its group's name. */
  team_id: string | null;
}

/** Whose tokens a caller sees: their own personal ones (unless a team token calls) and their teams'. */
export interface TokenViewer {
  email: string;
  groups: string[];
  seesPersonalTokens: boolean;
}

/** The team a group's tokens show under: its name's team, in the first organization by name. */
const TEAM_OF_GROUP = `(SELECT team.id FROM team JOIN organization ON organization.id = team.organization_id
  WHERE team.name = token.group_name ORDER BY organization.name LIMIT 1)`;

const TOKENS = `(
  SELECT id, 'personal' AS kind, description, created_date, created_by, expires_at, last_used_at, NULL::text AS group_name,
    deleted
  FROM pat
  UNION ALL
  SELECT id, 'team' AS kind, description, created_date, created_by, expires_at, last_used_at, group_name, deleted
  FROM team_token
) AS token`;

const TOKEN_COLUMNS =
  'token.id, token.kind, token.description, token.created_date, token.created_by, token.expires_at, token.last_used_at, token.group_name';

/** Which live tokens a viewer sees: `$2` email, `$3` whether personal ones count, `$4` groups. */
const VISIBLE_TO_VIEWER = `NOT token.deleted AND (
  (token.kind = 'personal' AND token.created_by = $2 AND $3) OR (token.kind = 'team' AND token.group_name = ANY($4::text[])))`;

/** Each status as a condition on `token.expires_at` at `$now` (a placeholder); windows in hours, so DST never shifts them. */
const STATUS_CONDITIONS: Record<TokenStatus, string> = {
  active: '(token.expires_at IS NULL OR token.expires_at > $now)',
  expiring_in_7_days: "(token.expires_at > $now AND token.expires_at <= $now + interval '168 hours')",
  expiring_in_30_days: "(token.expires_at > $now AND token.expires_at <= $now + interval '720 hours')",
  expired: 'token.expires_at <= $now',
  no_expiration: 'token.expires_at IS NULL',
};

/**
 * What each sort orders by, ascending and descending. A token that never expires sorts as the latest expiry; one
 * never used as the longest unused: first when the least recent use comes first, last when the most recent does.
 */
const SORT_ORDERS: Record<SortKey, [ascending: string, descending: string]> = {
  'team-name': ['team.name ASC', 'team.name DESC'],
  'created-by': ['token.created_by ASC', 'token.created_by DESC'],
  'expired-at': ['token.expires_at ASC NULLS LAST', 'token.expires_at DESC NULLS FIRST'],
  'last-used-at': ['token.last_used_at ASC NULLS FIRST', 'token.last_used_at DESC NULLS LAST'],
};

export function fromPatRow(row: PatRow): TfeTokenRow {
  const { id, description, created_date, created_by, expires_at, last_used_at } = row;
  return { id, kind: 'personal', description, created_date, created_by, expires_at, last_used_at, group_name: null, team_id: null };
}

/** Reads and single-token writes of `/api/v2`; team-token writes that need a transaction are in teamTokenWrites. */
export class TfeTokenRepository {
  constructor(private readonly db: Database) {}

  async findVisibleToken(id: string, viewer: TokenViewer): Promise<TfeTokenRow | undefined> {
    const [row] = await this.db.query<TfeTokenRow>(
      `SELECT ${TOKEN_COLUMNS}, ${TEAM_OF_GROUP} AS team_id FROM ${TOKENS} WHERE token.id = $1 AND ${VISIBLE_TO_VIEWER}`,
      [id, viewer.email, viewer.seesPersonalTokens, viewer.groups],
    );
    return row;
  }

  /** Soft-deletes a token the viewer sees; false when there is none. */
  async deleteVisibleToken(id: string, viewer: TokenViewer, now: Date): Promise<boolean> {
    const deletePersonal = `UPDATE pat SET deleted = true, updated_date = $3, updated_by = $2
      WHERE id = $1 AND created_by = $2 AND NOT deleted RETURNING id`;
    const deleted = await this.db.transaction(async (tx) => [
      ...(viewer.seesPersonalTokens ? await tx.query(deletePersonal, [id, viewer.email, now]) : []),
      ...(await tx.query(
        `UPDATE team_token SET deleted = true, updated_date = $3, updated_by = $2
         WHERE id = $1 AND group_name = ANY($4::text[]) AND NOT deleted RETURNING id`,
        [id, viewer.email, now, viewer.groups],
      )),
    ]);
    return deleted.length > 0;
  }

  /** The user's live personal tokens, oldest first; every one without a window. */
  async listUserTokens(email: string, window?: PageWindow): Promise<Page<TfeTokenRow>> {
    const rows = await this.db.query<TfeTokenRow & { total_count: number }>(
      `SELECT ${TOKEN_COLUMNS}, NULL::uuid AS team_id, count(*) OVER ()::integer AS total_count FROM ${TOKENS}
       WHERE token.kind = 'personal' AND token.created_by = $1 AND NOT token.deleted
       ORDER BY token.created_date, token.id LIMIT $2 OFFSET $3`,
      [email, window?.limit ?? null, window?.offset ?? 0],
    );
    const totalCount = rows[0]?.total_count ?? (await this.countUserTokens(email));
    return { rows: rows.map(({ total_count: _count, ...row }) => row), totalCount };
  }

  private async countUserTokens(email: string): Promise<number> {
    const [row] = await this.db.query<{ count: number }>(
      'SELECT count(*)::integer AS count FROM pat WHERE created_by = $1 AND NOT deleted',
      [email],
    );
    return row?.count ?? 0;
  }

  async createUserToken(token: { description: string | null; expiresAt: Date | null; owner: TokenOwner; now: Date }): Promise<TfeTokenRow> {
    const { days } = durationCovering(token.now, token.expiresAt, 'days');
    return fromPatRow(await insertPat(this.db, { id: randomUUID(), days, ...token }));
  }

  /** Live tokens of the organization's teams that are among `groups`, narrowed, ordered and paged. */
  async listTeamTokens(
    organizationId: string,
    groups: string[],
    query: TeamTokenQuery,
    window: PageWindow,
    now: Date,
  ): Promise<Page<TfeTokenRow>> {
    const params: unknown[] = [];
    const param = (value: unknown, type: string) => {
      params.push(value);
      return `$${params.length}::${type}`;
    };
    const from = `${TOKENS} JOIN team ON team.name = token.group_name AND team.organization_id = ${param(organizationId, 'uuid')}`;
    const conditions = ['NOT token.deleted', `token.group_name = ANY(${param(groups, 'text[]')})`];
    if (query.search !== undefined) {
      const pattern = `%${query.search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
      conditions.push(`team.name ILIKE ${param(pattern, 'text')}`);
    }
    if (query.statuses.length > 0) {
      const any = query.statuses.map((status) => STATUS_CONDITIONS[status]).join(' OR ');
      // Only a condition that uses the clock gets it: PostgreSQL refuses a parameter that nothing uses.
      conditions.push(`(${any.includes('$now') ? any.replaceAll('$now', param(now, 'timestamptz')) : any})`);
    }
    const where = conditions.join(' AND ');
    const countParams = [...params];
    const order = [query.sort && SORT_ORDERS[query.sort.key][query.sort.descending ? 1 : 0], 'token.created_date', 'token.id'];
    const rows = await this.db.query<TfeTokenRow & { total_count: number }>(
      `SELECT ${TOKEN_COLUMNS}, team.id AS team_id, count(*) OVER ()::integer AS total_count FROM ${from} WHERE ${where}
       ORDER BY ${order.filter(Boolean).join(', ')} LIMIT ${param(window.limit, 'integer')} OFFSET ${param(window.offset, 'integer')}`,
      params,
    );
    const totalCount =
      rows[0]?.total_count ??
      (await this.db.query<{ count: number }>(`SELECT count(*)::integer AS count FROM ${from} WHERE ${where}`, countParams))[0]!.count;
    return { rows: rows.map(({ total_count: _count, ...row }) => row), totalCount };
  }
}

/** Runs `work` holding the lock of one team's tokens, so that checks and writes on them do not interleave. */
export async function withTeamLock<T>(db: Database, group: string, work: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('team-token:' || $1))", [group]);
    return work(tx);
  });
}
