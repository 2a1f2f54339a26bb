import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode, useEffect } from 'react';
import { BrowserRouter, useLocation } from '../ui/router';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { ApiTokenAuthProvider } from './ApiTokenAuthProvider';
import { useAuth, type Auth } from './AuthContext';

const API_URL = 'https://app.terraform.io/api/v2/';
const TOKEN = 'abcdEFGH1234.atlasv1.s3cr3t-user-token-value';
const REFUSED = 'HCP Terraform did not accept this token. Check that you copied all of it, and that it is a user token.';

const accountDetails = {
  data: {
    id: 'user-V3R5AzyVZ4HE5n5C',
    type: 'users',
    attributes: { username: 'alice', email: 'alice@example.com' },
  },
};

function jsonResponse(body: unknown, status = 200, statusText = 'OK') {
  return new Response(JSON.stringify(body), { status, statusText, headers: { 'Content-Type': 'application/vnd.api+json' } });
}

let fetchMock: Mock<typeof fetch>;
let lastAuth: Auth | null = null;

function Whoami() {
  const auth = useAuth();
  const location = useLocation();
  useEffect(() => {
    lastAuth = auth;
  });
  return (
    <>
      <p>Signed in as {auth.user.name}</p>
      <p>Email {auth.user.email}</p>
      <p>At {`${location.pathname}${location.search}`}</p>
      <button onClick={() => void auth.signOut()}>Sign out</button>
      <button onClick={() => auth.signInAgain()}>Unauthorized</button>
    </>
  );
}

function renderSignIn(apiUrl = API_URL) {
  return render(
    <StrictMode>
      <ApiTokenAuthProvider apiUrl={apiUrl}>
        <BrowserRouter>
          <Whoami />
        </BrowserRouter>
      </ApiTokenAuthProvider>
    </StrictMode>,
  );
}

