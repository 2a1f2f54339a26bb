import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, type Team } from '../../api';
import {
  ADMIN_TEAM,
  aTeamToken,
  aToken,
  DAY,
  deferred,
  HOUR,
  personalTokensApi,
  renderWithProviders,
  SINGLE_TEAM_TOKEN_CAPABILITIES,
  teamsApi,
  TFE_CAPABILITIES,
} from '../../test/testKit';
import { useTeamTokenCollection } from '../teams/teamQueries';
import { usePersonalTokens } from '../user-settings/usePersonalTokens';
import { TokensPanel } from './TokensPanel';

const PersonalPanel = () => <TokensPanel collection={usePersonalTokens()} />;
const TeamPanel = ({ team }: { team: Team }) => <TokensPanel collection={useTeamTokenCollection(team)} />;
const list = () => screen.findByRole('list', { name: 'Your API tokens' });
const rowOf = async (name: string) => within(await list()).getByText(name).closest('li')!;

describe('last use', () => {
  it('says when each token was last used, the exact time for screen readers, and sorts by it', async () => {
    const { api } = personalTokensApi([
      aToken({ description: 'laptop', lastUsedAt: new Date(Date.now() - 3 * HOUR).toISOString() }),
      aToken({ description: 'spare', lastUsedAt: null }),
    ]);
    const { user } = renderWithProviders(<PersonalPanel />, { api });
    const laptop = await rowOf('laptop');
    expect(within(laptop).getByText('Last used')).toBeVisible();
    expect(within(laptop).getByText('3 hours ago')).toHaveAttribute('title');
    expect(laptop.textContent).toMatch(/3 hours ago \(.+\)/);
    expect(within(await rowOf('spare')).getByText('Never')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Last used' }));
    expect(screen.getByRole('button', { name: 'Last used' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(await list()).getAllByRole('listitem').map((row) => row.querySelector('p')?.textContent)).toEqual(['laptop', 'spare']);
  });

  it('shows nothing about use, and offers no such sort, where the backend does not say', async () => {
    const { api } = personalTokensApi([aToken({ description: 'laptop' })]);
    renderWithProviders(<PersonalPanel />, { api });
    await rowOf('laptop');
    expect(screen.queryByText('Last used')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Last used' })).not.toBeInTheDocument();
  });
});

describe('regenerate', () => {
  it('makes a token with the same description and lifetime from now, reveals it, and only then deletes the old one', async () => {
    const old = aToken({ description: 'ci', createdAgo: 20 * DAY, expiresIn: 10 * DAY });
    const { api, store } = personalTokensApi([old]);
    const { user } = renderWithProviders(<PersonalPanel />, { api });
    await user.click(await screen.findByRole('button', { name: 'Regenerate token ci' }));
    const dialog = await screen.findByRole('dialog', { name: 'Regenerate token' });
    expect(dialog).toHaveTextContent('The current token stops working as soon as the new one is made');
    expect(dialog).toHaveTextContent('It lasts 30 days from now, as the current token did.');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    vi.mocked(api.deletePersonalToken).mockClear();

    const before = Date.now();
    await user.dblClick(within(dialog).getByRole('button', { name: 'Regenerate token' }));
    const secret = (await within(dialog).findByRole('textbox', { name: 'Token' })) as HTMLTextAreaElement;
    expect(secret.value).toMatch(/^test-secret-/);
    expect(api.createPersonalToken).toHaveBeenCalledTimes(1);
    const [input] = vi.mocked(api.createPersonalToken).mock.calls[0]!;
    expect(input.description).toBe('ci');
    expect(input.expiresAt!.getTime() - before).toBeGreaterThanOrEqual(30 * DAY - 1000);
    expect(input.expiresAt!.getTime() - Date.now()).toBeLessThanOrEqual(30 * DAY);
    await waitFor(() => expect(api.deletePersonalToken).toHaveBeenCalledWith(old.id));
    // New before old: the delete was asked for after the create answered.
    expect(vi.mocked(api.createPersonalToken).mock.invocationCallOrder[0]).toBeLessThan(vi.mocked(api.deletePersonalToken).mock.invocationCallOrder[0]!);
    // Told in the dialog, where a screen reader can hear it: the page behind it is hidden from them.
    expect(await within(dialog).findByRole('status', { name: 'Old token' })).toHaveTextContent('Token ci regenerated: the old token no longer works');
    expect(store.map((token) => token.description)).toEqual(['ci']);
    expect(store[0]!.id).not.toBe(old.id);
  });

  it('changes nothing when the new token cannot be made, and says so', async () => {
    const old = aToken({ description: 'ci' });
    const { api, store } = personalTokensApi([old], { createPersonalToken: vi.fn(() => Promise.reject(new ApiError(400, 'Description is required.'))) });
    const { user } = renderWithProviders(<PersonalPanel />, { api });
    await user.click(await screen.findByRole('button', { name: 'Regenerate token ci' }));
    const dialog = await screen.findByRole('dialog', { name: 'Regenerate token' });
    await user.click(within(dialog).getByRole('button', { name: 'Regenerate token' }));
    expect(await within(dialog).findByText('Nothing changed: the new token was not made')).toBeVisible();
    expect(dialog).toHaveTextContent('Description is required. The current token still works.');
    expect(api.deletePersonalToken).not.toHaveBeenCalled();
    expect(store).toEqual([old]);
  });

  it('keeps both listed when the old one cannot be deleted, and says so', async () => {
    const old = aToken({ description: 'ci' });
    const { api, store } = personalTokensApi([old], { deletePersonalToken: vi.fn(() => Promise.reject(new ApiError(503, 'The server is busy.'))) });
    const { user } = renderWithProviders(<PersonalPanel />, { api });
    await user.click(await screen.findByRole('button', { name: 'Regenerate token ci' }));
    const dialog = await screen.findByRole('dialog', { name: 'Regenerate token' });
    await user.click(within(dialog).getByRole('button', { name: 'Regenerate token' }));
    await waitFor(() =>
      expect(within(dialog).getByRole('status', { name: 'Old token' })).toHaveTextContent(
        'The new token is made, but the old token ci could not be deleted: The server is busy. Both are listed: delete the old one once nothing uses it.',
      ),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Your API tokens' })).getAllByRole('listitem')).toHaveLength(2));
    expect(store).toHaveLength(2);
  });

  it("replaces a one-token team's token with the replacing generate alone, deleting nothing", async () => {
    const team = { ...ADMIN_TEAM };
    const old = aTeamToken(team.id, { description: '', createdAgo: DAY, expiresIn: 6 * DAY });
    const { api, store } = teamsApi({ tokens: [old] }, { capabilities: SINGLE_TEAM_TOKEN_CAPABILITIES });
    vi.mocked(api.createTeamToken).mockImplementation(async (_ref, input) => {
      store.splice(0, store.length, aTeamToken(team.id, { description: '', expiresIn: input.expiresAt!.getTime() - Date.now() }));
      return { secret: 'replacing-secret', expiresAt: input.expiresAt!.toISOString() };
    });
    const { user } = renderWithProviders(<TeamPanel team={team} />, { api });
    await user.click(await screen.findByRole('button', { name: 'Regenerate token Untitled token' }));
    const dialog = await screen.findByRole('dialog', { name: 'Regenerate token' });
    expect(dialog).toHaveTextContent('The team’s token is replaced by a new one. It lasts 7 days from now');
    await user.click(within(dialog).getByRole('button', { name: 'Regenerate token' }));
    expect(await within(dialog).findByDisplayValue('replacing-secret')).toBeVisible();
    expect(api.createTeamToken).toHaveBeenCalledWith({ organizationId: team.organizationId, teamId: team.id }, expect.objectContaining({ description: '' }));
    expect(api.deleteTeamToken).not.toHaveBeenCalled();
    expect(within(dialog).queryByRole('status', { name: 'Old token' })).toBeNull();
  });

  it('names the new token apart where descriptions are unique, and says why', async () => {
    const team = { ...ADMIN_TEAM };
    const { api } = teamsApi({ tokens: [aTeamToken(team.id, { description: 'deploy' })] });
    const { user } = renderWithProviders(<TeamPanel team={team} />, { api: { ...api, capabilities: TFE_CAPABILITIES } });
    await user.click(await screen.findByRole('button', { name: 'Regenerate token deploy' }));
    const dialog = await screen.findByRole('dialog', { name: 'Regenerate token' });
    expect(dialog).toHaveTextContent('is replaced by a new one named deploy (regenerated), as no two tokens here may share a description');
  });
});

describe('clean up expired tokens', () => {
  const world = () => [
    aToken({ description: 'live', expiresIn: 5 * DAY }),
    aToken({ description: 'old 1', expiresIn: -DAY }),
    aToken({ description: 'forever', expiresIn: null }),
    aToken({ description: 'old 2', expiresIn: -3 * DAY }),
    aToken({ description: 'old 3', expiresIn: -30 * DAY }),
  ];

  it('lists the expired ones, deletes them all, and leaves the live ones', async () => {
    const { api, store } = personalTokensApi(world());
    const { user } = renderWithProviders(<PersonalPanel />, { api });
    await user.click(await screen.findByRole('button', { name: 'Delete 3 expired tokens' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete 3 expired tokens?' });
    const listed = within(within(dialog).getByRole('list', { name: 'Expired tokens to delete' })).getAllByRole('listitem');
    expect(listed.map((item) => item.textContent)).toEqual([expect.stringMatching(/^old 1 · expired/), expect.stringMatching(/^old 2/), expect.stringMatching(/^old 3/)]);
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Delete 3 tokens' }));
    expect(await screen.findByText('3 expired tokens deleted')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(store.map((token) => token.description)).toEqual(['live', 'forever']);
    expect(screen.queryByRole('button', { name: /expired token/ })).not.toBeInTheDocument();
    expect(within(await list()).getAllByRole('listitem')).toHaveLength(2);
  });

  it('names those that could not be deleted, and they stay listed', async () => {
    const tokens = world();
    const { api, store } = personalTokensApi(tokens);
    const remove = api.deletePersonalToken;
    api.deletePersonalToken = vi.fn(async (id: string) => {
      if (id === tokens[3]!.id) throw new ApiError(403, 'You may not delete this token.');
      return remove(id);
    });
    const { user } = renderWithProviders(<PersonalPanel />, { api });
    await user.click(await screen.findByRole('button', { name: 'Delete 3 expired tokens' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete 3 tokens' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Some expired tokens were not deleted' });
    expect(within(dialog).getByRole('list', { name: 'Tokens not deleted' })).toHaveTextContent('old 2: You may not delete this token.');
    expect(dialog).toHaveTextContent('1 of 3 could not be deleted and is still listed');
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus());
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Your API tokens' })).getAllByRole('listitem')).toHaveLength(3));
    expect(await rowOf('old 2')).toBeInTheDocument();
    expect(store.map((token) => token.description)).toEqual(['live', 'forever', 'old 2']);
  });

  it('hides every row being deleted while the deletes run, and cannot be closed then', async () => {
    const { api } = personalTokensApi(world());
    const held = deferred<void>();
    const remove = api.deletePersonalToken;
    api.deletePersonalToken = vi.fn(async (id: string) => {
      await held.promise;
      return remove(id);
    });
    const { user } = renderWithProviders(<PersonalPanel />, { api });
    await user.click(await screen.findByRole('button', { name: 'Delete 3 expired tokens' }));
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Delete 3 tokens' }));
    expect(await within(dialog).findByRole('status')).toHaveTextContent('Deleted 0 of 3');
    expect(within(screen.getByRole('list', { name: 'Your API tokens', hidden: true })).getAllByRole('listitem', { hidden: true })).toHaveLength(2);
    await user.keyboard('{Escape}');
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
    held.resolve();
    expect(await screen.findByText('3 expired tokens deleted')).toBeInTheDocument();
  });

  it("deletes a team's expired tokens in one bulk request where the backend has them", async () => {
    const team = { ...ADMIN_TEAM };
    const tokens = [aTeamToken(team.id, { description: 'live' }), aTeamToken(team.id, { description: 'old', expiresIn: -DAY }), aTeamToken(team.id, { description: 'older', expiresIn: -2 * DAY })];
    const { api, store } = teamsApi({ tokens });
    const deleteTeamTokens = vi.fn(async (_organizationId: string, ids: readonly string[]) => {
      for (const id of ids) store.splice(store.findIndex((token) => token.id === id), 1);
    });
    const { user } = renderWithProviders(<TeamPanel team={team} />, { api: { ...api, capabilities: TFE_CAPABILITIES, deleteTeamTokens } });
    await user.click(await screen.findByRole('button', { name: 'Delete 2 expired tokens' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete 2 tokens' }));
    expect(await screen.findByText('2 expired tokens deleted')).toBeInTheDocument();
    expect(deleteTeamTokens).toHaveBeenCalledWith(team.organizationId, [tokens[1]!.id, tokens[2]!.id]);
    expect(api.deleteTeamToken).not.toHaveBeenCalled();
    expect(store.map((token) => token.description)).toEqual(['live']);
  });
});
