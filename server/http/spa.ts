import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Request } from 'express';
import type { Config } from '../config';
import { CLIENT_ID, OIDC_PATH } from '../oidc/identityProvider';
import { htmlPage } from './html';
import { sendApiError } from './apiError';

/** Paths that belong to an API or the identity provider: never answered with the SPA's HTML. */
const API_PATH = /^\/(api|pat|access-token|oidc)(\/|$)/;

export type AppFlavor = Pick<Config, 'tokenBackend' | 'tfeTeamTokens' | 'tfeSignIn'>;

const TERRAKUBE_FLAVOR: AppFlavor = { tokenBackend: 'terrakube', tfeTeamTokens: 'multiple', tfeSignIn: 'oidc' };

/**
 * `window._env_` with Terrakube's variable names, so the same build runs against a real Terrakube. The `tfe`
 * flavor points the app at this server's `/api/v2` instead, leaves the organization for the person to pick, and
 * with TFE_SIGN_IN=token leaves out the OIDC settings, so the app asks for a user API token.
 */
export function envConfigScript(publicUrl: string, flavor: AppFlavor = TERRAKUBE_FLAVOR): string {
  const signIn = {
    REACT_APP_AUTHORITY: `${publicUrl}${OIDC_PATH}`,
    REACT_APP_CLIENT_ID: CLIENT_ID,
    REACT_APP_REDIRECT_URI: `${publicUrl}/`,
    REACT_APP_SCOPE: 'email openid profile offline_access groups',
  };
  const env =
    flavor.tokenBackend === 'terrakube'
      ? { REACT_APP_TERRAKUBE_API_URL: `${publicUrl}/api/v1/`, ...signIn, REACT_APP_TOKEN_BACKEND: 'terrakube' }
      : {
          REACT_APP_TOKEN_BACKEND: 'tfe',
          REACT_APP_TFE_API_URL: `${publicUrl}/api/v2/`,
          REACT_APP_TFE_TEAM_TOKENS: flavor.tfeTeamTokens,
          ...(flavor.tfeSignIn === 'oidc' ? signIn : {}),
        };
  return `window._env_ = ${JSON.stringify(env, null, 2)};\n`;
}

function wantsHtml(req: Request): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && !API_PATH.test(req.path) && req.accepts('html') === 'html';
}

/** Serves `/env-config.js`, the built SPA, and `index.html` for the SPA's client-side routes. */
export function spaRoutes(staticDir: string, publicUrl: string, flavor?: AppFlavor): express.Router {
  const router = express.Router();
  const indexFile = path.join(staticDir, 'index.html');
  const script = envConfigScript(publicUrl, flavor);

  router.get('/env-config.js', (_req, res) => {
    res.set('Cache-Control', 'no-store').type('application/javascript').send(script);
  });

  // Hashed bundles can be cached for good; everything else is revalidated.
  router.use(
    '/assets',
    express.static(path.join(staticDir, 'assets'), { immutable: true, maxAge: '1y', index: false, fallthrough: true }),
  );
  router.use(express.static(staticDir, { index: false }));

  router.use((req, res, next) => {
    if (!wantsHtml(req)) {
      next();
      return;
    }
    res.set('Cache-Control', 'no-cache');
    // Checked per request as well as at start: a rebuild empties the folder while the server runs.
    if (!existsSync(indexFile)) {
      res
        .status(503)
        .type('html')
        .send(
          htmlPage(
            'App not built',
            `<h1>The app is not built yet</h1>
<p>The server could not find <code>${indexFile}</code>.</p>
<p>Run <code>npm run build</code> (or start with <code>npm start</code>, which builds first), then reload this page.</p>`,
          ),
        );
      return;
    }
    res.sendFile(indexFile);
  });

  router.use((req, res) => {
    sendApiError(res, 404, `There is no ${req.method} ${req.path}.`);
  });
  return router;
}
