/**
 * The limits of the Terrakube token API's requests, as plain numbers: the request schemas enforce them, and the
 * app's expiry arithmetic reads them without loading a schema library.
 */
export const DESCRIPTION_MAX_LENGTH = 255;
export const MAX_DAYS = 3650;
export const MAX_HOURS = 23;
export const MAX_MINUTES = 59;
