// The image's nginx configuration is tested with Debian's nginx (no container runtime needed), installed when
// missing, as Chromium is.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx';
const INSTALL = 'apt-get update && apt-get install -y nginx';

export function ensureNginx() {
  if (existsSync(NGINX)) return NGINX;
  if (process.getuid?.() !== 0) {
    console.error(`nginx is missing at ${NGINX}. Install Debian's nginx as root:\n  sudo sh -c '${INSTALL}'\n(or set NGINX_PATH to an nginx binary).`);
    process.exit(1);
  }
  console.log(`nginx is missing at ${NGINX}; installing Debian's package: ${INSTALL}`);
  const result = spawnSync('sh', ['-c', `${INSTALL} >/dev/null`], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0 || !existsSync(NGINX)) {
    console.error(`Installing nginx failed. Run as root: ${INSTALL}`);
    process.exit(1);
  }
  console.log(execFileSync(NGINX, ['-v'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim() || 'nginx installed');
  return NGINX;
}
