import { Suspense, useCallback, useState } from 'react';
import { LazyLoadBoundary } from '../../ui/LazyLoadBoundary';
import { useReloadableLazy } from '../../ui/useReloadableLazy';
import type { Toast } from './TokenToast';

// The toast follows a delete or a regenerate: its code loads when first needed.
const loadTokenToast = () => import('./TokenToast');

/** Starts loading the toast's code, so that it shows without delay when an action ends. */
export const preloadTokenToast = () => void loadTokenToast().catch(() => undefined);

/** The panel's one toast, announced through live regions: `showToast` replaces whatever toast was showing. */
export function useToast() {
  const [TokenToast, reloadTokenToast] = useReloadableLazy(loadTokenToast);
  const [toast, setToast] = useState<Toast | null>(null);
  const [open, setOpen] = useState(false);
  const showToast = useCallback((next: Omit<Toast, 'key'>) => {
    setToast({ ...next, key: Date.now() });
    setOpen(true);
  }, []);

  const toastElement = toast && (
    <LazyLoadBoundary what="the message about the change" onReload={reloadTokenToast} onDismiss={() => setToast(null)}>
      <Suspense fallback={null}>
        <TokenToast toast={toast} open={open} onClose={() => setOpen(false)} />
      </Suspense>
    </LazyLoadBoundary>
  );
  // The live regions are there before any message, and stay: screen readers announce what is added to a region
  // they already know, and may miss one that arrives with its message. An error interrupts; the rest waits.
  const regions = (
    <>
      <div aria-live="polite">{toast?.severity !== 'error' && toastElement}</div>
      <div aria-live="assertive">{toast?.severity === 'error' && toastElement}</div>
    </>
  );
  return { toastElement: regions, showToast };
}
