import AutorenewIcon from '@mui/icons-material/Autorenew';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useRef } from 'react';
import { expirySentence } from '../generate/expiryText';
import { GenerateFailedAlert } from '../generate/GenerateFailedAlert';
import { tokenNameOf, type ListedToken } from '../tokenRows';
import { useNow } from '../useNow';
import { lifetimeWords } from './lifetimeWords';
import type { RegeneratePlan } from './regeneratePlan';

/** The new expiry shown follows the clock this often while the confirmation is open. */
const EXPIRY_REFRESH_MS = 15_000;

export const REGENERATE_WARNING =
  'The current token stops working as soon as the new one is made: every pipeline, script or tool that uses it must be given the new token.';

export interface RegenerateTokenStepProps {
  token: ListedToken;
  plan: RegeneratePlan;
  pending: boolean;
  /** The last failure to make the new token; nothing has changed then. */
  error: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}

function lifetimeSentence(plan: RegeneratePlan, now: number): string {
  if (plan.lifetimeMs === null) return 'Like the current token, it never expires.';
  const expiry = `${expirySentence(new Date(now + plan.lifetimeMs))}.`;
  if (plan.lifetimeGuessed) return `The current token's lifetime is not known, so the new one lasts ${lifetimeWords(plan.lifetimeMs)}. ${expiry}`;
  return `It lasts ${lifetimeWords(plan.lifetimeMs)} from now, as the current token did. ${expiry}`;
}

/** Before a regenerate: what stops working, what the new token will be, and a way out. */
export function RegenerateTokenStep({ token, plan, pending, error, onConfirm, onCancel }: RegenerateTokenStepProps) {
  const now = useNow(EXPIRY_REFRESH_MS);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // A failed request disabled the focused button; give focus back so the user can try again or cancel.
    if (error && (document.activeElement === null || document.activeElement === document.body)) confirmButton.current?.focus();
  }, [error]);

  return (
    <>
      <DialogContent>
        <Stack spacing={2}>
          {Boolean(error) && (
            <GenerateFailedAlert error={error} title="Nothing changed: the new token was not made" detail="The current token still works." />
          )}
          <Alert severity="warning">{REGENERATE_WARNING}</Alert>
          <Typography sx={{ overflowWrap: 'anywhere' }}>
            {plan.replacesInPlace ? 'The team’s token ' : <>The token <strong>{tokenNameOf(token)}</strong> </>}
            is replaced by a new one
            {plan.description && !plan.renamed ? ' with the same description' : ''}
            {plan.renamed && plan.description ? (
              <>
                {' '}
                named <strong>{plan.description}</strong>
                {token.description ? ', as no two tokens here may share a description' : ''}
              </>
            ) : null}
            . {lifetimeSentence(plan, now)}
          </Typography>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={pending} autoFocus>
          Cancel
        </Button>
        <Button ref={confirmButton} onClick={onConfirm} variant="contained" color="error" loading={pending} startIcon={<AutorenewIcon />}>
          Regenerate token
        </Button>
      </DialogActions>
    </>
  );
}
