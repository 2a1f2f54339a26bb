import Button from '@mui/material/Button';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, NETWORK_ERROR_MESSAGE, type CreatedToken, type GenerateTokenInput, type TokenApiCapabilities } from '../../../api';
import {
  ADMIN_TEAM,
  aTeamToken,
  aToken,
  DAY,
  deferred,
  fakeTokenApi,
  HOUR,
  MINUTE,
  renderWithProviders,
  SINGLE_TEAM_TOKEN_CAPABILITIES,
  TERRAKUBE_CAPABILITIES,
  TFE_CAPABILITIES,
} from '../../../test/testKit';
import { useTeamTokenCollection } from '../../teams/teamQueries';
import { usePersonalTokens } from '../../user-settings/usePersonalTokens';
import { GenerateTokenDialog } from '../GenerateTokenDialog';
import type { TokenCollection } from '../tokenCollection';
import type { ListedToken } from '../tokenRows';
import { dateTimeLocalValue } from './expiryChoices';
import { formatExpiryDate } from './expiryText';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const SECRET = 'tkn-4f9c2e7a1b8d4e6f9a0c3b5d7e9f1a2b';

type Generate = (input: GenerateTokenInput) => Promise<CreatedToken>;
type User = ReturnType<typeof userEvent.setup>;

interface HarnessProps {
  initiallyOpen: boolean;
  /** Render the dialog only while open (as the lazy-loading panel does), instead of keeping it mounted. */
  unmountOnClose: boolean;
  onClose: () => void;
  replaces?: ListedToken;
}

/** A page stand-in over the collection: the list the dialog refreshes, and the button that opens the dialog. */
function DialogPage({ collection, initiallyOpen, unmountOnClose, onClose, replaces }: HarnessProps & { collection: TokenCollection }) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <main>
      <ul aria-label="Tokens">
        {collection.query.data?.map((token) => (
          <li key={token.id}>{token.description}</li>
        ))}
      </ul>
      <Button onClick={() => setOpen(true)}>Generate token</Button>
      {(open || !unmountOnClose) && (
        <GenerateTokenDialog
          open={open}
          collection={collection}
          replaces={replaces}
          onClose={() => {
            onClose();
            setOpen(false);
          }}
        />
      )}
    </main>
  );
}

const PersonalPage = (props: HarnessProps) => <DialogPage collection={usePersonalTokens()} {...props} />;
const TeamPage = (props: HarnessProps) => <DialogPage collection={useTeamTokenCollection(ADMIN_TEAM)} {...props} />;

/** Now, fixed: the expiry a choice makes is then exact. */
function freezeTime(at: Date | number = NOW) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at);
}
const fromNow = (ms: number) => new Date(Date.now() + ms);

/**
 * The dialog over a collection the real hooks build (the personal tokens, or TERRAKUBE_ADMIN's), its list holding
 * "Existing token". `generate` answers the create call of either and adds the token to the list.
 */
function renderDialog({
  variant = 'personal',
  capabilities = TERRAKUBE_CAPABILITIES,
  generate = vi.fn<Generate>(async ({ expiresAt }) => ({ secret: SECRET, expiresAt: expiresAt?.toISOString() ?? null })),
  replaces,
  initiallyOpen = true,
  unmountOnClose = false,
}: {
  variant?: 'personal' | 'team';
  capabilities?: TokenApiCapabilities;
  generate?: ReturnType<typeof vi.fn<Generate>>;
  replaces?: ListedToken;
  initiallyOpen?: boolean;
  unmountOnClose?: boolean;
} = {}) {
  const listed = [aToken({ description: 'Existing token' })];
  const listTokens = vi.fn(async () => listed.map((token) => aTeamToken(ADMIN_TEAM.id, token)));
  const generateAndList = async (input: GenerateTokenInput) => {
    const created = await generate(input);
    listed.push(aToken({ description: input.description }));
    return created;
  };
  const api = fakeTokenApi({
    capabilities,
    listPersonalTokens: listTokens,
    createPersonalToken: generateAndList,
    listTeamTokens: listTokens,
    createTeamToken: (_team, input) => generateAndList(input),
  });
  const onClose = vi.fn();
  const signInAgain = vi.fn();
  const Page = variant === 'team' ? TeamPage : PersonalPage;
  const rendered = renderWithProviders(
    <Page initiallyOpen={initiallyOpen} unmountOnClose={unmountOnClose} onClose={onClose} replaces={replaces} />,
    { api, signInAgain },
  );
  const title = variant === 'team' ? 'Generate team token' : 'Generate API token';
  return { ...rendered, generate, listTokens, onClose, signInAgain, dialog: () => screen.getByRole('dialog', { name: title }) };
}

