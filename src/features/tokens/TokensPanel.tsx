import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { visuallyHidden } from '@mui/utils';
import { Suspense, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { isApiError } from '../../api';
import { useAuth } from '../../auth';
import { LazyLoadBoundary } from '../../ui/LazyLoadBoundary';
import { LoadErrorAlert } from '../../ui/LoadErrorAlert';
import { useReloadableLazy } from '../../ui/useReloadableLazy';
import { ExpiryNotice } from './ExpiryNotice';
import { TokenList } from './TokenList';
import type { TokenCollection } from './tokenCollection';
import { tokenNameOf, type ListedToken } from './tokenRows';
import type { Toast } from './TokenToast';
import { useDeleteToken, usePendingDeletes, type DeleteOutcome } from './useDeleteToken';
import { useNow } from './useNow';

// The dialogs load when first needed; the generate dialog's code starts loading as soon as its button is
// pointed at or focused.
let generateTokenDialogModule: Promise<typeof import('./GenerateTokenDialog')> | undefined;
function loadGenerateTokenDialog() {
  generateTokenDialogModule ??= import('./GenerateTokenDialog').catch((error: unknown) => {
    generateTokenDialogModule = undefined; // a failed download may be tried again
    throw error;
  });
  return generateTokenDialogModule;
}
const preloadGenerateTokenDialog = () => void loadGenerateTokenDialog().catch(() => undefined);
const loadDeleteTokenDialog = () => import('./DeleteTokenDialog');
// The toast follows a delete: its code loads when the delete confirmation opens.
const loadTokenToast = () => import('./TokenToast');

/** Where a lazy dialog stands: empty while the dialog itself shows in its own layer. */
const DIALOG_PLACE_SX = { mb: 2, '&:empty': { display: 'none' } } as const;

/** Relative times and statuses refresh this often while the list is shown. */
const NOW_REFRESH_MS = 30_000;

export interface TokensPanelProps {
  collection: TokenCollection;
}

function toastFor(outcome: DeleteOutcome, signInAgain: () => void): Omit<Toast, 'key'> {
  const description = tokenNameOf(outcome.token);
  switch (outcome.kind) {
    case 'deleted':
      return { severity: 'success', message: `Token ${description} deleted` };
    case 'alreadyDeleted':
      return { severity: 'info', message: `Token ${description} was already deleted` };
    case 'failed':
      return {
        severity: 'error',
        message: `Token ${description} could not be deleted: ${outcome.error.message}`,
        signInAgain: isApiError(outcome.error) && outcome.error.status === 401 ? signInAgain : undefined,
      };
  }
}

/**
 * A token list with everything around it, shared by the user and team screens: the generate button (and its
 * dialog), the designed states (loading, empty, load error with Retry, refresh error over the kept list), the
 * list, the delete confirmation and the toasts that follow a delete. The generate button stands above the list,
 * or in the empty state when there is no list: there is one at a time.
 */
export function TokensPanel({ collection }: TokensPanelProps) {
  const { query, tokenListKey, capabilities, deleteToken, generateDisabledReason, unavailableMessage } = collection;
  const { listLabel, listNameInText, generateLabel, emptyMessage, showCreator } = collection.wording;
  const reasonId = useId();
  const { signInAgain } = useAuth();
  const generateButton = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const [GenerateTokenDialog, reloadGenerateTokenDialog] = useReloadableLazy(loadGenerateTokenDialog);
  const [DeleteTokenDialog, reloadDeleteTokenDialog] = useReloadableLazy(loadDeleteTokenDialog);
  const [TokenToast, reloadTokenToast] = useReloadableLazy(loadTokenToast);

  const [generateOpen, setGenerateOpen] = useState(false);
  const generateClosed = useRef(false);
  const closeGenerate = () => {
    generateClosed.current = true;
    setGenerateOpen(false);
  };
  useEffect(() => {
    if (generateOpen || !generateClosed.current) return;
    generateClosed.current = false;
    // The dialog gives focus back to the button that opened it; when that button is gone (the empty state's, once
    // the new token is listed), focus goes to the generate button shown now.
    if (document.activeElement === null || document.activeElement === document.body) generateButton.current?.focus();
  }, [generateOpen]);

  const [toast, setToast] = useState<Toast | null>(null);
  const [toastOpen, setToastOpen] = useState(false);
  const showToast = useCallback((next: Omit<Toast, 'key'>) => {
    setToast({ ...next, key: Date.now() });
    setToastOpen(true);
  }, []);

  // The token being confirmed, the button that asked, and whether the user confirmed.
  const [deleteTarget, setDeleteTarget] = useState<{ token: ListedToken; trigger: HTMLElement } | null>(null);
  const [deleteOpen, setDeleteOpen] = useState(false);
  const confirmed = useRef(false);
  const deletion = useDeleteToken({
    tokenListKey,
    deleteToken,
    onOutcome: (outcome) => showToast(toastFor(outcome, signInAgain)),
  });

  const requestDelete = useCallback((token: ListedToken, trigger: HTMLElement) => {
    void loadTokenToast().catch(() => undefined);
    confirmed.current = false;
    setDeleteTarget({ token, trigger });
    setDeleteOpen(true);
  }, []);
  const cancelDelete = () => setDeleteOpen(false);
  const confirmDelete = () => {
    if (!deleteTarget || confirmed.current) return;
    confirmed.current = true;
    setDeleteOpen(false);
    deletion.mutate(deleteTarget.token);
  };
  const afterDeleteDialog = () => {
    const trigger = deleteTarget?.trigger;
    setDeleteTarget(null);
    if (!confirmed.current && trigger?.isConnected) trigger.focus();
    // On a phone, scrolling the list's top into view would hide the row the user was at.
    else if (list.current?.isConnected) list.current.focus({ preventScroll: true });
    else generateButton.current?.focus();
  };

  const pendingDeletes = usePendingDeletes(tokenListKey);
  const tokens = useMemo(
    () => (pendingDeletes.size === 0 ? query.data : query.data?.filter((token) => !pendingDeletes.has(token.id))),
    [query.data, pendingDeletes],
  );
  // Where a team has one token, generating revokes and replaces it: the dialog asks first, naming it.
  const replacedToken = capabilities.tokensPerCollection === 'one' ? tokens?.[0] : undefined;
  // Until the list says whether there is a current token, generating could revoke it unannounced.
  const disabledReason =
    generateDisabledReason ??
    (capabilities.tokensPerCollection === 'one' && tokens === undefined
      ? 'Generating replaces the current token, so it is offered once the current token has loaded.'
      : undefined);
  const tickingNow = useNow(NOW_REFRESH_MS);
  // A token created after the last tick must not look as if it had more time left than its duration.
  const now = Math.max(tickingNow, query.dataUpdatedAt);

  const generateControl = (
    <Stack direction="row" useFlexGap spacing={2} sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
      <Button
        ref={generateButton}
        variant="contained"
        startIcon={<AddIcon />}
        disabled={Boolean(disabledReason)}
        aria-describedby={disabledReason ? reasonId : undefined}
        onClick={() => setGenerateOpen(true)}
        onPointerEnter={preloadGenerateTokenDialog}
        onFocus={preloadGenerateTokenDialog}
      >
        {generateLabel}
      </Button>
      {disabledReason && (
        <Typography id={reasonId} variant="body2" sx={{ color: 'text.secondary' }}>
          {disabledReason}
        </Typography>
      )}
    </Stack>
  );
  const empty = !unavailableMessage && tokens?.length === 0;

  let body;
  if (unavailableMessage) {
    body = (
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Typography sx={{ maxWidth: '70ch' }}>{unavailableMessage}</Typography>
      </Paper>
    );
  } else if (tokens === undefined) {
    body = query.error ? (
      <LoadErrorAlert what={listNameInText} error={query.error} retrying={query.isFetching} onRetry={() => void query.refetch()} />
    ) : (
      <LoadingRows />
    );
  } else {
    body = (
      <>
        {query.error && (
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
            tokens={tokens}
            label={listLabel}
            now={now}
            showCreator={showCreator}
            onDelete={requestDelete}
            listRef={list}
          />
        )}
      </>
    );
  }

  return (
    <Box>
      {tokens && !unavailableMessage && (
        <ExpiryNotice tokens={tokens} now={now} tokensInText={collection.wording.tokensInText} listRef={list} />
      )}
      {!empty && <Box sx={{ mb: 3 }}>{generateControl}</Box>}

      {/* The dialogs' places: a dialog shows in a layer of its own, a failure to load its code shows here. */}
      {generateOpen && (
        <Box sx={DIALOG_PLACE_SX}>
          <LazyLoadBoundary what="the generate dialog" onReload={reloadGenerateTokenDialog} onDismiss={closeGenerate}>
            <Suspense fallback={null}>
              <GenerateTokenDialog open onClose={closeGenerate} collection={collection} replaces={replacedToken} />
            </Suspense>
          </LazyLoadBoundary>
        </Box>
      )}
      {deleteTarget && (
        <Box sx={DIALOG_PLACE_SX}>
          <LazyLoadBoundary what="the delete confirmation" onReload={reloadDeleteTokenDialog} onDismiss={() => setDeleteTarget(null)}>
            <Suspense fallback={null}>
              <DeleteTokenDialog
                open={deleteOpen}
                description={tokenNameOf(deleteTarget.token)}
                onCancel={cancelDelete}
                onConfirm={confirmDelete}
                onExited={afterDeleteDialog}
              />
            </Suspense>
          </LazyLoadBoundary>
        </Box>
      )}

      {body}

      {toast && (
        <LazyLoadBoundary what="the message about the delete" onReload={reloadTokenToast} onDismiss={() => setToast(null)}>
          <Suspense fallback={null}>
            <TokenToast toast={toast} open={toastOpen} onClose={() => setToastOpen(false)} />
          </Suspense>
        </LazyLoadBoundary>
      )}
    </Box>
  );
}

/** A few rows' worth of placeholders while the list loads, named for assistive technology. */
function LoadingRows() {
  return (
    <Box aria-busy="true">
      <Box component="span" role="status" sx={visuallyHidden}>
        Loading tokens
      </Box>
      <Box aria-hidden="true" sx={{ borderTop: 1, borderColor: 'divider' }}>
        {[0, 1, 2].map((row) => (
          <Box key={row} sx={{ display: 'flex', gap: 2, alignItems: 'center', px: 2, py: 1.5, borderBottom: 1, borderColor: 'divider' }}>
            <Skeleton variant="text" sx={{ flex: 2 }} />
            <Skeleton variant="rounded" width={96} height={24} />
            <Skeleton variant="text" sx={{ flex: 1.6, display: { xs: 'none', md: 'block' } }} />
            <Skeleton variant="text" sx={{ flex: 1.4, display: { xs: 'none', md: 'block' } }} />
            <Skeleton variant="circular" width={32} height={32} />
          </Box>
        ))}
      </Box>
    </Box>
  );
}
