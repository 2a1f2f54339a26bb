// Browsers cannot be downloaded here: the end-to-end tests use Debian's Chromium, installed when missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y chromium';

export function ensureChromium() {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  if (process.getuid?.() !== 0) {
    console.error(`Chromium is missing at ${CHROMIUM}. Install Debian's Chromium as root:\n  sudo sh -c '${INSTALL}'\n(or set CHROMIUM_PATH to a Chromium binary).`);
    process.exit(1);
  }
  console.log(`Chromium is missing at ${CHROMIUM}; installing Debian's package: ${INSTALL}`);
  const result = spawnSync('sh', ['-c', `${INSTALL} >/dev/null`], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0 || !existsSync(CHROMIUM)) {
    console.error(`Installing Chromium failed. Run as root: ${INSTALL}`);
    process.exit(1);
  }
  console.log(execFileSync(CHROMIUM, ['--version']).toString().trim());
  return CHROMIUM;
}