const descriptionField = () => screen.getByRole('textbox', { name: 'Description' });
const generateButton = () => screen.getByRole('button', { name: 'Generate' });
const tokenField = () => screen.getByRole('textbox', { name: 'Token' });
const preview = () => screen.getByRole('status');
/** A datetime-local input has no role: found by its label, whose required mark is not part of its name. */
const expirationDateField = () => screen.getByLabelText(/^Expiration date/);
const presetLabels = () =>
  within(screen.getByRole('radiogroup', { name: 'Expires in' }))
    .getAllByRole('radio')
    .map((radio) => radio.closest('label')?.textContent);
const expiresOn = (date: Date) => `Expires on ${formatExpiryDate(date)}`;

async function fillDescription(user: User, text: string) {
  await user.click(descriptionField());
  await user.clear(descriptionField());
  if (text) await user.paste(text);
}

async function fillCustom(user: User, values: Record<string, string>) {
  await user.click(screen.getByRole('radio', { name: 'Custom' }));
  for (const [label, value] of Object.entries(values)) {
    const field = screen.getByRole('spinbutton', { name: label });
    await user.clear(field);
    if (value) await user.type(field, value);
  }
}

async function fillExpirationDate(user: User, at: Date) {
  await user.click(screen.getByRole('radio', { name: 'Custom' }));
  const field = expirationDateField();
  await user.clear(field);
  await user.paste(dateTimeLocalValue(at));
}

async function generateToken(user: User, description = 'Laptop CLI') {
  await fillDescription(user, description);
  await user.click(generateButton());
  return screen.findByRole('textbox', { name: 'Token' });
}

