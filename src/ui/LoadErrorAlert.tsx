import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { isApiError } from '../api';

export interface LoadErrorAlertProps {
  /** What could not be loaded, inside a sentence: "Could not load {what}". */
  what: string;
  error: unknown;
  onRetry: () => void;
  /** Why, when the error does not say it in words a person can use; by default an API error's own message. */
  reason?: string;
  /** A retry is under way: says so. (Retry stays enabled: disabling it would drop the keyboard focus.) */
  retrying?: boolean;
  /** Offers a Close button as well, for an alert that stands in for something the user opened. */
  onDismiss?: () => void;
}

/** What failed, why, and a way to try again: the designed state for something that could not load. */
export function LoadErrorAlert({ what, error, onRetry, reason, retrying = false, onDismiss }: LoadErrorAlertProps) {
  const why = reason ?? (isApiError(error) ? error.message : 'Something unexpected went wrong.');
  return (
    <Alert
      severity="error"
      variant="outlined"
      action={
        <>
          <Button color="inherit" size="small" onClick={onRetry}>
            Retry
          </Button>
          {onDismiss && (
            <Button color="inherit" size="small" onClick={onDismiss}>
              Close
            </Button>
          )}
        </>
      }
    >
      <AlertTitle>Could not load {what}</AlertTitle>
      {why}
      {retrying && (
        <Box component="span" sx={{ display: 'block', mt: 0.5 }}>
          Trying again…
        </Box>
      )}
    </Alert>
  );
}
