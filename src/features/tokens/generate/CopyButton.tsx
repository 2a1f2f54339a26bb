import CheckIcon from '@mui/icons-material/Check';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import Box from '@mui/material/Box';
import Button, { type ButtonProps } from '@mui/material/Button';
import { useState } from 'react';
import { copyShortcutFor, selectContents, writeToClipboard } from './clipboard';

export const COPIED_TEXT = 'Copied';

export function copyFallbackText(): string {
  return `Copying is not available here. The text is selected: press ${copyShortcutFor(navigator)} to copy it.`;
}

export interface CopyButtonProps {
  /** Exactly what goes on the clipboard. */
  text: string;
  /** The button's name, e.g. "Copy". */
  label: string;
  /** The element showing the text, selected for a keyboard copy when the Clipboard API is missing or refuses. */
  getTarget: () => HTMLElement | null;
  variant?: ButtonProps['variant'];
  autoFocus?: boolean;
  'aria-describedby'?: string;
}

type CopyStatus = { kind: 'idle' } | { kind: 'copied' | 'fallback'; attempt: number };

/**
 * A copy button with its own polite live region: "Copied" after a copy, or the keyboard fallback. Each attempt
 * re-creates the message so a second copy is announced again.
 */
export function CopyButton({ text, label, getTarget, variant = 'outlined', autoFocus, ...rest }: CopyButtonProps) {
  const [status, setStatus] = useState<CopyStatus>({ kind: 'idle' });

  const copy = async () => {
    const attempt = status.kind === 'idle' ? 1 : status.attempt + 1;
    if (await writeToClipboard(text)) {
      setStatus({ kind: 'copied', attempt });
      return;
    }
    const target = getTarget();
    if (target) selectContents(target);
    setStatus({ kind: 'fallback', attempt });
  };

  return (
    <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', columnGap: 1.5, rowGap: 0.5 }}>
      <Button
        variant={variant}
        startIcon={<ContentCopyIcon aria-hidden />}
        onClick={() => void copy()}
        autoFocus={autoFocus}
        aria-describedby={rest['aria-describedby']}
      >
        {label}
      </Button>
      <Box
        component="span"
        role="status"
        aria-live="polite"
        sx={{ typography: 'body2', color: 'text.primary', display: 'inline-flex', alignItems: 'center', gap: 0.5 }}
      >
        {status.kind === 'copied' && (
          <CheckIcon key={`icon-${status.attempt}`} aria-hidden fontSize="small" sx={{ color: 'success.main' }} />
        )}
        {status.kind === 'copied' && <span key={status.attempt}>{COPIED_TEXT}</span>}
        {status.kind === 'fallback' && <span key={status.attempt}>{copyFallbackText()}</span>}
      </Box>
    </Box>
  );
}
