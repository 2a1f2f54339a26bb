/**
 * The one test kit for `src/`: token and team factories, a fake TokenApi over in-memory data, and renders with
 * every provider the app has (theme, signed-in auth, config, the port, a fresh query cache) and, for screens, a
 * router over the app's real routes. Never imported by the app.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement, ReactNode } from 'react';
import { MemoryRouter, useLocation } from 'react-router';
import { vi } from 'vitest';
import { TokenApiProvider, type ApiToken, type Team, type TeamToken, type TokenApi, type TokenApiCapabilities } from '../api';
import { terrakubeCapabilities } from '../api/terrakube/terrakubeTokenApi';
import { AppRoutes } from '../app/routes';
import { AppTheme } from '../app/theme';
import { FakeAuthProvider } from '../auth/testing/FakeAuthProvider';
import { ConfigProvider, type RuntimeConfig } from '../config';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const TEST_CONFIG: RuntimeConfig = {
  tokenBackend: 'terrakube',
  apiUrl: 'https://terrakube-api.example.com/api/v1/',
  apiOrigin: 'https://terrakube-api.example.com',
  apiHost: 'terrakube-api.example.com',
  oidc: {
    authority: 'https://terrakube-dex.example.com/dex',
    clientId: 'example-app',
    redirectUri: 'https://terrakube-ui.example.com/',
    scope: 'email openid profile offline_access groups',
  },
};

/** Terrakube's capabilities: personal tokens in whole days, team tokens to the minute. */
export const TERRAKUBE_CAPABILITIES: TokenApiCapabilities = terrakubeCapabilities('terrakube-api.example.com');

/** HCP Terraform's: any date and time, descriptions unique per team, last use known, bulk delete. */
export const TFE_CAPABILITIES: TokenApiCapabilities = {
  personal: { ...TERRAKUBE_CAPABILITIES.personal, expiry: { granularity: 'instant', maxMs: 3650 * DAY, allowsNever: true }, knowsLastUse: true },
  team: {
    ...TERRAKUBE_CAPABILITIES.team,
    expiry: { granularity: 'instant', maxMs: 3650 * DAY, allowsNever: true },
    uniqueDescriptions: true,
    knowsLastUse: true,
    bulkDelete: true,
  },
  cliHost: 'app.terraform.io',
};

let sequence = 0;

export interface TokenSpec extends Partial<ApiToken> {
  /** Time left until expiry from now, in ms (negative: expired); `null` for a token that never expires. Default 30 days. */
  expiresIn?: number | null;
  /** How long ago it was created, in ms. Default 1 day. */
  createdAgo?: number;
}

/** A token, consistent in its dates, relative to the real current time. */
export function aToken({ expiresIn = 30 * DAY, createdAgo = DAY, ...overrides }: TokenSpec = {}): ApiToken {
  sequence += 1;
  const now = Date.now();
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    description: `Token ${sequence}`,
    createdAt: new Date(now - createdAgo).toISOString(),
    createdBy: 'admin@example.com',
    expiresAt: expiresIn === null ? null : new Date(now + expiresIn).toISOString(),
    ...overrides,
  };
}

export const aTeamToken = (teamId: string, spec: TokenSpec = {}): TeamToken => ({ ...aToken(spec), teamId });

export const ORGANIZATION = { id: 'd9b58bd3-f3fc-4056-a026-1163297e80a8', name: 'simple', description: 'Demo teams' };
export const OTHER_ORGANIZATION = { id: '7a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', name: 'other', description: '' };

export function aTeam(name: string, id: string, { member = true, granted = [] as string[] } = {}): Team {
  const labels = ['Manage state', 'Manage workspaces', 'Manage modules', 'Manage providers'];
  return {
    id,
    organizationId: ORGANIZATION.id,
    name,
    canManageTokens: member,
    isMember: member,
    permissions: labels.map((label) => ({ label, granted: granted.includes(label) })),
  };
}

