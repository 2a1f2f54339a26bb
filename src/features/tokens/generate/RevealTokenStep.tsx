import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useRef } from 'react';
import { OldTokenStatus, type OldTokenNotice } from '../regenerate/OldTokenStatus';
import { formatRelativeTime } from '../relativeTime';
import { CopyButton } from './CopyButton';
import { expirySentence } from './expiryText';
import { terraformCredentialsBlock, terraformEnvironmentLine } from './terraformCredentials';
import type { GeneratedToken } from './useGenerateToken';

export const NOT_SHOWN_AGAIN_WARNING = 'Copy your token now. It will not be shown again.';

export interface RevealTokenStepProps {
  generated: GeneratedToken;
  /** The API host Terraform CLI credentials name, e.g. `terrakube-api.example.com`. */
  apiHost: string;
  onDone: () => void;
  /** For a regenerate: what became of the old token, `null` until its delete has ended. */
  oldTokenNotice?: OldTokenNotice | null;
}

const codeBlockSx = {
  m: 0,
  p: 1.5,
  fontFamily: 'monospace',
  fontSize: '0.875rem',
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-all',
  bgcolor: 'action.hover',
  color: 'text.primary',
  border: 1,
  borderColor: 'divider',
  borderRadius: 1,
} as const;

/** When the token expires; the relative time counts from when its lifetime was chosen, so 30 days is "in 30 days". */
function expiryDescription({ expiresAt, countedFrom }: GeneratedToken): string {
  if (expiresAt === null) return expirySentence(null);
  return `${expirySentence(expiresAt)} (${formatRelativeTime(expiresAt, countedFrom)}).`;
}

/** The second step of the generate dialog: the secret, once, with ways to copy it and use it with Terraform. */
export function RevealTokenStep({ generated, apiHost, onDone, oldTokenNotice }: RevealTokenStepProps) {
  const ids = useId();
  const warningId = `${ids}-warning`;
  const tokenRef = useRef<HTMLTextAreaElement>(null);
  const environmentRef = useRef<HTMLPreElement>(null);
  const credentialsRef = useRef<HTMLPreElement>(null);
  const { secret } = generated;
  const environmentLine = terraformEnvironmentLine(apiHost, secret);
  const credentialsBlock = terraformCredentialsBlock(apiHost, secret);

  return (
    <>
      <DialogContent dividers>
        <Stack spacing={2.5} sx={{ pt: 1 }}>
          {oldTokenNotice !== undefined && <OldTokenStatus notice={oldTokenNotice} />}
          <Alert severity="warning" id={warningId}>
            {NOT_SHOWN_AGAIN_WARNING}
          </Alert>
          <TextField
            label="Token"
            value={secret}
            multiline
            fullWidth
            inputRef={tokenRef}
            slotProps={{
              htmlInput: { readOnly: true, spellCheck: false, autoComplete: 'off', autoCapitalize: 'off' },
            }}
            sx={{ '& textarea': { fontFamily: 'monospace', fontSize: '0.875rem', lineHeight: 1.5, wordBreak: 'break-all' } }}
          />
          <CopyButton
            text={secret}
            label="Copy"
            variant="contained"
            autoFocus
            aria-describedby={warningId}
            getTarget={() => tokenRef.current}
          />
          <Typography>{expiryDescription(generated)}</Typography>

          <Box component="section" aria-labelledby={`${ids}-terraform`}>
            <Typography component="h3" variant="subtitle1" id={`${ids}-terraform`} sx={{ fontWeight: 'medium' }}>
              Use it with the Terraform CLI
            </Typography>
            <Stack spacing={2} sx={{ mt: 1 }}>
              {environmentLine === null ? (
                <Typography variant="body2" color="text.secondary">
                  Terraform&apos;s <code>TF_TOKEN_</code> environment variables cannot name {apiHost}: a variable
                  name cannot hold the port. Put the credentials block below in your CLI configuration file instead.
                </Typography>
              ) : (
                <Stack spacing={1}>
                  <Typography variant="body2" id={`${ids}-environment`}>
                    As an environment variable, for scripts and CI/CD:
                  </Typography>
                  <Box component="pre" ref={environmentRef} sx={codeBlockSx}>
                    <code>{environmentLine}</code>
                  </Box>
                  <CopyButton
                    text={environmentLine}
                    label="Copy environment variable"
                    getTarget={() => environmentRef.current}
                  />
                </Stack>
              )}
              <Stack spacing={1}>
                <Typography variant="body2" id={`${ids}-credentials`}>
                  As a credentials block in your CLI configuration file (<code>.terraformrc</code>, or{' '}
                  <code>terraform.rc</code> on Windows):
                </Typography>
                <Box component="pre" ref={credentialsRef} sx={codeBlockSx}>
                  <code>{credentialsBlock}</code>
                </Box>
                <CopyButton
                  text={credentialsBlock}
                  label="Copy credentials block"
                  getTarget={() => credentialsRef.current}
                />
              </Stack>
            </Stack>
          </Box>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button variant="outlined" onClick={onDone}>
          Done
        </Button>
      </DialogActions>
    </>
  );
}
