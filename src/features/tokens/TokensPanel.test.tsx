import { screen, waitFor, within } from '@testing-library/react';
import { useQuery } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, type TokenApi } from '../../api';
import { aToken, DAY, fakeTokenApi, personalTokensApi, renderWithApi } from './testing/tokenTestKit';
import { TokensPanel, type TokensPanelProps } from './TokensPanel';

const KEY = ['tokens', 'test'] as const;

/** The panel as a screen wires it, over `api.listPersonalTokens`. */
function Screen({ api, ...props }: { api: TokenApi } & Partial<TokensPanelProps>) {
  const query = useQuery({ queryKey: KEY, queryFn: ({ signal }) => api.listPersonalTokens(signal) });
  return (
    <TokensPanel
      query={query}
      listLabel="Team API tokens"
      generateLabel="Generate team token"
      dialogVariant="team"
      generate={() => Promise.reject(new Error('not used'))}
      deleteToken={(id) => api.deletePersonalToken(id)}
      tokenListKey={KEY}
      emptyMessage="This team has no tokens yet."
      {...props}
    />
  );
}

describe('TokensPanel', () => {
  it('disables the generate button and writes the reason next to it', async () => {
    const { api } = personalTokensApi([]);
    renderWithApi(<Screen api={api} generateDisabledReason="Only members of TERRAKUBE_ADMIN can create its tokens." />, api);
    const button = screen.getByRole('button', { name: 'Generate team token' });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription('Only members of TERRAKUBE_ADMIN can create its tokens.');
    expect(screen.getByText('Only members of TERRAKUBE_ADMIN can create its tokens.')).toBeVisible();
    expect(await screen.findByText('This team has no tokens yet.')).toBeInTheDocument();
  });

  it('shows a sentence instead of the list when the list is not available to the user', () => {
    const api = fakeTokenApi({ listPersonalTokens: () => new Promise(() => undefined) });
    renderWithApi(<Screen api={api} unavailableMessage="Only members can see this team's tokens." />, api);
    expect(screen.getByText("Only members can see this team's tokens.")).toBeInTheDocument();
    expect(screen.queryByText('Loading tokens')).not.toBeInTheDocument();
  });

  it('keeps the list when a background refresh fails, and says so', async () => {
    const listPersonalTokens = vi
      .fn<TokenApi['listPersonalTokens']>()
      .mockResolvedValueOnce([aToken({ description: 'Deploy' })])
      .mockRejectedValue(new ApiError(0, 'Cannot reach the server. Check your connection and try again.'));
    const api = fakeTokenApi({ listPersonalTokens });
    const { queryClient } = renderWithApi(<Screen api={api} />, api);
    await screen.findByRole('list', { name: 'Team API tokens' });

    await queryClient.refetchQueries({ queryKey: KEY });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('could not be refreshed');
    expect(alert).toHaveTextContent('Cannot reach the server.');
    expect(within(screen.getByRole('list', { name: 'Team API tokens' })).getAllByRole('listitem')).toHaveLength(1);
  });

  it('never shows a deleted row again, even if a refresh that started earlier answers with it', async () => {
    const doomed = aToken({ description: 'Doomed', expiresIn: DAY });
    const keep = aToken({ description: 'Kept' });
    let finishDelete: () => void = () => undefined;
    const { api, store } = personalTokensApi([doomed, keep], {
      deletePersonalToken: vi.fn(
        () =>
          new Promise<void>((resolve) => {
            finishDelete = () => {
              store.splice(store.indexOf(doomed), 1);
              resolve();
            };
          }),
      ),
    });
    const { user, queryClient } = renderWithApi(<Screen api={api} />, api);
    await screen.findByRole('list', { name: 'Team API tokens' });

    await user.click(screen.getByRole('button', { name: 'Delete token Doomed' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Delete token Doomed' })).not.toBeInTheDocument());

    // While the delete is on its way, a refresh (say, on window focus) still lists the token.
    await queryClient.refetchQueries({ queryKey: KEY });
    expect(queryClient.getQueryData<unknown[]>(KEY)).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Delete token Doomed' })).not.toBeInTheDocument();

    finishDelete();
    expect(await screen.findByText('Token Doomed deleted')).toBeInTheDocument();
    await waitFor(() => expect(queryClient.isMutating()).toBe(0));
    // The delete stayed pending until the list was fetched again, after the server had deleted the token.
    expect(api.listPersonalTokens).toHaveBeenCalledTimes(3);
    expect(queryClient.getQueryData<unknown[]>(KEY)).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Delete token Doomed' })).not.toBeInTheDocument();
  });
});
