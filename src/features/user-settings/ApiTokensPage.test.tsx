import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, tokenKeys, type TokenApi } from '../../api';
import { aToken, DAY, fakeTokenApi, HOUR, MINUTE, never, personalTokensApi, renderWithProviders } from '../../test/testKit';
import type { TokenCollection } from '../tokens/tokenCollection';
import { ApiTokensPage } from './ApiTokensPage';

// The generate dialog is its own unit with its own tests; here it only has to open with the personal collection.
vi.mock('../tokens/GenerateTokenDialog', () => ({
  default: ({ open, onClose, collection }: { open: boolean; onClose: () => void; collection: TokenCollection }) =>
    open ? (
      <div
        role="dialog"
        aria-label={collection.wording.dialogTitle}
        data-key={JSON.stringify(collection.tokenListKey)}
        data-granularity={collection.capabilities.expiry.granularity}
      >
        <button onClick={onClose}>Cancel</button>
      </div>
    ) : null,
}));

function renderPage(api: TokenApi, options: { signInAgain?: () => void } = {}) {
  return renderWithProviders(<ApiTokensPage />, { api, ...options });
}

const list = () => screen.findByRole('list', { name: 'Your API tokens' });
const rowTexts = async () => within(await list()).getAllByRole('listitem').map((item) => item.textContent ?? '');
const descriptionsInOrder = async () =>
  within(await list())
    .getAllByRole('listitem')
    .map((item) => within(item).getByRole('button', { name: /^Delete token / }).getAttribute('aria-label')?.replace('Delete token ', ''));

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('User Settings › API tokens', () => {
  it('says what tokens are for under the heading', async () => {
    renderPage(personalTokensApi([]).api);
    expect(screen.getByRole('heading', { level: 1, name: 'API tokens' })).toBeInTheDocument();
    expect(screen.getByText(/call Terrakube as you/)).toBeInTheDocument();
    expect(document.title).toBe('API tokens · Terrakube');
    expect(await screen.findByText(/^You have no API tokens yet\. .* calls Terrakube as you\.$/)).toBeInTheDocument();
  });

  it("speaks of the configured platform by its name", async () => {
    renderPage(personalTokensApi([], { platformName: 'HCP Terraform' }).api);
    expect(screen.getByText(/call HCP Terraform as you/)).toBeInTheDocument();
    expect(document.title).toBe('API tokens · HCP Terraform');
    expect(await screen.findByText(/calls HCP Terraform as you\.$/)).toBeInTheDocument();
  });

  it('shows skeleton rows, busy and named, while the list loads', () => {
    renderPage(fakeTokenApi({ listPersonalTokens: never }));
    const loading = screen.getByText('Loading tokens');
    expect(loading).toHaveAttribute('role', 'status');
    expect(loading.closest('[aria-busy="true"]')).not.toBeNull();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Generate token' })).toBeEnabled();
  });

  it('shows a sentence and the Generate token button when there are no tokens; the button opens the dialog', async () => {
    const { user } = renderPage(personalTokensApi([]).api);
    const sentence = await screen.findByText(/You have no API tokens yet/);
    expect(screen.queryByRole('list')).not.toBeInTheDocument();

    // The empty state holds the page's one Generate token button, right after its sentence.
    const generate = screen.getByRole('button', { name: 'Generate token' });
    expect(sentence.parentElement).toContainElement(generate);
    expect(sentence.compareDocumentPosition(generate) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await user.click(generate);
    const dialog = await screen.findByRole('dialog', { name: 'Generate API token' });
    expect(dialog).toHaveAttribute('data-key', JSON.stringify(tokenKeys.personal()));
    // Terrakube's personal tokens last whole days.
    expect(dialog).toHaveAttribute('data-granularity', 'day');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('gives focus to the Generate token button above the new list when the empty state that opened the dialog is gone', async () => {
    const { api, store } = personalTokensApi([]);
    const { user, queryClient } = renderPage(api);
    await screen.findByText(/You have no API tokens yet/);
    await user.click(screen.getByRole('button', { name: 'Generate token' }));
    const dialog = await screen.findByRole('dialog', { name: 'Generate API token' });

    // The dialog generates a token: the list replaces the empty state, and its button, behind the dialog.
    store.push(aToken({ description: 'New token' }));
    await queryClient.invalidateQueries({ queryKey: tokenKeys.personal() });
    await list();
    expect(screen.queryByText(/You have no API tokens yet/)).not.toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    const generate = screen.getByRole('button', { name: 'Generate token' });
    await waitFor(() => expect(generate).toHaveFocus());
    expect(generate.compareDocumentPosition(await list()) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('says what failed and why, and Retry loads the list', async () => {
    const token = aToken({ description: 'CI pipeline' });
    const listPersonalTokens = vi
      .fn<TokenApi['listPersonalTokens']>()
      .mockRejectedValueOnce(new ApiError(500, 'The database is down.'))
      .mockResolvedValue([token]);
    const { user } = renderPage(fakeTokenApi({ listPersonalTokens }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load your API tokens');
    expect(alert).toHaveTextContent('The database is down.');

    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await rowTexts()).toEqual([expect.stringContaining('CI pipeline')]);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(listPersonalTokens).toHaveBeenCalledTimes(2);
  });

  it('shows each status with its chip, expiry and creator, soonest first and the never-expiring one last', async () => {
    const tokens = [
      aToken({ description: 'Never expiring', expiresIn: null }),
      aToken({ description: 'Long lived', expiresIn: 30 * DAY + HOUR }),
      aToken({ description: 'Old laptop', expiresIn: -2 * DAY - HOUR, createdAgo: 40 * DAY }),
      aToken({ description: 'Short lived', expiresIn: 3 * DAY + HOUR }),
    ];
    renderPage(personalTokensApi(tokens).api);

    expect(await descriptionsInOrder()).toEqual(['Old laptop', 'Short lived', 'Long lived', 'Never expiring']);
    const [expired, soon, active, never] = await rowTexts();
    expect(expired).toMatch(/Expired/);
    expect(expired).toMatch(/2 days ago/);
    expect(soon).toMatch(/Expires soon/);
    expect(soon).toMatch(/in 3 days/);
    expect(active).toMatch(/Active/);
    expect(active).toMatch(/in 30 days/);
    expect(never).toMatch(/Never expires/);
    expect(never).toMatch(/ExpiresNever/);
    for (const text of [expired, soon, active, never]) expect(text).toMatch(/by admin@example\.com/);

    // The expiry is a machine-readable date as well as the localized text.
    const activeRow = within(await list()).getAllByRole('listitem')[2]!;
    const expiry = new Date(tokens[1]!.expiresAt!);
    expect(activeRow.querySelector(`time[datetime="${expiry.toISOString()}"]`)).not.toBeNull();
  });

  it('makes an expired row look expired: its chip and its expiry say Expired, where a working token says Expires', async () => {
    renderPage(personalTokensApi([aToken({ description: 'Old laptop', expiresIn: -2 * DAY }), aToken({ description: 'Laptop CLI' })]).api);
    const [expired, active] = await rowTexts();
    expect(expired).toMatch(/^Old laptopExpiredExpired.*2 days ago/);
    expect(active).toMatch(/^Laptop CLIActiveExpires.*in 29 days/);
  });

  it('moves a row from Expires soon to Expired while the page stays open, its relative time following', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(new Date('2026-11-23T10:00:00Z'));
    renderPage(personalTokensApi([aToken({ description: 'Nightly job', expiresIn: 2 * MINUTE + 10_000 })]).api);
    const row = () => within(screen.getByRole('list', { name: 'Your API tokens' })).getByRole('listitem');
    await list();
    expect(row()).toHaveTextContent(/^Nightly jobExpires soonExpires.*in 2 minutes/);

    act(() => vi.advanceTimersByTime(MINUTE));
    expect(row()).toHaveTextContent(/Expires soon.*in 1 minute(?!s)/);

    act(() => vi.advanceTimersByTime(2 * MINUTE));
    expect(row()).toHaveTextContent(/^Nightly jobExpiredExpired.*now/);
    act(() => vi.advanceTimersByTime(MINUTE));
    expect(row()).toHaveTextContent(/Expired.*1 minute ago/);
    expect(row()).not.toHaveTextContent(/Expires soon/);
  });

  it('sorts by expiry, newest first or description with the Sort by control', async () => {
    const tokens = [
      aToken({ description: 'bravo', expiresIn: 10 * DAY, createdAgo: 3 * DAY }),
      aToken({ description: 'Alpha', expiresIn: 20 * DAY, createdAgo: 1 * DAY }),
      aToken({ description: 'charlie', expiresIn: 5 * DAY, createdAgo: 2 * DAY }),
    ];
    const { user } = renderPage(personalTokensApi(tokens).api);
    expect(await descriptionsInOrder()).toEqual(['charlie', 'bravo', 'Alpha']);

    const sortBy = screen.getByRole('group', { name: 'Sort by' });
    expect(within(sortBy).getByRole('button', { name: 'Expiry' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(within(sortBy).getByRole('button', { name: 'Newest first' }));
    expect(within(sortBy).getByRole('button', { name: 'Newest first' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(sortBy).getByRole('button', { name: 'Expiry' })).toHaveAttribute('aria-pressed', 'false');
    expect(await descriptionsInOrder()).toEqual(['Alpha', 'charlie', 'bravo']);
    await user.click(within(sortBy).getByRole('button', { name: 'Description' }));
    expect(await descriptionsInOrder()).toEqual(['Alpha', 'bravo', 'charlie']);
  });

  it('renders a long list in part, each row saying where it stands', async () => {
    // jsdom lays nothing out: give every element an 80 px height, so the viewport (768 px) holds about ten rows.
    vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} });
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(80);
    const tokens = Array.from({ length: 500 }, (_, i) => aToken({ description: `Token ${String(i + 1).padStart(3, '0')}`, expiresIn: (i + 1) * DAY }));
    renderPage(personalTokensApi(tokens).api);
    // The first rows show at once, as a plain list, while the virtualized list's code loads.
    expect(within(await list()).getAllByRole('listitem')).toHaveLength(30);
    await waitFor(async () => expect(within(await list()).getAllByRole('listitem')[0]).toHaveAttribute('aria-setsize'));
    const items = within(await list()).getAllByRole('listitem');
    expect(items.length).toBeGreaterThan(5);
    expect(items.length).toBeLessThan(50);
    expect(items[0]).toHaveAttribute('aria-posinset', '1');
    expect(items[0]).toHaveAttribute('aria-setsize', '500');
    expect(items[0]).toHaveTextContent('Token 001');
    expect(screen.getByText('500 tokens')).toBeInTheDocument();
  });

  it('offers no filter box for 10 tokens', async () => {
    renderPage(personalTokensApi(Array.from({ length: 10 }, () => aToken())).api);
    await list();
    expect(screen.queryByLabelText('Filter by description')).not.toBeInTheDocument();
  });

  it('filters by description above 10 tokens, and says when nothing matches', async () => {
    const tokens = [
      ...Array.from({ length: 9 }, (_, i) => aToken({ description: `Laptop ${i + 1}` })),
      aToken({ description: 'Deploy pipeline' }),
      aToken({ description: 'Nightly DEPLOY check' }),
    ];
    const { user } = renderPage(personalTokensApi(tokens).api);
    await list();
    const filter = await screen.findByLabelText('Filter by description');

    await user.type(filter, '  deploy ');
    await waitFor(async () => expect(await descriptionsInOrder()).toEqual(['Deploy pipeline', 'Nightly DEPLOY check']));
    expect(screen.getByText('2 of 11 tokens')).toBeInTheDocument();

    await user.clear(filter);
    await user.type(filter, 'nothing like this');
    expect(await screen.findByText('No tokens match “nothing like this”.')).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Clear filter' }));
    expect(filter).toHaveValue('');
    expect(filter).toHaveFocus();
    expect(within(await list()).getAllByRole('listitem')).toHaveLength(11);
  });

  it('confirms a delete naming the token with Cancel focused; Cancel returns focus, Delete removes the row and confirms', async () => {
    const keep = aToken({ description: 'Laptop CLI' });
    const doomed = aToken({ description: 'Old CI runner', expiresIn: 2 * DAY });
    const { api, store } = personalTokensApi([keep, doomed]);
    const { user } = renderPage(api);
    await list();

    const deleteButton = screen.getByRole('button', { name: 'Delete token Old CI runner' });
    await user.click(deleteButton);
    let confirmation = await screen.findByRole('alertdialog', { name: 'Delete token?' });
    expect(confirmation).toHaveTextContent('Old CI runner');
    expect(confirmation).toHaveTextContent(/stops working at once/);
    expect(within(confirmation).getByRole('button', { name: 'Cancel' })).toHaveFocus();

    await user.click(within(confirmation).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    await waitFor(() => expect(deleteButton).toHaveFocus());
    expect(api.deletePersonalToken).not.toHaveBeenCalled();

    await user.click(deleteButton);
    confirmation = await screen.findByRole('alertdialog', { name: 'Delete token?' });
    await user.click(within(confirmation).getByRole('button', { name: 'Delete' }));

    expect(await screen.findByText('Token Old CI runner deleted')).toBeInTheDocument();
    expect(api.deletePersonalToken).toHaveBeenCalledExactlyOnceWith(doomed.id);
    expect(store.map((t) => t.description)).toEqual(['Laptop CLI']);
    await waitFor(async () => expect(await descriptionsInOrder()).toEqual(['Laptop CLI']));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    // The button went with its row: focus moves to the list, not to <body>.
    await waitFor(() => expect(screen.getByRole('list', { name: 'Your API tokens' })).toHaveFocus());
    // The list is refetched after the delete and agrees.
    await waitFor(() => expect(api.listPersonalTokens).toHaveBeenCalledTimes(2));
    expect(await descriptionsInOrder()).toEqual(['Laptop CLI']);
  });

  it('moves focus to the Generate token button after deleting the last token', async () => {
    const { api } = personalTokensApi([aToken({ description: 'Only one' })]);
    const { user } = renderPage(api);
    await list();
    await user.click(screen.getByRole('button', { name: 'Delete token Only one' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText(/You have no API tokens yet/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Generate token' })).toHaveFocus());
  });

  it('puts the row back and says why when the delete fails', async () => {
    let failDelete: (error: Error) => void = () => undefined;
    const { api } = personalTokensApi([aToken({ description: 'Laptop CLI' }), aToken({ description: 'Build agent' })], {
      deletePersonalToken: vi.fn(() => new Promise<void>((_resolve, reject) => (failDelete = reject))),
    });
    const { user } = renderPage(api);
    await list();

    await user.click(screen.getByRole('button', { name: 'Delete token Build agent' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    // Gone at once, before the server has answered.
    await waitFor(async () => expect(await descriptionsInOrder()).toEqual(['Laptop CLI']));

    failDelete(new ApiError(503, 'The server had a problem (503). Try again later.'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Token Build agent could not be deleted: The server had a problem (503). Try again later.');
    await waitFor(async () => expect(await descriptionsInOrder()).toEqual(['Build agent', 'Laptop CLI'].sort()));
    expect(screen.queryByText(/Build agent deleted/)).not.toBeInTheDocument();
  });

  it('puts the row back after a 401 and offers to sign in again', async () => {
    const { api } = personalTokensApi([aToken({ description: 'Build agent' })], {
      deletePersonalToken: vi.fn(async () => Promise.reject(new ApiError(401, 'Your session has expired. Sign in again.'))),
    });
    const signInAgain = vi.fn();
    const { user } = renderPage(api, { signInAgain });
    await list();
    await user.click(screen.getByRole('button', { name: 'Delete token Build agent' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Token Build agent could not be deleted: Your session has expired. Sign in again.');
    expect(await descriptionsInOrder()).toEqual(['Build agent']);
    expect(signInAgain).not.toHaveBeenCalled();
    await user.click(within(alert).getByRole('button', { name: 'Sign in again' }));
    expect(signInAgain).toHaveBeenCalledTimes(1);
    await user.click(within(alert).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
  });

  it.each([404, 400])('treats a %i on delete as already deleted: the row goes, no error', async (status) => {
    const gone = aToken({ description: 'Deleted elsewhere' });
    const { api, store } = personalTokensApi([aToken({ description: 'Laptop CLI' }), gone], {
      // Another tab deleted it first: the server no longer knows it, and its next list agrees.
      deletePersonalToken: vi.fn(async () => {
        store.splice(store.findIndex((token) => token.id === gone.id), 1);
        throw new ApiError(status, 'Not found');
      }),
    });
    const { user } = renderPage(api);
    await list();

    await user.click(screen.getByRole('button', { name: 'Delete token Deleted elsewhere' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Token Deleted elsewhere was already deleted')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    // Listed once to check the token is gone, once more after the delete, like every delete.
    await waitFor(() => expect(api.listPersonalTokens).toHaveBeenCalledTimes(3));
    expect(screen.queryByRole('button', { name: 'Delete token Deleted elsewhere' })).not.toBeInTheDocument();
  });

  it.each([404, 400])('treats a %i on delete as a failure when the token is still listed: the row comes back, saying why', async (status) => {
    const { api } = personalTokensApi([aToken({ description: 'Laptop CLI' }), aToken({ description: 'Refused' })], {
      deletePersonalToken: vi.fn(async () => {
        throw new ApiError(status, 'The server did not accept the request.');
      }),
    });
    const { user } = renderPage(api);
    await list();

    await user.click(screen.getByRole('button', { name: 'Delete token Refused' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Token Refused could not be deleted: The server did not accept the request. It is still in the list, so it was not deleted.',
    );
    expect(screen.queryByText(/already deleted/)).not.toBeInTheDocument();
    await waitFor(async () => expect(await descriptionsInOrder()).toEqual(['Laptop CLI', 'Refused']));
  });

  it('treats a 404 on delete as a failure when the list cannot be fetched to check it', async () => {
    const token = aToken({ description: 'Unchecked' });
    const listPersonalTokens = vi
      .fn<TokenApi['listPersonalTokens']>()
      .mockResolvedValueOnce([token])
      .mockRejectedValue(new ApiError(0, 'Cannot reach the server.'));
    const api = fakeTokenApi({
      listPersonalTokens,
      deletePersonalToken: vi.fn(async () => {
        throw new ApiError(404, 'Not found.');
      }),
    });
    const { user } = renderPage(api);
    await list();

    await user.click(screen.getByRole('button', { name: 'Delete token Unchecked' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Token Unchecked could not be deleted: Cannot reach the server.')).toBeInTheDocument();
    expect(await descriptionsInOrder()).toEqual(['Unchecked']);
  });
});
