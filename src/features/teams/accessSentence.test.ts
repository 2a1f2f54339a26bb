import { describe, expect, it } from 'vitest';
import { accessSentence } from './accessSentence';

const permission = (label: string, granted: boolean) => ({ label, granted });

describe('accessSentence', () => {
  it('names the granted permissions in a sentence', () => {
    expect(
      accessSentence([permission('Manage state', true), permission('Manage VCS connections', true), permission('Manage jobs', false), permission('Manage modules', true)]),
    ).toBe('Your teams here let you manage state, manage VCS connections and manage modules.');
    expect(accessSentence([permission('Manage state', true), permission('Manage jobs', false)])).toBe('Your teams here let you manage state.');
  });

  it('says so when none or all are granted', () => {
    expect(accessSentence([permission('Manage state', false)])).toBe('Your teams here give you no management permissions in this organization.');
    expect(accessSentence([])).toBe('Your teams here give you no management permissions in this organization.');
    expect(accessSentence([permission('Manage state', true), permission('Manage jobs', true)])).toBe(
      'Your teams here give you every management permission in this organization.',
    );
  });
});
