import Box from '@mui/material/Box';
import { visuallyHidden } from '@mui/utils';
import type { ReactNode } from 'react';

/**
 * Skeletons while something loads. Assistive technology hears `label` once, through a status, and never the
 * skeletons themselves (a label on a Skeleton's span is prohibited ARIA).
 */
export function LoadingPlaceholder({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box aria-busy="true">
      <Box component="span" role="status" sx={visuallyHidden}>
        {label}
      </Box>
      <Box aria-hidden="true">{children}</Box>
    </Box>
  );
}
