import { lazy, type ComponentType } from 'react';
import { matchRoutes, Navigate, useRoutes, type RouteObject } from '../ui/router';
import { ApiTokensPage } from '../features/user-settings/ApiTokensPage';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './pages/NotFoundPage';

/**
 * A screen that loads on demand, and the download of its code. Once downloaded it renders at once, without
 * suspending: a page load that waited for its screen's code (see `preloadScreenFor`) shows the screen in its first
 * render instead of a placeholder that React would then keep for at least 300 ms.
 */
function onDemandScreen(load: () => Promise<ComponentType>) {
  let loaded: ComponentType | undefined;
  const download = () =>
    load().then((screen) => {
      loaded = screen;
      return screen;
    });
  const Lazy = lazy(() => download().then((screen) => ({ default: screen })));
  function Screen() {
    const Loaded = loaded;
    return Loaded ? <Loaded /> : <Lazy />;
  }
  return { Screen, download };
}

// The landing screen comes with the app, so its list request does not wait for another download; the teams
// screens load on demand.
const teams = onDemandScreen(() => import('../features/teams/TeamsPage').then((module) => module.TeamsPage));
const organizations = onDemandScreen(() => import('../features/teams/OrganizationsPage').then((module) => module.OrganizationsPage));
const team = onDemandScreen(() => import('../features/teams/TeamPage').then((module) => module.TeamPage));

const TEAMS_PATH = 'organizations/:orgId/settings/teams';
const TEAM_PATH = 'organizations/:orgId/settings/teams/:teamId';

/** The screens that load on demand, by the paths that show them. */
const onDemand = [
  { path: 'organizations', screen: organizations },
  { path: TEAMS_PATH, screen: teams },
  { path: TEAM_PATH, screen: team },
];

/**
 * Starts downloading the screen a page load lands on, when that screen loads on demand (a deep link to a team),
 * so that it arrives while the app starts rather than after; settles when it has arrived or failed. A failed
 * download is left for the route to retry.
 */
export function preloadScreenFor(pathname: string): Promise<void> {
  const screen = matchRoutes(onDemand, pathname)?.route.screen;
  return screen ? screen.download().then(() => undefined, () => undefined) : Promise.resolve();
}

/** The app's routes, inside the app shell. */
export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/settings/tokens" replace /> },
      { path: 'settings/tokens', element: <ApiTokensPage /> },
      { path: 'organizations', element: <organizations.Screen /> },
      { path: TEAMS_PATH, element: <teams.Screen /> },
      { path: TEAM_PATH, element: <team.Screen /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/** The screen for the current location. Rendered inside a router (`BrowserRouter` in the app, `MemoryRouter` in tests). */
export function AppRoutes() {
  return useRoutes(routes);
}
