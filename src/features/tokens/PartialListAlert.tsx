import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import type { TokenListQuery } from './tokenCollection';

const numberFormat = new Intl.NumberFormat();

/**
 * Says that the list shown is not the whole list and nothing more is coming: a later page failed, or the backend's
 * pages could not be read whole. Retry reads it all again; the part shown stays until then.
 */
export function PartialListAlert({ query, loaded }: { query: TokenListQuery; loaded: number }) {
  const shown =
    query.totalCount === undefined
      ? `Only the first ${numberFormat.format(loaded)} tokens could be loaded`
      : `Only ${numberFormat.format(loaded)} of ${numberFormat.format(query.totalCount)} tokens could be loaded`;
  const why = query.error?.message ?? query.shortBecause;
  return (
    <Alert
      severity="warning"
      sx={{ mb: 2 }}
      action={
        <Button color="inherit" size="small" onClick={() => void query.refetch()}>
          Retry
        </Button>
      }
    >
      {shown}, so the list is not complete{why ? `: ${why}` : '.'}
      {query.isFetching && ' Trying again…'}
    </Alert>
  );
}
