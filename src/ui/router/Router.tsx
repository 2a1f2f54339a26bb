import { createContext, use, useCallback, useLayoutEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { createBrowserHistory, createMemoryHistory, type History, type Location, type NavigationType } from './history';
import { hrefOf, resolveTo, type To } from './matchRoute';

export interface NavigateOptions {
  /** Replace the current history entry instead of adding one (redirects, filters). */
  replace?: boolean;
}

interface RouterState {
  location: Location;
  navigationType: NavigationType;
  navigate: (to: To, options?: NavigateOptions) => void;
  /** Where the history is now, which may be ahead of the last render. */
  current: () => Location;
}

const RouterContext = createContext<RouterState | null>(null);

function useRouter(): RouterState {
  const router = use(RouterContext);
  if (!router) throw new Error('Rendered outside a router: wrap the app in <BrowserRouter> (or <MemoryRouter> in tests).');
  return router;
}

/** Provides the location of `history` to everything below, and `navigate` to change it. */
export function Router({ history, children }: { history: History; children: ReactNode }) {
  const { location, action } = useSyncExternalStore(history.listen, history.snapshot, history.snapshot);
  const navigate = useCallback(
    (to: To, options: NavigateOptions = {}) => {
      const href = hrefOf(resolveTo(to, history.snapshot().location.pathname));
      if (options.replace) history.replace(href);
      else history.push(href);
    },
    [history],
  );
  const state = useMemo(
    () => ({ location, navigationType: action, navigate, current: () => history.snapshot().location }),
    [location, action, navigate, history],
  );
  return <RouterContext value={state}>{children}</RouterContext>;
}

/** The app's router, on the browser's address bar and history. */
export function BrowserRouter({ children }: { children: ReactNode }) {
  const [history] = useState(() => createBrowserHistory());
  return (
    <Router history={history}>
      <ScrollToTopOnPush />
      {children}
    </Router>
  );
}

/** A new page starts at its top, as after a full page load; Back and Forward leave scrolling to the browser. */
function ScrollToTopOnPush() {
  const { location, navigationType } = useRouter();
  useLayoutEffect(() => {
    if (navigationType === 'PUSH' && !location.hash) window.scrollTo(0, 0);
  }, [location, navigationType]);
  return null;
}

/** A router on a history in memory, starting at the last of `initialEntries`: for tests. */
export function MemoryRouter({ initialEntries, children }: { initialEntries?: readonly string[]; children: ReactNode }) {
  const [history] = useState(() => createMemoryHistory(initialEntries));
  return <Router history={history}>{children}</Router>;
}

export const useLocation = (): Location => useRouter().location;

export const useNavigationType = (): NavigationType => useRouter().navigationType;

export const useNavigate = () => useRouter().navigate;

type SearchParamsUpdate = URLSearchParams | ((current: URLSearchParams) => URLSearchParams);

/** The query string as `URLSearchParams`, and a setter that keeps the path (and adds a history entry unless `replace`). */
export function useSearchParams(): [URLSearchParams, (next: SearchParamsUpdate, options?: NavigateOptions) => void] {
  const { location, navigate, current } = useRouter();
  const searchParams = useMemo(() => new URLSearchParams(location.search), [location.search]);
  const setSearchParams = useCallback(
    (next: SearchParamsUpdate, options?: NavigateOptions) => {
      // From the history rather than the last render, so two updates in one event both count.
      const { pathname, search, hash } = current();
      const params = typeof next === 'function' ? next(new URLSearchParams(search)) : next;
      navigate({ pathname, search: params.toString(), hash }, options);
    },
    [navigate, current],
  );
  return [searchParams, setSearchParams];
}
