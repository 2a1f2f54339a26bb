/**
 * `npm run treemap`: builds the app (without writing dist/) and writes what the bundle holds to .bundle-report/:
 * treemap.html (chunks, packages and modules by gzip size), report.json (every chunk and module, and each
 * screen's first load) and summary.txt, which it also prints.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { bundleReportPlugin, type BundleReport } from './bundle-report/bundleReportPlugin';
import { firstLoads, summaryText } from './bundle-report/firstLoads';
import { treemapHtml } from './bundle-report/treemapHtml';

const OUT_DIR = '.bundle-report';

function write(report: BundleReport) {
  const loads = firstLoads(report);
  mkdirSync(OUT_DIR, { recursive: true });
  const summary = summaryText(report, loads);
  writeFileSync(join(OUT_DIR, 'report.json'), `${JSON.stringify({ ...report, firstLoads: loads }, null, 2)}\n`);
  writeFileSync(join(OUT_DIR, 'summary.txt'), `${summary}\n`);
  writeFileSync(join(OUT_DIR, 'treemap.html'), treemapHtml(report, loads));
  console.log(`${summary}\n\nWritten to ${OUT_DIR}/treemap.html, report.json and summary.txt`);
}

await build({ logLevel: 'warn', build: { write: false }, plugins: [bundleReportPlugin(write)] });
