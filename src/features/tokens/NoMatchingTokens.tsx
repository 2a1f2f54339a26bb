import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { TOKEN_STATUS_PHRASES, type TokenStatusFilter } from './tokenStatusFilter';

export interface NoMatchingTokensProps {
  status: TokenStatusFilter;
  /** The description filter, trimmed; empty when there is none. */
  text: string;
  /** Empties the description filter (offered when it alone leaves no rows). */
  onClearText: () => void;
  /** Clears the status and the description filters. */
  onShowAll: () => void;
}

/**
 * What stands in place of the list when its filters leave no rows: which filters, in words, and a button that
 * clears them.
 */
export function NoMatchingTokens({ status, text, onClearText, onShowAll }: NoMatchingTokensProps) {
  let sentence: string;
  if (status === 'all') sentence = `No tokens match “${text}”.`;
  else if (text === '') sentence = `No ${TOKEN_STATUS_PHRASES[status]}.`;
  else sentence = `No tokens match “${text}” among ${TOKEN_STATUS_PHRASES[status]}.`;
  return (
    <Box sx={{ py: 3, px: 2, border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <Typography sx={{ overflowWrap: 'anywhere' }}>{sentence}</Typography>
      <Button sx={{ mt: 1 }} onClick={status === 'all' ? onClearText : onShowAll}>
        {status === 'all' ? 'Clear filter' : 'Show all tokens'}
      </Button>
    </Box>
  );
}
