import { lazy, useCallback, useState, type ComponentType } from 'react';

type Load<Props> = () => Promise<{ default: ComponentType<Props> }>;

/**
 * Each lazy component gets a promise of its own: `load` may hand every caller one cached promise, and React marks
 * a promise it has waited for as fulfilled; a new lazy component thrown that same, settled promise re-renders in
 * a loop that never yields (seen with React 19 when a page mounted a second time).
 */
const lazyOf = <Props,>(load: Load<Props>) => lazy(() => load().then((module) => module));

/**
 * `React.lazy`, with a way to try the download again: a lazy component keeps its first failure for good, so a
 * retry needs a new one. `load` must be stable (a module-level function).
 */
export function useReloadableLazy<Props>(load: Load<Props>) {
  const [component, setComponent] = useState(() => lazyOf(load));
  const reload = useCallback(() => setComponent(() => lazyOf(load)), [load]);
  return [component, reload] as const;
}
