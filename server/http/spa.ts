import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Request } from 'express';
import { sendApiError } from './apiError';
import { envConfigScript, type AppFlavor } from './envConfig';
import { htmlPage } from './html';
import { kindOfPath } from './pathKind';
import { precompressedFiles } from './precompressedFiles';
import { pagePolicy } from './securityHeaders';

/** Only the app's own paths get its HTML: never one of an API, the identity provider or a missing bundle. */
function wantsHtml(req: Request): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && kindOfPath(req.path) === 'app' && req.accepts('html') === 'html';
}

/** Serves `/env-config.js`, the built SPA, and `index.html` for the SPA's client-side routes. */
export function spaRoutes(staticDir: string, publicUrl: string, flavor?: AppFlavor): express.Router {
  const router = express.Router();
  const indexFile = path.join(staticDir, 'index.html');
  const script = envConfigScript(publicUrl, flavor);

  router.get('/env-config.js', (_req, res) => {
    res.set('Cache-Control', 'no-store').type('application/javascript').send(script);
  });

  // Hashed bundles can be cached for good; everything else is revalidated. The build's .br and .gz copies go
  // first to the clients that accept them.
  const assetsDir = path.join(staticDir, 'assets');
  router.use('/assets', precompressedFiles(assetsDir, { immutable: true, maxAge: '1y' }));
  router.use('/assets', express.static(assetsDir, { immutable: true, maxAge: '1y', index: false, fallthrough: true }));
  // A bundle that is not there (an old tab after a deploy) is missing, not a client route: never index.html.
  router.use('/assets', (req, res) => {
    sendApiError(res, 404, `There is no ${req.method} ${req.originalUrl.split('?')[0]}.`);
  });
  router.use(precompressedFiles(staticDir));
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
        .set('Content-Security-Policy', pagePolicy(publicUrl))
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
