import { lazy } from 'react';
import { matchRoutes, Navigate, useRoutes, type RouteObject } from '../ui/router';
import { ApiTokensPage } from '../features/user-settings/ApiTokensPage';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './pages/NotFoundPage';

// The landing screen comes with the app, so its list request does not wait for another download; the teams
// screens load on demand.
const loadTeamsPage = () => import('../features/teams/TeamsPage');
const loadOrganizationsPage = () => import('../features/teams/OrganizationsPage');
const loadTeamPage = () => import('../features/teams/TeamPage');
const TeamsPage = lazy(() => loadTeamsPage().then((module) => ({ default: module.TeamsPage })));
const OrganizationsPage = lazy(() => loadOrganizationsPage().then((module) => ({ default: module.OrganizationsPage })));
const TeamPage = lazy(() => loadTeamPage().then((module) => ({ default: module.TeamPage })));

const TEAMS_PATH = 'organizations/:orgId/settings/teams';
const TEAM_PATH = 'organizations/:orgId/settings/teams/:teamId';

/** The screens that load on demand, by the paths that show them. */
const onDemand = [
  { path: 'organizations', load: loadOrganizationsPage },
  { path: TEAMS_PATH, load: loadTeamsPage },
  { path: TEAM_PATH, load: loadTeamPage },
];

/**
 * Starts downloading the screen a page load lands on, when that screen loads on demand (a deep link to a team),
 * so that it arrives while the app signs in rather than after. A failed download is left for the route to retry.
 */
export function preloadScreenFor(pathname: string): void {
  matchRoutes(onDemand, pathname)?.route.load().catch(() => undefined);
}

/** The app's routes, inside the app shell. */
export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/settings/tokens" replace /> },
      { path: 'settings/tokens', element: <ApiTokensPage /> },
      { path: 'organizations', element: <OrganizationsPage /> },
      { path: TEAMS_PATH, element: <TeamsPage /> },
      { path: TEAM_PATH, element: <TeamPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/** The screen for the current location. Rendered inside a router (`BrowserRouter` in the app, `MemoryRouter` in tests). */
export function AppRoutes() {
  return useRoutes(routes);
}
