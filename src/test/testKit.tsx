/**
 * The one test kit for `src/`: token and team factories and each backend's capabilities (`./factories`), fake
 * TokenApis over in-memory data (`./fakeApis`), and renders with every provider the app has (theme, signed-in
 * auth, config, the port, a fresh query cache) inside a router, and, for screens, over the app's real routes.
 * Never imported by the app.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement, ReactNode } from 'react';
import { MemoryRouter, useLocation } from '../ui/router';
import { vi } from 'vitest';
import { TokenApiProvider, type TokenApi } from '../api';
import { AppRoutes } from '../app/routes';
import { AppTheme } from '../app/theme';
import { AuthContext, type Auth } from '../auth/AuthContext';
import { ConfigProvider, type RuntimeConfig } from '../config';
// The lazily loaded screens, loaded with the kit: a route then waits for its data only, not for its code to be
// transformed, which takes seconds on a busy machine.
import '../features/teams/OrganizationsPage';
import '../features/teams/TeamPage';
import '../features/teams/TeamsPage';
import { fakeTokenApi } from './fakeApis';
import { TEST_CONFIG } from './factories';

export * from './factories';
export * from './fakeApis';

export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 30_000 }, mutations: { retry: false } } });
}

/** A signed-in session: admin@example.com, in TERRAKUBE_ADMIN and TERRAKUBE_DEVELOPERS; its actions are spies. */
export function signedInAuth(overrides: Partial<Auth> = {}): Auth {
  return {
    user: { name: 'Admin User', email: 'admin@example.com', groups: ['TERRAKUBE_ADMIN', 'TERRAKUBE_DEVELOPERS'] },
    getAccessToken: async () => 'access-token',
    signInAgain: vi.fn(),
    signOut: vi.fn(async () => undefined),
    ...overrides,
  };
}

export interface RenderOptions {
  api?: TokenApi;
  config?: RuntimeConfig;
  signInAgain?: () => void;
  /** Where the router starts; the element is rendered inside a router at this path. */
  path?: string;
  queryClient?: QueryClient;
}

export type Rendered = RenderResult & { queryClient: QueryClient; user: ReturnType<typeof userEvent.setup>; auth: Auth };

/** Renders `ui` signed in, with every provider the app has, inside a router; returns a user-event instance too. */
export function renderWithProviders(ui: ReactElement, options: RenderOptions = {}): Rendered {
  const { api = fakeTokenApi(), config = TEST_CONFIG, signInAgain, path = '/', queryClient = testQueryClient() } = options;
  const user = userEvent.setup();
  const auth = signedInAuth(signInAgain ? { signInAgain } : {});
  const wrapper = ({ children }: { children: ReactNode }) => (
    <AppTheme>
      <AuthContext.Provider value={auth}>
        <ConfigProvider config={config}>
          <TokenApiProvider api={api}>
            <QueryClientProvider client={queryClient}>
              <MemoryRouter initialEntries={[path]}>{children}</MemoryRouter>
            </QueryClientProvider>
          </TokenApiProvider>
        </ConfigProvider>
      </AuthContext.Provider>
    </AppTheme>
  );
  const rendered: RenderResult = render(ui, { wrapper });
  return { ...rendered, queryClient, user, auth };
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

/** A promise and the functions that settle it, for holding an answer back. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A call that never answers: a state that stays loading. */
export const never = () => new Promise<never>(() => undefined);