async function signInWith(token: string) {
  await userEvent.type(screen.getByLabelText('API token'), token);
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

beforeEach(() => {
  fetchMock = vi.fn<typeof fetch>(async () => jsonResponse(accountDetails));
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  lastAuth = null;
  window.history.replaceState(null, '', '/');
});

describe('ApiTokenAuthProvider', () => {
  it('asks for a user API token on an accessible page', () => {
    renderSignIn();
    expect(screen.getByRole('main')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in to HCP Terraform' })).toBeInTheDocument();
    const field = screen.getByLabelText('API token');
    expect(field).toHaveAttribute('type', 'password');
    expect(field).toHaveAttribute('autocomplete', 'off');
    expect(field).toHaveAttribute('spellcheck', 'false');
    expect(field).toHaveFocus();
    expect(screen.getByRole('link', { name: /your HCP Terraform user settings, under Tokens/ })).toHaveAttribute(
      'href',
      'https://app.terraform.io/app/settings/tokens',
    );
    expect(screen.getByText(/kept in this tab's memory only/)).toBeInTheDocument();
    expect(screen.queryByText(/Signed in as/)).not.toBeInTheDocument();
    expect(document.title).toBe('Sign in to HCP Terraform · API tokens');
  });

  it('calls a Terraform Enterprise host by that name and links to its token settings', () => {
    renderSignIn('https://tfe.example.com/api/v2/');
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in to Terraform Enterprise' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Terraform Enterprise user settings/ })).toHaveAttribute(
      'href',
      'https://tfe.example.com/app/settings/tokens',
    );
  });

  it('checks the token with account/details and shows the app as its user', async () => {
    renderSignIn();
    await signInWith(`  ${TOKEN}  `);
    expect(await screen.findByText('Signed in as alice')).toBeInTheDocument();
    expect(screen.getByText('Email alice@example.com')).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(String(url)).toBe('https://app.terraform.io/api/v2/account/details');
    const headers = new Headers(init?.headers);
    expect(headers.get('Authorization')).toBe(`Bearer ${TOKEN}`);
    expect(headers.get('Accept')).toBe('application/vnd.api+json');
    expect(init?.method ?? 'GET').toBe('GET');
    await expect(lastAuth?.getAccessToken()).resolves.toBe(TOKEN);
    expect(lastAuth?.user).toEqual({ name: 'alice', email: 'alice@example.com', groups: [] });
  });

  it('submits with the Enter key', async () => {
    renderSignIn();
    await userEvent.keyboard(`${TOKEN}{Enter}`);
    expect(await screen.findByText('Signed in as alice')).toBeInTheDocument();
  });

  it.each([401, 404])('says plainly under the field when the platform answers %i, keeping the input', async (status) => {
    fetchMock.mockResolvedValue(jsonResponse({ errors: [{ status: String(status), title: 'unauthorized' }] }, status));
    renderSignIn();
    await signInWith(TOKEN);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(REFUSED);
    const field = screen.getByLabelText('API token');
    expect(field).toHaveValue(TOKEN);
    expect(field).toHaveFocus();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(REFUSED);
    expect(screen.queryByText(/Signed in as/)).not.toBeInTheDocument();
  });

  it('lets the user correct a refused token and sign in', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse({}, 401));
    renderSignIn();
    await signInWith('team-token');
    expect(await screen.findByText(REFUSED)).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText('API token'));
    await signInWith(TOKEN);
    expect(await screen.findByText('Signed in as alice')).toBeInTheDocument();
  });

  it.each([
    ['the network fails', () => Promise.reject(new TypeError('Failed to fetch')), /^Could not reach HCP Terraform at https:\/\/app\.terraform\.io to check the token/],
    ['the server fails', async () => jsonResponse({}, 503, 'Service Unavailable'), /^HCP Terraform answered 503 while checking the token: The server had a problem \(503\)/],
    ['the server is rate limiting', async () => jsonResponse({}, 429, 'Too Many Requests'), /answered 429 while checking the token: Too many requests \(429\)\. Wait/],
    ['a proxy answers with a web page', async () => new Response('<!doctype html><title>app</title>', { status: 200 }), /account\/details did not answer with account details\. Check that REACT_APP_TFE_API_URL/],
    ['the answer has no user', async () => jsonResponse({ data: {} }), /did not answer with account details/],
  ])('says what failed when %s, keeping the input', async (_, answer, message) => {
    fetchMock.mockImplementation(answer);
    renderSignIn();
    await signInWith(TOKEN);
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(screen.getByLabelText('API token')).toHaveValue(TOKEN);
    expect(screen.getByLabelText('API token')).toHaveFocus();
    expect(screen.queryByText(/Signed in as/)).not.toBeInTheDocument();
  });

  it('refuses a team or organization token, which answers as a service account', async () => {
    fetchMock.mockResolvedValue(jsonResponse({ data: { id: 'user-team', type: 'users', attributes: { username: 'api-team', 'is-service-account': true } } }));
    renderSignIn();
    await signInWith(TOKEN);
    expect(await screen.findByRole('alert')).toHaveTextContent(REFUSED);
    expect(screen.queryByText(/Signed in as/)).not.toBeInTheDocument();
  });

  it('says a token with a space or a zero-width character inside is not whole, without sending it', async () => {
    renderSignIn();
    await userEvent.click(screen.getByLabelText('API token'));
    await userEvent.paste(`${TOKEN.slice(0, 10)} ${TOKEN.slice(10, 20)}\u200b${TOKEN.slice(20)}`);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/This is not a whole token/);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });

  it('asks for a token without calling the platform when the field is empty', async () => {
    renderSignIn();
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Paste your API token to sign in.');
    expect(screen.getByLabelText('API token')).toHaveFocus();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows progress while checking and sends one request however often it is submitted', async () => {
    let answer: (response: Response) => void = () => undefined;
    fetchMock.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    renderSignIn();
    const field = screen.getByLabelText('API token');
    await userEvent.type(field, TOKEN);
    const form = field.closest('form');
    if (!form) throw new Error('no form');
    // Twice before React re-renders, then again by keyboard once it has (the button is disabled by then).
    act(() => {
      fireEvent.submit(form);
      fireEvent.submit(form);
    });
    await userEvent.type(field, '{Enter}');
    const button = screen.getByRole('button', { name: /Sign in/ });
    expect(button).toBeDisabled();
    expect(screen.getByRole('status')).toHaveTextContent('Checking the token with HCP Terraform…');
    expect(fetchMock).toHaveBeenCalledTimes(1);

    await act(async () => answer(jsonResponse(accountDetails)));
    expect(await screen.findByText('Signed in as alice')).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('forgets the token on sign out and shows the page again', async () => {
    renderSignIn();
    await signInWith(TOKEN);
    // The signed-in screen, not only the submitted form, before its auth is taken.
    await screen.findByText('Signed in as alice');
    const signedIn = lastAuth;
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in to HCP Terraform' })).toBeInTheDocument();
    expect(screen.getByText(/You signed out, and this tab no longer holds your token/)).toBeInTheDocument();
    expect(screen.getByLabelText('API token')).toHaveValue('');
    expect(screen.queryByText(/Signed in as/)).not.toBeInTheDocument();
    await expect(signedIn?.getAccessToken()).resolves.toBeNull();
  });

  it('after a refused request, asks again saying why, and comes back on the same route', async () => {
    window.history.replaceState(null, '', '/organizations/acme/settings/teams/team-1?tab=tokens');
    renderSignIn();
    await signInWith(TOKEN);
    expect(await screen.findByText('At /organizations/acme/settings/teams/team-1?tab=tokens')).toBeInTheDocument();
    const signedIn = lastAuth;

    await userEvent.click(screen.getByRole('button', { name: 'Unauthorized' }));
    const notice = screen.getByRole('alert');
    expect(notice).toHaveTextContent('HCP Terraform refused your token: it may have been revoked or have expired.');
    expect(screen.getByLabelText('API token')).toHaveValue('');
    expect(screen.getByLabelText('API token')).toHaveAccessibleDescription(notice.textContent ?? '');
    await expect(signedIn?.getAccessToken()).resolves.toBeNull();
    expect(window.location.pathname).toBe('/organizations/acme/settings/teams/team-1');

    await signInWith('a-new-token');
    expect(await screen.findByText('At /organizations/acme/settings/teams/team-1?tab=tokens')).toBeInTheDocument();
    await expect(lastAuth?.getAccessToken()).resolves.toBe('a-new-token');
  });

  it('keeps the token out of storage, cookies, the URL, the page and the console', async () => {
    const consoleCalls = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation(() => undefined),
    );
    renderSignIn();
    await signInWith(TOKEN);
    await screen.findByText('Signed in as alice');

    const stored = [window.localStorage, window.sessionStorage].flatMap((storage) =>
      Object.keys(storage).flatMap((key) => [key, storage.getItem(key) ?? '']),
    );
    for (const place of [...stored, document.cookie, window.location.href, document.body.innerHTML]) {
      expect(place).not.toContain(TOKEN);
    }
    for (const spy of consoleCalls) expect(JSON.stringify(spy.mock.calls)).not.toContain(TOKEN);
  });
});
