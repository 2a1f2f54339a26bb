import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, type MemoryHistory } from './history';
import { Link, Navigate, NavLink } from './Link';
import { Outlet, useParams, useRoutes, type RouteObject } from './Routes';
import { BrowserRouter, Router, useLocation, useNavigationType, useSearchParams } from './Router';

function Where() {
  const { pathname, search } = useLocation();
  return <p>{`At ${pathname}${search} by ${useNavigationType()}`}</p>;
}

function Team() {
  const { orgId, teamId } = useParams();
  return <h1>{`Team ${teamId} of ${orgId}`}</h1>;
}

function Filter() {
  const [params, setParams] = useSearchParams();
  return (
    <button
      onClick={() => {
        // Two updates in one click: the second sees the first.
        setParams((current) => new URLSearchParams([...current, ['a', '1']]), { replace: true });
        setParams((current) => new URLSearchParams([...current, ['b', '2']]), { replace: true });
      }}
    >
      {`Filter ${params.toString()}`}
    </button>
  );
}

const routes: RouteObject[] = [
  {
    element: (
      <>
        <nav>
          <NavLink to="/settings/tokens" end>
            Tokens
          </NavLink>
          <NavLink to="/organizations">Teams</NavLink>
        </nav>
        <Outlet />
        <Where />
      </>
    ),
    children: [
      { index: true, element: <Navigate to="/settings/tokens" /> },
      { path: 'settings/tokens', element: <Filter /> },
      { path: 'organizations/:orgId/settings/teams/:teamId', element: <Team /> },
      { path: '*', element: <h1>Not found</h1> },
    ],
  },
];

function App() {
  return useRoutes(routes);
}

function renderAt(...entries: string[]): MemoryHistory {
  const history = createMemoryHistory(entries);
  render(
    <Router history={history}>
      <App />
      <Link to="/organizations/a%2Fb/settings/teams/t1">Team link</Link>
    </Router>,
  );
  return history;
}

describe('the router', () => {
  it('redirects the root, replacing the entry', async () => {
    renderAt('/');
    expect(await screen.findByText('At /settings/tokens by REPLACE')).toBeInTheDocument();
  });

  it('follows links as a PUSH, marks the current navigation link, and goes back as a POP', async () => {
    const user = userEvent.setup();
    const history = renderAt('/settings/tokens');
    expect(screen.getByRole('link', { name: 'Tokens' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Teams' })).not.toHaveAttribute('aria-current');

    await user.click(screen.getByRole('link', { name: 'Team link' }));
    expect(screen.getByRole('heading', { name: 'Team t1 of a/b' })).toBeInTheDocument();
    expect(screen.getByText('At /organizations/a%2Fb/settings/teams/t1 by PUSH')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Teams' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Tokens' })).not.toHaveAttribute('aria-current');

    act(() => history.go(-1));
    expect(screen.getByText('At /settings/tokens by POP')).toBeInTheDocument();
  });

  it('leaves modifier clicks, middle clicks and other targets to the browser', () => {
    renderAt('/settings/tokens');
    const link = screen.getByRole('link', { name: 'Team link' });
    // Whether the app cancelled the click (which the browser would then not follow), read after the app has seen
    // it; then cancelled here, as jsdom cannot open another document.
    const cancelledByApp: boolean[] = [];
    const record = (event: MouseEvent) => {
      cancelledByApp.push(event.defaultPrevented);
      event.preventDefault();
    };
    window.addEventListener('click', record);
    for (const init of [{ ctrlKey: true }, { metaKey: true }, { shiftKey: true }, { altKey: true }, { button: 1 }]) fireEvent.click(link, init);
    link.setAttribute('target', '_blank');
    fireEvent.click(link);
    window.removeEventListener('click', record);
    expect(cancelledByApp).toEqual([false, false, false, false, false, false]);
    expect(screen.getByText('At /settings/tokens by POP')).toBeInTheDocument();
  });

  it('sets the query without a new entry when asked to replace, keeping the path', async () => {
    const user = userEvent.setup();
    renderAt('/settings/tokens?status=expiring');
    await user.click(screen.getByRole('button', { name: 'Filter status=expiring' }));
    expect(screen.getByText('At /settings/tokens?status=expiring&a=1&b=2 by REPLACE')).toBeInTheDocument();
  });

  it('shows the catch-all route for paths it does not know, malformed ones included', () => {
    renderAt('/settings/%E0');
    expect(screen.getByRole('heading', { name: 'Not found' })).toBeInTheDocument();
  });
});

describe('BrowserRouter', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('follows the address bar: pushState on a link, popstate on Back, the top of the page for a new one', async () => {
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    window.history.replaceState({ kept: true }, '', '/settings/tokens?x=1');
    render(
      <BrowserRouter>
        <App />
        <Link to="/organizations/o/settings/teams/t">Team link</Link>
      </BrowserRouter>,
    );
    expect(screen.getByText('At /settings/tokens?x=1 by POP')).toBeInTheDocument();
    expect(scrollTo).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('link', { name: 'Team link' }));
    expect(window.location.pathname).toBe('/organizations/o/settings/teams/t');
    expect(window.history.state).toMatchObject({ kept: true });
    expect(screen.getByText('At /organizations/o/settings/teams/t by PUSH')).toBeInTheDocument();
    expect(scrollTo).toHaveBeenCalledWith(0, 0);

    act(() => {
      window.history.replaceState(null, '', '/settings/tokens');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(screen.getByText('At /settings/tokens by POP')).toBeInTheDocument();
    scrollTo.mockRestore();
  });

  it('leaves no popstate listener behind once unmounted, in StrictMode too', () => {
    const added = vi.spyOn(window, 'addEventListener');
    const removed = vi.spyOn(window, 'removeEventListener');
    const popstate = (spy: typeof added) => spy.mock.calls.filter(([type]) => type === 'popstate').length;
    const { unmount } = render(
      <StrictMode>
        <BrowserRouter>
          <Where />
        </BrowserRouter>
      </StrictMode>,
    );
    expect(popstate(added)).toBeGreaterThan(0);
    unmount();
    expect(popstate(removed)).toBe(popstate(added));
    added.mockRestore();
    removed.mockRestore();
  });
});
