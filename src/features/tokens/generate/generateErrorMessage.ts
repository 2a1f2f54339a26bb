import { isApiError, NETWORK_ERROR_MESSAGE, tooManyRequestsMessage } from '../../../api/ApiError';

export const SESSION_ENDED_MESSAGE = 'Your session has ended. Sign in again, then generate the token.';

/** What to tell the user when generating a token failed; the dialog stays open with their input. */
export function generateErrorMessage(error: unknown): string {
  if (!isApiError(error)) return 'Something went wrong and the token was not generated. Try again.';
  const { status, message } = error;
  if (status === 0) return NETWORK_ERROR_MESSAGE;
  if (status === 401) return SESSION_ENDED_MESSAGE;
  // Every backend's 429 in the same words, with the wait its Retry-After asked for.
  if (status === 429) return tooManyRequestsMessage(error.retryAfterSeconds);
  if (status >= 500) return `The server failed to generate the token (${status}). Try again.`;
  // 400, 403 (for example "You are not a member of TEAM") and the rest: the server's own words.
  return message;
}
