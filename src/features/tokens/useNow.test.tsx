import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useNow } from './useNow';

describe('useNow', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-11-23T10:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('ticks every interval while mounted, and stops when unmounted', () => {
    const { result, unmount } = renderHook(() => useNow(30_000));
    expect(result.current).toBe(Date.parse('2026-11-23T10:00:00Z'));
    act(() => vi.advanceTimersByTime(29_999));
    expect(result.current).toBe(Date.parse('2026-11-23T10:00:00Z'));
    act(() => vi.advanceTimersByTime(1));
    expect(result.current).toBe(Date.parse('2026-11-23T10:00:30Z'));
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('catches up at once when the page becomes visible again', () => {
    const { result } = renderHook(() => useNow(60_000));
    vi.setSystemTime(new Date('2026-11-23T12:00:00Z'));
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(result.current).toBe(Date.parse('2026-11-23T12:00:00Z'));
  });
});