function setClipboard(value: unknown) {
  Object.defineProperty(navigator, 'clipboard', { value, configurable: true });
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('GenerateTokenDialog: the form', () => {
  it('opens titled, with Description focused, 30 days chosen, whole-day presets, Cancel and Generate', async () => {
    const { dialog } = renderDialog();
    expect(await screen.findByRole('dialog', { name: 'Generate API token' })).toBeVisible();
    expect(descriptionField()).toHaveFocus();
    expect(within(dialog()).getByRole('radio', { name: '30 days' })).toBeChecked();
    expect(presetLabels()).toEqual(['7 days', '30 days', '60 days', '90 days', '1 year', 'Custom', 'Never']);
    expect(within(dialog()).getByRole('button', { name: 'Cancel' })).toBeEnabled();
    expect(generateButton()).toBeEnabled();
  });

  it('is titled Generate team token for a team, with the short presets of a backend that counts minutes', async () => {
    renderDialog({ variant: 'team' });
    expect(await screen.findByRole('dialog', { name: 'Generate team token' })).toBeVisible();
    expect(presetLabels()).toEqual(['15 minutes', '1 hour', '8 hours', '7 days', '30 days', '60 days', '90 days', '1 year', 'Custom', 'Never']);
  });

  it('offers no Never where every token must expire', async () => {
    const personal = { ...TERRAKUBE_CAPABILITIES.personal, expiry: { ...TERRAKUBE_CAPABILITIES.personal.expiry, allowsNever: false } };
    renderDialog({ capabilities: { ...TERRAKUBE_CAPABILITIES, personal } });
    await screen.findByRole('radiogroup', { name: 'Expires in' });
    expect(presetLabels()).toEqual(['7 days', '30 days', '60 days', '90 days', '1 year', 'Custom']);
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

  it('counts the characters that are sent, and sends the description trimmed', async () => {
    freezeTime();
    const { user, generate } = renderDialog();
    await fillDescription(user, `  ${'x'.repeat(255)}   `);
    expect(screen.getByText('255 of 255 characters')).toBeVisible();
    await user.click(generateButton());
    await screen.findByRole('textbox', { name: 'Token' });
    expect(generate).toHaveBeenCalledExactlyOnceWith({ description: 'x'.repeat(255), expiresAt: fromNow(30 * DAY) });
  });

  it('takes no description where the collection takes none, and sends it empty', async () => {
    freezeTime();
    const { user, generate } = renderDialog({ variant: 'team', capabilities: SINGLE_TEAM_TOKEN_CAPABILITIES });
    await screen.findByRole('dialog', { name: 'Generate team token' });
    expect(screen.queryByRole('textbox', { name: 'Description' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: '1 hour' }));
    await user.click(generateButton());
    await screen.findByRole('textbox', { name: 'Token' });
    expect(generate).toHaveBeenCalledExactlyOnceWith({ description: '', expiresAt: fromNow(HOUR) });
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

  const PRESETS: Record<'personal' | 'team', [label: string, lifetime: number | null][]> = {
    personal: [
      ['7 days', 7 * DAY],
      ['30 days', 30 * DAY],
      ['60 days', 60 * DAY],
      ['90 days', 90 * DAY],
      ['1 year', 365 * DAY],
      ['Never', null],
    ],
    team: [
      ['15 minutes', 15 * MINUTE],
      ['1 hour', HOUR],
      ['8 hours', 8 * HOUR],
      ['1 year', 365 * DAY],
      ['Never', null],
    ],
  };

  describe.each(['personal', 'team'] as const)('each %s preset', (variant) => {
    it.each(PRESETS[variant])('%s sends its expiry', async (label, lifetime) => {
      freezeTime();
      const { user, generate } = renderDialog({ variant });
      await fillDescription(user, `Token ${label}`);
      await user.click(screen.getByRole('radio', { name: label }));
      await user.click(generateButton());
      await screen.findByRole('textbox', { name: 'Token' });
      expect(generate).toHaveBeenCalledExactlyOnceWith({ description: `Token ${label}`, expiresAt: lifetime === null ? null : fromNow(lifetime) });
    });
  });

  it('shows the resulting expiry live as the preset changes, and warns about Never', async () => {
    freezeTime();
    const { user } = renderDialog();
    expect(await screen.findByRole('status')).toHaveTextContent(`${expiresOn(fromNow(30 * DAY))} (in 30 days)`);
    expect(screen.getByRole('radiogroup', { name: 'Expires in' })).toHaveAccessibleDescription(expect.stringContaining(expiresOn(fromNow(30 * DAY))));
    await user.click(screen.getByRole('radio', { name: '1 year' }));
    expect(preview()).toHaveTextContent(`${expiresOn(fromNow(365 * DAY))} (in 1 year, 365 days from now)`);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'Never' }));
    expect(preview()).toHaveTextContent('Never expires');
    expect(screen.getByRole('alert')).toHaveTextContent(/never expires is a standing risk/);
    expect(screen.getByRole('alert')).toHaveClass('MuiAlert-colorWarning');

    await user.click(screen.getByRole('radio', { name: '7 days' }));
    expect(preview()).toHaveTextContent(expiresOn(fromNow(7 * DAY)));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps the preview true while the dialog stays open, announcing it only when the user changes the expiry', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(NOW);
    const { user } = renderDialog();
    const presets = () => screen.getByRole('radiogroup', { name: 'Expires in' });
    const at = (ms: number) => expiresOn(new Date(NOW.getTime() + ms));
    expect(await screen.findByRole('status')).toHaveTextContent(at(30 * DAY));

    act(() => vi.advanceTimersByTime(10 * MINUTE));
    expect(presets()).toHaveAccessibleDescription(expect.stringContaining(at(10 * MINUTE + 30 * DAY)));
    // The clock moving on is not announced…
    expect(preview()).toHaveTextContent(at(30 * DAY));
    // …a change is, from the time it is made.
    await user.click(screen.getByRole('radio', { name: '7 days' }));
    expect(preview()).toHaveTextContent(at(10 * MINUTE + 7 * DAY));
    expect(presets()).toHaveAccessibleDescription(expect.stringContaining(at(10 * MINUTE + 7 * DAY)));
  });

  it('shows the exact date of the 1-year preset, 365 days on, a day short of the calendar year across 29 Feb 2028', async () => {
    freezeTime(new Date('2027-06-01T10:00:00.000Z'));
    const { user } = renderDialog();
    await user.click(await screen.findByRole('radio', { name: '1 year' }));
    expect(preview()).toHaveTextContent(`${expiresOn(new Date('2028-05-31T10:00:00.000Z'))} (in 1 year, 365 days from now)`);
  });

  it('closes on Cancel without sending anything', async () => {
    const { user, onClose, generate } = renderDialog();
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(generate).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});

describe('GenerateTokenDialog: Custom in whole days (personal Terrakube tokens, 1–3650)', () => {
  it('has only Days', async () => {
    const { user } = renderDialog();
    await user.click(await screen.findByRole('radio', { name: 'Custom' }));
    expect(screen.getByRole('spinbutton', { name: 'Days' })).toBeVisible();
    expect(screen.queryByRole('spinbutton', { name: 'Hours' })).not.toBeInTheDocument();
    expect(screen.queryByRole('spinbutton', { name: 'Minutes' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText(/^Expiration date/)).not.toBeInTheDocument();
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

  it('sends a valid number of days, as an expiry that many days from now', async () => {
    freezeTime();
    const { user, generate } = renderDialog();
    await fillDescription(user, 'Custom');
    await fillCustom(user, { Days: '3650' });
    expect(preview()).toHaveTextContent(expiresOn(fromNow(3650 * DAY)));
    await user.click(generateButton());
    await screen.findByRole('textbox', { name: 'Token' });
    expect(generate).toHaveBeenCalledExactlyOnceWith({ description: 'Custom', expiresAt: fromNow(3650 * DAY) });
  });
});

describe('GenerateTokenDialog: Custom in days, hours and minutes (team Terrakube tokens)', () => {
  it('sends a duration typed field by field without an earlier submit', async () => {
    freezeTime();
    const { user, generate } = renderDialog({ variant: 'team' });
    await fillDescription(user, 'Pipeline');
    await fillCustom(user, { Days: '0', Hours: '0', Minutes: '30' });
    await user.click(generateButton());
    await screen.findByRole('textbox', { name: 'Token' });
    expect(generate).toHaveBeenCalledExactlyOnceWith({ description: 'Pipeline', expiresAt: fromNow(30 * MINUTE) });
  });

  it('shows the expiry live, to the minute, and says when the fields make none', async () => {
    freezeTime();
    const { user } = renderDialog({ variant: 'team' });
    await fillCustom(user, { Days: '0', Hours: '1', Minutes: '30' });
    expect(preview()).toHaveTextContent(expiresOn(fromNow(90 * MINUTE)));
    await user.clear(screen.getByRole('spinbutton', { name: 'Hours' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Hours' }), '99');
    expect(preview()).toHaveTextContent('Enter a valid expiry to see when the token expires.');
  });

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

  it('clears the total error once a minute is entered, and sends the expiry', async () => {
    freezeTime();
    const { user, generate } = renderDialog({ variant: 'team' });
    await fillDescription(user, 'CI');
    await fillCustom(user, { Days: '0', Hours: '0', Minutes: '0' });
    await user.click(generateButton());
    expect(screen.getByRole('spinbutton', { name: 'Days' })).toHaveAttribute('aria-invalid', 'true');
    await fillCustom(user, { Minutes: '30' });
    expect(screen.getByRole('spinbutton', { name: 'Days' })).toHaveAttribute('aria-invalid', 'false');
    await user.click(generateButton());
    await screen.findByRole('textbox', { name: 'Token' });
    expect(generate).toHaveBeenCalledExactlyOnceWith({ description: 'CI', expiresAt: fromNow(30 * MINUTE) });
  });
});

describe('GenerateTokenDialog: Custom as an expiration date (any moment, as HCP Terraform takes)', () => {
  it('asks for an Expiration date in the user’s time zone, 30 days on at first, bounded to what the backend takes', async () => {
    freezeTime();
    const { user } = renderDialog({ capabilities: TFE_CAPABILITIES });
    await user.click(await screen.findByRole('radio', { name: 'Custom' }));
    const field = expirationDateField();
    expect(field).toHaveAccessibleName('Expiration date');
    expect(field).toHaveAttribute('type', 'datetime-local');
    // The field holds whole minutes: the next one 30 days on, so the preview says "in 30 days".
    expect(field).toHaveValue(dateTimeLocalValue(fromNow(30 * DAY + MINUTE)));
    expect(preview()).toHaveTextContent('(in 30 days)');
    expect(field).toHaveAttribute('min', dateTimeLocalValue(fromNow(0)));
    expect(field).toHaveAttribute('max', dateTimeLocalValue(fromNow(3650 * DAY)));
    expect(field).toHaveAccessibleDescription('In your time zone.');
    expect(screen.queryByRole('spinbutton', { name: 'Days' })).not.toBeInTheDocument();
  });

  it('shows the chosen date live, "in N days", and sends it as the expiry', async () => {
    freezeTime();
    const { user, generate } = renderDialog({ capabilities: TFE_CAPABILITIES });
    await fillDescription(user, 'Terraform Cloud CLI');
    await fillExpirationDate(user, fromNow(45 * DAY + 2 * HOUR));
    expect(preview()).toHaveTextContent(`${expiresOn(fromNow(45 * DAY + 2 * HOUR))} (in 45 days)`);
    await fillExpirationDate(user, fromNow(3 * DAY));
    expect(preview()).toHaveTextContent(`${expiresOn(fromNow(3 * DAY))} (in 3 days)`);
    await user.click(generateButton());
    await screen.findByRole('textbox', { name: 'Token' });
    expect(generate).toHaveBeenCalledExactlyOnceWith({ description: 'Terraform Cloud CLI', expiresAt: fromNow(3 * DAY) });
  });

  it.each([
    ['in the past', -DAY, 'The expiration date must be in the future.'],
    ['beyond the longest lifetime', 3651 * DAY, 'The expiration date can be at most 3650 days from now.'],
  ])('refuses a date %s, next to the field, and sends nothing', async (_name, offset, message) => {
    freezeTime();
    const { user, generate } = renderDialog({ capabilities: TFE_CAPABILITIES });
    await fillDescription(user, 'Terraform Cloud CLI');
    await fillExpirationDate(user, fromNow(offset));
    expect(preview()).toHaveTextContent('Enter a valid expiry to see when the token expires.');
    await user.click(generateButton());
    const field = expirationDateField();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(message);
    expect(generate).not.toHaveBeenCalled();
  });
});

describe('GenerateTokenDialog: replacing the one token of a team', () => {
  const current = aTeamToken(ADMIN_TEAM.id, { description: 'Nightly deploy' });

  it('asks first, naming the token that stops working; Cancel closes without generating', async () => {
    const { user, onClose, generate, dialog } = renderDialog({ variant: 'team', capabilities: SINGLE_TEAM_TOKEN_CAPABILITIES, replaces: current });
    await screen.findByRole('dialog', { name: 'Generate team token' });
    expect(dialog()).toHaveTextContent(/Generating a new one revokes the current token at once/);
    expect(dialog()).toHaveTextContent('The current token (Nightly deploy) will be revoked when the new one is generated.');
    expect(within(dialog()).queryByRole('button', { name: 'Generate' })).not.toBeInTheDocument();
    expect(within(dialog()).queryByRole('radiogroup', { name: 'Expires in' })).not.toBeInTheDocument();
    const cancel = within(dialog()).getByRole('button', { name: 'Cancel' });
    expect(cancel).toHaveFocus();
    await user.click(cancel);
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(generate).not.toHaveBeenCalled();
  });

  it('goes on to the form on Replace token, and generates the new token', async () => {
    const { user, generate, dialog } = renderDialog({ variant: 'team', capabilities: SINGLE_TEAM_TOKEN_CAPABILITIES, replaces: current });
    await user.click(await within(await screen.findByRole('dialog')).findByRole('button', { name: 'Replace token' }));
    expect(within(dialog()).getByRole('radiogroup', { name: 'Expires in' })).toBeInTheDocument();
    await user.click(generateButton());
    expect(await screen.findByRole('textbox', { name: 'Token' })).toHaveValue(SECRET);
    expect(generate).toHaveBeenCalledTimes(1);
  });

  it('speaks of a token without a description as the current token', async () => {
    renderDialog({ variant: 'team', capabilities: SINGLE_TEAM_TOKEN_CAPABILITIES, replaces: { ...current, description: '' } });
    expect(await screen.findByText('The current token will be revoked when the new one is generated.')).toBeVisible();
  });
});

describe('GenerateTokenDialog: submitting', () => {
  it('disables Generate and shows progress while in flight; the dialog cannot be closed meanwhile', async () => {
    const pending = deferred<CreatedToken>();
    const { user, onClose } = renderDialog({ generate: vi.fn<Generate>(() => pending.promise) });
    await fillDescription(user, 'Slow');
    await user.click(generateButton());
    expect(generateButton()).toBeDisabled();
    expect(within(generateButton()).getByRole('progressbar')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled();
    await user.keyboard('{Escape}');
    expect(onClose).not.toHaveBeenCalled();
    await act(async () => pending.resolve({ secret: SECRET }));
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
    await act(async () => pending.resolve({ secret: SECRET }));
    await screen.findByRole('textbox', { name: 'Token' });
    expect(generate).toHaveBeenCalledTimes(1);
  });

  it('guards with a ref: two submits before any re-render make one request', async () => {
    const { user, generate } = renderDialog();
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
    [
      'the server limits generating (429)',
      new ApiError(429, 'Too Many Requests', { retryAfterSeconds: 180 }),
      'Too many requests (429). Wait 3 minutes and try again.',
    ],
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

  it('shows a refusal of the description (422) under Description, keeping the input, until it is changed', async () => {
    const taken = Object.assign(new ApiError(422, 'Description has already been taken'), { field: 'description' });
    const generate = vi.fn<Generate>().mockRejectedValueOnce(taken).mockResolvedValue({ secret: SECRET });
    const { user, dialog } = renderDialog({ capabilities: TFE_CAPABILITIES, generate });
    await fillDescription(user, 'Laptop CLI');
    await user.click(generateButton());

    await waitFor(() => expect(descriptionField()).toHaveAttribute('aria-invalid', 'true'));
    expect(descriptionField()).toHaveAccessibleDescription('Description has already been taken');
    expect(descriptionField()).toHaveValue('Laptop CLI');
    expect(descriptionField()).toHaveFocus();
    expect(within(dialog()).queryByText('The token was not generated')).not.toBeInTheDocument();

    await user.type(descriptionField(), ' 2');
    expect(descriptionField()).toHaveAttribute('aria-invalid', 'false');
    await user.click(generateButton());
    expect(await screen.findByRole('textbox', { name: 'Token' })).toHaveValue(SECRET);
    expect(generate).toHaveBeenLastCalledWith({ description: 'Laptop CLI 2', expiresAt: expect.any(Date) });
  });

  it('says a refusal of the description in the alert where the collection takes none', async () => {
    const refused = Object.assign(new ApiError(422, 'Description is not allowed'), { field: 'description' });
    const { user, dialog } = renderDialog({
      variant: 'team',
      capabilities: SINGLE_TEAM_TOKEN_CAPABILITIES,
      generate: vi.fn<Generate>(async () => Promise.reject(refused)),
    });
    await user.click(await screen.findByRole('button', { name: 'Generate' }));
    const alert = await within(dialog()).findByRole('alert');
    expect(alert).toHaveTextContent('The token was not generated');
    expect(alert).toHaveTextContent('Description is not allowed');
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
    const generate = vi.fn<Generate>().mockRejectedValueOnce(new ApiError(0, 'fetch failed')).mockResolvedValueOnce({ secret: SECRET });
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

  it('refreshes the team’s list for a team token', async () => {
    const { user, listTokens } = renderDialog({ variant: 'team' });
    await screen.findByText('Existing token');
    await generateToken(user, 'Nightly');
    expect(listTokens).toHaveBeenCalledTimes(2);
    expect(within(screen.getByRole('list', { name: 'Tokens', hidden: true })).getByText('Nightly')).toBeInTheDocument();
  });

  it('shows the expiry the backend gave the token, not the one asked for', async () => {
    freezeTime();
    const { user } = renderDialog({ generate: vi.fn<Generate>(async () => ({ secret: SECRET, expiresAt: fromNow(30 * DAY).toISOString() })) });
    await fillDescription(user, 'Laptop CLI');
    await user.click(screen.getByRole('radio', { name: '7 days' }));
    await user.click(generateButton());
    await screen.findByRole('textbox', { name: 'Token' });
    expect(screen.getByText(`${expiresOn(fromNow(30 * DAY))} (in 30 days).`)).toBeVisible();
  });

  it.each([
    ['says nothing of it', { secret: SECRET }],
    ['answers a date that cannot be read', { secret: SECRET, expiresAt: 'soon' }],
  ])('falls back to the expiry asked for when the backend %s', async (_name, created) => {
    freezeTime();
    const { user } = renderDialog({ generate: vi.fn<Generate>(async () => created) });
    await fillDescription(user, 'Opaque');
    await user.click(screen.getByRole('radio', { name: '7 days' }));
    await user.click(generateButton());
    await screen.findByRole('textbox', { name: 'Token' });
    expect(screen.getByText(`${expiresOn(fromNow(7 * DAY))} (in 7 days).`)).toBeVisible();
  });

  it('says Never expires when the backend says the token never expires', async () => {
    const { user } = renderDialog({ generate: vi.fn<Generate>(async () => ({ secret: SECRET, expiresAt: null })) });
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

  it.each([
    ['Terrakube', TERRAKUBE_CAPABILITIES, 'terrakube-api.example.com', 'TF_TOKEN_terrakube__api_example_com'],
    ['HCP Terraform', TFE_CAPABILITIES, 'app.terraform.io', 'TF_TOKEN_app_terraform_io'],
  ])('offers the Terraform CLI environment variable and credentials block for the %s host', async (_name, capabilities, host, variable) => {
    const { user } = renderDialog({ capabilities });
    await generateToken(user);
    const line = `export ${variable}="${SECRET}"`;
    const block = `credentials "${host}" {\n  token = "${SECRET}"\n}`;
    expect(screen.getByText(line)).toBeVisible();
    expect(screen.getByText(new RegExp(`credentials "${host.replace(/\./g, '\\.')}"`)).textContent).toBe(block);

    const writeText = vi.fn(async () => undefined);
    setClipboard({ writeText });
    await user.click(screen.getByRole('button', { name: 'Copy environment variable' }));
    expect(writeText).toHaveBeenLastCalledWith(line);
    await user.click(screen.getByRole('button', { name: 'Copy credentials block' }));
    expect(writeText).toHaveBeenLastCalledWith(block);
  });

  it('explains that a host with a port needs the credentials block', async () => {
    const { user } = renderDialog({ capabilities: { ...TERRAKUBE_CAPABILITIES, cliHost: 'localhost:8080' } });
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
    const consoleSpies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) => vi.spyOn(console, method));
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
