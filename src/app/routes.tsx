import { lazy } from 'react';
import { Navigate, useRoutes, type RouteObject } from '../ui/router';
import { ApiTokensPage } from '../features/user-settings/ApiTokensPage';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './pages/NotFoundPage';

// The landing screen comes with the app, so its list request does not wait for another download; the teams
// screens load on demand.
const TeamsPage = lazy(() => import('../features/teams/TeamsPage').then((module) => ({ default: module.TeamsPage })));
const OrganizationsPage = lazy(() =>
  import('../features/teams/OrganizationsPage').then((module) => ({ default: module.OrganizationsPage })),
);
const TeamPage = lazy(() => import('../features/teams/TeamPage').then((module) => ({ default: module.TeamPage })));

/** The app's routes, inside the app shell. */
export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/settings/tokens" replace /> },
      { path: 'settings/tokens', element: <ApiTokensPage /> },
      { path: 'organizations', element: <OrganizationsPage /> },
      { path: 'organizations/:orgId/settings/teams', element: <TeamsPage /> },
      { path: 'organizations/:orgId/settings/teams/:teamId', element: <TeamPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/** The screen for the current location. Rendered inside a router (`BrowserRouter` in the app, `MemoryRouter` in tests). */
export function AppRoutes() {
  return useRoutes(routes);
}
