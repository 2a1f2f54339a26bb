import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { visuallyHidden } from '@mui/utils';
import { useState } from 'react';
import { formatRelativeTime } from '../relativeTime';
import { expirySentence } from './expiryText';

export const INVALID_EXPIRY_TEXT = 'Enter a valid expiry to see when the token expires.';

interface ExpiryPreviewProps {
  id: string;
  /** The chosen expiry: a moment, `null` for never, `undefined` while Custom is not valid. */
  expiresAt: Date | null | undefined;
  now: number;
  /** Said after the date when the preset's label alone would mislead. */
  note?: string;
  /** Changes when the user changes the expiry (not when the clock moves it on). */
  choiceKey: string;
}

/** previewText(…): "Expires on 23 Dec 2026, 14:05 (in 30 days)". */
export function previewText(expiresAt: Date | null | undefined, now: number, note?: string): string {
  if (expiresAt === undefined) return INVALID_EXPIRY_TEXT;
  if (expiresAt === null) return expirySentence(null);
  const relative = formatRelativeTime(expiresAt, new Date(now));
  return `${expirySentence(expiresAt)} (${note ? `${relative}, ${note}` : relative})`;
}

/**
 * When the chosen expiry ends, kept true while the dialog stays open. Screen readers hear it when the user
 * changes the expiry, not each time the clock moves it on.
 */
export function ExpiryPreview({ id, expiresAt, now, note, choiceKey }: ExpiryPreviewProps) {
  const text = previewText(expiresAt, now, note);
  const [announced, setAnnounced] = useState({ choiceKey, text });
  if (announced.choiceKey !== choiceKey) setAnnounced({ choiceKey, text });
  return (
    <>
      {/* Hidden from the reading order, which has the announcement below; still the presets' description. */}
      <Typography id={id} aria-hidden="true">
        {text}
      </Typography>
      <Box role="status" aria-live="polite" sx={visuallyHidden}>
        {announced.text}
      </Box>
    </>
  );
}
