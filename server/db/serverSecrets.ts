import type { Database } from './database';

/**
 * Returns the secret stored under `name`, creating it on first use. Concurrent first starts agree on one value:
 * the insert that loses the race is ignored and everyone reads the winner.
 */
export async function getOrCreateSecret<T>(db: Database, name: string, create: () => Promise<T>): Promise<T> {
  const read = async () =>
    (await db.query<{ value: T }>('SELECT value FROM server_secret WHERE name = $1', [name]))[0]?.value;
  const existing = await read();
  if (existing !== undefined) return existing;
  await db.query('INSERT INTO server_secret (name, value) VALUES ($1, $2::jsonb) ON CONFLICT (name) DO NOTHING', [
    name,
    JSON.stringify(await create()),
  ]);
  const created = await read();
  if (created === undefined) throw new Error(`The server secret "${name}" could not be stored.`);
  return created;
}
