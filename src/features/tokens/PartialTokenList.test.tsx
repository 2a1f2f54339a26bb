import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, type ApiToken, type ListPart } from '../../api';
import { aToken, DAY, personalTokensApi, renderWithProviders } from '../../test/testKit';
import { usePersonalTokens } from '../user-settings/usePersonalTokens';
import { TokensPanel } from './TokensPanel';

const PersonalPanel = () => <TokensPanel collection={usePersonalTokens()} />;

/** A stream whose parts the test hands over one by one: `next(part)`, `fail(error)`, `end()`. */
function controlledStream() {
  const queue: ((step: { part?: ListPart<ApiToken>; error?: Error; done?: boolean }) => void)[] = [];
  const waiting: { part?: ListPart<ApiToken>; error?: Error; done?: boolean }[] = [];
  const push = (step: (typeof waiting)[number]) => {
    const taker = queue.shift();
    if (taker) taker(step);
    else waiting.push(step);
  };
  async function* stream(): AsyncGenerator<ListPart<ApiToken>> {
    for (;;) {
      const step = waiting.shift() ?? (await new Promise<(typeof waiting)[number]>((resolve) => queue.push(resolve)));
      if (step.error) throw step.error;
      if (step.done || !step.part) return;
      yield step.part;
    }
  }
  return {
    stream: vi.fn(stream),
    next: (part: ListPart<ApiToken>) => push({ part }),
    fail: (error: Error) => push({ error }),
    end: () => push({ done: true }),
  };
}

const firstPage = [aToken({ description: 'First A' }), aToken({ description: 'First B', expiresIn: -DAY }), aToken({ description: 'First C' })];
const laterPage = [aToken({ description: 'Later D', expiresIn: -2 * DAY }), aToken({ description: 'Later E' })];
const all = [...firstPage, ...laterPage];

function renderStreamed() {
  const control = controlledStream();
  const { api } = personalTokensApi(all, { streamPersonalTokens: control.stream });
  return { control, api, ...renderWithProviders(<PersonalPanel />, { api }) };
}

const list = () => screen.getByRole('list', { name: 'Your API tokens' });

describe('a token list that arrives page by page', () => {
  it('shows the first page at once, says it is still loading, and claims no counts until the rest is in', async () => {
    const { control } = renderStreamed();
    control.next({ items: firstPage, complete: false, totalCount: 5 });

    expect(await screen.findByText('First A')).toBeInTheDocument();
    expect(within(list()).getAllByRole('listitem')).toHaveLength(3);
    expect(screen.getByRole('status')).toHaveTextContent('3 of 5 tokens loaded, loading the rest…');
    // The clean-up, the status counts, the sort and the expiry notice wait for the whole list.
    expect(screen.queryByRole('button', { name: /expired token/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Expired' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Expiry' })).toBeDisabled();

    control.next({ items: all, complete: true, totalCount: 5 });
    control.end();
    expect(await screen.findByText('Later E')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Delete 2 expired tokens' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Expired 2' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Expiry' })).toBeEnabled();
    expect(screen.queryByText(/loading the rest/)).not.toBeInTheDocument();
  });

  it('says the list is not complete when a later page fails, and Retry reads it whole', async () => {
    const { control, user } = renderStreamed();
    control.next({ items: firstPage, complete: false, totalCount: 5 });
    control.fail(new ApiError(503, 'The server had a problem.'));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Only 3 of 5 tokens could be loaded, so the list is not complete: The server had a problem.');
    expect(within(list()).getAllByRole('listitem')).toHaveLength(3);
    expect(screen.queryByRole('button', { name: /expired token/ })).not.toBeInTheDocument();
    expect(screen.queryByText(/loading the rest/)).not.toBeInTheDocument();

    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    control.next({ items: all, complete: true, totalCount: 5 });
    control.end();
    expect(await screen.findByRole('button', { name: 'Delete 2 expired tokens' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(within(list()).getAllByRole('listitem')).toHaveLength(5);
  });

  it('says why, when the backend’s pages could not be read whole', async () => {
    const { control } = renderStreamed();
    control.next({ items: firstPage, complete: false, totalCount: 5 });
    control.next({ items: firstPage, complete: false, totalCount: 5, shortBecause: 'The list changed while it was read.' });
    control.end();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Only 3 of 5 tokens could be loaded, so the list is not complete: The list changed while it was read.',
    );
    expect(screen.queryByRole('button', { name: /expired token/ })).not.toBeInTheDocument();
  });

  it('keeps the whole list shown while a refetch reads its pages, never a first page in its place', async () => {
    const { control, queryClient } = renderStreamed();
    control.next({ items: all, complete: true, totalCount: 5 });
    control.end();
    expect(await screen.findByText('Later E')).toBeInTheDocument();

    const refetched = queryClient.refetchQueries();
    control.next({ items: firstPage, complete: false, totalCount: 5 });
    await waitFor(() => expect(control.stream).toHaveBeenCalledTimes(2));
    expect(within(list()).getAllByRole('listitem')).toHaveLength(5);
    expect(screen.getByRole('button', { name: 'Delete 2 expired tokens' })).toBeInTheDocument();
    control.next({ items: all.slice(1), complete: true, totalCount: 4 });
    control.end();
    await refetched;
    await waitFor(() => expect(within(list()).getAllByRole('listitem')).toHaveLength(4));
  });
});
