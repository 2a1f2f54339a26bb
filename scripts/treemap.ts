/**
 * `npm run treemap`: builds the app (without writing dist/) and writes what the bundle holds to .bundle-report/:
 * treemap.html (chunks, packages and modules by gzip size), report.json (every chunk and module, and each
 * screen's first load, also as served: the build's zopfli copies) and summary.txt, which it also prints.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { bundleReportPlugin, type BundleReport, type ContentOf } from './bundle-report/bundleReportPlugin';
import { firstLoads, summaryText, type FirstLoad } from './bundle-report/firstLoads';
import { treemapHtml } from './bundle-report/treemapHtml';
import { MIN_BYTES, zopfliGzipOf } from './precompress';

const OUT_DIR = '.bundle-report';

/** Each first load's files with the size the build's zopfli copy has (what a gzip client is sent). */
async function withServedSizes(loads: FirstLoad[], contentOf: ContentOf): Promise<FirstLoad[]> {
  const sizes = new Map<string, number>();
  for (const file of new Set(loads.flatMap((load) => load.files.map((entry) => entry.file)))) {
    const content = contentOf(file);
    const data = typeof content === 'string' ? Buffer.from(content) : (content ?? new Uint8Array());
    sizes.set(file, data.length < MIN_BYTES ? data.length : (await zopfliGzipOf(data)).length);
  }
  return loads.map((load) => {
    const files = load.files.map((entry) => ({ ...entry, served: sizes.get(entry.file)! }));
    return { ...load, files, served: files.reduce((sum, entry) => sum + entry.served, 0) };
  });
}

async function write(report: BundleReport, contentOf: ContentOf) {
  const loads = await withServedSizes(firstLoads(report), contentOf);
  mkdirSync(OUT_DIR, { recursive: true });
  const summary = summaryText(report, loads);
  writeFileSync(join(OUT_DIR, 'report.json'), `${JSON.stringify({ ...report, firstLoads: loads }, null, 2)}\n`);
  writeFileSync(join(OUT_DIR, 'summary.txt'), `${summary}\n`);
  writeFileSync(join(OUT_DIR, 'treemap.html'), treemapHtml(report, loads));
  console.log(`${summary}\n\nWritten to ${OUT_DIR}/treemap.html, report.json and summary.txt`);
}

await build({ logLevel: 'warn', build: { write: false }, plugins: [bundleReportPlugin(write)] });
