/**
 * The two histories the router runs on: the browser's (`window.history`, with Back and Forward) and one in memory
 * for tests. Each keeps a snapshot of where it is and how it got there, for `useSyncExternalStore`.
 */

/** How the current location was reached: a link or `navigate` (PUSH), a redirect or `replace` (REPLACE), Back/Forward or the first load (POP). */
export type NavigationType = 'POP' | 'PUSH' | 'REPLACE';

export interface Location {
  pathname: string;
  /** `?…`, or empty. */
  search: string;
  /** `#…`, or empty. */
  hash: string;
  /** Differs for every entry, also between two entries of the same URL. */
  key: string;
}

export interface HistorySnapshot {
  location: Location;
  action: NavigationType;
}

export interface History {
  snapshot(): HistorySnapshot;
  push(href: string): void;
  replace(href: string): void;
  listen(listener: () => void): () => void;
}

let lastKey = 0;
const newKey = () => (++lastKey).toString(36);

function locationOf(href: string, key: string): Location {
  const url = new URL(href, 'http://app.invalid');
  return { pathname: url.pathname, search: url.search, hash: url.hash, key };
}

function listeners() {
  const all = new Set<() => void>();
  return {
    add(listener: () => void) {
      all.add(listener);
      return () => void all.delete(listener);
    },
    notify: () => all.forEach((listener) => listener()),
  };
}

export function createBrowserHistory(window: Window = globalThis.window): History {
  const subscribers = listeners();
  const keyOfState = () => ((window.history.state as { key?: unknown } | null)?.key as string | undefined) ?? 'default';
  const current = (action: NavigationType): HistorySnapshot => {
    const { pathname, search, hash } = window.location;
    return { location: { pathname, search, hash, key: keyOfState() }, action };
  };
  let snapshot = current('POP');
  const go = (action: 'PUSH' | 'REPLACE', href: string) => {
    const key = newKey();
    // Other state in the entry (set before the router started) is kept, as the page may rely on it.
    const state = { ...((window.history.state as object | null) ?? {}), key };
    if (action === 'PUSH') window.history.pushState(state, '', href);
    else window.history.replaceState(state, '', href);
    snapshot = current(action);
    subscribers.notify();
  };
  const onPopState = () => {
    snapshot = current('POP');
    subscribers.notify();
  };
  let listening = 0;
  return {
    snapshot: () => snapshot,
    push: (href) => go('PUSH', href),
    replace: (href) => go('REPLACE', href),
    // Listens to the window only while someone listens here, so a history that is dropped (a router that
    // unmounts, StrictMode's second initializer) leaves nothing behind.
    listen(listener) {
      if (listening++ === 0) {
        window.addEventListener('popstate', onPopState);
        const { location } = snapshot;
        const { pathname, search, hash } = window.location;
        if (location.pathname !== pathname || location.search !== search || location.hash !== hash) snapshot = current('POP');
      }
      const unsubscribe = subscribers.add(listener);
      return () => {
        unsubscribe();
        if (--listening === 0) window.removeEventListener('popstate', onPopState);
      };
    },
  };
}

export interface MemoryHistory extends History {
  /** Back (`-1`) or Forward (`1`), as the browser's buttons: a POP. */
  go(delta: number): void;
}

export function createMemoryHistory(initialEntries: readonly string[] = ['/']): MemoryHistory {
  const subscribers = listeners();
  const entries = (initialEntries.length ? initialEntries : ['/']).map((href) => locationOf(href, newKey()));
  let index = entries.length - 1;
  let snapshot: HistorySnapshot = { location: entries[index]!, action: 'POP' };
  const settle = (action: NavigationType) => {
    snapshot = { location: entries[index]!, action };
    subscribers.notify();
  };
  return {
    snapshot: () => snapshot,
    push(href) {
      entries.splice(index + 1, entries.length, locationOf(href, newKey()));
      index = entries.length - 1;
      settle('PUSH');
    },
    replace(href) {
      entries[index] = locationOf(href, newKey());
      settle('REPLACE');
    },
    go(delta) {
      const next = Math.min(Math.max(index + delta, 0), entries.length - 1);
      if (next === index) return;
      index = next;
      settle('POP');
    },
    listen: subscribers.add,
  };
}
