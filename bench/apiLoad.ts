/**
 * The embedded API under load, over HTTP: listing 10,000 tokens of one person on both surfaces (Terrakube's
 * `/pat/v1`, and `/api/v2` page by page as the HCP Terraform flavor of the app reads it) with 1 and 50 clients at
 * once, and generate and delete latency, alone and while 50 clients keep listing. Seeds the 10,000 tokens itself
 * when they are not there yet, so it runs on its own (`-g 'API latency'`) as well as after the rest of the bench.
 */
import { percentile } from '../e2e/measurements';
import { signIn } from '../server/test/signIn';
import { ApiCaller, timedCalls, timedWhile } from './apiCalls';

const LARGE_OWNER = 'gcp@example.com';
const SMALL_OWNER = 'aws@example.com';
const LARGE_LIST = 10_000;
/** As the app reads an `/api/v2` list: pages of 100, the rest 4 at a time once the first says how many. */
const PAGE_SIZE = 100;
const PAGE_CONCURRENCY = 4;
/** The goal: 50 people listing 10,000 tokens at once each wait at most this long (median). */
const LIST_TARGET_MS = 3_000;

export interface ApiLoadRow {
  surface: '/pat/v1' | '/api/v2';
  operation: string;
  clients: number;
  requests: number;
  p50: number;
  p95: number;
  max: number;
  /** The p50 this figure must stay within, where there is one. */
  targetP50Ms?: number;
}

export interface ApiLoad {
  rows: ApiLoadRow[];
  /** GETs sent again on a new connection after the server closed an idle one under them. */
  resentRequests: number;
}

const row = (surface: ApiLoadRow['surface'], operation: string, clients: number, latencies: number[], targetP50Ms?: number): ApiLoadRow => ({
  surface,
  operation,
  clients,
  requests: latencies.length,
  p50: percentile(latencies, 50),
  p95: percentile(latencies, 95),
  max: Math.max(...latencies),
  ...(targetP50Ms === undefined ? {} : { targetP50Ms }),
});

/** Brings `owner`'s live personal tokens up to `count`, 50 generates at a time. */
async function seed(api: ApiCaller, token: string, count: number): Promise<void> {
  const live = ((await api.call(token, 'GET', '/pat/v1')).json() as unknown[]).length;
  const missing = Math.max(0, count - live);
  await timedCalls(missing, 50, (i) => api.call(token, 'POST', '/pat/v1', { description: `Bench token ${live + i + 1}`, days: [30, 7, 90, 0][i % 4] }), 201);
}

/** Reads a whole `/api/v2` list of personal tokens as the app does; its rows, to check it is complete. */
async function readUserTokens(api: ApiCaller, token: string, userPath: string): Promise<number> {
  const page = async (number: number) => {
    const answer = await api.call(token, 'GET', `${userPath}?page%5Bnumber%5D=${number}&page%5Bsize%5D=${PAGE_SIZE}`, undefined, 200);
    return answer.json() as { data: unknown[]; meta: { pagination: { 'total-pages': number } } };
  };
  const first = await page(1);
  const rest = Array.from({ length: first.meta.pagination['total-pages'] - 1 }, (_, index) => index + 2);
  let rows = first.data.length;
  await Promise.all(
    Array.from({ length: PAGE_CONCURRENCY }, async () => {
      for (let number = rest.shift(); number !== undefined; number = rest.shift()) {
        const { data } = await page(number);
        rows += data.length;
      }
    }),
  );
  return rows;
}

/** Under load, writes are spread out so that they meet the load in every phase, not only its first wave. */
const WRITE_INTERVAL_MS = 250;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Generates `count` tokens of the signed-in person one after another, then deletes them, `intervalMs` apart; the
 * latencies of both.
 */
async function generateThenDelete(api: ApiCaller, token: string, count: number, label: string, intervalMs = 0) {
  const timed = async (send: () => Promise<unknown>) => {
    await pause(intervalMs);
    const started = performance.now();
    await send();
    return performance.now() - started;
  };
  const ids: string[] = [];
  const generate: number[] = [];
  for (let i = 0; i < count; i++) {
    generate.push(
      await timed(async () => {
        const answer = await api.call(token, 'POST', '/pat/v1', { description: `${label} ${i}`, days: 1 }, 201);
        ids.push(JSON.parse(Buffer.from((answer.json() as { token: string }).token.split('.')[1]!, 'base64url').toString()).jti);
      }),
    );
  }
  const remove: number[] = [];
  for (const id of ids) remove.push(await timed(() => api.call(token, 'DELETE', `/pat/v1/${id}`, undefined, 202)));
  return { generate, remove };
}

