import AllInclusiveIcon from '@mui/icons-material/AllInclusive';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlined';
import EventBusyIcon from '@mui/icons-material/EventBusy';
import ScheduleIcon from '@mui/icons-material/Schedule';
import Chip, { type ChipProps } from '@mui/material/Chip';
import type { ReactElement } from 'react';
import { EXPIRY_STATUS_LABELS, type ExpiryStatus } from './tokenExpiry';

const APPEARANCE: Record<ExpiryStatus, { color: ChipProps['color']; variant: ChipProps['variant']; icon: ReactElement }> = {
  active: { color: 'success', variant: 'outlined', icon: <CheckCircleOutlineIcon /> },
  expiresSoon: { color: 'warning', variant: 'outlined', icon: <ScheduleIcon /> },
  // Filled grey, unlike the coloured outlines of tokens that still work.
  expired: { color: 'default', variant: 'filled', icon: <EventBusyIcon /> },
  neverExpires: { color: 'info', variant: 'outlined', icon: <AllInclusiveIcon /> },
};

/**
 * A token's status as a word with an icon and a coloured outline (a grey fill once expired): the word carries the
 * meaning, the colour only helps, and the word keeps the text colour so it reads at full contrast in both schemes.
 */
export function TokenStatusChip({ status }: { status: ExpiryStatus }) {
  const { color, variant, icon } = APPEARANCE[status];
  return (
    <Chip
      size="small"
      variant={variant}
      color={color}
      icon={icon}
      label={EXPIRY_STATUS_LABELS[status]}
      sx={{ '& .MuiChip-label': { color: 'text.primary' }, '& .MuiChip-icon': { ml: 0.75 } }}
    />
  );
}
