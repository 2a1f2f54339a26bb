import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import type { Toast } from '../TokenToast';

/** What became of a regenerated token's predecessor, as its delete toast words it. */
export type OldTokenNotice = Pick<Toast, 'severity' | 'message'>;

export const OLD_TOKEN_STATUS_NAME = 'Old token';

/**
 * The reveal step's line on the old token, for a regenerate. The dialog hides the page's toasts from screen readers
 * while it is open, so the outcome is told here, in a live region that is in place before the outcome is known.
 */
export function OldTokenStatus({ notice }: { notice: OldTokenNotice | null }) {
  return (
    <Box role="status" aria-label={OLD_TOKEN_STATUS_NAME}>
      {notice && (
        <Alert severity={notice.severity} role="none" sx={{ overflowWrap: 'anywhere' }}>
          {notice.message}
        </Alert>
      )}
    </Box>
  );
}
