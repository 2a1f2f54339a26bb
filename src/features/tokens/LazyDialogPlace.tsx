import Box from '@mui/material/Box';
import { Suspense, type ReactNode } from 'react';
import { LazyLoadBoundary } from '../../ui/LazyLoadBoundary';

/** Where a lazy dialog stands: empty while the dialog itself shows in its own layer. */
const DIALOG_PLACE_SX = { mb: 2, '&:empty': { display: 'none' } } as const;

export interface LazyDialogPlaceProps {
  /** What the dialog is, inside a sentence: "Could not load {what}". */
  what: string;
  onReload: () => void;
  onDismiss: () => void;
  children: ReactNode;
}

/** A lazily loaded dialog's place in the page: nothing while its code loads, the failure to load it should it fail. */
export function LazyDialogPlace({ what, onReload, onDismiss, children }: LazyDialogPlaceProps) {
  return (
    <Box sx={DIALOG_PLACE_SX}>
      <LazyLoadBoundary what={what} onReload={onReload} onDismiss={onDismiss}>
        <Suspense fallback={null}>{children}</Suspense>
      </LazyLoadBoundary>
    </Box>
  );
}
