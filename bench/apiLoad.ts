import { percentile } from '../e2e/measurements';
import { signIn } from '../server/test/signIn';
import { authorized, idOfSecret, resends, timed } from './apiCalls';
import { listersElsewhere } from './listers';
import { measureListAnswers } from './listAnswers';
import { atMost, type Report, type Target } from './report';

/**
 * The embedded API under load, over HTTP: listing 10,000 tokens of one person on both surfaces (Terrakube's
 * `/pat/v1`, and `/api/v2` page by page as the HCP Terraform flavor of the app reads it) with 1 and 50 clients at
 * once, and generate and delete latency, alone and while 50 clients keep listing. Seeds the 10,000 tokens itself
 * when they are not there yet, so that it runs on its own (`-g 'API latency'`) as well as after the rest.
 */

const SECTION = 'Embedded API latency (10,000 tokens of one person, 10 of another)';
const LARGE_OWNER = 'gcp@example.com';
const SMALL_OWNER = 'aws@example.com';
const LARGE_LIST = 10_000;
/** As the app reads an `/api/v2` list: pages of 100, the rest 4 at a time once the first says how many. */
const PAGE_SIZE = 100;
const PAGE_CONCURRENCY = 4;
/** 50 people listing 10,000 tokens at once each wait at most this long (median). */
const LIST_TARGET = atMost(3_000);
/** Under load, writes are spread out so that they meet the load in every phase, not only its first wave. */
const WRITE_INTERVAL_MS = 250;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface LatencyRow {
  surface: '/pat/v1' | '/api/v2';
  operation: string;
  clients: number;
  requests: number;
  p50: number;
  p95: number;
  max: number;
}

const row = (surface: LatencyRow['surface'], operation: string, clients: number, latencies: number[]): LatencyRow => ({
  surface,
  operation,
  clients,
  requests: latencies.length,
  p50: percentile(latencies, 50),
  p95: percentile(latencies, 95),
  max: Math.max(...latencies),
});

/** Brings `token`'s owner's live personal tokens up to `count`, 50 generates at a time. */
async function seed(baseUrl: string, token: string, count: number): Promise<void> {
  const live = ((await authorized(baseUrl, token, 'GET', '/pat/v1')).json() as unknown[]).length;
  const body = (i: number) => ({ description: `Bench token ${live + i + 1}`, days: [30, 7, 90, 0][i % 4] });
  await timed(Math.max(0, count - live), 50, (i) => authorized(baseUrl, token, 'POST', '/pat/v1', body(i)), 201);
}

/** Reads a whole `/api/v2` list of personal tokens as the app does; how many rows it had. */
async function readUserTokens(baseUrl: string, token: string, userPath: string): Promise<number> {
  const page = async (number: number) => {
    const answer = await authorized(baseUrl, token, 'GET', `${userPath}?page%5Bnumber%5D=${number}&page%5Bsize%5D=${PAGE_SIZE}`);
    if (answer.status !== 200) throw new Error(`page ${number} answered ${answer.status}`);
    return answer.json() as { data: unknown[]; meta: { pagination: { 'total-pages': number } } };
  };
  const first = await page(1);
  const rest = Array.from({ length: first.meta.pagination['total-pages'] - 1 }, (_, index) => index + 2);
  let rows = first.data.length;
  await Promise.all(
    Array.from({ length: PAGE_CONCURRENCY }, async () => {
      for (let number = rest.shift(); number !== undefined; number = rest.shift()) {
        // Awaited first: `rows += await …` would add to the count read before the wait, losing the others' pages.
        const { data } = await page(number);
        rows += data.length;
      }
    }),
  );
  return rows;
}

/** Generates `count` tokens one after another, then deletes them, `intervalMs` apart; the latencies of both. */
async function generateThenDelete(baseUrl: string, token: string, count: number, label: string, intervalMs = 0) {
  const timedOnce = async (send: () => Promise<void>) => {
    await pause(intervalMs);
    const started = performance.now();
    await send();
    return performance.now() - started;
  };
  const expect = (status: number, answer: { status: number }) => {
    if (answer.status !== status) throw new Error(`${label}: answered ${answer.status}, expected ${status}`);
  };
  const ids: string[] = [];
  const generate: number[] = [];
  for (let i = 0; i < count; i++) {
    generate.push(
      await timedOnce(async () => {
        const answer = await authorized(baseUrl, token, 'POST', '/pat/v1', { description: `${label} ${i}`, days: 1 });
        expect(201, answer);
        ids.push(idOfSecret((answer.json() as { token: string }).token));
      }),
    );
  }
  const remove: number[] = [];
  for (const id of ids) remove.push(await timedOnce(async () => expect(202, await authorized(baseUrl, token, 'DELETE', `/pat/v1/${id}`))));
  return { generate, remove };
}

