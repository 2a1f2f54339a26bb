import { describe, expect, it } from 'vitest';
import { kindOfPath, type PathKind } from './pathKind';

const CASES: [string, PathKind][] = [
  ['/pat/v1', 'token-api'],
  ['/PAT/v1/0000', 'token-api'],
  ['/access-token/v1/teams', 'token-api'],
  ['/Access-Token/v1/teams?x=1', 'token-api'],
  ['/api', 'token-api'],
  ['/api/v3/x', 'token-api'],
  ['/api/v1', 'json-api-v1'],
  ['/API/V1/organization', 'json-api-v1'],
  ['/api/v2?page=1', 'json-api-v2'],
  ['/API/v2/account/details', 'json-api-v2'],
  ['http://elsewhere.example/api/v2/organizations', 'json-api-v2'],
  ['/graphql/api/v1', 'graphql'],
  ['/GraphQL/API/v1?x', 'graphql'],
  ['/graphql', 'app'],
  ['/graphql/api/v10', 'app'],
  ['/oidc/interaction/abc/login', 'sign-in'],
  ['/OIDC/Interaction/abc', 'sign-in'],
  ['/oidc', 'provider'],
  ['/OIDC/.well-known/openid-configuration', 'provider'],
  ['/oidc/interactions', 'provider'],
  ['/assets/index-abc.js', 'assets'],
  ['/ASSETS/x.css', 'assets'],
  ['/', 'app'],
  ['', 'app'],
  ['/patterns', 'app'],
  ['/apis', 'app'],
  ['/oidcx', 'app'],
  ['/settings/tokens', 'app'],
  ['/env-config.js', 'app'],
];

describe('the kind of a path', () => {
  it.each(CASES)('%s is %s', (path, kind) => {
    expect(kindOfPath(path)).toBe(kind);
  });
});
