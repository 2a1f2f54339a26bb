// The one test command: lint, typecheck, unit and server tests (PGlite and a real PostgreSQL), the production
// build, and end-to-end tests in Chromium. Prints each runner's result and a closing total line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './chromium.mjs';
import { ensureNginx } from './nginx.mjs';
import { startPostgres } from './postgres.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outputDir = join(root, '.test-output');
const started = Date.now();
const results = [];
let failed = false;

function run(name, command, args, env = {}) {
  console.log(`\n=== ${name}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  if (!ok) {
    failed = true;
    console.log(`=== ${name} failed (exit code ${result.status ?? result.signal})`);
  }
  return ok;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

rmSync(outputDir, { recursive: true, force: true });
mkdirSync(outputDir, { recursive: true });

const chromium = ensureChromium();
const nginx = ensureNginx();
const bin = (name) => join(root, 'node_modules', '.bin', name);

// Static checks count as one result each, so the closing line shows their failure too.
for (const [name, command, args] of [
  ['lint', 'eslint', ['.']],
  ['typecheck app', 'tsc', ['-p', 'tsconfig.json']],
  ['typecheck server and tests', 'tsc', ['-p', 'tsconfig.node.json']],
]) {
  const ok = run(name, bin(command), args);
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });
}

const postgres = await startPostgres();
try {
  const vitestJson = join(outputDir, 'vitest.json');
  run('unit and server tests', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`], {
    TEST_DATABASE_URL: postgres.url,
  });
  const vitest = readJson(vitestJson);
  results.push({
    name: 'vitest',
    passed: vitest?.numPassedTests ?? 0,
    failed: vitest ? vitest.numFailedTests : 1,
    skipped: (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0),
  });
} finally {
  await postgres.stop();
}

if (run('production build', bin('vite'), ['build'])) {
  const playwrightJson = join(outputDir, 'playwright.json');
  run('end-to-end tests', bin('playwright'), ['test'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
    CHROMIUM_PATH: chromium,
  });
  const stats = readJson(playwrightJson)?.stats;
  results.push({
    name: 'playwright',
    passed: (stats?.expected ?? 0) + (stats?.flaky ?? 0),
    failed: stats ? stats.unexpected : 1,
    skipped: stats?.skipped ?? 0,
  });
  // The app as its image serves it: Debian's nginx with the image's configuration, the embedded server as the API.
  const nginxJson = join(outputDir, 'playwright-nginx.json');
  run('end-to-end tests through nginx', bin('playwright'), ['test', '--config', 'e2e/nginx/playwright.config.ts'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: nginxJson,
    CHROMIUM_PATH: chromium,
    NGINX_PATH: nginx,
  });
  const nginxStats = readJson(nginxJson)?.stats;
  results.push({
    name: 'playwright (nginx)',
    passed: (nginxStats?.expected ?? 0) + (nginxStats?.flaky ?? 0),
    failed: nginxStats ? nginxStats.unexpected : 1,
    skipped: nginxStats?.skipped ?? 0,
  });
} else {
  results.push({ name: 'playwright', passed: 0, failed: 1, skipped: 0 });
  results.push({ name: 'playwright (nginx)', passed: 0, failed: 1, skipped: 0 });
}

console.log('\n=== summary');
const total = { passed: 0, failed: 0, skipped: 0 };
for (const r of results) {
  console.log(`${r.name}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`);
  total.passed += r.passed;
  total.failed += r.failed;
  total.skipped += r.skipped;
}
console.log(`took ${Math.round((Date.now() - started) / 1000)} s${failed ? '; a step failed (see above)' : ''}`);
console.log(`total: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(failed || total.failed > 0 ? 1 : 0);
