import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import { visuallyHidden } from '@mui/utils';

/** A few rows' worth of placeholders while the list loads, named for assistive technology. */
export function LoadingRows() {
  return (
    <Box aria-busy="true">
      <Box component="span" role="status" sx={visuallyHidden}>
        Loading tokens
      </Box>
      <Box aria-hidden="true" sx={{ borderTop: 1, borderColor: 'divider' }}>
        {[0, 1, 2].map((row) => (
          <Box key={row} sx={{ display: 'flex', gap: 2, alignItems: 'center', px: 2, py: 1.5, borderBottom: 1, borderColor: 'divider' }}>
            <Skeleton variant="text" sx={{ flex: 2 }} />
            <Skeleton variant="rounded" width={96} height={24} />
            <Skeleton variant="text" sx={{ flex: 1.6, display: { xs: 'none', md: 'block' } }} />
            <Skeleton variant="text" sx={{ flex: 1.4, display: { xs: 'none', md: 'block' } }} />
            <Skeleton variant="circular" width={32} height={32} />
          </Box>
        ))}
      </Box>
    </Box>
  );
}
