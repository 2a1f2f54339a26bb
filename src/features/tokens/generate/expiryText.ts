import { formatDateTime, type DateFormatOptions } from '../dateFormat';

/** The dialog writes dates as the token list does, in the user's locale and time zone unless told otherwise. */
export const formatExpiryDate = (date: Date, options?: DateFormatOptions): string => formatDateTime(date, options);

export const NEVER_EXPIRES_TEXT = 'Never expires';

/** "Expires on 23 Dec 2026, 14:05", or "Never expires" for `null`. */
export function expirySentence(expiresAt: Date | null, options?: DateFormatOptions): string {
  return expiresAt === null ? NEVER_EXPIRES_TEXT : `Expires on ${formatExpiryDate(expiresAt, options)}`;
}
