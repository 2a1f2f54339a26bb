import { act, screen, waitFor, within } from '@testing-library/react';
import { useLocation, useNavigationType } from '../../ui/router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aToken, DAY, HOUR, personalTokensApi, renderWithProviders } from '../../test/testKit';
import type { ListedToken } from './tokenRows';
import { TokensPanel } from './TokensPanel';
import { usePersonalTokens } from '../user-settings/usePersonalTokens';

/** The panel as the personal screen wires it, and where the router is: "Location: ?status=… (REPLACE)". */
function PersonalPanel() {
  const { pathname, search } = useLocation();
  const navigationType = useNavigationType();
  return (
    <>
      <TokensPanel collection={usePersonalTokens()} />
      <p>
        Location: {pathname}
        {search} ({navigationType})
      </p>
    </>
  );
}

const location = () => screen.getByText(/^Location: /).textContent?.replace('Location: ', '');

function renderPanel(tokens: ListedToken[], path = '/settings/tokens') {
  return renderWithProviders(<PersonalPanel />, { api: personalTokensApi(tokens).api, path });
}

const list = () => screen.findByRole('list', { name: 'Your API tokens' });
const descriptions = async () =>
  within(await list())
    .getAllByRole('listitem')
    .map((item) => within(item).getByRole('button', { name: /^Delete token / }).getAttribute('aria-label')?.replace('Delete token ', ''));
const statusGroup = () => screen.getByRole('group', { name: 'Status' });
const chip = (name: string | RegExp) => within(statusGroup()).getByRole('button', { name });
const pressed = () =>
  within(statusGroup())
    .getAllByRole('button')
    .filter((button) => button.getAttribute('aria-pressed') === 'true')
    .map((button) => button.textContent);

/** Two of each status but expired and never. */
const MIXED = () => [
  aToken({ description: 'Long lived', expiresIn: 30 * DAY }),
  aToken({ description: 'Ten days', expiresIn: 10 * DAY }),
  aToken({ description: 'Two days', expiresIn: 2 * DAY }),
  aToken({ description: 'One hour', expiresIn: HOUR }),
  aToken({ description: 'Old laptop', expiresIn: -DAY }),
  aToken({ description: 'Forever', expiresIn: null }),
];

afterEach(() => {
  vi.useRealTimers();
});

