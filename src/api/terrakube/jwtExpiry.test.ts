import { describe, expect, it } from 'vitest';
import { expiryClaimOf } from './jwtExpiry';
import { fakeJwt } from './testing/fakeJwt';

describe('expiryClaimOf', () => {
  it('reads exp and iat (seconds) as dates', () => {
    const token = fakeJwt({ iss: 'Terrakube', exp: 1_798_000_000, iat: 1_795_400_000 });
    expect(expiryClaimOf(token)).toEqual({
      kind: 'expires',
      at: new Date(1_798_000_000_000),
      issuedAt: new Date(1_795_400_000_000),
    });
  });

  it('says never when the payload has no exp, or a null one', () => {
    expect(expiryClaimOf(fakeJwt({ iss: 'Terrakube', iat: 1_795_400_000 }))).toEqual({ kind: 'never' });
    expect(expiryClaimOf(fakeJwt({ iss: 'Terrakube', exp: null }))).toEqual({ kind: 'never' });
  });

  it('decodes base64url payloads with - and _ and without padding, and UTF-8 names', () => {
    // "ÿÿ" and "~~~" encode to base64 with + and /, which base64url writes as - and _.
    const token = fakeJwt({ name: 'Zoë ÿÿ ~~~ (Token)', exp: 2_000_000_000 });
    expect(token.split('.')[1]).toMatch(/[-_]/);
    expect(expiryClaimOf(token)).toEqual({ kind: 'expires', at: new Date(2_000_000_000_000) });
  });

  it.each([
    ['not a JWT', 'abc'],
    ['two parts', 'a.b'],
    ['an empty payload', 'a..c'],
    ['a payload that is not base64url', 'a.@@@.c'],
    ['a payload that is not JSON', `a.${btoa('nope')}.c`],
    ['a payload that is not an object', `a.${btoa('[1]')}.c`],
    ['an exp that is not a number', `a.${btoa('{"exp":"soon"}')}.c`],
  ])('cannot read %s', (_name, token) => {
    expect(expiryClaimOf(token)).toEqual({ kind: 'unreadable' });
  });
});
