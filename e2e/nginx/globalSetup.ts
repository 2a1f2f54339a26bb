import { freePort } from '../../server/test/freePort';
import { startServer, stop, type Started } from '../globalSetup';
import { startNginx, type StartedNginx } from './nginxServer';
import { NGINX_E2E, type NginxFlavor } from './servers';

const SCOPE = 'email openid profile offline_access groups';

/** The image's settings for each flavor, as a deployment sets them, with the embedded server as the API. */
function imageSettings(flavor: NginxFlavor, nginx: string, api: string): Record<string, string> {
  const signIn = {
    REACT_APP_AUTHORITY: `${api}/oidc`,
    REACT_APP_CLIENT_ID: 'token-settings',
    REACT_APP_REDIRECT_URI: `${nginx}/`,
    REACT_APP_SCOPE: SCOPE,
  };
  return flavor === 'terrakube'
    ? { REACT_APP_TOKEN_BACKEND: 'terrakube', REACT_APP_TERRAKUBE_API_URL: `${api}/api/v1/`, ...signIn }
    : // HCP Terraform's API on nginx's own origin, proxied to the embedded server's /api/v2.
      { REACT_APP_TOKEN_BACKEND: 'tfe', REACT_APP_TFE_API_URL: '/api/v2/', TFE_PROXY_URL: api, ...signIn };
}

/**
 * For each flavor, the embedded server as the API (its CORS allow-list naming nginx's origin, as a Terrakube
 * deployment with its UI on another host has) and Debian's nginx serving `dist/` with the image's configuration.
 * Needs `npm run build` to have run.
 */
export default async function globalSetup() {
  const servers: Started[] = [];
  const nginxes: StartedNginx[] = [];
  const stopAll = () => Promise.all([...nginxes.map((nginx) => nginx.stop()), ...servers.map(stop)]);
  const startFlavor = async (flavor: NginxFlavor) => {
    const port = await freePort();
    const nginxUrl = `http://127.0.0.1:${port}`;
    const server = await startServer({ CORS_ORIGINS: nginxUrl, ...(flavor === 'tfe' ? { TOKEN_BACKEND: 'tfe' } : {}) });
    servers.push(server);
    nginxes.push(await startNginx(port, imageSettings(flavor, nginxUrl, server.url)));
    process.env[NGINX_E2E[flavor].nginxVariable] = nginxUrl;
    process.env[NGINX_E2E[flavor].apiVariable] = server.url;
  };
  const started = await Promise.allSettled((Object.keys(NGINX_E2E) as NginxFlavor[]).map(startFlavor));
  const failure = started.find((result) => result.status === 'rejected');
  if (failure) {
    await stopAll();
    throw failure.reason;
  }
  return async () => {
    await stopAll();
  };
}