export const ADMIN_TEAM = aTeam('TERRAKUBE_ADMIN', '58529721-425e-44d7-8b0d-1d515043c2f7', {
  granted: ['Manage state', 'Manage workspaces', 'Manage modules', 'Manage providers'],
});
export const DEVELOPERS_TEAM = aTeam('TERRAKUBE_DEVELOPERS', '0f7a8c8e-3c1b-4f0e-9a65-6a2f4c9b1d10', {
  granted: ['Manage state', 'Manage workspaces'],
});
export const AWS_TEAM = aTeam('AWS_DEVELOPERS', 'c3d4e5f6-7a8b-4c9d-8e0f-1a2b3c4d5e6f', { member: false });

/** A TokenApi whose every call fails unless overridden; Terrakube's name and capabilities by default. */
export function fakeTokenApi(overrides: Partial<TokenApi> = {}): TokenApi {
  const unused = () => Promise.reject(new Error('not used in this test'));
  return {
    platformName: 'Terrakube',
    capabilities: TERRAKUBE_CAPABILITIES,
    listPersonalTokens: unused,
    createPersonalToken: unused,
    deletePersonalToken: unused,
    listOrganizations: unused,
    listTeams: unused,
    getTeam: unused,
    listTeamTokens: unused,
    createTeamToken: unused,
    deleteTeamToken: unused,
    ...overrides,
  };
}

/**
 * A TokenApi whose personal tokens live in `store`: listing answers a copy, a successful delete removes the
 * token (so a refetch after it agrees with the server). Each call is a spy.
 */
export function personalTokensApi(tokens: ApiToken[], overrides: Partial<TokenApi> = {}) {
  const store = [...tokens];
  const api = fakeTokenApi({
    listPersonalTokens: vi.fn(async () => store.map((token) => ({ ...token }))),
    deletePersonalToken: vi.fn(async (id: string) => {
      const index = store.findIndex((token) => token.id === id);
      if (index >= 0) store.splice(index, 1);
    }),
    ...overrides,
  });
  return { api, store };
}

export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 30_000 }, mutations: { retry: false } } });
}

export interface RenderOptions {
  api?: TokenApi;
  config?: RuntimeConfig;
  signInAgain?: () => void;
  /** Where the router starts; the element is rendered inside a router at this path. */
  path?: string;
  queryClient?: QueryClient;
}

export type Rendered = RenderResult & { queryClient: QueryClient; user: ReturnType<typeof userEvent.setup> };

/** Renders `ui` signed in, with every provider the app has, inside a router; returns a user-event instance too. */
export function renderWithProviders(ui: ReactElement, options: RenderOptions = {}): Rendered {
  const { api = fakeTokenApi(), config = TEST_CONFIG, signInAgain, path = '/', queryClient = testQueryClient() } = options;
  const user = userEvent.setup();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <AppTheme>
      <FakeAuthProvider signInAgain={signInAgain}>
        <ConfigProvider config={config}>
          <TokenApiProvider api={api}>
            <QueryClientProvider client={queryClient}>
              <MemoryRouter initialEntries={[path]}>{children}</MemoryRouter>
            </QueryClientProvider>
          </TokenApiProvider>
        </ConfigProvider>
      </FakeAuthProvider>
    </AppTheme>
  );
  return { ...render(ui, { wrapper }), queryClient, user };
}

/** Where the router is, for asserting redirects: "Current path: /…". */
function CurrentPath() {
  return <p>Current path: {useLocation().pathname}</p>;
}

export const currentPath = () => screen.getByText(/^Current path: /).textContent?.replace('Current path: ', '');

/** Renders the app's real routes (in their shell) at `path`. */
export function renderRoute(path: string, options: Omit<RenderOptions, 'path'> = {}): Rendered {
  return renderWithProviders(
    <>
      <AppRoutes />
      <CurrentPath />
    </>,
    { ...options, path },
  );
}
