import type { Database } from './database';
import { TOKEN_LIST_VERSION_STATEMENTS } from './tokenListVersions';

/**
 * The schema, as numbered steps applied once each and recorded in `schema_migrations`. The same steps run on
 * PGlite and on PostgreSQL. Never edit a released step: add a new one.
 */
const MIGRATIONS: { version: number; name: string; statements: string[] }[] = [
  {
    version: 1,
    name: 'token tables',
    statements: [
      `CREATE TABLE pat (
        id uuid PRIMARY KEY,
        days integer NOT NULL,
        description varchar(255) NOT NULL,
        deleted boolean NOT NULL DEFAULT false,
        created_date timestamptz NOT NULL,
        created_by text NOT NULL,
        updated_date timestamptz NOT NULL,
        updated_by text NOT NULL
      )`,
      'CREATE INDEX pat_created_by ON pat (created_by) WHERE NOT deleted',
      `CREATE TABLE team_token (
        id uuid PRIMARY KEY,
        days integer NOT NULL,
        hours integer NOT NULL,
        minutes integer NOT NULL,
        group_name text NOT NULL,
        description varchar(255) NOT NULL,
        deleted boolean NOT NULL DEFAULT false,
        created_date timestamptz NOT NULL,
        created_by text NOT NULL,
        updated_date timestamptz NOT NULL,
        updated_by text NOT NULL
      )`,
      'CREATE INDEX team_token_group_name ON team_token (group_name) WHERE NOT deleted',
    ],
  },
  {
    version: 2,
    name: 'organizations and teams',
    statements: [
      `CREATE TABLE organization (
        id uuid PRIMARY KEY,
        name text NOT NULL UNIQUE,
        description text NOT NULL
      )`,
      `CREATE TABLE team (
        id uuid PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES organization (id),
        name text NOT NULL,
        manage_state boolean NOT NULL,
        manage_workspace boolean NOT NULL,
        manage_module boolean NOT NULL,
        manage_provider boolean NOT NULL,
        manage_vcs boolean NOT NULL,
        manage_template boolean NOT NULL,
        manage_collection boolean NOT NULL,
        manage_job boolean NOT NULL,
        UNIQUE (organization_id, name)
      )`,
      `INSERT INTO organization (id, name, description) VALUES
        ('d9b58bd3-f3fc-4056-a026-1163297e80a8', 'simple', 'Sample organization with the demo teams')`,
      `INSERT INTO team (id, organization_id, name, manage_state, manage_workspace, manage_module, manage_provider,
          manage_vcs, manage_template, manage_collection, manage_job) VALUES
        ('58529721-425e-44d7-8b0d-1d515043c2f7', 'd9b58bd3-f3fc-4056-a026-1163297e80a8', 'TERRAKUBE_ADMIN',
          true, true, true, true, true, true, true, true),
        ('0f7a8c8e-3c1b-4f0e-9a65-6a2f4c9b1d10', 'd9b58bd3-f3fc-4056-a026-1163297e80a8', 'TERRAKUBE_DEVELOPERS',
          true, true, true, true, false, true, false, true),
        ('8b2f9f3c-6d1e-4a57-b0a4-3e5c7d9f2a61', 'd9b58bd3-f3fc-4056-a026-1163297e80a8', 'AZURE_DEVELOPERS',
          true, true, false, false, false, false, false, true),
        ('c3d4e5f6-7a8b-4c9d-8e0f-1a2b3c4d5e6f', 'd9b58bd3-f3fc-4056-a026-1163297e80a8', 'AWS_DEVELOPERS',
          true, true, false, false, false, false, false, true),
        ('1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6', 'd9b58bd3-f3fc-4056-a026-1163297e80a8', 'GCP_DEVELOPERS',
          true, true, false, false, false, false, false, true)`,
    ],
  },
  {
    version: 3,
    name: 'identity provider storage',
    statements: [
      // Everything oidc-provider persists (sessions, grants, codes, refresh tokens, interactions…).
      `CREATE TABLE oidc_payload (
        model text NOT NULL,
        id text NOT NULL,
        payload jsonb NOT NULL,
        grant_id text,
        user_code text,
        uid text,
        expires_at timestamptz,
        consumed_at timestamptz,
        PRIMARY KEY (model, id)
      )`,
      'CREATE INDEX oidc_payload_grant_id ON oidc_payload (grant_id)',
      'CREATE INDEX oidc_payload_uid ON oidc_payload (model, uid)',
      'CREATE INDEX oidc_payload_user_code ON oidc_payload (model, user_code)',
      // Keys generated once and kept, so a restart does not invalidate sessions and tokens.
      `CREATE TABLE server_secret (
        name text PRIMARY KEY,
        value jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
    ],
  },
  {
    version: 4,
    name: 'explicit token expiry',
    statements: [
      // HCP Terraform's API speaks of an expiry date, not a duration: keep the date, and make it the one that
      // authentication checks. Backfilled as the Terrakube rule has it: creation + the duration in fixed 24-hour
      // days (hours, not calendar days, so a DST change never shifts it); no duration = never (NULL).
      'ALTER TABLE pat ADD COLUMN expires_at timestamptz',
      `UPDATE pat SET expires_at = created_date + days * interval '24 hours' WHERE days > 0`,
      'ALTER TABLE team_token ADD COLUMN expires_at timestamptz',
      `UPDATE team_token
       SET expires_at = created_date + (days * 24 + hours) * interval '1 hour' + minutes * interval '1 minute'
       WHERE days > 0 OR hours > 0 OR minutes > 0`,
      // HCP Terraform's descriptions are optional, and its legacy team token is the one without a description.
      'ALTER TABLE pat ALTER COLUMN description DROP NOT NULL',
      'ALTER TABLE team_token ALTER COLUMN description DROP NOT NULL',
    ],
  },
  {
    version: 5,
    name: 'rate limits',
    statements: [
      // One row per limited key (a hashed account, address or person): when its count is back at zero. Kept in
      // the database so that every server process on it counts against the same limits.
      `CREATE TABLE rate_limit (
        scope text NOT NULL,
        key text NOT NULL,
        resets_at timestamptz NOT NULL,
        PRIMARY KEY (scope, key)
      )`,
      'CREATE INDEX rate_limit_resets_at ON rate_limit (resets_at)',
    ],
  },
  {
    version: 6,
    name: 'token owners and provider row expiry',
    statements: [
      // Who a personal token acts as, written when it is made: authentication takes identity from the row, so a
      // token re-signed with other claims cannot act as someone else.
      'ALTER TABLE pat ADD COLUMN owner_name text',
      'ALTER TABLE pat ADD COLUMN owner_groups text[]',
      // Existing tokens were signed with their maker's name and groups from the sign-in accounts of the time,
      // listed here as they were then (a snapshot: it must not follow later changes to the demo accounts). A token
      // of anyone else keeps NULL and acts as its email alone, in no team.
      `UPDATE pat SET owner_name = account.name, owner_groups = account.groups
       FROM (VALUES
         ('admin@example.com', 'Admin User', ARRAY['TERRAKUBE_ADMIN', 'TERRAKUBE_DEVELOPERS']),
         ('aws@example.com', 'AWS Developer', ARRAY['AWS_DEVELOPERS']),
         ('azure@example.com', 'Azure Developer', ARRAY['AZURE_DEVELOPERS']),
         ('gcp@example.com', 'GCP Developer', ARRAY['GCP_DEVELOPERS'])
       ) AS account (email, name, groups)
       WHERE pat.created_by = account.email`,
      // Expired provider rows are purged while the server runs.
      'CREATE INDEX oidc_payload_expires_at ON oidc_payload (expires_at)',
      // Signing out now ends every grant of the session; sessions from before said their grants outlive it.
      `UPDATE oidc_payload
       SET payload = jsonb_set(payload, '{authorizations}', (
         SELECT jsonb_object_agg(client.key, client.value - 'persistsLogout')
         FROM jsonb_each(payload -> 'authorizations') AS client))
       WHERE model = 'Session' AND jsonb_typeof(payload -> 'authorizations') = 'object'
         AND payload -> 'authorizations' <> '{}'::jsonb`,
    ],
  },
  {
    version: 7,
    name: 'token last use',
    statements: [
      // When an issued token last authenticated a request, to the minute; NULL = never (or not since this step).
      'ALTER TABLE pat ADD COLUMN last_used_at timestamptz',
      'ALTER TABLE team_token ADD COLUMN last_used_at timestamptz',
    ],
  },
  { version: 8, name: 'token list versions', statements: TOKEN_LIST_VERSION_STATEMENTS },
];

/** The newest schema version. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/**
 * Brings the schema up to date (or up to `targetVersion`, for tests of a migration). An advisory lock keeps two
 * servers starting on one database from racing.
 */
export async function migrate(db: Database, targetVersion = LATEST_SCHEMA_VERSION): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(727274)');
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const applied = new Set(
      (await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((row) => row.version),
    );
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version) || migration.version > targetVersion) continue;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    }
  });
}
