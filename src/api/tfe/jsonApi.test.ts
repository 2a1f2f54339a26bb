import { describe, expect, it } from 'vitest';
import { ApiError } from '../ApiError';
import { includedOf, isoDateOf, relationshipRef, resourceOf, resourcesOf, textOf } from './jsonApi';

const token = {
  id: 'at-1',
  type: 'authentication-tokens',
  attributes: { description: 'CI' },
  relationships: { team: { data: { id: 'team-1', type: 'teams' } } },
};

describe('reading JSON:API documents', () => {
  it('reads one resource, with empty attributes and relationships when they are missing', () => {
    expect(resourceOf({ data: token }, 'the token')).toEqual(token);
    expect(resourceOf({ data: { id: 'at-2', type: 'authentication-tokens' } }, 'the token')).toEqual({
      id: 'at-2',
      type: 'authentication-tokens',
      attributes: {},
      relationships: {},
    });
  });

  it.each([
    ['no body', undefined],
    ['an array', [token]],
    ['no data', { errors: [] }],
    ['a list as data', { data: [token] }],
    ['a resource without an id', { data: { type: 'authentication-tokens' } }],
    ['a numeric id', { data: { ...token, id: 7 } }],
    ['an HTML page', '<html>sign in</html>'],
  ])('reports %s where a resource should be, naming what was asked for', (_shape, body) => {
    expect(() => resourceOf(body, 'the new token')).toThrow(ApiError);
    expect(() => resourceOf(body, 'the new token')).toThrow('The server sent an unexpected answer for the new token.');
  });

  it('reads a list, leaving out items that are not resources', () => {
    const list = resourcesOf({ data: [token, null, 'x', { type: 'authentication-tokens' }] }, 'the tokens');
    expect(list.map((resource) => resource.id)).toEqual(['at-1']);
    expect(() => resourcesOf({ data: token }, 'the tokens')).toThrow(ApiError);
    expect(() => resourcesOf(null, 'the tokens')).toThrow(ApiError);
  });

  it('reads side-loaded resources, or none', () => {
    expect(includedOf({ data: [], included: [{ id: 'user-1', type: 'users', attributes: { username: 'alice' } }] })).toEqual([
      { id: 'user-1', type: 'users', attributes: { username: 'alice' }, relationships: {} },
    ]);
    expect(includedOf({ data: [] })).toEqual([]);
    expect(includedOf({ data: [], included: 'nope' })).toEqual([]);
  });

  it('reads a relationship reference, or none', () => {
    const resource = resourceOf({ data: token }, 'the token');
    expect(relationshipRef(resource, 'team')).toEqual({ id: 'team-1', type: 'teams' });
    expect(relationshipRef(resource, 'created-by')).toBeUndefined();
    const nullTeam = resourceOf({ data: { ...token, relationships: { team: { data: null } } } }, 'the token');
    expect(relationshipRef(nullTeam, 'team')).toBeUndefined();
  });

  it('reads dates and text defensively', () => {
    expect(isoDateOf('2023-04-06T12:00:00Z')).toBe('2023-04-06T12:00:00.000Z');
    expect(isoDateOf(null)).toBeNull();
    expect(isoDateOf('not a date')).toBeNull();
    expect(isoDateOf(1_700_000_000)).toBeNull();
    expect(textOf(null)).toBe('');
    expect(textOf(42)).toBe('');
    expect(textOf('CI')).toBe('CI');
  });
});
