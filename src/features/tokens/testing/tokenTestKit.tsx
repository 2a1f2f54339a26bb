/**
 * Test helpers for the token screens, in one place: a token factory, a fake TokenApi backed by an in-memory list,
 * and a render with the providers a token screen needs.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { FakeAuthProvider } from '../../../auth/testing/FakeAuthProvider';
import { render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { NEVER, TokenApiProvider, type PersonalToken, type TokenApi } from '../../../api';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

let sequence = 0;

export interface TokenSpec extends Partial<PersonalToken> {
  /** Time left until expiry from now, in ms (negative: expired); `null` for a token that never expires. Default 30 days. */
  expiresIn?: number | null;
  /** How long ago it was created, in ms. Default 1 day. */
  createdAgo?: number;
}

/** A personal token, consistent in its dates and duration, relative to the real current time. */
export function aToken({ expiresIn = 30 * DAY, createdAgo = DAY, ...overrides }: TokenSpec = {}): PersonalToken {
  sequence += 1;
  const now = Date.now();
  const createdAt = now - createdAgo;
  const lifetime = expiresIn === null ? null : createdAgo + expiresIn;
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    description: `Token ${sequence}`,
    createdAt: new Date(createdAt).toISOString(),
    createdBy: 'admin@example.com',
    duration: lifetime === null ? NEVER : { days: 0, hours: 0, minutes: Math.max(1, Math.round(lifetime / MINUTE)) },
    expiresAt: lifetime === null ? null : new Date(createdAt + lifetime).toISOString(),
    ...overrides,
  };
}

/** A TokenApi whose every call fails unless overridden. */
export function fakeTokenApi(overrides: Partial<TokenApi> = {}): TokenApi {
  const unused = () => Promise.reject(new Error('not used in this test'));
  return {
    listPersonalTokens: unused,
    createPersonalToken: unused,
    deletePersonalToken: unused,
    listTeamTokens: unused,
    createTeamToken: unused,
    deleteTeamToken: unused,
    currentTeams: unused,
    listOrganizations: unused,
    listTeams: unused,
    getTeam: unused,
    ...overrides,
  };
}

/**
 * A TokenApi whose personal tokens live in `tokens`: listing answers a copy, a successful delete removes the
 * token (so a refetch after it agrees with the server). Each call is a spy.
 */
export function personalTokensApi(tokens: PersonalToken[], overrides: Partial<TokenApi> = {}) {
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
  return new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: 30_000 }, mutations: { retry: false } },
  });
}

/** Renders `ui` signed in, with `api` and a fresh query cache; returns a user-event instance too. */
export function renderWithApi(
  ui: ReactElement,
  api: TokenApi,
  { signInAgain }: { signInAgain?: () => void } = {},
): RenderResult & { queryClient: QueryClient; user: ReturnType<typeof userEvent.setup> } {
  const queryClient = testQueryClient();
  const user = userEvent.setup();
  const result = render(
    <FakeAuthProvider signInAgain={signInAgain}>
      <TokenApiProvider api={api}>
        <QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>
      </TokenApiProvider>
    </FakeAuthProvider>,
  );
  return { ...result, queryClient, user };
}
