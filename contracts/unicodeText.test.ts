import { describe, expect, it } from 'vitest';
import { hasLoneSurrogate } from './unicodeText';

describe('hasLoneSurrogate', () => {
  it.each(['\ud800', 'a\udfffb', '\udc00\ud800', 'x\ud83d'])('finds the lone surrogate in %j', (text) => {
    expect(hasLoneSurrogate(text)).toBe(true);
  });

  it.each(['', 'plain', 'Déploiement 🚀', '\ud83d\ude80', '\ufffd'])('accepts the valid text %j', (text) => {
    expect(hasLoneSurrogate(text)).toBe(false);
  });
});
