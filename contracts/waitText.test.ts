import { describe, expect, it } from 'vitest';
import { waitText } from './waitText';

describe('waitText', () => {
  it.each([
    [1, '1 second'],
    [30, '30 seconds'],
    [60, '60 seconds'],
    [119, '119 seconds'],
    [120, '2 minutes'],
    [121, '3 minutes'],
    [180, '3 minutes'],
    [3600, '60 minutes'],
  ])('words %i s as "%s": seconds under 2 minutes, else whole minutes rounded up', (seconds, text) => {
    expect(waitText(seconds)).toBe(text);
  });
});
