// A throwaway PostgreSQL server from Debian's packages, so the server tests also run against real PostgreSQL.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const INSTALL = 'apt-get update && apt-get install -y postgresql';

function findBinDir() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => join(base, v, 'bin')).find((dir) => existsSync(join(dir, 'postgres')));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * A PostgreSQL cluster in a temporary folder, initialised but not running: `start` and `stop` it as often as
 * needed (the port stays the same), `remove` it at the end.
 */
export async function createPostgresCluster() {
  let binDir = findBinDir();
  const isRoot = process.getuid?.() === 0;
  if (!binDir && isRoot) {
    console.log(`PostgreSQL is missing; installing Debian's package: ${INSTALL}`);
    spawnSync('sh', ['-c', `${INSTALL} >/dev/null`], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    binDir = findBinDir();
  }
  if (!binDir) {
    console.error(`PostgreSQL is missing, so the server tests cannot run against it. Install it as root: ${INSTALL}`);
    process.exit(1);
  }
  // PostgreSQL refuses to run as root: run it as the package's postgres user then.
  const asUser = (cmd, args) => (isRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]);
  const dir = mkdtempSync(join(tmpdir(), 'token-settings-pg-'));
  chmodSync(dir, 0o777);
  const dataDir = join(dir, 'data');
  const port = await freePort();
  const exec = (cmd, args) => {
    const [c, a] = asUser(join(binDir, cmd), args);
    execFileSync(c, a, { stdio: ['ignore', 'ignore', 'inherit'] });
  };
  exec('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
  return {
    binDir,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start() {
      exec('pg_ctl', ['-D', dataDir, '-l', join(dir, 'log'), '-w', '-o', `-k ${dir} -p ${port} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
    },
    /** A fast shutdown: open sessions are ended (admin_shutdown), as when an operator stops the server. */
    stop() {
      exec('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startPostgres() {
  const cluster = await createPostgresCluster();
  cluster.start();
  console.log(`PostgreSQL from ${cluster.binDir} listening on ${new URL(cluster.url).host}`);
  return {
    url: cluster.url,
    async stop() {
      try {
        cluster.stop();
      } finally {
        cluster.remove();
      }
    },
  };
}
