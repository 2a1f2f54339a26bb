import type { RequestHandler, Response } from 'express';
import { createLocalJWKSet, decodeProtectedHeader, errors, jwtVerify, type JWK, type JWTPayload } from 'jose';
import { ApiError } from '../http/apiError';
import { isUuid } from '../http/uuid';
import { ACCESS_TOKEN_ALGORITHM } from '../oidc/keys';
import { verifyIssuedToken } from '../tokens/issuedTokens';
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
  oidc: { issuer: string; audience: string; publicKeys: JWK[] };
  tokenSigningKey: Uint8Array;
  tokens: TokenRepository;
  now: () => Date;
}

const INVALID_TOKEN_MESSAGE = 'The bearer token is invalid, expired or revoked. Sign in again or use another token.';

/**
 * Resolves a bearer token to a caller, or undefined when the token is malformed or fails a signature or claim
 * check. Identity-provider access tokens are checked against the provider's keys; issued tokens against the
 * signing key and their row, so a deleted token stops at once. Any other failure (the database) is thrown.
 */
export function createTokenVerifier(options: AuthenticationOptions): (token: string) => Promise<Caller | undefined> {
  const providerKeys = createLocalJWKSet({ keys: options.oidc.publicKeys });

  /** The claims of a well-formed token whose signature and claims check out, and whether this API issued it. */
  async function verifySignature(token: string, now: Date): Promise<{ payload: JWTPayload; issued: boolean } | undefined> {
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      return undefined; // not a JWS at all
    }
    try {
      if (alg !== ACCESS_TOKEN_ALGORITHM) {
        return { payload: await verifyIssuedToken(options.tokenSigningKey, token, now), issued: true };
      }
      const { payload } = await jwtVerify(token, providerKeys, {
        algorithms: [ACCESS_TOKEN_ALGORITHM],
        issuer: options.oidc.issuer,
        audience: options.oidc.audience,
        typ: 'at+jwt',
        currentDate: now,
      });
      return { payload, issued: false };
    } catch (error) {
      if (error instanceof errors.JOSEError) return undefined;
      throw error;
    }
  }

  return async (token) => {
    const now = options.now();
    const verified = await verifySignature(token, now);
    if (!verified) return undefined;
    if (!verified.issued) return callerFrom(verified.payload, 'sign-in');
    const { jti } = verified.payload;
    const active = isUuid(jti) ? await options.tokens.findActiveToken(jti, now) : undefined;
    if (!active) return undefined;
    const caller = callerFrom(verified.payload, active.kind === 'team' ? 'team-token' : 'personal-access-token');
    return caller && { ...caller, tokenExpiresAt: active.expiresAt };
  };
}

function callerFrom(payload: JWTPayload, credential: Credential): Caller | undefined {
  const { email, name, groups } = payload;
  if (typeof email !== 'string' || !email) return undefined;
  return {
    email,
    name: typeof name === 'string' && name ? name : email,
    groups: Array.isArray(groups) ? groups.filter((group): group is string => typeof group === 'string') : [],
    credential,
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
