import type { Database } from './database';

/**
 * Schema step 8: a version per token owner (`user:<email>` for a person's personal tokens, `team:<group>` for a
 * team's), raised by the database itself on every insert, update or delete of that owner's rows, whichever server
 * process (or release) wrote them. A kept token list is valid while its owners' versions are unchanged. A change
 * to a team row raises its name's version too: `/api/v2` lists a group's tokens only where a team of the
 * organization has its name, and shows that team's id.
 *
 * Statement-level triggers raise each owner once per statement, in order of the owner's name, so that two
 * statements touching several owners (a bulk delete across teams) take the version rows' locks in one order and
 * cannot deadlock. A statement that changes no row (a last use recorded within the minute) raises nothing.
 */
export const TOKEN_LIST_VERSION_STATEMENTS = [
  `CREATE TABLE token_list_version (
    owner text PRIMARY KEY,
    version bigint NOT NULL
  )`,
  `CREATE FUNCTION raise_token_list_versions(owners text[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO token_list_version AS kept (owner, version)
    SELECT DISTINCT owner, 1 FROM unnest(owners) AS owner ORDER BY owner
    ON CONFLICT (owner) DO UPDATE SET version = kept.version + 1
  $$`,
  ...(
    [
      ['pat', `'user:' || created_by`],
      ['team_token', `'team:' || group_name`],
      ['team', `'team:' || name`],
    ] as const
  ).flatMap(([table, owner]) => [
    `CREATE FUNCTION ${table}_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        PERFORM raise_token_list_versions(ARRAY(SELECT ${owner} FROM new_rows));
      ELSIF TG_OP = 'DELETE' THEN
        PERFORM raise_token_list_versions(ARRAY(SELECT ${owner} FROM old_rows));
      ELSE
        PERFORM raise_token_list_versions(ARRAY(SELECT ${owner} FROM old_rows UNION SELECT ${owner} FROM new_rows));
      END IF;
      RETURN NULL;
    END
    $$`,
    // One trigger per event: PostgreSQL allows transition tables only on single-event triggers.
    `CREATE TRIGGER ${table}_inserted AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION ${table}_changed()`,
    `CREATE TRIGGER ${table}_updated AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION ${table}_changed()`,
    `CREATE TRIGGER ${table}_deleted AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION ${table}_changed()`,
  ]),
];

export const personalTokensOf = (email: string): string => `user:${email}`;
export const teamTokensOf = (group: string): string => `team:${group}`;

/**
 * The current versions of `owners`' token lists as one string (an owner never written is at 0). Read before the
 * rows a kept list is built from, so that a list is never labelled newer than what it holds.
 */
export async function tokenListStamp(db: Database, owners: readonly string[]): Promise<string> {
  const sorted = [...new Set(owners)].sort();
  if (sorted.length === 0) return '';
  const rows = await db.keptUntilWrite(`token list versions ${JSON.stringify(sorted)}`, () =>
    db.query<{ owner: string; version: string }>(
      'SELECT owner, version::text AS version FROM token_list_version WHERE owner = ANY($1::text[])',
      [sorted],
    ),
  );
  const versions = new Map(rows.map((row) => [row.owner, row.version]));
  return sorted.map((owner) => `${versions.get(owner) ?? '0'}`).join('.');
}
