import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { isApiError } from '../../../api';
import { useAuth } from '../../../auth';
import { generateErrorMessage } from './generateErrorMessage';

export interface GenerateFailedAlertProps {
  error: unknown;
  title: string;
  /** Said after the error's own words. */
  detail?: string;
}

/** Why a token was not made, offering a fresh sign-in when the session had ended. */
export function GenerateFailedAlert({ error, title, detail }: GenerateFailedAlertProps) {
  const { signInAgain } = useAuth();
  return (
    <Alert
      severity="error"
      action={
        // Signing in leaves the page: offered, not forced, so the user can copy what they typed first.
        isApiError(error) && error.status === 401 ? (
          <Button color="inherit" size="small" onClick={signInAgain}>
            Sign in again
          </Button>
        ) : undefined
      }
    >
      <AlertTitle>{title}</AlertTitle>
      {generateErrorMessage(error)}
      {detail && ` ${detail}`}
    </Alert>
  );
}
