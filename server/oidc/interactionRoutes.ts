import express, { type NextFunction, type Request, type Response } from 'express';
import { errors } from 'oidc-provider';
import type Provider from 'oidc-provider';
import { checkCredentials } from './demoUsers';
import { OIDC_PATH } from './identityProvider';
import { expiredSignInPage, signInPage, WRONG_CREDENTIALS_MESSAGE } from './signInPage';
import { clientAddressOf } from '../throttle/clientAddress';
import type { Throttle } from '../throttle/throttle';

/** The provider's user-facing steps: the sign-in form, and consent, which is implied for the first-party app. */
export function interactionRoutes(provider: Provider, appUrl: string, throttle: Throttle): express.Router {
  const router = express.Router();
  const formAction = (uid: string) => `${OIDC_PATH}/interaction/${encodeURIComponent(uid)}/login`;

  router.get('/:uid', async (req, res) => {
    const interaction = await provider.interactionDetails(req, res);
    if (interaction.prompt.name === 'login') {
      res.type('html').send(signInPage({ action: formAction(interaction.uid) }));
      return;
    }
    // Consent for whatever the provider still finds missing, without asking.
    const { details } = interaction.prompt;
    const grant = interaction.grantId
      ? await provider.Grant.find(interaction.grantId)
      : new provider.Grant({ accountId: interaction.session?.accountId, clientId: String(interaction.params.client_id) });
    if (!grant) throw new errors.SessionNotFound('grant not found');
    if (Array.isArray(details.missingOIDCScope)) grant.addOIDCScope(details.missingOIDCScope.join(' '));
    if (Array.isArray(details.missingOIDCClaims)) grant.addOIDCClaims(details.missingOIDCClaims);
    const missingResourceScopes = (details.missingResourceScopes ?? {}) as Record<string, string[]>;
    for (const [indicator, scopes] of Object.entries(missingResourceScopes)) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  });

  router.post('/:uid/login', express.urlencoded({ extended: false, limit: '10kb' }), async (req, res) => {
    const interaction = await provider.interactionDetails(req, res);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const email = typeof body.email === 'string' ? body.email : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const admission = await throttle.admitSignIn(email, clientAddressOf(req));
    if (!admission.admitted) {
      res.set('Retry-After', String(admission.retryAfterSeconds));
      res.status(429).type('html').send(signInPage({ action: formAction(interaction.uid), email, error: admission.message }));
      return;
    }
    const user = checkCredentials(email, password);
    if (!user) {
      res.status(401).type('html').send(signInPage({ action: formAction(interaction.uid), email, error: WRONG_CREDENTIALS_MESSAGE }));
      return;
    }
    await admission.succeeded();
    await provider.interactionFinished(req, res, { login: { accountId: user.email } }, { mergeWithLastSubmission: false });
  });

  // An unknown or expired interaction (old tab, cleared cookies) gets a way back instead of a stack trace.
  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (error instanceof errors.SessionNotFound || error instanceof errors.InvalidRequest) {
      res.status(400).type('html').send(expiredSignInPage(appUrl));
      return;
    }
    next(error);
  });

  return router;
}
