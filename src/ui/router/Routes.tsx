import { createContext, use, type ReactNode } from 'react';
import { matchRoutes, type Params } from './matchRoute';
import { useLocation } from './Router';

/** A screen at `path` (relative to the root; `*` for any), or at the root itself (`index`). */
export interface RouteObject {
  path?: string;
  index?: boolean;
  element: ReactNode;
  /** Screens shown inside this one's `<Outlet />`; this one has no path of its own then. */
  children?: RouteObject[];
}

interface RouteState {
  params: Params;
  outlet: ReactNode;
}

const RouteContext = createContext<RouteState>({ params: {}, outlet: null });

/** The element of the first route that matches the current location (inside its layout), or nothing. */
export function useRoutes(routes: readonly RouteObject[]): ReactNode {
  const { pathname } = useLocation();
  for (const route of routes) {
    const match = matchRoutes(route.children ?? [route], pathname);
    if (!match) continue;
    const screen = <RouteContext value={{ params: match.params, outlet: null }}>{match.route.element}</RouteContext>;
    if (!route.children) return screen;
    return <RouteContext value={{ params: match.params, outlet: screen }}>{route.element}</RouteContext>;
  }
  return null;
}

/** Where a layout route shows the screen chosen inside it. */
export function Outlet() {
  return use(RouteContext).outlet;
}

/** The matched route's parameters, decoded (`/organizations/a%2Fb/…` gives `orgId` `a/b`). */
export function useParams(): Params {
  return use(RouteContext).params;
}
