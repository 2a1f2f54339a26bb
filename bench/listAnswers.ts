import http from 'node:http';
import { median } from '../e2e/measurements';
import { authorized, idOfSecret } from './apiCalls';
import { atLeast, atMost, type Report } from './report';

/**
 * What one token list answer costs on the wire, per content coding (the compression choice, measured), and what a
 * refetch of an unchanged list costs: a 304 with no body. Read byte for byte over node:http, which sends exactly
 * the Accept-Encoding given and leaves the body compressed; timed to its last byte, before any decoding.
 */

const SECTION = 'Token list answers of 10,000 tokens: bytes per coding, and a refetch of an unchanged list';
const CODINGS = [
  { name: 'none', acceptEncoding: 'identity' },
  { name: 'gzip', acceptEncoding: 'gzip' },
  { name: 'brotli', acceptEncoding: 'gzip, deflate, br' },
] as const;
const KEPT_RUNS = 5;
const REFETCH_RUNS = 20;

/** Makes the owner's lists new answers: a generate and a delete, each raising their version. */
async function changeTokens(baseUrl: string, token: string): Promise<void> {
  const generated = await authorized(baseUrl, token, 'POST', '/pat/v1', { description: 'Bench change', days: 1 });
  const id = idOfSecret((generated.json() as { token: string }).token);
  await authorized(baseUrl, token, 'DELETE', `/pat/v1/${id}`);
}

interface TimedAnswer {
  answer: { status: number; headers: http.IncomingHttpHeaders; raw: Buffer };
  ms: number;
}

function timedGet(baseUrl: string, path: string, headers: Record<string, string>): Promise<TimedAnswer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(new URL(path, baseUrl), { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const ms = performance.now() - started;
          resolve({ answer: { status: response.statusCode!, headers: response.headers, raw: Buffer.concat(chunks) }, ms });
        });
      })
      .on('error', reject);
  });
}

export async function measureListAnswers(baseUrl: string, { token, paths }: { token: string; paths: string[] }, report: Report): Promise<void> {
  const measured: Record<string, unknown>[] = [];
  for (const path of paths) {
    const surface = path.startsWith('/api/v2') ? '/api/v2 page 1 of 100' : '/pat/v1';
    const headersFor = (acceptEncoding: string) => ({ authorization: `Bearer ${token}`, 'accept-encoding': acceptEncoding });
    for (const { name, acceptEncoding } of CODINGS) {
      await changeTokens(baseUrl, token);
      // The first request after a change builds the answer and compresses it; the next ones send the kept bytes.
      const first = await timedGet(baseUrl, path, headersFor(acceptEncoding));
      const kept: number[] = [];
      for (let run = 0; run < KEPT_RUNS; run++) kept.push((await timedGet(baseUrl, path, headersFor(acceptEncoding))).ms);
      const coding = first.answer.headers['content-encoding'] ?? 'none';
      const bytes = first.answer.raw.length;
      measured.push({ surface, asked: acceptEncoding, coding, bytes, firstMs: first.ms, keptMs: median(kept) });
      report.add(SECTION, `${surface}, ${name}: bytes sent (${coding})`, Math.round(bytes / 100) / 10, 'KB');
      report.add(SECTION, `${surface}, ${name}: first answer after a change`, Math.round(first.ms), 'ms');
      report.add(SECTION, `${surface}, ${name}: kept answer (median of ${KEPT_RUNS})`, Math.round(median(kept)), 'ms');
    }

    // A refetch as a browser revalidates its stored answer: naming the ETag it has, with nothing changed.
    const { answer } = await timedGet(baseUrl, path, headersFor('gzip, deflate, br'));
    const refetches = [];
    for (let run = 0; run < REFETCH_RUNS; run++) {
      refetches.push(await timedGet(baseUrl, path, { ...headersFor('gzip, deflate, br'), 'if-none-match': String(answer.headers.etag) }));
    }
    const notModified = refetches.filter((refetch) => refetch.answer.status === 304).length;
    const bodyBytes = Math.max(...refetches.map((refetch) => refetch.answer.raw.length));
    measured.push({ surface, refetches: REFETCH_RUNS, notModified, bodyBytes, p50Ms: median(refetches.map((refetch) => refetch.ms)) });
    report.add(SECTION, `${surface}, refetch naming the ETag: answered 304`, notModified, `of ${REFETCH_RUNS}`, atLeast(REFETCH_RUNS));
    report.add(SECTION, `${surface}, refetch naming the ETag: largest body`, bodyBytes, 'bytes', atMost(0));
    report.add(SECTION, `${surface}, refetch naming the ETag: p50`, Math.round(median(refetches.map((refetch) => refetch.ms)) * 10) / 10, 'ms');
  }
  report.sections.listAnswers = measured;
  report.note(SECTION, 'Compression levels: gzip 6, brotli 4 (see docs/server-performance.md and npx tsx bench/listCost.ts).');
}
