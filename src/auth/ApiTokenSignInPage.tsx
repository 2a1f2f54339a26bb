import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId, useRef, useState, type FormEvent } from 'react';
import { OutlinedTextField } from '../ui/OutlinedTextField';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import type { SignedInUser } from './AuthContext';
import { checkUserToken } from './checkUserToken';
import { terraformPlatformName, userTokenSettingsUrl, type TerraformPlatformName } from './terraformPlatform';

/** Why the sign-in page is shown again. */
export type SignInNotice = 'token-refused' | 'signed-out';

const NOTICES: Record<SignInNotice, (platform: TerraformPlatformName) => string> = {
  'token-refused': (platform) =>
    `${platform} refused your token: it may have been revoked or have expired. Sign in with a valid user token to continue where you were.`,
  'signed-out': (platform) =>
    `You signed out, and this tab no longer holds your token. The token itself keeps working at ${platform} until you delete it there.`,
};

const refusedMessage = (platform: TerraformPlatformName) =>
  `${platform} did not accept this token. Check that you copied all of it, and that it is a user token.`;

export interface ApiTokenSignInPageProps {
  /** The `/api/v2/` base the token is checked against. */
  apiUrl: string;
  notice?: SignInNotice | null;
  /** Called once the platform accepted the token, with the token and whose it is. */
  onSignedIn(token: string, user: SignedInUser): void;
}

/** Asks for an existing user API token, checks it with the platform, and hands it over; it is never stored. */
export function ApiTokenSignInPage({ apiUrl, notice = null, onSignedIn }: ApiTokenSignInPageProps) {
  const platform = terraformPlatformName(apiUrl);
  useDocumentTitle(`Sign in to ${platform}`);
  const [token, setToken] = useState('');
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A ref, not the state: a second submit can arrive before the first one's re-render.
  const inFlight = useRef(false);
  const fieldRef = useRef<HTMLInputElement>(null);
  const fieldId = useId();
  const noticeId = useId();
  const errorId = `${fieldId}-helper-text`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (inFlight.current) return;
    const candidate = token.trim();
    if (!candidate) {
      setError('Paste your API token to sign in.');
      fieldRef.current?.focus();
      return;
    }
    inFlight.current = true;
    setChecking(true);
    setError(null);
    let check: Awaited<ReturnType<typeof checkUserToken>>;
    try {
      check = await checkUserToken(apiUrl, candidate);
    } finally {
      inFlight.current = false;
      setChecking(false);
    }
    if (check.kind === 'accepted') {
      onSignedIn(candidate, check.user);
      return;
    }
    setError(check.kind === 'refused' ? refusedMessage(platform) : check.reason);
    fieldRef.current?.focus();
  };

  return (
    <Container component="main" maxWidth="sm" sx={{ py: 8 }}>
      <Typography component="h1" variant="h4" gutterBottom>
        Sign in to {platform}
      </Typography>
      {notice && (
        <Alert
          id={noticeId}
          severity={notice === 'token-refused' ? 'warning' : 'info'}
          role={notice === 'token-refused' ? 'alert' : 'status'}
          sx={{ mb: 3 }}
        >
          {NOTICES[notice](platform)}
        </Alert>
      )}
      <Typography sx={{ mb: 3 }}>
        {platform} accepts only its own API tokens, so sign in with a user API token. You can create one in{' '}
        <Link href={userTokenSettingsUrl(apiUrl)} target="_blank" rel="noreferrer">
          your {platform} user settings, under Tokens (opens in a new tab)
        </Link>
        .
      </Typography>
      <Box component="form" noValidate onSubmit={(event) => void submit(event)}>
        <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
          <OutlinedTextField
            id={fieldId}
            inputRef={fieldRef}
            label="API token"
            type="password"
            autoComplete="off"
            autoFocus
            fullWidth
            value={token}
            onChange={(event) => setToken(event.target.value)}
            error={error !== null}
            helperText={error}
            inputProps={{
              spellCheck: false,
              autoCapitalize: 'off',
              autoCorrect: 'off',
              'aria-describedby': [notice && noticeId, error && errorId].filter(Boolean).join(' ') || undefined,
            }}
            helperTextProps={{ role: 'alert' }}
          />
          <Button type="submit" variant="contained" loading={checking}>
            Sign in
          </Button>
          <Typography role="status" variant="body2">
            {checking ? `Checking the token with ${platform}…` : ''}
          </Typography>
        </Stack>
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
        The token is kept in this tab&apos;s memory only. It is not saved anywhere: reloading or closing the tab signs
        you out, and you will be asked for it again.
      </Typography>
    </Container>
  );
}
