import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { LoadErrorAlert } from '../../ui/LoadErrorAlert';
import { LoadingRows } from './LoadingRows';
import { PartialListAlert } from './PartialListAlert';
import type { TokenCollection } from './tokenCollection';
import { TokenList, type TokenListProps } from './TokenList';
import type { ListedToken } from './tokenRows';

export interface TokensPanelBodyProps {
  collection: TokenCollection;
  /** The tokens shown: the query's, less those whose delete is on its way. */
  tokens: readonly ListedToken[] | undefined;
  /** The whole list is in and has no token: the empty state, with the generate control in it. */
  empty: boolean;
  generateControl: ReactNode;
  listProps: Pick<TokenListProps, 'now' | 'onDelete' | 'onRegenerate' | 'listRef'>;
}

/**
 * The token panel's designed states under its controls: not available to this person, loading, load error with
 * Retry, empty, the list (with a warning over it when a refresh failed), and a list that is not whole yet: while
 * later pages are on their way it shows what came and says so; when they failed, it says the list is not complete.
 */
export function TokensPanelBody({ collection, tokens, empty, generateControl, listProps }: TokensPanelBodyProps) {
  const { query, unavailableMessage } = collection;
  const { listLabel, listNameInText, emptyMessage, showCreator } = collection.wording;
  const partial = tokens !== undefined && !query.isComplete;

  if (unavailableMessage) {
    return (
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Typography sx={{ maxWidth: '70ch' }}>{unavailableMessage}</Typography>
      </Paper>
    );
  }
  if (tokens === undefined || (partial && tokens.length === 0)) {
    return query.error || (partial && !query.isFetching) ? (
      <LoadErrorAlert
        what={listNameInText}
        error={query.error}
        reason={query.error ? undefined : query.shortBecause}
        retrying={query.isFetching}
        onRetry={() => void query.refetch()}
      />
    ) : (
      <LoadingRows />
    );
  }
  return (
    <>
      {partial && (query.error || !query.isFetching) && <PartialListAlert query={query} loaded={tokens.length} />}
      {query.error && !partial && (
        <Alert
          severity="warning"
          sx={{ mb: 2 }}
          action={
            <Button color="inherit" size="small" onClick={() => void query.refetch()}>
              Retry
            </Button>
          }
        >
          The list could not be refreshed, so it may be out of date: {query.error.message}
        </Alert>
      )}
      {empty ? (
        <Paper variant="outlined" sx={{ p: 3 }}>
          <Typography sx={{ mb: 2 }}>{emptyMessage}</Typography>
          {generateControl}
        </Paper>
      ) : (
        <TokenList
          {...listProps}
          tokens={tokens}
          label={listLabel}
          showCreator={showCreator}
          partial={partial ? { totalCount: query.totalCount, loading: query.isFetching && !query.error } : undefined}
        />
      )}
    </>
  );
}
