import CheckIcon from '@mui/icons-material/Check';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { useId, type Ref } from 'react';
import { TOKEN_STATUS_FILTER_LABELS, TOKEN_STATUS_FILTERS, type TokenStatusCounts, type TokenStatusFilter } from './tokenStatusFilter';

const numberFormat = new Intl.NumberFormat();

export interface TokenStatusFilterChipsProps {
  value: TokenStatusFilter;
  /** Absent while the list is partial: the chips then show no counts rather than too small ones. */
  counts?: TokenStatusCounts;
  onChange: (value: TokenStatusFilter) => void;
  /** The All chip, focusable by script, e.g. after a "Show all tokens" button that goes away. */
  allChipRef?: Ref<HTMLButtonElement>;
}

/**
 * "Status": All and each expiry status with how many tokens it holds, as toggle buttons (`aria-pressed`), one
 * pressed at a time. The pressed one is filled and checked, not only coloured; each is named by its label, then
 * its count ("Expires soon 2"). The chips wrap onto further lines on a narrow screen.
 */
export function TokenStatusFilterChips({ value, counts, onChange, allChipRef }: TokenStatusFilterChipsProps) {
  const labelId = useId();
  return (
    <Box role="group" aria-labelledby={labelId} sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
      <Typography id={labelId} variant="body2" sx={{ color: 'text.secondary', mr: 0.5 }}>
        Status
      </Typography>
      {TOKEN_STATUS_FILTERS.map((filter) => {
        const selected = filter === value;
        return (
          <Chip
            key={filter}
            ref={filter === 'all' ? allChipRef : undefined}
            component="button"
            nativeButton
            type="button"
            aria-pressed={selected}
            color="primary"
            variant={selected ? 'filled' : 'outlined'}
            icon={selected ? <CheckIcon /> : undefined}
            label={
              <>
                {TOKEN_STATUS_FILTER_LABELS[filter]}
                {counts && (
                  <>
                    {' '}
                    <Box component="span" sx={{ fontWeight: 700, fontVariantNumeric: 'tabular-nums' }}>
                      {numberFormat.format(counts[filter])}
                    </Box>
                  </>
                )}
              </>
            }
            onClick={() => onChange(filter)}
            // The label and count keep the chip's own text colour (AA in both schemes, filled or not). The focus ring
            // is drawn in the primary colour: a filled chip's text colour would not show against the page.
            sx={{ '&.Mui-focusVisible': { outlineColor: 'primary.main' } }}
          />
        );
      })}
    </Box>
  );
}
