import type { RequestHandler, Response } from 'express';
import { decodeProtectedHeader, errors, type JWTPayload } from 'jose';
import { ApiError } from '../http/apiError';
import { isUuid } from '../http/uuid';
import { ACCESS_TOKEN_ALGORITHM } from '../oidc/keys';
import { verifyIssuedToken } from '../tokens/issuedTokens';
import { lastUseRecorder } from './lastUseRecorder';
import { grantIdOf, providerAccessTokenVerifier, type ProviderTokenCheck } from './providerAccessTokens';
import type { TokenRepository } from '../tokens/tokenRepository';

/** How the caller proved who they are: an interactive sign-in with the identity provider, or a token this API issued. */
export type Credential = 'sign-in' | 'personal-access-token' | 'team-token';

/** Who is calling: from an identity-provider access token, or from a token this API issued. */
export interface Caller {
  email: string;
  name: string;
  groups: string[];
  credential: Credential;
  /** When the issued token the caller presented expires (`null` = never); absent for a sign-in. */
  tokenExpiresAt?: Date | null;
}

export interface AuthenticationOptions {
  oidc: ProviderTokenCheck & {
    /** Whether the sign-in (grant) an access token came from still stands. */
    isGrantActive(grantId: string): Promise<boolean>;
  };
  tokenSigningKey: Uint8Array;
  tokens: TokenRepository;
  now: () => Date;
}

const INVALID_TOKEN_MESSAGE = 'The bearer token is invalid, expired or revoked. Sign in again or use another token.';

/**
 * Resolves a bearer token to a caller, or undefined when the token is malformed, fails a signature or claim
 * check, or no longer stands. An identity-provider access token stands while its grant does (sign-out and
 * revocation end it); an issued token while its row does, and it acts as the row says, whatever its claims.
 * Either way one indexed query, and for an issued token, at most once a minute, an UPDATE of its last use. Any
 * other failure (the database) is thrown.
 */
export function createTokenVerifier(options: AuthenticationOptions): (token: string) => Promise<Caller | undefined> {
  const verifyProviderToken = providerAccessTokenVerifier(options.oidc);
  const recordLastUse = lastUseRecorder(options.tokens);

  async function providerCaller(token: string, now: Date): Promise<Caller | undefined> {
    const payload = await verifyProviderToken(token, now);
    const grantId = payload && grantIdOf(payload);
    if (!grantId || !(await options.oidc.isGrantActive(grantId))) return undefined;
    return signedInCaller(payload);
  }

  async function issuedTokenCaller(token: string, now: Date): Promise<Caller | undefined> {
    let jti: string | undefined;
    try {
      ({ jti } = await verifyIssuedToken(options.tokenSigningKey, token, now));
    } catch (error) {
      if (error instanceof errors.JOSEError) return undefined;
      throw error;
    }
    const active = isUuid(jti) ? await options.tokens.findActiveToken(jti, now) : undefined;
    if (!active) return undefined;
    await recordLastUse(active.kind, active.id, now);
    return {
      email: active.email,
      name: active.name,
      groups: active.groups,
      credential: active.kind === 'team' ? 'team-token' : 'personal-access-token',
      tokenExpiresAt: active.expiresAt,
    };
  }

  return async (token) => {
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      return undefined; // not a JWS at all
    }
    const now = options.now();
    return alg === ACCESS_TOKEN_ALGORITHM ? providerCaller(token, now) : issuedTokenCaller(token, now);
  };
}

/** A person who signed in, as the provider's access token names them. */
function signedInCaller(payload: JWTPayload): Caller | undefined {
  const { email, name, groups } = payload;
  if (typeof email !== 'string' || !email) return undefined;
  return {
    email,
    name: typeof name === 'string' && name ? name : email,
    groups: Array.isArray(groups) ? groups.filter((group): group is string => typeof group === 'string') : [],
    credential: 'sign-in',
  };
}

/** Requires `Authorization: Bearer <token>` on every request and stores the caller for the handlers. */
export function authenticate(verifyToken: (token: string) => Promise<Caller | undefined>): RequestHandler {
  return async (req, res, next) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
    if (!match?.[1]) throw new ApiError(401, 'The request has no bearer token. Sign in and send Authorization: Bearer <token>.');
    const caller = await verifyToken(match[1]);
    if (!caller) throw new ApiError(401, INVALID_TOKEN_MESSAGE);
    res.locals.caller = caller;
    next();
  };
}

export function callerOf(res: Response): Caller {
  const caller = res.locals.caller as Caller | undefined;
  if (!caller) throw new Error('The request was not authenticated.');
  return caller;
}
