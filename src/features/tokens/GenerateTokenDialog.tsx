import Dialog from '@mui/material/Dialog';
import DialogTitle from '@mui/material/DialogTitle';
import { useTheme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import type { QueryKey } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { CreatedToken, TokenDuration } from '../../api/tokenApi';
import { useConfig } from '../../config/ConfigContext';
import { CloseRevealConfirmation } from './generate/CloseRevealConfirmation';
import { GenerateTokenForm } from './generate/GenerateTokenForm';
import { RevealTokenStep } from './generate/RevealTokenStep';
import { useGenerateToken } from './generate/useGenerateToken';

export interface GenerateTokenDialogProps {
  open: boolean;
  /** Called when the dialog has closed (Cancel, Done, or confirmed dismissal). The parent unmounts/keeps it; MUI restores focus to the trigger. */
  onClose: () => void;
  /** 'personal': title "Generate API token", presets 7/30 (default)/60/90 days/1 year/Custom/Never, Custom = whole Days 1–3650.
   *  'team': title "Generate team token", presets 15 minutes/1 hour/8 hours plus the same, Custom = Days, Hours (0–23), Minutes (0–59), at least one minute in total. */
  variant: 'personal' | 'team';
  /** Sends the create request; resolves with the one-time secret or rejects with ApiError. */
  generate: (request: { description: string; duration: TokenDuration }) => Promise<CreatedToken>;
  /** The list query to refresh before the reveal step opens, so the new row is already in the list. */
  tokenListKey: QueryKey;
}

export const GENERATE_DIALOG_TITLES = {
  personal: 'Generate API token',
  team: 'Generate team token',
} as const satisfies Record<GenerateTokenDialogProps['variant'], string>;

/**
 * Generate a token, then reveal its secret once, in the same dialog. Everything the dialog holds (the input, the
 * secret) lives in a session that starts afresh each time the dialog opens and is dropped once it has closed.
 */
export function GenerateTokenDialog(props: GenerateTokenDialogProps) {
  const [session, setSession] = useState(0);
  const [wasOpen, setWasOpen] = useState(props.open);
  if (props.open !== wasOpen) {
    setWasOpen(props.open);
    // Reopened before the closing transition ended: start afresh rather than show the last secret again.
    if (props.open) setSession((current) => current + 1);
  }
  return (
    <GenerateTokenSession key={session} {...props} onExited={() => setSession((current) => current + 1)} />
  );
}

export default GenerateTokenDialog;

function GenerateTokenSession({
  open,
  onClose,
  variant,
  generate,
  tokenListKey,
  onExited,
}: GenerateTokenDialogProps & { onExited: () => void }) {
  const titleId = useId();
  const theme = useTheme();
  const fullScreen = useMediaQuery(theme.breakpoints.down('sm'));
  const { apiHost } = useConfig();
  const { submit, isPending, error, generated } = useGenerateToken({ generate, tokenListKey });
  const [confirmingClose, setConfirmingClose] = useState(false);

  const requestClose = () => {
    // While a token is being created, closing would lose its secret; once it is shown, ask first.
    if (isPending) return;
    if (generated) setConfirmingClose(true);
    else onClose();
  };

  return (
    <Dialog
      open={open}
      onClose={requestClose}
      onTransitionExited={onExited}
      fullScreen={fullScreen}
      fullWidth
      maxWidth="sm"
      aria-labelledby={titleId}
      // Anchored near the top rather than centred, so a message appearing above the fields does not move the
      // buttons under the pointer.
      sx={{ '& .MuiDialog-container': { alignItems: { sm: 'flex-start' } } }}
      slotProps={{ paper: { sx: { mt: { sm: '8vh' } } } }}
    >
      <DialogTitle id={titleId}>{GENERATE_DIALOG_TITLES[variant]}</DialogTitle>
      {generated ? (
        <RevealTokenStep generated={generated} apiHost={apiHost} onDone={onClose} />
      ) : (
        <GenerateTokenForm
          variant={variant}
          pending={isPending}
          error={error}
          onSubmit={(request) => void submit(request)}
          onCancel={onClose}
        />
      )}
      <CloseRevealConfirmation
        open={confirmingClose}
        onBack={() => setConfirmingClose(false)}
        onConfirm={() => {
          setConfirmingClose(false);
          onClose();
        }}
      />
    </Dialog>
  );
}
