import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, NETWORK_ERROR_MESSAGE } from '../../../api/ApiError';
import { tokenKeys } from '../../../api/queryKeys';
import type { CreatedToken } from '../../../api/tokenApi';
import { createQueryClient } from '../../../app/queryClient';
import type { GenerateTokenDialogProps } from '../GenerateTokenDialog';
import { expiryPresetsFor } from './durationPresets';
import { formatExpiryDate } from './expiryText';
import { DialogHarness, fakeJwt, TEST_CONFIG } from './testSupport';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const DAY = 86_400_000;
const EXP = Math.floor((NOW.getTime() + 30 * DAY) / 1000);
const SECRET = fakeJwt({ iss: 'Terrakube', sub: 'Admin (Token)', iat: NOW.getTime() / 1000, exp: EXP });

type Generate = GenerateTokenDialogProps['generate'];

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function setClipboard(value: unknown) {
  Object.defineProperty(navigator, 'clipboard', { value, configurable: true });
}

function renderDialog({
  variant = 'personal',
  generate = vi.fn<Generate>(async () => ({ token: SECRET })),
  initiallyOpen = true,
  unmountOnClose = false,
  config = TEST_CONFIG,
}: {
  variant?: 'personal' | 'team';
  generate?: ReturnType<typeof vi.fn<Generate>>;
  initiallyOpen?: boolean;
  unmountOnClose?: boolean;
  config?: typeof TEST_CONFIG;
} = {}) {
  const user = userEvent.setup();
  const queryClient = createQueryClient();
  const tokenListKey = variant === 'team' ? tokenKeys.team() : tokenKeys.personal();
  const listed: string[] = ['Existing token'];
  const listTokens = vi.fn(async () => [...listed]);
  const onClose = vi.fn();
  const signInAgain = vi.fn();
  const generateAndList = vi.fn<Generate>(async (request) => {
    const created = await generate(request);
    listed.push(request.description);
    return created;
  });
  render(
    <DialogHarness
      queryClient={queryClient}
      config={config}
      listTokens={listTokens}
      variant={variant}
      generate={generateAndList}
      tokenListKey={tokenListKey}
      initiallyOpen={initiallyOpen}
      unmountOnClose={unmountOnClose}
      onClose={onClose}
      signInAgain={signInAgain}
    />,
  );
  const title = variant === 'team' ? 'Generate team token' : 'Generate API token';
  return { user, queryClient, generate, listTokens, onClose, signInAgain, title, dialog: () => screen.getByRole('dialog', { name: title }) };
}

const descriptionField = () => screen.getByRole('textbox', { name: 'Description' });
const generateButton = () => screen.getByRole('button', { name: 'Generate' });
const tokenField = () => screen.getByRole('textbox', { name: 'Token' });

async function fillDescription(user: ReturnType<typeof userEvent.setup>, text: string) {
  await user.click(descriptionField());
  await user.clear(descriptionField());
  if (text) await user.paste(text);
}

async function fillCustom(user: ReturnType<typeof userEvent.setup>, values: Record<string, string>) {
  await user.click(screen.getByRole('radio', { name: 'Custom' }));
  for (const [label, value] of Object.entries(values)) {
    const field = screen.getByRole('spinbutton', { name: label });
    await user.clear(field);
    if (value) await user.type(field, value);
  }
}

