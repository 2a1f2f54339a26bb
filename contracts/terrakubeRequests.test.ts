import { describe, expect, it } from 'vitest';
import { descriptionSchema, patRequestSchema, teamTokenRequestSchema } from './terrakubeRequests';
import { LONE_SURROGATE_MESSAGE } from './unicodeText';

const firstMessage = (result: { error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

describe('descriptionSchema', () => {
  it('trims surrounding whitespace, including a pasted line break', () => {
    expect(descriptionSchema.parse('  Laptop\n')).toBe('Laptop');
  });

  it.each([
    'a\u0000b',
    'two\nlines',
    'tab\there',
    'bell\u0007',
    'delete\u007f',
    'next\u0085line',
    'line\u2028separator',
    'paragraph\u2029separator',
  ])(
    'refuses control characters inside the text (%j)',
    (description) => {
      expect(firstMessage(descriptionSchema.safeParse(description))).toBe(
        'Description must be a single line without tabs or other control characters.',
      );
    },
  );

  it.each(['\ud800', 'lone \udc00 low', 'cut \ud83d'])('refuses a lone surrogate (%j) rather than storing U+FFFD', (description) => {
    expect(firstMessage(descriptionSchema.safeParse(description))).toBe(LONE_SURROGATE_MESSAGE);
  });

  it('accepts any other Unicode text', () => {
    expect(descriptionSchema.parse('Déploiement – CI 🚀')).toBe('Déploiement – CI 🚀');
  });
});

describe('request schemas', () => {
  it('name unknown fields and the expected ones', () => {
    expect(firstMessage(patRequestSchema.safeParse({ description: 'x', days: 1, expires: 'never' }))).toBe(
      'Unknown field "expires": the fields are description, days, hours, minutes.',
    );
    expect(
      firstMessage(teamTokenRequestSchema.safeParse({ group: 'A', description: 'x', days: 1, team: 'A', owner: 'b' })),
    ).toBe('Unknown fields "team", "owner": the fields are group, description, days, hours, minutes.');
  });

  it.each([
    ['', 'Group is required.'],
    ['   ', 'Group is required.'],
    [' TERRAKUBE_ADMIN', 'Group must not start or end with spaces.'],
    ['TERRAKUBE_ADMIN ', 'Group must not start or end with spaces.'],
    ['TERRAKUBE\u0000ADMIN', 'Group must not contain control characters.'],
    ['TERRAKUBE\u2028ADMIN', 'Group must not contain control characters.'],
    ['TERRAKUBE\ud800', LONE_SURROGATE_MESSAGE],
  ])('refuse the group %j rather than changing it', (group, message) => {
    expect(firstMessage(teamTokenRequestSchema.safeParse({ group, description: 'x', days: 1 }))).toBe(message);
  });

  it('keep the group exactly as sent', () => {
    expect(teamTokenRequestSchema.parse({ group: 'TERRAKUBE_ADMIN', description: 'x', days: 1 })).toEqual({
      group: 'TERRAKUBE_ADMIN',
      description: 'x',
      days: 1,
      hours: 0,
      minutes: 0,
    });
  });
});
