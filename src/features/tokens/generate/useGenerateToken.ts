import { useMutation, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { CreatedToken, GenerateTokenInput } from '../../../api';

/** The one-time secret, held only in the state of the open dialog. */
export interface GeneratedToken {
  secret: string;
  /** When it expires (`null`: never): as the backend says, else as it was asked for. */
  expiresAt: Date | null;
  /** The moment its lifetime was chosen from: a 30-day token is "in 30 days" from here. */
  countedFrom: Date;
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

  const { mutateAsync, reset, isPending, error } = useMutation<void, Error, { input: GenerateTokenInput; chosenAt: number }>({
    mutationFn: async ({ input, chosenAt }) => {
      const created = await generate(input);
      await refreshList(queryClient, tokenListKey);
      // Counted from the earlier of the two: the backend's clock may round its creation time down to the second.
      const madeAt = created.createdAt === undefined ? Number.NaN : Date.parse(created.createdAt);
      const countedFrom = new Date(Number.isNaN(madeAt) ? chosenAt : Math.min(chosenAt, madeAt));
      setGenerated({ secret: created.secret, expiresAt: expiryOf(created, input), countedFrom });
    },
    gcTime: 0,
    retry: false,
  });

  /** Resolves true once the token is made and its secret is in `generated`; false if it was not, or a submit was on its way. */
  const submit = useCallback(
    async (input: GenerateTokenInput, chosenAt = Date.now()): Promise<boolean> => {
      if (inFlight.current) return false;
      inFlight.current = true;
      try {
        await mutateAsync({ input, chosenAt });
        reset();
        return true;
      } catch {
        // The error is kept in the mutation's state and shown by the form.
        return false;
      } finally {
        inFlight.current = false;
      }
    },
    [mutateAsync, reset],
  );

  return { submit, isPending, error, generated };
}
