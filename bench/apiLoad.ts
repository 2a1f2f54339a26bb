import type { Browser } from '@playwright/test';
import { DEMO_USERS } from '../e2e/fixtures';
import { percentile } from '../e2e/measurements';
import { authorized, resends, timed } from './apiCalls';
import { atMost, type Report, type Target } from './report';
import { signedInToken } from './signedIn';

/** The embedded API's latency under load: list, generate and delete, with 1 and 50 clients. */

const SECTION = 'Embedded API latency (10,000+ rows in the table)';
const LATENCY_REQUESTS = 200;
/** The p50 a list of 10,000 tokens must keep with 50 clients at once. */
const LARGE_LIST_P50_MS = 3_000;

interface LatencyRow {
  operation: string;
  clients: number;
  requests: number;
  p50: number;
  p95: number;
  max: number;
}

function latencyRow(operation: string, clients: number, latencies: number[]): LatencyRow {
  return {
    operation,
    clients,
    requests: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    max: Math.max(...latencies),
  };
}

/** The target of a row's p50, where there is one. */
const p50Target = (row: LatencyRow): Target | undefined =>
  row.operation === 'list 10,000 tokens' && row.clients === 50 ? atMost(LARGE_LIST_P50_MS) : undefined;

export async function measureApiLoad(browser: Browser, baseURL: string, report: Report): Promise<void> {
  const small = await signedInToken(await browser.newPage(), DEMO_USERS.aws);
  const large = await signedInToken(await browser.newPage(), DEMO_USERS.gcp);
  const rows: LatencyRow[] = [];
  for (const clients of [1, 50]) {
    rows.push(latencyRow('list 10 tokens', clients, await timed(LATENCY_REQUESTS, clients, () => authorized(baseURL, small, 'GET', '/pat/v1'), 202)));
    const largeRequests = clients === 1 ? 20 : 100;
    rows.push(latencyRow('list 10,000 tokens', clients, await timed(largeRequests, clients, () => authorized(baseURL, large, 'GET', '/pat/v1'), 202)));
    const created: string[] = [];
    const generate = async (i: number) => {
      const answer = await authorized(baseURL, small, 'POST', '/pat/v1', { description: `Latency ${clients} ${i}`, days: 1 });
      const { token } = answer.json() as { token: string };
      created.push(JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).jti);
      return answer;
    };
    rows.push(latencyRow('generate', clients, await timed(LATENCY_REQUESTS, clients, generate, 201)));
    rows.push(latencyRow('delete', clients, await timed(created.length, clients, (i) => authorized(baseURL, small, 'DELETE', `/pat/v1/${created[i]}`), 202)));
  }
  report.sections.api = rows;
  report.sections.resentRequests = resends.count;
  for (const row of rows) {
    const name = `${row.operation}, ${row.clients} client${row.clients === 1 ? '' : 's'} (${row.requests} requests)`;
    report.add(SECTION, `${name}: p50`, Math.round(row.p50), 'ms', p50Target(row));
    report.add(SECTION, `${name}: p95`, Math.round(row.p95), 'ms');
  }
  report.note(SECTION, `GETs resent after the server closed an idle connection: ${resends.count}`);
}
