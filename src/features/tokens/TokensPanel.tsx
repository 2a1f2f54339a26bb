import AddIcon from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { useAuth } from '../../auth';
import { useReloadableLazy } from '../../ui/useReloadableLazy';
import { expiredTokensLabel, expiredTokensOf } from './cleanup/expiredTokens';
import { useDeleteExpiredTokens } from './cleanup/useDeleteExpiredTokens';
import { cleanupToast, deleteToast } from './deleteToasts';
import { ExpiryNotice } from './ExpiryNotice';
import { LazyDialogPlace } from './LazyDialogPlace';
import type { TokenCollection } from './tokenCollection';
import { tokenNameOf, type ListedToken } from './tokenRows';
import { TokensPanelBody } from './TokensPanelBody';
import { useGenerateDialog } from './useGenerateDialog';
import { useDeleteToken, usePendingDeletes } from './useDeleteToken';
import { useNow } from './useNow';
import { preloadTokenToast, useToast } from './useToast';

const loadDeleteTokenDialog = () => import('./DeleteTokenDialog');
const loadDeleteExpiredTokensDialog = () => import('./cleanup/DeleteExpiredTokensDialog');

/** Relative times and statuses refresh this often while the list is shown. */
const NOW_REFRESH_MS = 30_000;

export interface TokensPanelProps {
  collection: TokenCollection;
}

/**
 * A token list with everything around it, shared by the user and team screens: the generate button (and its
 * dialog), the designed states (loading, empty, load error with Retry, refresh error over the kept list), the
 * list, regenerate, the delete confirmation, the clean-up of expired tokens and the toasts that follow. The
 * generate button stands above the list, or in the empty state when there is no list: there is one at a time.
 */
