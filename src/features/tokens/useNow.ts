import { startTransition, useEffect, useState } from 'react';

/**
 * The current time in milliseconds, refreshed every `intervalMs` while the component is mounted and at once when
 * the page becomes visible again, so relative times ("in 29 days") and statuses stay true on an open page. A
 * transition: redrawing every row for a new time is never urgent, and React keeps it from blocking a tap or a
 * keystroke (or a page coming back into view) by rendering it in slices.
 */
export function useNow(intervalMs: number = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = () => startTransition(() => setNow(Date.now()));
    const timer = window.setInterval(tick, intervalMs);
    const onVisibilityChange = () => {
      if (document.visibilityState === 'visible') tick();
    };
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibilityChange);
    };
  }, [intervalMs]);
  return now;
}
