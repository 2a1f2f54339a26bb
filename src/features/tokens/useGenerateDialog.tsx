import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useReloadableLazy } from '../../ui/useReloadableLazy';
import type { Regeneration } from './GenerateTokenDialog';
import { LazyDialogPlace } from './LazyDialogPlace';
import type { OldTokenNotice } from './regenerate/OldTokenStatus';
import { regeneratePlanOf } from './regenerate/regeneratePlan';
import type { TokenCollection } from './tokenCollection';
import type { ListedToken } from './tokenRows';
import { preloadTokenToast } from './useToast';

// The dialog loads when first needed; its code starts loading as soon as the generate button is pointed at or
// focused.
let generateTokenDialogModule: Promise<typeof import('./GenerateTokenDialog')> | undefined;
function loadGenerateTokenDialog() {
  generateTokenDialogModule ??= import('./GenerateTokenDialog').catch((error: unknown) => {
    generateTokenDialogModule = undefined; // a failed download may be tried again
    throw error;
  });
  return generateTokenDialogModule;
}
const preloadGenerateDialog = () => void loadGenerateTokenDialog().catch(() => undefined);

export interface UseGenerateDialogOptions {
  collection: TokenCollection;
  /** The listed tokens (`undefined` while loading). */
  tokens: readonly ListedToken[] | undefined;
  list: RefObject<HTMLUListElement | null>;
  /** A regenerate made and showed the successor of `old`, which is to be deleted now. */
  onRegenerated: (old: ListedToken) => void;
}

/**
 * The generate dialog, opened to generate a token or to regenerate one: the button's ref, why generating is
 * disabled (if it is), the dialog's element, and the ways to open it.
 */
export function useGenerateDialog({ collection, tokens, list, onRegenerated }: UseGenerateDialogOptions) {
  const { capabilities, generateDisabledReason } = collection;
  const generateButton = useRef<HTMLButtonElement>(null);
  const [GenerateTokenDialog, reloadGenerateTokenDialog] = useReloadableLazy(loadGenerateTokenDialog);
  // `null`: closed; otherwise generating, or regenerating the token named.
  const [session, setSession] = useState<{ regenerates?: ListedToken } | null>(null);
  const closed = useRef<'generate' | 'regenerate' | null>(null);
  const [oldTokenNotice, setOldTokenNotice] = useState<OldTokenNotice | null>(null);
  const regenerating = useRef<ListedToken | undefined>(undefined);
  useEffect(() => {
    regenerating.current = session?.regenerates;
  }, [session]);
  const close = () => {
    closed.current = session?.regenerates ? 'regenerate' : 'generate';
    setSession(null);
  };
  useEffect(() => {
    if (session || !closed.current) return;
    const after = closed.current;
    closed.current = null;
    // The dialog gives focus back to the button that opened it. When that button is gone (the empty state's, once
    // the new token is listed; a regenerated token's row), focus goes to the generate button or the list.
    if (document.activeElement !== null && document.activeElement !== document.body) return;
    if (after === 'regenerate' && list.current?.isConnected) list.current.focus({ preventScroll: true });
    else generateButton.current?.focus();
  }, [session, list]);

  // Where a team has one token, generating revokes and replaces it: the dialog asks first, naming it.
  const replacedToken = capabilities.tokensPerCollection === 'one' ? tokens?.[0] : undefined;
  // Until the list says whether there is a current token, generating could revoke it unannounced.
  const disabledReason =
    generateDisabledReason ??
    (capabilities.tokensPerCollection === 'one' && tokens === undefined
      ? 'Generating replaces the current token, so it is offered once the current token has loaded.'
      : undefined);

  const requestRegenerate = useCallback((token: ListedToken) => {
    preloadTokenToast();
    setOldTokenNotice(null);
    setSession({ regenerates: token });
  }, []);
  /** Tells the open regenerate dialog what became of the old token; `false` when it has closed since. */
  const tellRegenerateDialog = useCallback((old: ListedToken, notice: OldTokenNotice) => {
    if (regenerating.current?.id !== old.id) return false;
    setOldTokenNotice(notice);
    return true;
  }, []);
  const openGenerate = useCallback(() => setSession({}), []);
  // Planned from the list as it stands: a description taken since the dialog opened is avoided too.
  const regenerates = session?.regenerates;
  const regeneration = useMemo<Regeneration | undefined>(
    () => regenerates && { token: regenerates, plan: regeneratePlanOf(regenerates, tokens ?? [regenerates], capabilities) },
    [regenerates, tokens, capabilities],
  );

  const element = session && (
    <LazyDialogPlace what="the generate dialog" onReload={reloadGenerateTokenDialog} onDismiss={close}>
      <GenerateTokenDialog
        open
        onClose={close}
        collection={collection}
        replaces={regeneration ? undefined : replacedToken}
        regenerates={regeneration}
        onRegenerated={onRegenerated}
        oldTokenNotice={oldTokenNotice}
      />
    </LazyDialogPlace>
  );

  return {
    generateButton,
    generateDialog: { element, disabledReason },
    openGenerate,
    // Generating is refused to non-members; so is regenerating.
    requestRegenerate: generateDisabledReason ? undefined : requestRegenerate,
    tellRegenerateDialog,
    preloadGenerateDialog,
  };
}
