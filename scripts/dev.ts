/**
 * `npm run dev`: the Vite dev server (hot reload) on http://localhost:5173 in front of the embedded server. Vite
 * proxies the APIs and the identity provider to it, so the app, its API and its sign-in share the dev origin:
 * the embedded server's PUBLIC_URL is that origin, which makes it the OIDC issuer and redirect URI, and
 * public/env-config.js names it. Needs no build: the embedded server gets a placeholder page as its STATIC_DIR.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'vite';

const DEV_ORIGIN = 'http://localhost:5173';
// Every path the embedded server answers for the app; the rest (the app's modules, public/) is Vite's.
const EMBEDDED_PATHS = '^/(api|pat|access-token|graphql|oidc)(/|$)';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const apiPort = await freePort();
const staticDir = mkdtempSync(join(tmpdir(), 'token-settings-dev-'));
writeFileSync(join(staticDir, 'index.html'), `<!doctype html><title>API server</title><p>Open <a href="${DEV_ORIGIN}/">${DEV_ORIGIN}</a>.</p>\n`);

const api = spawn(join('node_modules', '.bin', 'tsx'), ['server/main.ts'], {
  env: { ...process.env, HOST: '127.0.0.1', PORT: String(apiPort), PUBLIC_URL: DEV_ORIGIN, STATIC_DIR: staticDir },
  stdio: ['ignore', 'pipe', 'inherit'],
});
api.stdout.pipe(process.stdout);
const apiStarted = new Promise<void>((resolve, reject) => {
  let output = '';
  api.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (output.includes('running at')) resolve();
  });
  api.once('exit', (code) => reject(new Error(`The embedded server exited with code ${code}`)));
});

const stopApi = () => {
  rmSync(staticDir, { recursive: true, force: true });
  if (api.exitCode === null) api.kill('SIGTERM');
};
process.once('exit', stopApi);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(0));

try {
  await apiStarted;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const vite = await createServer({
  server: {
    port: Number(new URL(DEV_ORIGIN).port),
    strictPort: true, // the OIDC redirect URI names this port
    proxy: { [EMBEDDED_PATHS]: { target: `http://127.0.0.1:${apiPort}` } },
  },
});
await vite.listen();
vite.printUrls();
api.once('exit', (code) => {
  console.error(`The embedded server stopped (code ${code}); stopping the dev server.`);
  void vite.close().then(() => process.exit(1));
});
