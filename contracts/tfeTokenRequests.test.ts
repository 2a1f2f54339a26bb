import { describe, expect, it } from 'vitest';
import { parseIsoDateTime, teamTokenAttributesSchema, userTokenAttributesSchema } from './tfeTokenRequests';

describe('parseIsoDateTime', () => {
  it.each([
    ['2026-04-06T12:00:00.000Z', '2026-04-06T12:00:00.000Z'],
    ['2026-04-06T12:00:00Z', '2026-04-06T12:00:00.000Z'],
    ['2026-04-06T12:00:00.123456Z', '2026-04-06T12:00:00.123Z'],
    ['2026-04-06T12:00:00+02:00', '2026-04-06T10:00:00.000Z'],
    ['2028-02-29T00:00:00-05:30', '2028-02-29T05:30:00.000Z'],
  ])('reads %s as %s', (value, iso) => {
    expect(parseIsoDateTime(value)?.toISOString()).toBe(iso);
  });

  it.each([
    '2026-02-30T00:00:00Z',
    '2027-02-29T00:00:00Z',
    '2026-04-06T24:00:00Z',
    '2026-04-06T12:00:60Z',
    '2026-13-01T00:00:00Z',
    '2026-04-06T12:00:00',
    '2026-04-06T12:00Z',
    '2026-04-06',
    '2026-04-06T12:00:00+24:00',
    'tomorrow',
  ])('refuses %s', (value) => {
    expect(parseIsoDateTime(value)).toBeUndefined();
  });
});

describe('token attributes', () => {
  it('treats an absent or null expired-at and description of a user token as none', () => {
    expect(userTokenAttributesSchema.parse({})).toEqual({ description: null, 'expired-at': null });
    expect(userTokenAttributesSchema.parse({ description: null, 'expired-at': null })).toEqual({ description: null, 'expired-at': null });
  });

  it('trims a description and reads expired-at as a date', () => {
    expect(userTokenAttributesSchema.parse({ description: ' CI ', 'expired-at': '2026-04-06T12:00:00.000Z' })).toEqual({
      description: 'CI',
      'expired-at': new Date('2026-04-06T12:00:00.000Z'),
    });
  });

  it.each([
    [userTokenAttributesSchema, { description: '  ' }, ['description'], 'must not be blank'],
    [userTokenAttributesSchema, { description: 5 }, ['description'], 'must be a string'],
    [userTokenAttributesSchema, { 'expired-at': 'soon' }, ['expired-at'], 'ISO 8601'],
    [userTokenAttributesSchema, { 'expired-at': 1_800_000_000 }, ['expired-at'], 'ISO 8601'],
    [userTokenAttributesSchema, { expires: 'never' }, [], 'Unknown attribute "expires"'],
    [teamTokenAttributesSchema, {}, ['description'], 'Description is required.'],
    [teamTokenAttributesSchema, { description: null }, ['description'], 'Description is required.'],
  ])('refuses %o with the attribute and a message', (schema, attributes, path, message) => {
    const result = schema.safeParse(attributes);
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue.path).toEqual(path);
    expect(issue.message).toContain(message);
  });
});
