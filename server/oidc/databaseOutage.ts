import type Provider from 'oidc-provider';
import { DatabaseUnavailableError, isConnectionFailure } from '../db/databaseUnavailable';
import { RETRY_AFTER_SECONDS } from '../http/apiError';
import { escapeHtml, htmlPage } from '../http/html';

/** Marks, on the request's state, that the provider's error came from the database being away. */
const UNAVAILABLE = 'databaseUnavailable';

/**
 * The provider answers its own errors, a failed database as 500 `server_error`: make that a 503 with
 * Retry-After and a message that says what happened (OAuth's `temporarily_unavailable` on its JSON endpoints).
 */
export function answerDatabaseOutages(provider: Provider): void {
  provider.on('server_error', (ctx, error) => {
    if (isConnectionFailure(error)) ctx.state[UNAVAILABLE] = true;
  });
  provider.use(async (ctx, next) => {
    await next();
    if (!ctx.state[UNAVAILABLE]) return;
    const { message } = new DatabaseUnavailableError(undefined);
    ctx.status = 503;
    ctx.set('Retry-After', String(RETRY_AFTER_SECONDS));
    if (ctx.response.is('json')) {
      ctx.body = { error: 'temporarily_unavailable', error_description: message };
    } else {
      ctx.type = 'html';
      ctx.body = htmlPage('Sign-in unavailable', `<h1>Sign-in unavailable</h1>\n<p role="alert">${escapeHtml(message)}</p>`);
    }
  });
}
