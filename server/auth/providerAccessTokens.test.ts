import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_TOKEN_ALGORITHM } from '../oidc/keys';
import { providerAccessTokenVerifier } from './providerAccessTokens';

const ISSUER = 'http://127.0.0.1/oidc';
const AUDIENCE = 'http://127.0.0.1/';
const ISSUED_AT = new Date('2030-01-01T00:00:00Z');
const seconds = (date: Date, plus = 0) => Math.floor(date.getTime() / 1000) + plus;
const at = (plusSeconds: number) => new Date(ISSUED_AT.getTime() + plusSeconds * 1000);

describe('the provider access token verifier', () => {
  let privateKey: CryptoKey;
  let verify: ReturnType<typeof providerAccessTokenVerifier>;
  const sign = (claims: { nbf?: number; exp: number }) =>
    new SignJWT({ grant_id: 'grant-1', ...claims })
      .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, typ: 'at+jwt', kid: 'k1' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(seconds(ISSUED_AT))
      .sign(privateKey);

  beforeAll(async () => {
    const pair = await generateKeyPair(ACCESS_TOKEN_ALGORITHM);
    privateKey = pair.privateKey;
    verify = providerAccessTokenVerifier({
      issuer: ISSUER,
      audience: AUDIENCE,
      publicKeys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: ACCESS_TOKEN_ALGORITHM, use: 'sig' }],
    });
  });

  it('still refuses a token it accepted once when a later request comes after its expiry', async () => {
    const token = await sign({ exp: seconds(ISSUED_AT, 600) });
    expect(await verify(token, at(0))).toMatchObject({ grant_id: 'grant-1' });
    expect(await verify(token, at(599))).toMatchObject({ grant_id: 'grant-1' });
    expect(await verify(token, at(600))).toBeUndefined();
    expect(await verify(token, at(601))).toBeUndefined();
  });

  it('still refuses a token it accepted once when a request comes before its not-before time', async () => {
    const token = await sign({ nbf: seconds(ISSUED_AT, 60), exp: seconds(ISSUED_AT, 600) });
    expect(await verify(token, at(60))).toBeDefined();
    expect(await verify(token, at(59))).toBeUndefined();
  });

  it('checks every other token in full: one with an altered payload is refused after the genuine one was accepted', async () => {
    const token = await sign({ exp: seconds(ISSUED_AT, 600) });
    expect(await verify(token, at(0))).toBeDefined();
    const [header, , signature] = token.split('.');
    const payload = Buffer.from(JSON.stringify({ grant_id: 'grant-2', iss: ISSUER, aud: AUDIENCE, exp: seconds(ISSUED_AT, 600) })).toString('base64url');
    expect(await verify(`${header}.${payload}.${signature}`, at(0))).toBeUndefined();
  });
});
