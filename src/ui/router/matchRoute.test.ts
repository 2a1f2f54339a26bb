import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSegment, isActivePath, matchPattern, matchRoutes, resolveTo } from './matchRoute';

const TEAM = 'organizations/:orgId/settings/teams/:teamId';

describe('matchPattern', () => {
  it('matches literal paths, with or without a trailing slash, in any case', () => {
    expect(matchPattern('settings/tokens', '/settings/tokens')).toEqual({});
    expect(matchPattern('settings/tokens', '/settings/tokens/')).toEqual({});
    expect(matchPattern('settings/tokens', '/Settings/TOKENS')).toEqual({});
    expect(matchPattern('settings/tokens', '/settings/tokens/extra')).toBeNull();
    expect(matchPattern('settings/tokens', '/settings')).toBeNull();
    expect(matchPattern('settings/tokens', '/')).toBeNull();
  });

  it('gives parameters decoded, keeping their case', () => {
    expect(matchPattern(TEAM, '/organizations/Org-1/settings/teams/t%20one')).toEqual({ orgId: 'Org-1', teamId: 't one' });
  });

  it('reads %2F as part of a parameter, never as a separator', () => {
    expect(matchPattern(TEAM, '/organizations/a%2Fb/settings/teams/c%2F..%2Fd')).toEqual({ orgId: 'a/b', teamId: 'c/../d' });
    expect(matchPattern('organizations/:orgId/settings/teams', '/organizations/a%2Fsettings%2Fteams')).toBeNull();
  });

  it('keeps malformed percent-encoding as written instead of failing', () => {
    expect(matchPattern(TEAM, '/organizations/%E0%A4%A/settings/teams/%zz')).toEqual({ orgId: '%E0%A4%A', teamId: '%zz' });
    expect(matchPattern('settings/tokens', '/settings/%E0')).toBeNull();
  });

  it('treats dot segments and encoded dots as data, not as a way up', () => {
    expect(matchPattern(TEAM, '/organizations/%2E%2E/settings/teams/..')).toEqual({ orgId: '..', teamId: '..' });
  });

  it('gives no parameter an empty value', () => {
    expect(matchPattern(TEAM, '/organizations//settings/teams/x')).toBeNull();
  });

  it('matches anything with *', () => {
    expect(matchPattern('*', '/no/such/page')).toEqual({});
    expect(matchPattern('*', '/')).toEqual({});
  });

  it('decodes any parameter that encodeURIComponent wrote back to the same text', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (orgId, teamId) => {
        const path = `/organizations/${encodeURIComponent(orgId)}/settings/teams/${encodeURIComponent(teamId)}`;
        expect(matchPattern(TEAM, path)).toEqual({ orgId, teamId });
      }),
    );
  });

  it('never throws on any pathname', () => {
    fc.assert(fc.property(fc.string(), (pathname) => void matchPattern(TEAM, pathname)));
  });
});

describe('decodeSegment', () => {
  it('decodes what it can and leaves the rest', () => {
    expect(decodeSegment('a%20b')).toBe('a b');
    expect(decodeSegment('%')).toBe('%');
    expect(decodeSegment('%C3%A9')).toBe('é');
  });
});

describe('matchRoutes', () => {
  const routes = [{ index: true, name: 'home' }, { path: 'settings/tokens', name: 'tokens' }, { path: TEAM, name: 'team' }, { path: '*', name: '404' }];

  it('picks the first route that matches, the index route only at the root', () => {
    expect(matchRoutes(routes, '/')?.route.name).toBe('home');
    expect(matchRoutes(routes, '')?.route.name).toBe('home');
    expect(matchRoutes(routes, '/settings/tokens')?.route.name).toBe('tokens');
    expect(matchRoutes(routes, '/organizations/o/settings/teams/t')).toEqual({ route: routes[2], params: { orgId: 'o', teamId: 't' } });
    expect(matchRoutes(routes, '/settings/tokens/extra')?.route.name).toBe('404');
  });

  it('matches nothing when no route does', () => {
    expect(matchRoutes(routes.slice(0, 3), '/nowhere')).toBeNull();
  });
});

describe('resolveTo', () => {
  it('resolves strings and objects against the current path', () => {
    expect(resolveTo('/settings/tokens', '/organizations')).toEqual({ pathname: '/settings/tokens', search: '', hash: '' });
    expect(resolveTo({ pathname: '/x', search: 'status=expiring' }, '/y')).toEqual({ pathname: '/x', search: '?status=expiring', hash: '' });
    expect(resolveTo({ search: '?a=1' }, '/settings/tokens')).toEqual({ pathname: '/settings/tokens', search: '?a=1', hash: '' });
    expect(resolveTo({ search: '' }, '/settings/tokens').search).toBe('');
    expect(resolveTo('teams', '/organizations/o/settings/').pathname).toBe('/organizations/o/settings/teams');
  });

  it('stays on the app’s origin whatever it is given', () => {
    expect(resolveTo('//evil.example/x', '/').pathname).toBe('/x');
    expect(resolveTo('/../../etc', '/a/b').pathname).toBe('/etc');
  });
});

describe('isActivePath', () => {
  it('is the path itself, or below it unless end', () => {
    expect(isActivePath('/organizations', '/organizations/o/settings/teams')).toBe(true);
    expect(isActivePath('/organizations', '/organizationsX')).toBe(false);
    expect(isActivePath('/settings/tokens', '/settings/tokens/', true)).toBe(true);
    expect(isActivePath('/settings/tokens', '/settings/tokens/x', true)).toBe(false);
  });
});