describe('Status filter chips', () => {
  it('counts each status, all five shown even at 0, All pressed, as native toggle buttons named label then count', async () => {
    renderPanel([aToken({ description: 'Long lived', expiresIn: 30 * DAY }), aToken({ description: 'Forever', expiresIn: null })]);
    await list();
    const names = within(statusGroup())
      .getAllByRole('button')
      .map((button) => button.textContent);
    expect(names).toEqual(['All 2', 'Active 1', 'Expires soon 0', 'Expired 0', 'Never expires 1']);
    expect(pressed()).toEqual(['All 2']);
    for (const button of within(statusGroup()).getAllByRole('button')) {
      expect(button.tagName).toBe('BUTTON');
      expect(button).toHaveAttribute('type', 'button');
      expect(button).toHaveAttribute('aria-pressed');
    }
    // Pressed is told by a check mark as well as by the fill and aria-pressed.
    expect(chip('All 2').querySelector('svg')).not.toBeNull();
    expect(chip('Active 1').querySelector('svg')).toBeNull();
  });

  it('filters the list to a status, says how many are shown, and keeps it in the query without adding history', async () => {
    const { user } = renderPanel(MIXED());
    expect(await descriptions()).toHaveLength(6);
    expect(location()).toBe('/settings/tokens (POP)');
    expect(chip('Expires soon 2')).toHaveAttribute('aria-pressed', 'false');

    await user.click(chip('Expires soon 2'));
    expect(chip('Expires soon 2')).toHaveAttribute('aria-pressed', 'true');
    expect(chip('All 6')).toHaveAttribute('aria-pressed', 'false');
    expect(await descriptions()).toEqual(['One hour', 'Two days']);
    expect(screen.getByRole('status')).toHaveTextContent('2 of 6 tokens');
    expect(location()).toBe('/settings/tokens?status=expiring (REPLACE)');

    // "Active" is the status, not every token that still works.
    await user.click(chip('Active 2'));
    expect(await descriptions()).toEqual(['Ten days', 'Long lived']);
    expect(location()).toBe('/settings/tokens?status=active (REPLACE)');

    await user.click(chip('Never expires 1'));
    expect(await descriptions()).toEqual(['Forever']);
    await user.click(chip('All 6'));
    expect(await descriptions()).toHaveLength(6);
    expect(location()).toBe('/settings/tokens (REPLACE)');
    // A short list unfiltered has no count line.
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('is operated from the keyboard', async () => {
    const { user } = renderPanel(MIXED());
    await list();
    chip('Expired 1').focus();
    await user.keyboard(' ');
    expect(chip('Expired 1')).toHaveAttribute('aria-pressed', 'true');
    expect(chip('Expired 1')).toHaveFocus();
    await user.tab({ shift: true });
    expect(chip('Expires soon 2')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(chip('Expires soon 2')).toHaveAttribute('aria-pressed', 'true');
    expect(await descriptions()).toEqual(['One hour', 'Two days']);
  });

  it('starts from the query, as after a reload or a link, keeping the other parameters when it changes', async () => {
    const { user } = renderPanel(MIXED(), '/settings/tokens?tab=keys&status=expired');
    expect(await descriptions()).toEqual(['Old laptop']);
    expect(pressed()).toEqual(['Expired 1']);

    await user.click(chip('Active 2'));
    expect(location()).toBe('/settings/tokens?tab=keys&status=active (REPLACE)');
    await user.click(chip('All 6'));
    expect(location()).toBe('/settings/tokens?tab=keys (REPLACE)');
  });

  it.each(['bogus', 'constructor', ''])('treats an unknown value (%j) as All', async (value) => {
    renderPanel(MIXED(), `/settings/tokens?status=${value}`);
    expect(await descriptions()).toHaveLength(6);
    expect(pressed()).toEqual(['All 6']);
  });

  it('says so when a status holds no tokens, and Show all tokens clears it and focuses All', async () => {
    const { user } = renderPanel([aToken({ description: 'Long lived' })], '/settings/tokens?status=expired');
    expect(await screen.findByText('No expired tokens.')).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(/^0 of 1 token$/);

    await user.click(screen.getByRole('button', { name: 'Show all tokens' }));
    expect(await descriptions()).toEqual(['Long lived']);
    expect(chip('All 1')).toHaveFocus();
    expect(chip('All 1')).toHaveAttribute('aria-pressed', 'true');
    expect(location()).toBe('/settings/tokens (REPLACE)');
  });

  it('combines with the description filter: the chips count what it leaves, and an empty result names both', async () => {
    const tokens = [
      ...Array.from({ length: 8 }, (_, i) => aToken({ description: `Laptop ${i + 1}`, expiresIn: (20 + i) * DAY })),
      aToken({ description: 'Deploy pipeline', expiresIn: 30 * DAY }),
      aToken({ description: 'Deploy staging', expiresIn: 40 * DAY }),
      aToken({ description: 'Old deploy', expiresIn: -DAY }),
      aToken({ description: 'Nightly check', expiresIn: 2 * DAY }),
    ];
    const { user } = renderPanel(tokens);
    const filter = await screen.findByLabelText('Filter by description');
    expect(chip('All 12')).toBeInTheDocument();

    await user.type(filter, 'deploy');
    await waitFor(() => expect(chip('All 3')).toBeInTheDocument());
    expect(chip('Active 2')).toBeInTheDocument();
    expect(chip('Expires soon 0')).toBeInTheDocument();
    expect(chip('Expired 1')).toBeInTheDocument();

    await user.click(chip('Expired 1'));
    expect(await descriptions()).toEqual(['Old deploy']);
    expect(screen.getByRole('status')).toHaveTextContent('1 of 12 tokens');
    // The description filter stays out of the query.
    expect(location()).toBe('/settings/tokens?status=expired (REPLACE)');

    await user.type(filter, ' staging');
    expect(await screen.findByText('No tokens match “deploy staging” among expired tokens.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show all tokens' }));
    expect(filter).toHaveValue('');
    expect(await descriptions()).toHaveLength(12);
    expect(chip('All 12')).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('12 tokens');
  });

  it('moves a token from Expires soon to Expired as time passes, in the counts and the filtered list', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(new Date('2026-11-23T10:00:00Z'));
    renderPanel([aToken({ description: 'Nightly job', expiresIn: 20_000 }), aToken({ description: 'Long lived' })], '/settings/tokens?status=expiring');
    expect(await descriptions()).toEqual(['Nightly job']);
    expect(chip('Expired 0')).toBeInTheDocument();

    act(() => vi.advanceTimersByTime(31_000));
    expect(chip('Expires soon 0')).toHaveAttribute('aria-pressed', 'true');
    expect(chip('Expired 1')).toBeInTheDocument();
    expect(screen.getByText('No tokens expiring soon.')).toBeInTheDocument();
  });
});
