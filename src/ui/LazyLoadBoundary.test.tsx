import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LazyLoadBoundary } from './LazyLoadBoundary';
import { useReloadableLazy } from './useReloadableLazy';

function Dialog() {
  return <div role="dialog" aria-label="Loaded dialog" />;
}

const load = vi.fn<() => Promise<{ default: typeof Dialog }>>();

function Page() {
  const [open, setOpen] = useState(false);
  const [LazyDialog, reload] = useReloadableLazy(load);
  return (
    <main>
      <button onClick={() => setOpen(true)}>Open</button>
      {open && (
        <LazyLoadBoundary what="the dialog" onReload={reload} onDismiss={() => setOpen(false)}>
          <Suspense fallback={null}>
            <LazyDialog />
          </Suspense>
        </LazyLoadBoundary>
      )}
      <p>The rest of the page</p>
    </main>
  );
}

afterEach(() => {
  load.mockReset();
  vi.restoreAllMocks();
});

describe('LazyLoadBoundary with useReloadableLazy', () => {
  it('says in place that the code could not load, keeps the page, and Retry downloads it again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    load.mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module')).mockResolvedValue({ default: Dialog });
    const user = userEvent.setup();
    render(<Page />);
    await user.click(screen.getByRole('button', { name: 'Open' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the dialog');
    expect(alert).toHaveTextContent('Check your connection, then try again.');
    expect(screen.getByText('The rest of the page')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('dialog', { name: 'Loaded dialog' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('Close gives up for now; opening again tries a fresh download', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    load.mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module')).mockResolvedValue({ default: Dialog });
    const user = userEvent.setup();
    render(<Page />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    await user.click(await screen.findByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect(await screen.findByRole('dialog', { name: 'Loaded dialog' })).toBeInTheDocument();
  });

  it('opens on a page mounted again, when the loader hands out the promise it already settled', async () => {
    const loaded = Promise.resolve({ default: Dialog });
    load.mockReturnValue(loaded);
    const user = userEvent.setup();
    const first = render(<Page />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect(await screen.findByRole('dialog', { name: 'Loaded dialog' })).toBeInTheDocument();
    first.unmount();

    render(<Page />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect(await screen.findByRole('dialog', { name: 'Loaded dialog' })).toBeInTheDocument();
  });
});
