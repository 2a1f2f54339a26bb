import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useRef } from 'react';
import { formatRelativeTime } from '../relativeTime';
import { tokenNameOf, type ListedToken } from '../tokenRows';
import { expiredTokensLabel } from './expiredTokens';
import type { CleanupProgress, CleanupResult } from './useDeleteExpiredTokens';

export interface DeleteExpiredTokensDialogProps {
  open: boolean;
  /** The expired tokens, as they were when the dialog opened. */
  tokens: readonly ListedToken[];
  now: number;
  progress: CleanupProgress | null;
  /** Set once the deletes have ended with failures; a clean run closes the dialog instead. */
  result: CleanupResult | undefined;
  pending: boolean;
  onConfirm: () => void;
  onClose: () => void;
  onExited: () => void;
}

const listSx = {
  m: 0,
  p: 0,
  listStyle: 'none',
  maxHeight: '40vh',
  overflowY: 'auto',
  border: 1,
  borderColor: 'divider',
  borderRadius: 1,
  '& > li': { px: 1.5, py: 1, borderBottom: 1, borderColor: 'divider', overflowWrap: 'anywhere' },
  '& > li:last-of-type': { borderBottom: 0 },
  '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: 2 },
} as const;

/**
 * "Delete N expired tokens?": lists them (the list scrolls when long), then shows the deletes' progress and, should
 * some fail, which and why. It cannot be dismissed while the deletes run.
 */
export default function DeleteExpiredTokensDialog(props: DeleteExpiredTokensDialogProps) {
  const { open, tokens, now, progress, result, pending, onConfirm, onClose, onExited } = props;
  const ids = useId();
  const count = tokens.length;
  const finished = result !== undefined;
  // The confirm button was disabled while the deletes ran, so focus is nowhere in particular when the failures show.
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (finished) closeButton.current?.focus();
  }, [finished]);

  let content;
  if (finished) {
    content = (
      <Alert severity="error" role="alert">
        <AlertTitle>
          {result.failed.length} of {count} could not be deleted and {result.failed.length === 1 ? 'is' : 'are'} still listed
        </AlertTitle>
        <Box component="ul" sx={{ ...listSx, border: 0, mt: 1 }} tabIndex={0} aria-label="Tokens not deleted">
          {result.failed.map(({ token, error }) => (
            <li key={token.id}>
              <strong>{tokenNameOf(token)}</strong>: {error.message}
            </li>
          ))}
        </Box>
      </Alert>
    );
  } else {
    content = (
      <>
        <DialogContentText id={`${ids}-text`} sx={{ mb: 2 }}>
          These tokens have expired and no longer work. Deleting them takes them off the list; this cannot be undone.
        </DialogContentText>
        <Box component="ul" sx={listSx} tabIndex={0} aria-label="Expired tokens to delete">
          {tokens.map((token) => (
            <li key={token.id}>
              <Typography component="span" sx={{ fontWeight: 500 }}>
                {tokenNameOf(token)}
              </Typography>
              {token.expiresAt && (
                <Typography component="span" variant="body2" sx={{ color: 'text.secondary' }}>
                  {' '}
                  · expired {formatRelativeTime(new Date(token.expiresAt), new Date(now))}
                </Typography>
              )}
            </li>
          ))}
        </Box>
        {progress && (
          <Box sx={{ mt: 2 }}>
            <LinearProgress
              variant="determinate"
              value={(100 * progress.done) / Math.max(1, progress.total)}
              aria-labelledby={`${ids}-progress`}
            />
            <Typography id={`${ids}-progress`} role="status" variant="body2" sx={{ mt: 1 }}>
              Deleted {progress.done} of {progress.total}
            </Typography>
          </Box>
        )}
      </>
    );
  }

  return (
    <Dialog
      open={open}
      onClose={pending ? undefined : onClose}
      role="alertdialog"
      aria-describedby={finished ? undefined : `${ids}-text`}
      maxWidth="sm"
      fullWidth
      slotProps={{ transition: { onExited } }}
    >
      <DialogTitle>{finished ? 'Some expired tokens were not deleted' : `${expiredTokensLabel(count)}?`}</DialogTitle>
      <DialogContent>{content}</DialogContent>
      <DialogActions>
        {finished ? (
          <Button ref={closeButton} onClick={onClose} variant="contained">
            Close
          </Button>
        ) : (
          <>
            <Button onClick={onClose} disabled={pending} autoFocus>
              Cancel
            </Button>
            <Button onClick={onConfirm} color="error" variant="contained" loading={pending} startIcon={<DeleteOutlineIcon />}>
              {count === 1 ? 'Delete 1 token' : `Delete ${count} tokens`}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