async function generateToken(user: ReturnType<typeof userEvent.setup>, description = 'Laptop CLI') {
  await fillDescription(user, description);
  await user.click(generateButton());
  return screen.findByRole('textbox', { name: 'Token' });
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('GenerateTokenDialog: the form', () => {
  it('opens titled, with Description focused, 30 days chosen, Cancel and Generate', async () => {
    const { dialog } = renderDialog();
    expect(await screen.findByRole('dialog', { name: 'Generate API token' })).toBeVisible();
    expect(descriptionField()).toHaveFocus();
    const group = within(dialog()).getByRole('radiogroup', { name: 'Expires in' });
    expect(within(group).getByRole('radio', { name: '30 days' })).toBeChecked();
    expect(within(group).queryByRole('radio', { name: '15 minutes' })).not.toBeInTheDocument();
    expect(within(dialog()).getByRole('button', { name: 'Cancel' })).toBeEnabled();
    expect(generateButton()).toBeEnabled();
  });

  it('is titled Generate team token for teams, with the short presets', async () => {
    renderDialog({ variant: 'team' });
    const group = await screen.findByRole('radiogroup', { name: 'Expires in' });
    expect(screen.getByRole('dialog', { name: 'Generate team token' })).toBeVisible();
    expect(within(group).getAllByRole('radio').map((radio) => radio.closest('label')?.textContent)).toEqual(
      expiryPresetsFor('team').map((preset) => preset.label),
    );
  });

  it.each([
    ['empty', '', 'Description is required.'],
    ['whitespace only', '    ', 'Description is required.'],
    ['256 characters', 'x'.repeat(256), 'Description must be at most 255 characters.'],
  ])('rejects a description that is %s, next to the field, and sends nothing', async (_name, text, message) => {
    const { user, generate } = renderDialog();
    await fillDescription(user, text);
    await user.click(generateButton());
    expect(descriptionField()).toHaveAttribute('aria-invalid', 'true');
    expect(descriptionField()).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(descriptionField()).toHaveFocus();
    expect(descriptionField()).toHaveValue(text);
    expect(generate).not.toHaveBeenCalled();
  });

  it('shows a character counter near the limit', async () => {
    const { user } = renderDialog();
    await fillDescription(user, 'x'.repeat(199));
    expect(screen.queryByText(/of 255 characters/)).not.toBeInTheDocument();
    await user.type(descriptionField(), 'x');
    expect(screen.getByText('200 of 255 characters')).toBeVisible();
    await user.type(descriptionField(), 'x'.repeat(56));
    expect(screen.getByText('256 of 255 characters')).toBeVisible();
    // The error joins the counter on Generate, then follows the typing.
    await user.click(generateButton());
    expect(descriptionField()).toHaveAccessibleDescription(expect.stringContaining('at most 255 characters'));
    await user.type(descriptionField(), '{Backspace}');
    expect(descriptionField()).toHaveAttribute('aria-invalid', 'false');
    expect(screen.getByText('255 of 255 characters')).toBeVisible();
  });

  it('counts the characters that are sent: surrounding spaces are not counted, as the description is trimmed', async () => {
    const { user, generate } = renderDialog();
    await fillDescription(user, `  ${'x'.repeat(255)}   `);
    expect(screen.getByText('255 of 255 characters')).toBeVisible();
    await user.click(generateButton());
    await screen.findByRole('textbox', { name: 'Token' });
    expect(generate).toHaveBeenCalledWith({ description: 'x'.repeat(255), duration: { days: 30, hours: 0, minutes: 0 } });
  });

  it('shows no error while the user moves between fields, only on Generate', async () => {
    const { user } = renderDialog({ variant: 'team' });
    await user.click(await screen.findByRole('radio', { name: 'Custom' }));
    await user.clear(screen.getByRole('spinbutton', { name: 'Days' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Days' }), '0');
    await user.tab();
    expect(screen.getByRole('spinbutton', { name: 'Days' })).toHaveAttribute('aria-invalid', 'false');
    expect(descriptionField()).toHaveAttribute('aria-invalid', 'false');
  });

  it('sends a custom team duration typed field by field without an earlier submit', async () => {
    const { user, generate } = renderDialog({ variant: 'team' });
    await fillDescription(user, 'Pipeline');
    await fillCustom(user, { Days: '0', Hours: '0', Minutes: '30' });
    await user.click(generateButton());
    await screen.findByRole('textbox', { name: 'Token' });
    expect(generate).toHaveBeenCalledWith({ description: 'Pipeline', duration: { days: 0, hours: 0, minutes: 30 } });
  });

  it('sends the description trimmed', async () => {
    const { user, generate } = renderDialog();
    await generateToken(user, '   Laptop CLI  ');
    expect(generate).toHaveBeenCalledWith({ description: 'Laptop CLI', duration: { days: 30, hours: 0, minutes: 0 } });
  });

  describe.each(['personal', 'team'] as const)('each %s preset', (variant) => {
    const presets = expiryPresetsFor(variant).filter((preset) => preset.duration);
    it.each(presets.map((preset) => [preset.label, preset.duration] as const))(
      '%s sends its duration',
      async (label, duration) => {
        const { user, generate } = renderDialog({ variant });
        await fillDescription(user, `Token ${label}`);
        await user.click(screen.getByRole('radio', { name: label }));
        await user.click(generateButton());
        await screen.findByRole('textbox', { name: 'Token' });
        expect(generate).toHaveBeenCalledTimes(1);
        expect(generate).toHaveBeenCalledWith({ description: `Token ${label}`, duration });
      },
    );
  });

  it('shows the resulting expiry live as the preset changes, and warns about Never', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    const { user } = renderDialog();
    const at = (ms: number) => `Expires on ${formatExpiryDate(new Date(NOW.getTime() + ms))}`;
    expect(await screen.findByRole('status')).toHaveTextContent(at(30 * DAY));
    expect(screen.getByRole('radiogroup', { name: 'Expires in' })).toHaveAccessibleDescription(at(30 * DAY));
    await user.click(screen.getByRole('radio', { name: '1 year' }));
    expect(screen.getByRole('status')).toHaveTextContent(`${at(365 * DAY)} (365 days from now)`);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'Never' }));
    expect(screen.getByRole('status')).toHaveTextContent('Never expires');
    expect(screen.getByRole('alert')).toHaveTextContent(/never expires is a standing risk/);
    expect(screen.getByRole('alert')).toHaveClass('MuiAlert-colorWarning');

    await user.click(screen.getByRole('radio', { name: '7 days' }));
    expect(screen.getByRole('status')).toHaveTextContent(at(7 * DAY));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps the preview true while the dialog stays open, announcing it only when the user changes the duration', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(NOW);
    const { user } = renderDialog();
    const preview = () => screen.getByRole('radiogroup', { name: 'Expires in' });
    const at = (ms: number) => `Expires on ${formatExpiryDate(new Date(NOW.getTime() + ms))}`;
    expect(await screen.findByRole('status')).toHaveTextContent(at(30 * DAY));

    act(() => vi.advanceTimersByTime(10 * 60_000));
    expect(preview()).toHaveAccessibleDescription(at(10 * 60_000 + 30 * DAY));
    // The clock moving on is not announced…
    expect(screen.getByRole('status')).toHaveTextContent(at(30 * DAY));
    // …a change is, from the time it is made.
    await user.click(screen.getByRole('radio', { name: '7 days' }));
    expect(screen.getByRole('status')).toHaveTextContent(at(10 * 60_000 + 7 * DAY));
    expect(preview()).toHaveAccessibleDescription(at(10 * 60_000 + 7 * DAY));
  });

  it('shows the exact date of the 1-year preset, 365 days on, a day short of the calendar year across 29 Feb 2028', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const created = new Date('2027-06-01T10:00:00.000Z');
    vi.setSystemTime(created);
    const { user } = renderDialog();
    await user.click(await screen.findByRole('radio', { name: '1 year' }));
    const expected = formatExpiryDate(new Date('2028-05-31T10:00:00.000Z'));
    expect(screen.getByRole('status')).toHaveTextContent(`Expires on ${expected} (365 days from now)`);
  });

  it('shows the custom expiry live for teams, in minutes', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    const { user } = renderDialog({ variant: 'team' });
    await fillCustom(user, { Days: '0', Hours: '1', Minutes: '30' });
    expect(screen.getByRole('status')).toHaveTextContent(`Expires on ${formatExpiryDate(new Date(NOW.getTime() + 90 * 60_000))}`);
    await user.clear(screen.getByRole('spinbutton', { name: 'Hours' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Hours' }), '99');
    expect(screen.getByRole('status')).toHaveTextContent('Enter a valid duration to see when the token expires.');
  });

  describe('custom days for personal tokens (whole days 1–3650)', () => {
    it('has only Days', async () => {
      const { user } = renderDialog();
      await user.click(await screen.findByRole('radio', { name: 'Custom' }));
      expect(screen.getByRole('spinbutton', { name: 'Days' })).toBeVisible();
      expect(screen.queryByRole('spinbutton', { name: 'Hours' })).not.toBeInTheDocument();
      expect(screen.queryByRole('spinbutton', { name: 'Minutes' })).not.toBeInTheDocument();
    });

    it.each([
      ['0', 'Days must be at least 1.'],
      ['3651', 'Days must be at most 3650.'],
      ['1.5', 'Days must be a whole number.'],
      ['', 'Enter the number of days.'],
    ])('rejects %j inline', async (days, message) => {
      const { user, generate } = renderDialog();
      await fillDescription(user, 'Custom');
      await fillCustom(user, { Days: days });
      await user.click(generateButton());
      const field = screen.getByRole('spinbutton', { name: 'Days' });
      expect(field).toHaveAttribute('aria-invalid', 'true');
      expect(field).toHaveAccessibleDescription(message);
      expect(generate).not.toHaveBeenCalled();
    });

    it('sends a valid number of days', async () => {
      const { user, generate } = renderDialog();
      await fillDescription(user, 'Custom');
      await fillCustom(user, { Days: '3650' });
      await user.click(generateButton());
      await screen.findByRole('textbox', { name: 'Token' });
      expect(generate).toHaveBeenCalledWith({ description: 'Custom', duration: { days: 3650, hours: 0, minutes: 0 } });
    });
  });

  describe('custom duration for team tokens (days, hours 0–23, minutes 0–59)', () => {
    it.each([
      [{ Days: '0', Hours: '0', Minutes: '0' }, 'Days', 'Enter at least one minute in total.'],
      [{ Days: '0', Hours: '24', Minutes: '0' }, 'Hours', 'Hours must be at most 23.'],
      [{ Days: '0', Hours: '0', Minutes: '60' }, 'Minutes', 'Minutes must be at most 59.'],
    ])('rejects %j on %s', async (values, label, message) => {
      const { user, generate } = renderDialog({ variant: 'team' });
      await fillDescription(user, 'CI');
      await fillCustom(user, values);
      await user.click(generateButton());
      const field = screen.getByRole('spinbutton', { name: label });
      expect(field).toHaveAttribute('aria-invalid', 'true');
      expect(field).toHaveAccessibleDescription(message);
      if (message === 'Enter at least one minute in total.') {
        // It is about all three fields: each is marked and described by it.
        for (const other of ['Hours', 'Minutes']) {
          expect(screen.getByRole('spinbutton', { name: other })).toHaveAttribute('aria-invalid', 'true');
          expect(screen.getByRole('spinbutton', { name: other })).toHaveAccessibleDescription(message);
        }
      }
      expect(generate).not.toHaveBeenCalled();
    });

    it('clears the total error once a minute is entered, and sends the duration', async () => {
      const { user, generate } = renderDialog({ variant: 'team' });
      await fillDescription(user, 'CI');
      await fillCustom(user, { Days: '0', Hours: '0', Minutes: '0' });
      await user.click(generateButton());
      expect(screen.getByRole('spinbutton', { name: 'Days' })).toHaveAttribute('aria-invalid', 'true');
      await fillCustom(user, { Minutes: '30' });
      expect(screen.getByRole('spinbutton', { name: 'Days' })).toHaveAttribute('aria-invalid', 'false');
      await user.click(generateButton());
      await screen.findByRole('textbox', { name: 'Token' });
      expect(generate).toHaveBeenCalledWith({ description: 'CI', duration: { days: 0, hours: 0, minutes: 30 } });
    });
  });

  it('closes on Cancel without sending anything', async () => {
    const { user, onClose, generate } = renderDialog();
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(generate).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});

describe('GenerateTokenDialog: submitting', () => {
  it('disables Generate and shows progress while in flight; the dialog cannot be closed meanwhile', async () => {
    const pending = deferred<CreatedToken>();
    const generate = vi.fn<Generate>(() => pending.promise);
    const { user, onClose } = renderDialog({ generate });
    await fillDescription(user, 'Slow');
    await user.click(generateButton());
    expect(generateButton()).toBeDisabled();
    expect(within(generateButton()).getByRole('progressbar')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled();
    await user.keyboard('{Escape}');
    expect(onClose).not.toHaveBeenCalled();
    await act(async () => pending.resolve({ token: SECRET }));
    expect(await screen.findByRole('textbox', { name: 'Token' })).toHaveValue(SECRET);
  });

  it('sends exactly one request for a double click, and for two clicks in the same tick', async () => {
    const pending = deferred<CreatedToken>();
    const generate = vi.fn<Generate>(() => pending.promise);
    const { user } = renderDialog({ generate });
    await fillDescription(user, 'Twice');
    await user.dblClick(generateButton());
    fireEvent.click(generateButton());
    fireEvent.submit(generateButton().closest('form')!);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(generate).toHaveBeenCalledTimes(1);
    await act(async () => pending.resolve({ token: SECRET }));
    await screen.findByRole('textbox', { name: 'Token' });
    expect(generate).toHaveBeenCalledTimes(1);
  });

  it('guards with a ref: two submits before any re-render make one request', async () => {
    const generate = vi.fn<Generate>(async () => ({ token: SECRET }));
    const { user } = renderDialog({ generate });
    await fillDescription(user, 'Same tick');
    const form = generateButton().closest('form')!;
    fireEvent.submit(form);
    fireEvent.submit(form);
    await screen.findByRole('textbox', { name: 'Token' });
    expect(generate).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['the network is down', new ApiError(0, 'fetch failed'), NETWORK_ERROR_MESSAGE],
    ['the session ended (401)', new ApiError(401, 'Unauthorized'), 'Your session has ended. Sign in again, then generate the token.'],
    ['the server rejected the input (400)', new ApiError(400, 'Description contains invalid characters.'), 'Description contains invalid characters.'],
    ['the user is not a member (403)', new ApiError(403, 'You are not a member of TERRAKUBE_ADMIN.'), 'You are not a member of TERRAKUBE_ADMIN.'],
    ['the server failed (500)', new ApiError(500, 'Internal Server Error'), 'The server failed to generate the token (500). Try again.'],
    ['the server is unavailable (503)', new ApiError(503, 'Service Unavailable'), 'The server failed to generate the token (503). Try again.'],
  ])('when %s: stays open, keeps the input and says so', async (_name, failure, message) => {
    const generate = vi.fn<Generate>(async () => Promise.reject(failure));
    const { user, onClose, dialog } = renderDialog({ variant: 'team', generate });
    await fillDescription(user, 'Pipeline');
    await user.click(screen.getByRole('radio', { name: '8 hours' }));
    await user.click(generateButton());
    const alert = await within(dialog()).findByRole('alert');
    expect(alert).toHaveTextContent('The token was not generated');
    expect(alert).toHaveTextContent(message);
    expect(descriptionField()).toHaveValue('Pipeline');
    expect(screen.getByRole('radio', { name: '8 hours' })).toBeChecked();
    expect(generateButton()).toBeEnabled();
    expect(screen.queryByRole('textbox', { name: 'Token' })).not.toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
    expect(generate).toHaveBeenCalledTimes(1);
  });

  it('offers to sign in again after a 401, leaving when the user chooses, not before', async () => {
    const { user, signInAgain, dialog } = renderDialog({ generate: vi.fn<Generate>(async () => Promise.reject(new ApiError(401, 'Unauthorized'))) });
    await fillDescription(user, 'Laptop CLI');
    await user.click(generateButton());
    const alert = await within(dialog()).findByRole('alert');
    expect(signInAgain).not.toHaveBeenCalled();
    expect(descriptionField()).toHaveValue('Laptop CLI');
    await user.click(within(alert).getByRole('button', { name: 'Sign in again' }));
    expect(signInAgain).toHaveBeenCalledTimes(1);
  });

  it('offers no sign-in for other failures', async () => {
    const { user, dialog } = renderDialog({ generate: vi.fn<Generate>(async () => Promise.reject(new ApiError(500, 'boom'))) });
    await fillDescription(user, 'Laptop CLI');
    await user.click(generateButton());
    const alert = await within(dialog()).findByRole('alert');
    expect(within(alert).queryByRole('button', { name: 'Sign in again' })).not.toBeInTheDocument();
  });

  it('tries again after a failure and then reveals the token', async () => {
    const generate = vi
      .fn<Generate>()
      .mockRejectedValueOnce(new ApiError(0, 'fetch failed'))
      .mockResolvedValueOnce({ token: SECRET });
    const { user } = renderDialog({ generate });
    await fillDescription(user, 'Retry');
    await user.click(generateButton());
    await screen.findByRole('alert');
    await user.click(generateButton());
    expect(await screen.findByRole('textbox', { name: 'Token' })).toHaveValue(SECRET);
    expect(generate).toHaveBeenCalledTimes(2);
  });
});

describe('GenerateTokenDialog: the reveal step', () => {
  it('refreshes the list first, then shows the secret once in the same dialog, with Copy focused', async () => {
    const { user, listTokens, dialog } = renderDialog();
    await screen.findByText('Existing token');
    expect(listTokens).toHaveBeenCalledTimes(1);
    const token = await generateToken(user, 'Laptop CLI');
    // The new row is in the list by the time the reveal step opens.
    expect(listTokens).toHaveBeenCalledTimes(2);
    expect(within(screen.getByRole('list', { name: 'Tokens', hidden: true })).getByText('Laptop CLI')).toBeInTheDocument();

    expect(dialog()).toContainElement(token);
    expect(token).toHaveValue(SECRET);
    expect(token).toHaveAttribute('readonly');
    expect(token.tagName).toBe('TEXTAREA');
    expect(within(dialog()).getByText(/will not be shown again/i)).toBeVisible();
    expect(within(dialog()).getByRole('button', { name: 'Copy' })).toHaveFocus();
    expect(within(dialog()).getByRole('button', { name: 'Done' })).toBeVisible();
    expect(within(dialog()).queryByRole('button', { name: 'Generate' })).not.toBeInTheDocument();
  });

  it('shows the expiry from the token’s exp claim, counted from its iat', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    // The server issued the token a moment before the answer arrived.
    vi.setSystemTime(NOW.getTime() + 1_500);
    const { user } = renderDialog();
    await generateToken(user);
    expect(screen.getByText(`Expires on ${formatExpiryDate(new Date(EXP * 1000))} (in 30 days).`)).toBeVisible();
  });

  it('falls back to the requested duration when the token is not a readable JWT', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    const { user } = renderDialog({ generate: vi.fn<Generate>(async () => ({ token: 'opaque-secret-value' })) });
    await fillDescription(user, 'Opaque');
    await user.click(screen.getByRole('radio', { name: '7 days' }));
    await user.click(generateButton());
    expect(await screen.findByRole('textbox', { name: 'Token' })).toHaveValue('opaque-secret-value');
    expect(screen.getByText(`Expires on ${formatExpiryDate(new Date(NOW.getTime() + 7 * DAY))} (in 7 days).`)).toBeVisible();
  });

  it('says Never expires when the token has no exp claim', async () => {
    const never = fakeJwt({ iss: 'Terrakube', sub: 'Admin (Token)' });
    const { user } = renderDialog({ generate: vi.fn<Generate>(async () => ({ token: never })) });
    await fillDescription(user, 'Forever');
    await user.click(screen.getByRole('radio', { name: 'Never' }));
    await user.click(generateButton());
    await screen.findByRole('textbox', { name: 'Token' });
    expect(screen.getByText('Never expires')).toBeVisible();
  });

  it('Copy writes exactly the secret and announces Copied politely', async () => {
    const { user } = renderDialog();
    await generateToken(user);
    const writeText = vi.fn(async () => undefined);
    setClipboard({ writeText });
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledExactlyOnceWith(SECRET);
    const status = screen.getByText('Copied').closest('[role="status"]');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(screen.getByText('Copied')).toBeVisible();
  });

  it.each([
    ['missing', undefined],
    ['refusing', { writeText: async () => Promise.reject(new DOMException('Denied', 'NotAllowedError')) }],
  ])('falls back to selecting the secret when the Clipboard API is %s', async (_name, clipboard) => {
    const { user } = renderDialog();
    await generateToken(user);
    setClipboard(clipboard);
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(await screen.findByText(/The text is selected: press Ctrl\+C to copy it\./)).toBeVisible();
    const token = tokenField() as HTMLTextAreaElement;
    expect(token).toHaveFocus();
    expect([token.selectionStart, token.selectionEnd]).toEqual([0, SECRET.length]);
    expect(screen.queryByText('Copied')).not.toBeInTheDocument();
  });

  it('offers the Terraform CLI environment variable and credentials block for the API host', async () => {
    const { user } = renderDialog();
    await generateToken(user);
    const line = `export TF_TOKEN_terrakube__api_example_com="${SECRET}"`;
    const block = `credentials "terrakube-api.example.com" {\n  token = "${SECRET}"\n}`;
    expect(screen.getByText(line)).toBeVisible();
    expect(screen.getByText(/credentials "terrakube-api\.example\.com"/).textContent).toBe(block);

    const writeText = vi.fn(async () => undefined);
    setClipboard({ writeText });
    await user.click(screen.getByRole('button', { name: 'Copy environment variable' }));
    expect(writeText).toHaveBeenLastCalledWith(line);
    await user.click(screen.getByRole('button', { name: 'Copy credentials block' }));
    expect(writeText).toHaveBeenLastCalledWith(block);
  });

  it('explains that a host with a port needs the credentials block', async () => {
    const { user } = renderDialog({ config: { ...TEST_CONFIG, apiHost: 'localhost:8080' } });
    await generateToken(user);
    expect(screen.queryByRole('button', { name: 'Copy environment variable' })).not.toBeInTheDocument();
    expect(screen.getByText(/variable name cannot hold the port/)).toHaveTextContent(
      "Terraform's TF_TOKEN_ environment variables cannot name localhost:8080: a variable name cannot hold the port. Put the credentials block below in your CLI configuration file instead.",
    );
    expect(screen.getByText(/credentials "localhost:8080"/)).toBeVisible();
  });

  it('asks before Escape closes it; Back to token returns, Close without copying closes', async () => {
    const { user, onClose } = renderDialog();
    await generateToken(user);
    await user.keyboard('{Escape}');
    const confirmation = await screen.findByRole('alertdialog', { name: 'Have you copied your token?' });
    expect(within(confirmation).getByRole('button', { name: 'Back to token' })).toHaveFocus();
    await user.click(within(confirmation).getByRole('button', { name: 'Back to token' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(tokenField()).toHaveValue(SECRET);
    expect(onClose).not.toHaveBeenCalled();

    await user.keyboard('{Escape}');
    await user.click(await screen.findByRole('button', { name: 'Close without copying' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('asks before a backdrop click closes it', async () => {
    const { user, onClose } = renderDialog();
    await generateToken(user);
    await user.click(document.querySelector('.MuiDialog-container')!);
    expect(await screen.findByRole('alertdialog', { name: 'Have you copied your token?' })).toBeVisible();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('Done closes, focus returns to the trigger, and reopening starts afresh without the secret', async () => {
    const { user, onClose } = renderDialog({ initiallyOpen: false });
    const trigger = screen.getByRole('button', { name: 'Generate token' });
    await user.click(trigger);
    await generateToken(user);
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(trigger).toHaveFocus();
    expect(document.body.innerHTML).not.toContain(SECRET);

    await user.click(trigger);
    expect(await screen.findByRole('textbox', { name: 'Description' })).toHaveValue('');
    expect(screen.queryByRole('textbox', { name: 'Token' })).not.toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain(SECRET);
  });

  it('returns focus to the trigger when the page unmounts the dialog on close', async () => {
    const { user } = renderDialog({ initiallyOpen: false, unmountOnClose: true });
    const trigger = screen.getByRole('button', { name: 'Generate token' });
    await user.click(trigger);
    await generateToken(user);
    await user.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(trigger).toHaveFocus();
    expect(document.body.innerHTML).not.toContain(SECRET);
  });

  it('leaves no trace of the secret in the query cache, the mutation cache, storage, the URL or the console', async () => {
    const consoleSpies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
      vi.spyOn(console, method),
    );
    const { user, queryClient } = renderDialog();
    await generateToken(user);

    const traces = () =>
      JSON.stringify({
        queries: queryClient
          .getQueryCache()
          .getAll()
          .map((query) => ({ key: query.queryKey, state: query.state, options: query.options.meta })),
        mutations: queryClient
          .getMutationCache()
          .getAll()
          .map((mutation) => ({ state: mutation.state, key: mutation.options.mutationKey, meta: mutation.options.meta })),
        storage: [JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })],
        url: window.location.href,
        history: window.history.state as unknown,
        cookies: document.cookie,
      });
    // Not even while the dialog shows it…
    expect(traces()).not.toContain(SECRET);
    expect(traces()).toContain('Laptop CLI');
    // …and the finished mutation itself is gone at once.
    await waitFor(() => expect(queryClient.getMutationCache().getAll()).toHaveLength(0));
    expect(traces()).not.toContain(SECRET);
    for (const spy of consoleSpies) {
      expect(JSON.stringify(spy.mock.calls)).not.toContain(SECRET);
    }
  });
});
