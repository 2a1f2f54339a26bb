import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useId } from 'react';

export const CLOSE_CONFIRMATION_TITLE = 'Have you copied your token?';

export interface CloseRevealConfirmationProps {
  open: boolean;
  /** Back to the reveal step (also on Escape or a backdrop click). */
  onBack: () => void;
  /** Close the generate dialog; the secret is gone for good. */
  onConfirm: () => void;
}

/** Asked when Escape or a backdrop click would close the dialog while the secret is shown. */
export function CloseRevealConfirmation({ open, onBack, onConfirm }: CloseRevealConfirmationProps) {
  const ids = useId();
  return (
    <Dialog
      open={open}
      onClose={onBack}
      role="alertdialog"
      maxWidth="xs"
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-text`}
    >
      <DialogTitle id={`${ids}-title`}>{CLOSE_CONFIRMATION_TITLE}</DialogTitle>
      <DialogContent>
        <DialogContentText id={`${ids}-text`}>
          Once this dialog closes, nobody can see the token again. If you have not copied it, you will have to
          generate a new one.
        </DialogContentText>
      </DialogContent>
      <DialogActions disableSpacing sx={{ flexWrap: 'wrap', gap: 1, '& .MuiButton-root': { whiteSpace: 'nowrap' } }}>
        <Button onClick={onConfirm} color="error">
          Close without copying
        </Button>
        <Button onClick={onBack} variant="contained" autoFocus>
          Back to token
        </Button>
      </DialogActions>
    </Dialog>
  );
}
