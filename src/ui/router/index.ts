/**
 * The app's router: the few parts of client-side routing the screens use (links, redirects, the query string,
 * route parameters, how a page was reached), on the browser's history. See matchRoute.ts for how paths match.
 */
export { createBrowserHistory, createMemoryHistory, type Location, type NavigationType } from './history';
export { isPlainClick, Link, Navigate, NavLink, type LinkProps, type NavLinkProps } from './Link';
export { decodeSegment, isActivePath, matchPattern, matchRoutes, resolveTo, type Params, type To } from './matchRoute';
export { Outlet, useParams, useRoutes, type RouteObject } from './Routes';
export { BrowserRouter, MemoryRouter, Router, useLocation, useNavigate, useNavigationType, useSearchParams } from './Router';
