import { useMutation, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { CreatedToken, GenerateTokenInput } from '../../../api';

/** The one-time secret, held only in the state of the open dialog. */
export interface GeneratedToken {
  secret: string;
  /** When it expires (`null`: never): as the backend says, else as it was asked for. */
  expiresAt: Date | null;
  generatedAt: Date;
}

function expiryOf(created: CreatedToken, requested: GenerateTokenInput): Date | null {
  if (created.expiresAt === undefined) return requested.expiresAt;
  if (created.expiresAt === null) return null;
  const at = new Date(created.expiresAt);
  return Number.isNaN(at.getTime()) ? requested.expiresAt : at;
}

/** The reveal step does not wait longer than this for the list to refresh: the secret is what matters. */
export const LIST_REFRESH_WAIT_MS = 5_000;

async function refreshList(queryClient: QueryClient, queryKey: QueryKey): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    queryClient.invalidateQueries({ queryKey }),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, LIST_REFRESH_WAIT_MS);
    }),
  ]);
  clearTimeout(timer);
}

export interface UseGenerateTokenOptions {
  generate: (input: GenerateTokenInput) => Promise<CreatedToken>;
  tokenListKey: QueryKey;
}

/**
 * Sends one create request per submit, however fast the clicks (a ref guards it, not only React state), refreshes
 * the token list, then hands the secret to this hook's state. The secret never becomes the mutation's result, so
 * neither the mutation cache nor the query cache ever holds it; the mutation is also reset and has `gcTime: 0`.
 */
export function useGenerateToken({ generate, tokenListKey }: UseGenerateTokenOptions) {
  const queryClient = useQueryClient();
  const inFlight = useRef(false);
  const [generated, setGenerated] = useState<GeneratedToken | null>(null);

  const { mutateAsync, reset, isPending, error } = useMutation<void, Error, GenerateTokenInput>({
    mutationFn: async (input) => {
      const created = await generate(input);
      await refreshList(queryClient, tokenListKey);
      setGenerated({ secret: created.secret, expiresAt: expiryOf(created, input), generatedAt: new Date() });
    },
    gcTime: 0,
    retry: false,
  });

  const submit = useCallback(
    async (input: GenerateTokenInput) => {
      if (inFlight.current) return;
      inFlight.current = true;
      try {
        await mutateAsync(input);
        reset();
      } catch {
        // The error is kept in the mutation's state and shown by the form.
      } finally {
        inFlight.current = false;
      }
    },
    [mutateAsync, reset],
  );

  return { submit, isPending, error, generated };
}
