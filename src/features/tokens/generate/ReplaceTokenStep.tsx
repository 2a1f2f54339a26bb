import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import Typography from '@mui/material/Typography';
import type { ListedToken } from '../tokenRows';

export const REPLACE_TOKEN_WARNING =
  'This team can have one token only. Generating a new one revokes the current token at once: every pipeline, script or tool that uses it stops working until it gets the new token.';

interface ReplaceTokenStepProps {
  token: ListedToken;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Before the form, where generating replaces the team's one token: what will stop working, and a way out. */
export function ReplaceTokenStep({ token, onConfirm, onCancel }: ReplaceTokenStepProps) {
  return (
    <>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {REPLACE_TOKEN_WARNING}
        </Alert>
        <Typography>
          The current token{token.description ? ` (${token.description})` : ''} will be revoked when the new one is
          generated.
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} autoFocus>
          Cancel
        </Button>
        <Button onClick={onConfirm} variant="contained" color="error">
          Replace token
        </Button>
      </DialogActions>
    </>
  );
}