export function TokensPanel({ collection }: TokensPanelProps) {
  const { query, tokenListKey, capabilities, deleteToken, deleteTokens, unavailableMessage } = collection;
  const { generateLabel } = collection.wording;
  const reasonId = useId();
  const { signInAgain } = useAuth();
  const list = useRef<HTMLUListElement>(null);
  const [DeleteTokenDialog, reloadDeleteTokenDialog] = useReloadableLazy(loadDeleteTokenDialog);
  const [DeleteExpiredTokensDialog, reloadDeleteExpiredTokensDialog] = useReloadableLazy(loadDeleteExpiredTokensDialog);
  const { toastElement, showToast } = useToast();

  // Deletes confirmed one at a time, and those of tokens a regenerate has replaced, which their toasts say.
  const regeneratedIds = useRef(new Set<string>());
  const deletion = useDeleteToken({
    tokenListKey,
    deleteToken,
    onOutcome: (outcome) => {
      const regenerated = regeneratedIds.current.delete(outcome.token.id);
      const toast = deleteToast(outcome, signInAgain, regenerated);
      // While the regenerate dialog is open the page's toasts are hidden from screen readers: it says so itself.
      if (!(regenerated && tellRegenerateDialog(outcome.token, toast))) showToast(toast);
    },
  });

  const pendingDeletes = usePendingDeletes(tokenListKey);
  const tokens = useMemo(
    () => (pendingDeletes.size === 0 ? query.data : query.data?.filter((token) => !pendingDeletes.has(token.id))),
    [query.data, pendingDeletes],
  );
  const tickingNow = useNow(NOW_REFRESH_MS);
  // A token created after the last tick must not look as if it had more time left than its duration.
  const now = Math.max(tickingNow, query.dataUpdatedAt);

  const { generateButton, generateDialog, openGenerate, requestRegenerate, tellRegenerateDialog, preloadGenerateDialog } = useGenerateDialog({
    collection,
    tokens,
    list,
    onRegenerated: (old) => {
      regeneratedIds.current.add(old.id);
      deletion.mutate(old);
    },
  });

  // The token being confirmed, the button that asked, and whether the user confirmed.
  const [deleteTarget, setDeleteTarget] = useState<{ token: ListedToken; trigger: HTMLElement } | null>(null);
  const [deleteOpen, setDeleteOpen] = useState(false);
  const confirmed = useRef(false);
  const requestDelete = useCallback((token: ListedToken, trigger: HTMLElement) => {
    preloadTokenToast();
    confirmed.current = false;
    setDeleteTarget({ token, trigger });
    setDeleteOpen(true);
  }, []);
  const confirmDelete = () => {
    if (!deleteTarget || confirmed.current) return;
    confirmed.current = true;
    setDeleteOpen(false);
    deletion.mutate(deleteTarget.token);
  };
  const focusAfterDialog = (trigger: HTMLElement | undefined, cancelled: boolean) => {
    if (cancelled && trigger?.isConnected) trigger.focus();
    // On a phone, scrolling the list's top into view would hide the row the user was at.
    else if (list.current?.isConnected) list.current.focus({ preventScroll: true });
    else generateButton.current?.focus();
  };

  // The expired tokens as they were when the clean-up was asked for; the deletes' own state is the hook's. Counted
  // on the whole list only: "Delete 3 expired tokens" must not leave out those on pages still to come.
  const whole = query.isComplete;
  const expired = useMemo(() => (tokens && whole ? expiredTokensOf(tokens, now) : []), [tokens, whole, now]);
  const [cleanup, setCleanup] = useState<{ tokens: readonly ListedToken[]; trigger: HTMLElement; open: boolean } | null>(null);
  const expiredDeletion = useDeleteExpiredTokens({ tokenListKey, deleteToken, deleteTokens: capabilities.bulkDelete ? deleteTokens : undefined });
  const confirmCleanup = async () => {
    if (!cleanup) return;
    const result = await expiredDeletion.run(cleanup.tokens);
    if (result?.failed.length === 0) {
      setCleanup((current) => current && { ...current, open: false });
      showToast(cleanupToast(result.deleted));
    }
  };

  const generateControl = (
    <Stack direction="row" useFlexGap spacing={2} sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
      <Button
        ref={generateButton}
        variant="contained"
        startIcon={<AddIcon />}
        disabled={Boolean(generateDialog.disabledReason)}
        aria-describedby={generateDialog.disabledReason ? reasonId : undefined}
        onClick={openGenerate}
        onPointerEnter={preloadGenerateDialog}
        onFocus={preloadGenerateDialog}
      >
        {generateLabel}
      </Button>
      {expired.length > 0 && !unavailableMessage && (
        <Button
          variant="outlined"
          color="error"
          onClick={(event) => {
            preloadTokenToast();
            setCleanup({ tokens: expired, trigger: event.currentTarget, open: true });
          }}
          onPointerEnter={() => void loadDeleteExpiredTokensDialog().catch(() => undefined)}
        >
          {expiredTokensLabel(expired.length)}
        </Button>
      )}
      {generateDialog.disabledReason && (
        <Typography id={reasonId} variant="body2" sx={{ color: 'text.secondary' }}>
          {generateDialog.disabledReason}
        </Typography>
      )}
    </Stack>
  );
  const empty = !unavailableMessage && whole && tokens?.length === 0;

  const body = (
    <TokensPanelBody
      collection={collection}
      tokens={tokens}
      empty={empty}
      generateControl={generateControl}
      listProps={{ now, onDelete: requestDelete, onRegenerate: requestRegenerate, listRef: list }}
    />
  );

  return (
    <Box>
      {tokens && whole && !unavailableMessage && (
        <ExpiryNotice tokens={tokens} now={now} tokensInText={collection.wording.tokensInText} listRef={list} />
      )}
      {!empty && <Box sx={{ mb: 3 }}>{generateControl}</Box>}

      {/* The dialogs' places: a dialog shows in a layer of its own, a failure to load its code shows here. */}
      {generateDialog.element}
      {deleteTarget && (
        <LazyDialogPlace what="the delete confirmation" onReload={reloadDeleteTokenDialog} onDismiss={() => setDeleteTarget(null)}>
          <DeleteTokenDialog
            open={deleteOpen}
            description={tokenNameOf(deleteTarget.token)}
            onCancel={() => setDeleteOpen(false)}
            onConfirm={confirmDelete}
            onExited={() => {
              setDeleteTarget(null);
              focusAfterDialog(deleteTarget.trigger, !confirmed.current);
            }}
          />
        </LazyDialogPlace>
      )}
      {cleanup && (
        <LazyDialogPlace what="the clean-up confirmation" onReload={reloadDeleteExpiredTokensDialog} onDismiss={() => setCleanup(null)}>
          <DeleteExpiredTokensDialog
            open={cleanup.open}
            tokens={cleanup.tokens}
            now={now}
            progress={expiredDeletion.progress}
            result={expiredDeletion.result?.failed.length ? expiredDeletion.result : undefined}
            pending={expiredDeletion.isPending}
            onConfirm={() => void confirmCleanup()}
            onClose={() => setCleanup((current) => current && { ...current, open: false })}
            onExited={() => {
              const ran = expiredDeletion.result !== undefined;
              expiredDeletion.reset();
              setCleanup(null);
              focusAfterDialog(cleanup.trigger, !ran);
            }}
          />
        </LazyDialogPlace>
      )}

      {body}
      {toastElement}
    </Box>
  );
}
