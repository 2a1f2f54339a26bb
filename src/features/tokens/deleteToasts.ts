import { isApiError } from '../../api';
import { tokenNameOf } from './tokenRows';
import type { Toast } from './TokenToast';
import type { DeleteOutcome } from './useDeleteToken';

/**
 * The message after a delete. `regenerated`: the token was deleted because a regenerate made its successor, which
 * the message says, as the old token stopping (or not) is what matters then.
 */
export function deleteToast(outcome: DeleteOutcome, signInAgain: () => void, regenerated: boolean): Omit<Toast, 'key'> {
  const name = tokenNameOf(outcome.token);
  switch (outcome.kind) {
    case 'deleted':
      return regenerated
        ? { severity: 'success', message: `Token ${name} regenerated: the old token no longer works` }
        : { severity: 'success', message: `Token ${name} deleted` };
    case 'alreadyDeleted':
      return regenerated
        ? { severity: 'info', message: `Token ${name} regenerated: the old token was already deleted` }
        : { severity: 'info', message: `Token ${name} was already deleted` };
    case 'failed':
      return {
        severity: 'error',
        message: regenerated
          ? `The new token is made, but the old token ${name} could not be deleted: ${outcome.error.message} Both are listed: delete the old one once nothing uses it.`
          : `Token ${name} could not be deleted: ${outcome.error.message}`,
        signInAgain: isApiError(outcome.error) && outcome.error.status === 401 ? signInAgain : undefined,
      };
  }
}

/** After a clean-up of expired tokens that deleted all of them. */
export const cleanupToast = (count: number): Omit<Toast, 'key'> => ({
  severity: 'success',
  message: count === 1 ? '1 expired token deleted' : `${count} expired tokens deleted`,
});
