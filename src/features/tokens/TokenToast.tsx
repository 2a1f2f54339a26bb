import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import CloseIcon from '@mui/icons-material/Close';
import Snackbar from '@mui/material/Snackbar';

export interface Toast {
  key: number;
  severity: 'success' | 'info' | 'error';
  message: string;
  /** Offer to sign in again (the delete was refused for an ended session). */
  signInAgain?: () => void;
}

export interface TokenToastProps {
  toast: Toast;
  open: boolean;
  onClose: () => void;
}

/**
 * The message after a delete, at the bottom of the screen. Successes go after six seconds; a failure stays until
 * closed. Loaded with the delete confirmation, so the first load of a list does not carry it.
 */
export default function TokenToast({ toast, open, onClose }: TokenToastProps) {
  return (
    <Snackbar
      key={toast.key}
      open={open}
      autoHideDuration={toast.severity === 'error' ? null : 6000}
      onClose={(_event, reason) => {
        if (reason !== 'clickaway') onClose();
      }}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
    >
      <Alert
        variant="filled"
        severity={toast.severity}
        role={toast.severity === 'error' ? 'alert' : 'status'}
        onClose={onClose}
        // An action replaces the Alert's own close button: keep one beside it.
        action={
          toast.signInAgain ? (
            <>
              <Button color="inherit" size="small" onClick={toast.signInAgain}>
                Sign in again
              </Button>
              <IconButton color="inherit" size="small" aria-label="Close" onClick={onClose}>
                <CloseIcon fontSize="small" />
              </IconButton>
            </>
          ) : undefined
        }
        sx={{ width: '100%', overflowWrap: 'anywhere' }}
      >
        {toast.message}
      </Alert>
    </Snackbar>
  );
}
