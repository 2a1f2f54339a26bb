import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import compression from 'compression';
import express from 'express';
import { createTokenVerifier } from './auth/authentication';
import { checkStaticDir, ConfigError, type Config } from './config';
import { openDatabase } from './db/openDatabase';
import { graphqlRoutes } from './graphql/graphqlRoutes';
import { apiErrorHandler } from './http/apiError';
import { crossOriginAccess } from './http/cors';
import { createHttpServer } from './http/httpServer';
import { publicOrigin } from './http/publicOrigin';
import { securityHeaders } from './http/securityHeaders';
import { spaRoutes } from './http/spa';
import { answerDatabaseOutages } from './oidc/databaseOutage';
import { createIdentityProvider, OIDC_PATH } from './oidc/identityProvider';
import { interactionRoutes } from './oidc/interactionRoutes';
import { OrganizationRepository } from './organizations/organizationRepository';
import { organizationRoutes } from './organizations/organizationRoutes';
import { tfeRoutes } from './tfe/tfeRoutes';
import { Throttle } from './throttle/throttle';
import { loadTokenSigningKey } from './tokens/signingKey';
import { KeptTokenLists } from './tokens/keptTokenLists';
import { TokenRepository } from './tokens/tokenRepository';
import { tokenRoutes } from './tokens/tokenRoutes';

export interface StartOptions {
  /** The clock for issuing tokens and checking their expiry; tests move it instead of sleeping. */
  now?: () => Date;
}

export interface RunningServer {
  url: string;
  /** Stops accepting, answers the requests already accepted (a bounded wait), then closes the database. */
  close(): Promise<void>;
}

/**
 * Opens the database, starts listening, and serves the SPA, the Terrakube token API and JSON:API, HCP Terraform's
 * token API (`/api/v2`) and the OIDC provider.
 */
export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const now = options.now ?? (() => new Date());
  await checkStaticDir(config.staticDir);
  const db = await openDatabase(config);
  const httpServer = createHttpServer();
  const { server } = httpServer;
  try {
    const tokenSigningKey = await loadTokenSigningKey(config, db);
    await listen(server, config.port, config.host);
    const { port } = server.address() as AddressInfo;
    const publicUrl = config.publicUrl ?? `http://${urlHost(config.host)}:${port}`;

    const identity = await createIdentityProvider(db, publicUrl, { now, uiOrigins: config.corsOrigins });
    answerDatabaseOutages(identity.provider);
    const tokens = new TokenRepository(db);
    const verifyToken = createTokenVerifier({ oidc: identity, tokenSigningKey, tokens, now });
    const throttle = new Throttle(db, now, config.generateLimit);

    const app = express();
    app.disable('x-powered-by');
    // No weak ETag on every `res.send`: the API's answers are no-store, an ETag on one with a secret would be a
    // hash of it, and the token lists send strong ETags of their own (static files keep theirs).
    app.disable('etag');
    // req.ip, which failed sign-ins are counted by: with TRUST_PROXY, the address the one proxy in front saw
    // (the last X-Forwarded-For entry); the entries before it are whatever the client sent.
    app.set('trust proxy', config.trustProxy ? 1 : false);
    // Headers first, so that every answer has them, the refusal of a malformed request target included.
    app.use(securityHeaders(publicUrl, config, config.corsOrigins));
    app.use(publicOrigin({ publicUrl, trustProxy: config.trustProxy, publicUrlSet: config.publicUrl !== undefined }));
    app.use(crossOriginAccess(config.corsOrigins));
    app.use(`${OIDC_PATH}/interaction`, interactionRoutes(identity.provider, `${publicUrl}/`, throttle));
    app.use(OIDC_PATH, identity.provider.callback());
    // gzip for the bundles and the JSON answers; token lists are kept compressed already (see KeptTokenLists).
    app.use(compression({ filter: (req, res) => !res.locals.precompressed && compression.filter(req, res) }));
    const organizations = new OrganizationRepository(db);
    const lists = new KeptTokenLists(db);
    app.use(tokenRoutes({ tokens, tokenSigningKey, verifyToken, now, throttle, organizations, lists }));
    app.use('/api/v1', organizationRoutes(db, verifyToken));
    app.use('/graphql/api/v1', graphqlRoutes(db, verifyToken));
    app.use(
      '/api/v2',
      tfeRoutes({
        db,
        tokenSigningKey,
        verifyToken,
        now,
        throttle,
        publicUrl,
        teamTokens: config.tfeTeamTokens,
        signIn: config.tfeSignIn,
        lists,
      }),
    );
    app.use(spaRoutes(config.staticDir, publicUrl, config));
    app.use(apiErrorHandler);
    httpServer.serve(app);

    return {
      url: publicUrl,
      async close() {
        await httpServer.drain();
        await db.close();
      },
    };
  } catch (error) {
    await httpServer.drain(0);
    await db.close();
    throw error;
  }
}

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new Error(`Port ${port} on ${host} is already in use. Set PORT to another port, or PORT=0 for any free one.`));
      } else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') {
        const problem = error.code === 'EADDRNOTAVAIL' ? 'is not an address of this machine' : 'does not resolve';
        reject(new ConfigError('HOST', `HOST ${host} ${problem}. Set HOST to an address of this machine, such as 127.0.0.1.`));
      } else {
        reject(error);
      }
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

/** How the bound host appears in a URL: wildcard addresses become localhost, IPv6 gets brackets. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