export async function measureApiLoad(baseUrl: string, report: Report): Promise<void> {
  const [large, small] = await Promise.all([LARGE_OWNER, SMALL_OWNER].map(async (email) => (await signIn(baseUrl, email)).accessToken)) as [string, string];
  await seed(baseUrl, large, LARGE_LIST);
  await seed(baseUrl, small, 10);
  const account = (await authorized(baseUrl, large, 'GET', '/api/v2/account/details')).json() as { data: { id: string } };
  const userPath = `/api/v2/users/${account.data.id}/authentication-tokens`;
  const rows: { row: LatencyRow; target?: Target }[] = [];
  const list = (token: string) => () => authorized(baseUrl, token, 'GET', '/pat/v1');

  for (const clients of [1, 50]) {
    const target = clients === 50 ? LIST_TARGET : undefined;
    rows.push({ row: row('/pat/v1', 'list 10 tokens', clients, await timed(clients === 1 ? 50 : 200, clients, list(small), 202)) });
    const largeLists = await timed(clients === 1 ? 10 : 100, clients, list(large), 202);
    rows.push({ row: row('/pat/v1', 'list 10,000 tokens', clients, largeLists), target });
    const wholeLists = await timed(clients === 1 ? 3 : 50, clients, async () => {
      const listed = await readUserTokens(baseUrl, large, userPath);
      if (listed < LARGE_LIST) throw new Error(`/api/v2 listed ${listed} tokens, expected at least ${LARGE_LIST}`);
      return { status: 200, json: () => listed };
    }, 200);
    rows.push({ row: row('/api/v2', `list 10,000 tokens (${LARGE_LIST / PAGE_SIZE} pages)`, clients, wholeLists), target });
  }

  const alone = await generateThenDelete(baseUrl, small, 20, 'Alone');
  rows.push({ row: row('/pat/v1', 'generate, no other load', 1, alone.generate) }, { row: row('/pat/v1', 'delete, no other load', 1, alone.remove) });

  // 50 clients keep listing the 10,000 tokens while another person generates and deletes, then their owner does
  // (each of the owner's writes makes the next list a new answer, built and compressed again).
  const listers = await listersElsewhere({ baseUrl, token: large, path: '/pat/v1', clients: 50, status: 202 });
  const others = await generateThenDelete(baseUrl, small, 40, 'Under load', WRITE_INTERVAL_MS);
  const own = await generateThenDelete(baseUrl, large, 10, 'Listed owner under load', WRITE_INTERVAL_MS);
  const { latencies: listed, resends: listerResends } = await listers.stop();
  rows.push(
    { row: row('/pat/v1', 'list 10,000 tokens while others write', 50, listed), target: LIST_TARGET },
    { row: row('/pat/v1', 'generate while 50 list', 1, others.generate) },
    { row: row('/pat/v1', 'delete while 50 list', 1, others.remove) },
    { row: row('/pat/v1', 'generate into the listed list', 1, own.generate) },
    { row: row('/pat/v1', 'delete from the listed list', 1, own.remove) },
  );

  report.sections.api = rows.map(({ row }) => row);
  report.sections.resentRequests = resends.count + listerResends;
  for (const { row, target } of rows) {
    const name = `${row.surface} ${row.operation}, ${row.clients} client${row.clients === 1 ? '' : 's'} (${row.requests})`;
    report.add(SECTION, `${name}: p50`, Math.round(row.p50), 'ms', target);
    report.add(SECTION, `${name}: p95`, Math.round(row.p95), 'ms');
  }
  report.note(SECTION, 'Lists are read asking for gzip (Accept-Encoding: gzip), as Node’s fetch does. The 50 clients listing while');
  report.note(SECTION, 'others write run in a process of their own, so that the writes are timed apart from their reading.');
  report.note(SECTION, `GETs resent after the server closed an idle connection: ${resends.count + listerResends}`);
  await measureListAnswers(baseUrl, { token: large, paths: ['/pat/v1', `${userPath}?page%5Bnumber%5D=1&page%5Bsize%5D=${PAGE_SIZE}`] }, report);
}
