import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyShortcutFor, selectContents, writeToClipboard } from './clipboard';

const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');

afterEach(() => {
  if (original) Object.defineProperty(navigator, 'clipboard', original);
  else Reflect.deleteProperty(navigator, 'clipboard');
});

function setClipboard(value: unknown) {
  Object.defineProperty(navigator, 'clipboard', { value, configurable: true });
}

describe('writeToClipboard', () => {
  it('writes with the Clipboard API', async () => {
    const writeText = vi.fn(async () => undefined);
    setClipboard({ writeText });
    expect(await writeToClipboard('secret')).toBe(true);
    expect(writeText).toHaveBeenCalledWith('secret');
  });

  it('answers false when the API is missing or refuses', async () => {
    setClipboard(undefined);
    expect(await writeToClipboard('secret')).toBe(false);
    setClipboard({ writeText: vi.fn(async () => Promise.reject(new DOMException('denied', 'NotAllowedError'))) });
    expect(await writeToClipboard('secret')).toBe(false);
  });
});

describe('copyShortcutFor', () => {
  it('names ⌘C on Apple platforms and Ctrl+C elsewhere', () => {
    expect(copyShortcutFor({ userAgentData: { platform: 'macOS' } })).toBe('⌘C');
    expect(copyShortcutFor({ platform: 'MacIntel' })).toBe('⌘C');
    expect(copyShortcutFor({ userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)' })).toBe('⌘C');
    expect(copyShortcutFor({ platform: 'Win32' })).toBe('Ctrl+C');
    expect(copyShortcutFor({ userAgentData: { platform: 'Linux' } })).toBe('Ctrl+C');
    expect(copyShortcutFor(undefined)).toBe('Ctrl+C');
  });
});

describe('selectContents', () => {
  it('focuses and selects a text field', () => {
    const textarea = document.createElement('textarea');
    textarea.value = 'aaa.bbb.ccc';
    document.body.append(textarea);
    selectContents(textarea);
    expect(textarea).toHaveFocus();
    expect([textarea.selectionStart, textarea.selectionEnd]).toEqual([0, 11]);
    textarea.remove();
  });

  it('selects the text of another element', () => {
    const pre = document.createElement('pre');
    pre.textContent = 'credentials "x" {}';
    document.body.append(pre);
    selectContents(pre);
    expect(window.getSelection()?.toString()).toBe('credentials "x" {}');
    pre.remove();
  });
});
