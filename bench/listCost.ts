/**
 * Where the time of one large token list goes, step by step, in this process: `npx tsx bench/listCost.ts`.
 * Opens a fresh PGlite database (as `npm start` does), puts 10,000 personal tokens of one person in it, and times
 * the query, the row mapping, JSON.stringify, hashing for an ETag and each compression level, each the median of
 * several runs. Then starts the server on that database and times a request's authentication alone.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { startServer } from '../server/app';
import { openDatabase } from '../server/db/openDatabase';
import { signIn } from '../server/test/signIn';
import { testConfig } from '../server/test/testServer';
import { TfeTokenRepository } from '../server/tfe/tfeTokenRepository';
import { TokenRepository } from '../server/tokens/tokenRepository';
import { PAT_COLUMNS } from '../server/tokens/tokenRows';
import { median } from '../e2e/measurements';

const TOKENS = 10_000;
const OWNER = 'gcp@example.com';
const RUNS = 7;

async function timeOf<T>(work: () => T | Promise<T>, runs = RUNS): Promise<{ ms: number; result: T }> {
  const times: number[] = [];
  let result!: T;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    result = await work();
    times.push(performance.now() - started);
  }
  return { ms: median(times), result };
}

const root = await mkdtemp(join(tmpdir(), 'token-settings-list-cost-'));
const lines: string[] = [];
const row = (step: string, ms: number, note = '') => lines.push(`  ${step.padEnd(44)} ${`${ms.toFixed(1)} ms`.padStart(10)}  ${note}`);
try {
  const storage = { dataDir: join(root, 'data'), staticDir: join(root, 'dist'), databaseUrl: undefined, cleanup: async () => {} };
  const db = await openDatabase(storage);
  // The same rows the bench seeds through the API: descriptions, lifetimes of 30, 7, 90 days or none; a third used.
  await db.query(
    `INSERT INTO pat (id, days, description, expires_at, created_date, created_by, updated_date, updated_by, owner_name,
       owner_groups, last_used_at)
     SELECT gen_random_uuid(), d.days, 'Bench token ' || i, CASE WHEN d.days > 0 THEN now() + d.days * interval '1 day' END,
       now() + i * interval '1 ms', $1, now() + i * interval '1 ms', $1, 'GCP Developer', ARRAY['GCP_DEVELOPERS'],
       CASE WHEN i % 3 = 0 THEN date_trunc('minute', now()) END
     FROM generate_series(1, $2::integer) AS i, LATERAL (SELECT (ARRAY[30, 7, 90, 0])[i % 4 + 1] AS days) AS d`,
    [OWNER, TOKENS],
  );
  const tokens = new TokenRepository(db);
  const tfe = new TfeTokenRepository(db);

  lines.push('', `One list of ${TOKENS.toLocaleString('en')} personal tokens (median of ${RUNS}, PGlite, this process):`);
  const query = await timeOf(() =>
    db.query(`SELECT ${PAT_COLUMNS} FROM pat WHERE created_by = $1 AND NOT deleted ORDER BY created_date, id`, [OWNER]),
  );
  row('/pat/v1 query', query.ms, `${query.result.length} rows`);
  const listed = await timeOf(() => tokens.listPats(OWNER));
  row('/pat/v1 query + row mapping', listed.ms, `mapping ≈ ${(listed.ms - query.ms).toFixed(1)} ms`);
  const json = await timeOf(() => Buffer.from(JSON.stringify(listed.result)));
  const body = json.result;
  row('/pat/v1 JSON.stringify (+ UTF-8 bytes)', json.ms, `${(body.length / 1e6).toFixed(2)} MB`);
  row('sha256 of the body (an ETag)', (await timeOf(() => createHash('sha256').update(body).digest('base64url'))).ms);
  const page = await timeOf(() => tfe.listUserTokens(OWNER, { limit: 100, offset: 5_000 }));
  row('/api/v2 one page of 100 (query, count, offset)', page.ms);
  row('/api/v2 all 100 pages, one after another', page.ms * 100, '(estimate: one page × 100)');
  const whole = await timeOf(() => tfe.listUserTokens(OWNER));
  row('/api/v2 the whole list unpaged (query)', whole.ms);

  lines.push('', `Compressing the ${(body.length / 1e6).toFixed(2)} MB /pat/v1 answer (median of ${RUNS}):`);
  lines.push('  encoding        time        size    ratio');
  const compression = (name: string, compress: () => Buffer) =>
    timeOf(compress).then(({ ms, result }) =>
      lines.push(`  ${name.padEnd(10)} ${`${ms.toFixed(1)} ms`.padStart(10)} ${`${(result.length / 1e3).toFixed(1)} KB`.padStart(11)} ${`${(body.length / result.length).toFixed(1)}×`.padStart(8)}`),
    );
  for (const level of [1, 4, 6, 9]) await compression(`gzip ${level}`, () => gzipSync(body, { level }));
  for (const quality of [1, 4, 5, 6, 9, 11]) {
    await compression(`br ${quality}`, () =>
      brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: quality,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }),
    );
  }
  await db.close();

  // Authentication alone: an answer that reads nothing else, with a sign-in and with a personal access token.
  await writeFile(join(root, 'index.html'), '<!DOCTYPE html><title>Token settings</title>');
  const server = await startServer(testConfig({ ...storage, staticDir: root }));
  try {
    const { accessToken } = await signIn(server.url, OWNER);
    const created = await fetch(`${server.url}/pat/v1`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ description: 'Cost', days: 1 }),
    });
    const { token: pat } = (await created.json()) as { token: string };
    const answer = (bearer: string) => async () => {
      const response = await fetch(`${server.url}/access-token/v1/teams/current-teams`, { headers: { authorization: `Bearer ${bearer}` } });
      await response.text();
    };
    lines.push('', 'One HTTP request that only authenticates (GET current-teams, median of 50 in a row):');
    row('with a sign-in (JWT check, grant lookup)', (await timeOf(answer(accessToken), 50)).ms);
    row('with a personal access token (row lookup)', (await timeOf(answer(pat), 50)).ms, 'its last use is written once a minute');
  } finally {
    await server.close();
  }
} finally {
  await rm(root, { recursive: true, force: true });
}
console.log(lines.join('\n'));