export async function measureApiLoad(baseUrl: string): Promise<ApiLoad> {
  const api = new ApiCaller(baseUrl);
  const [large, small] = await Promise.all([LARGE_OWNER, SMALL_OWNER].map(async (email) => (await signIn(baseUrl, email)).accessToken));
  await seed(api, large!, LARGE_LIST);
  await seed(api, small!, 10);
  const account = (await api.call(large!, 'GET', '/api/v2/account/details', undefined, 200)).json() as { data: { id: string } };
  const userPath = `/api/v2/users/${account.data.id}/authentication-tokens`;
  const rows: ApiLoadRow[] = [];

  for (const clients of [1, 50]) {
    const target = clients === 50 ? LIST_TARGET_MS : undefined;
    rows.push(row('/pat/v1', 'list 10 tokens', clients, await timedCalls(clients === 1 ? 50 : 200, clients, () => api.call(small!, 'GET', '/pat/v1'), 202)));
    const largeLists = clients === 1 ? 10 : 100;
    rows.push(row('/pat/v1', 'list 10,000 tokens', clients, await timedCalls(largeLists, clients, () => api.call(large!, 'GET', '/pat/v1'), 202), target));
    const wholeLists = await timedCalls(clients === 1 ? 3 : 50, clients, async () => {
      const listed = await readUserTokens(api, large!, userPath);
      if (listed < LARGE_LIST) throw new Error(`/api/v2 listed ${listed} tokens, expected at least ${LARGE_LIST}`);
      return { status: 200, json: () => listed };
    }, 200);
    rows.push(row('/api/v2', `list 10,000 tokens (${LARGE_LIST / PAGE_SIZE} pages)`, clients, wholeLists, target));
  }

  const alone = await generateThenDelete(api, small!, 20, 'Alone');
  rows.push(row('/pat/v1', 'generate, no other load', 1, alone.generate), row('/pat/v1', 'delete, no other load', 1, alone.remove));

  // 50 clients keep listing the 10,000 tokens while one person generates and deletes, then their owner does.
  const listers = timedWhile(50, () => api.call(large!, 'GET', '/pat/v1'), 202);
  const others = await generateThenDelete(api, small!, 40, 'Under load', WRITE_INTERVAL_MS);
  const own = await generateThenDelete(api, large!, 10, 'Listed owner under load', WRITE_INTERVAL_MS);
  const listed = await listers.stop();
  rows.push(
    row('/pat/v1', 'generate while 50 list', 1, others.generate),
    row('/pat/v1', 'delete while 50 list', 1, others.remove),
    row('/pat/v1', "generate into the listed list", 1, own.generate),
    row('/pat/v1', 'delete from the listed list', 1, own.remove),
    row('/pat/v1', 'list 10,000 during those writes', 50, listed, LIST_TARGET_MS),
  );
  return { rows, resentRequests: api.resentRequests };
}

/** The figures as printed lines, each p50 beside its target where it has one. */
export function apiLoadLines({ rows, resentRequests }: ApiLoad): string[] {
  const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(10);
  return [
    'Embedded API latency (10,000 tokens of one person, 10 of another):',
    '  surface  operation                          clients  requests        p50        p95        max  target p50',
    ...rows.map((r) => {
      const target = r.targetP50Ms === undefined ? '' : `  ≤ ${r.targetP50Ms} ms ${r.p50 <= r.targetP50Ms ? 'met' : 'MISSED'}`;
      return `  ${r.surface.padEnd(8)} ${r.operation.padEnd(34)} ${String(r.clients).padStart(7)} ${String(r.requests).padStart(9)} ${ms(r.p50)} ${ms(r.p95)} ${ms(r.max)}${target}`;
    }),
    `  GETs resent after the server closed an idle connection: ${resentRequests}`,
  ];
}
