import Dialog from '@mui/material/Dialog';
import DialogTitle from '@mui/material/DialogTitle';
import { useTheme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useId, useState } from 'react';
import { CloseRevealConfirmation } from './generate/CloseRevealConfirmation';
import { GenerateTokenForm } from './generate/GenerateTokenForm';
import { ReplaceTokenStep } from './generate/ReplaceTokenStep';
import { RevealTokenStep } from './generate/RevealTokenStep';
import { useGenerateToken } from './generate/useGenerateToken';
import type { OldTokenNotice } from './regenerate/OldTokenStatus';
import { RegenerateTokenStep } from './regenerate/RegenerateTokenStep';
import { regenerateInputOf, type RegeneratePlan } from './regenerate/regeneratePlan';
import type { TokenCollection } from './tokenCollection';
import type { ListedToken } from './tokenRows';

/** A token to regenerate, and what its successor will be. */
export interface Regeneration {
  token: ListedToken;
  plan: RegeneratePlan;
}

export const REGENERATE_DIALOG_TITLE = 'Regenerate token';

export interface GenerateTokenDialogProps {
  open: boolean;
  /** Called when the dialog has closed (Cancel, Done, or confirmed dismissal). MUI restores focus to the trigger. */
  onClose: () => void;
  /** The collection the token is generated in: its title, what its backend accepts, generate and the list to refresh. */
  collection: TokenCollection;
  /** The token that generating revokes and replaces (a team that has one token): the dialog asks first. */
  replaces?: ListedToken;
  /** Regenerate this token instead: confirm, make its successor, reveal it, then `onRegenerated`. */
  regenerates?: Regeneration;
  /** Called once the successor is made and shown: the old token is to be deleted now (unless it was replaced). */
  onRegenerated?: (old: ListedToken) => void;
  /** What became of the regenerated token's predecessor, once its delete has ended. */
  oldTokenNotice?: OldTokenNotice | null;
}

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
  return <GenerateTokenSession key={session} {...props} onExited={() => setSession((current) => current + 1)} />;
}

export default GenerateTokenDialog;

function GenerateTokenSession({
  open,
  onClose,
  collection,
  replaces,
  regenerates,
  onRegenerated,
  oldTokenNotice,
  onExited,
}: GenerateTokenDialogProps & { onExited: () => void }) {
  const titleId = useId();
  const theme = useTheme();
  const fullScreen = useMediaQuery(theme.breakpoints.down('sm'));
  const { generate, tokenListKey, capabilities, cliHost, wording } = collection;
  const { submit, isPending, error, generated } = useGenerateToken({ generate, tokenListKey });
  const [replaceConfirmed, setReplaceConfirmed] = useState(false);
  const [confirmingClose, setConfirmingClose] = useState(false);

  const requestClose = () => {
    // While a token is being created, closing would lose its secret; once it is shown, ask first.
    if (isPending) return;
    if (generated) setConfirmingClose(true);
    else onClose();
  };

  const regenerate = () => {
    if (!regenerates) return;
    const chosenAt = Date.now();
    void submit(regenerateInputOf(regenerates.plan, new Date(chosenAt)), chosenAt).then((made) => {
      if (made && !regenerates.plan.replacesInPlace) onRegenerated?.(regenerates.token);
    });
  };

  let step;
  if (generated) {
    // Only where a delete follows: a team's one token is replaced by the new one itself.
    const deletesOld = regenerates && !regenerates.plan.replacesInPlace;
    step = <RevealTokenStep generated={generated} apiHost={cliHost} onDone={onClose} oldTokenNotice={deletesOld ? (oldTokenNotice ?? null) : undefined} />;
  }
  else if (regenerates) {
    step = (
      <RegenerateTokenStep
        token={regenerates.token}
        plan={regenerates.plan}
        pending={isPending}
        error={error}
        onConfirm={regenerate}
        onCancel={onClose}
      />
    );
  } else if (replaces && !replaceConfirmed) {
    step = <ReplaceTokenStep token={replaces} onConfirm={() => setReplaceConfirmed(true)} onCancel={onClose} />;
  } else {
    step = (
      <GenerateTokenForm
        capabilities={capabilities}
        pending={isPending}
        error={error}
        onSubmit={(input, chosenAt) => void submit(input, chosenAt)}
        onCancel={onClose}
      />
    );
  }

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
      <DialogTitle id={titleId}>{regenerates ? REGENERATE_DIALOG_TITLE : wording.dialogTitle}</DialogTitle>
      {step}
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
