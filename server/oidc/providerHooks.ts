import type Provider from 'oidc-provider';
import type { ProviderTokenCheck } from '../auth/providerAccessTokens';
import type { Queryable } from '../db/database';
import { revokeGrantOfAccessToken } from './accessTokenRevocation';

/**
 * What the server adds to the provider's own request handling: which errors are logged, that revoking an access
 * token ends its grant, and where its URLs come from.
 */
export function attachProviderHooks(provider: Provider, db: Queryable, check: ProviderTokenCheck, now: () => Date): void {
  // Host and X-Forwarded-Proto/Host decide the URLs the provider writes (discovery, redirects) and whether its
  // cookies are Secure. The server has already set them to the public origin's, before any route.
  provider.proxy = true;
  logOnlyProviderFaults(provider);
  provider.use(revokeGrantOfAccessToken(db, check, now));
}

/** Koa logs every error it sees, a connection the client broke (Node already answered its 400) included. */
function logOnlyProviderFaults(provider: Provider): void {
  provider.app.off('error', provider.app.onerror);
  provider.app.on('error', (error: unknown) => {
    if (!isClientsFault(error)) console.error('The identity provider failed:', error);
  });
}

/** A request Node could not parse, a connection the client dropped, or an error the provider answered as 4xx. */
function isClientsFault(error: unknown): boolean {
  const { code, status, expose } = (error ?? {}) as { code?: unknown; status?: unknown; expose?: unknown };
  if (typeof code === 'string' && (code.startsWith('HPE_') || ['ECONNRESET', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE'].includes(code))) {
    return true;
  }
  return expose === true || (typeof status === 'number' && status < 500);
}
