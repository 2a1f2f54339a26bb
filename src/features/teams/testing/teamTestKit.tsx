/**
 * Test helpers for the teams screens: demo data shaped like the embedded server's, and a render of the teams
 * routes over a fake TokenApi (see the token screens' kit, which this builds on).
 */
import { screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { ConfigProvider } from '../../../config/ConfigContext';
import { TEAM_PERMISSIONS, type Team, type TeamToken, type TokenApi } from '../../../api';
import { TEST_CONFIG } from '../../tokens/generate/testSupport';
import { aToken, renderWithApi, type TokenSpec } from '../../tokens/testing/tokenTestKit';
import { OrganizationsPage } from '../OrganizationsPage';
import { TeamPage } from '../TeamPage';
import { TeamsPage } from '../TeamsPage';

export const ORGANIZATION = { id: 'd9b58bd3-f3fc-4056-a026-1163297e80a8', name: 'simple', description: 'Demo teams' };
export const OTHER_ORGANIZATION = { id: '7a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', name: 'other', description: '' };

const noPermissions = Object.fromEntries(TEAM_PERMISSIONS.map((permission) => [permission, false])) as Team['permissions'];

export function aTeam(name: string, id: string, permissions: Partial<Team['permissions']> = {}): Team {
  return { id, organizationId: ORGANIZATION.id, name, permissions: { ...noPermissions, ...permissions } };
}

export const ADMIN_TEAM = aTeam('TERRAKUBE_ADMIN', '58529721-425e-44d7-8b0d-1d515043c2f7', Object.fromEntries(TEAM_PERMISSIONS.map((p) => [p, true])));
export const DEVELOPERS_TEAM = aTeam('TERRAKUBE_DEVELOPERS', '0f7a8c8e-3c1b-4f0e-9a65-6a2f4c9b1d10', {
  manageState: true,
  manageWorkspace: true,
});
export const AWS_TEAM = aTeam('AWS_DEVELOPERS', 'c3d4e5f6-7a8b-4c9d-8e0f-1a2b3c4d5e6f');

export function aTeamToken(group: string, spec: TokenSpec = {}): TeamToken {
  return { ...aToken(spec), group };
}

/** Where the router is, for asserting redirects: "Current path: /…". */
function CurrentPath() {
  return <p>Current path: {useLocation().pathname}</p>;
}

export const currentPath = () => screen.getByText(/^Current path: /).textContent?.replace('Current path: ', '');

/** Renders the teams routes at `path`, as the app's router does. */
export function renderTeamsRoute(path: string, api: TokenApi) {
  return renderWithApi(
    <ConfigProvider config={TEST_CONFIG}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/organizations" element={<OrganizationsPage />} />
          <Route path="/organizations/:orgId/settings/teams" element={<TeamsPage />} />
          <Route path="/organizations/:orgId/settings/teams/:teamId" element={<TeamPage />} />
        </Routes>
        <CurrentPath />
      </MemoryRouter>
    </ConfigProvider>,
    api,
  );
}
