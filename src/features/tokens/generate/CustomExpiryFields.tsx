import Box from '@mui/material/Box';
import FormHelperText from '@mui/material/FormHelperText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useId } from 'react';
import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import type { CollectionCapabilities } from '../../../api';
import { AT_LEAST_ONE_MINUTE_MESSAGE, customFieldsFor, dateTimeLocalValue, DAY_MS, type CustomExpiryField } from './expiryChoices';
import type { GenerateFormValues } from './generateFormSchema';

interface CustomExpiryFieldsProps {
  expiry: CollectionCapabilities['expiry'];
  register: UseFormRegister<GenerateFormValues>;
  errors: FieldErrors<GenerateFormValues>;
  /** Now, for the date field's bounds. */
  now: number;
  onChange: () => void;
}

const NUMBER_FIELDS = {
  days: { label: 'Days', max: (maxMs: number) => Math.floor(maxMs / DAY_MS) },
  hours: { label: 'Hours', max: () => 23 },
  minutes: { label: 'Minutes', max: () => 59 },
} as const;

/**
 * Custom: whole Days, or Days + Hours + Minutes, or an Expiration date and time in the user's time zone, as the
 * backend counts. The team's "at least one minute in total" is about all three fields: it stands under them.
 */
export function CustomExpiryFields({ expiry, register, errors, now, onChange }: CustomExpiryFieldsProps) {
  const totalErrorId = useId();
  const fields = customFieldsFor(expiry.granularity);

  if (expiry.granularity === 'instant') {
    const { ref, ...props } = register('expirationDate', { onChange });
    const message = errors.expirationDate?.message;
    return (
      <TextField
        {...props}
        inputRef={ref}
        label="Expiration date"
        type="datetime-local"
        required
        error={Boolean(message)}
        helperText={message ?? 'In your time zone.'}
        slotProps={{
          inputLabel: { shrink: true },
          htmlInput: { min: dateTimeLocalValue(new Date(now)), max: dateTimeLocalValue(new Date(now + expiry.maxMs)) },
        }}
      />
    );
  }

  const totalError = errors.days?.message === AT_LEAST_ONE_MINUTE_MESSAGE ? AT_LEAST_ONE_MINUTE_MESSAGE : undefined;
  const numberField = (field: Exclude<CustomExpiryField, 'expirationDate'>) => {
    const { label, max } = NUMBER_FIELDS[field];
    // The total error sits on Days: a change to Hours or Minutes re-checks it.
    const { ref, ...props } = register(field, { onChange, ...(field === 'days' ? {} : { deps: ['days' as const] }) });
    const message = totalError ? undefined : errors[field]?.message;
    return (
      <TextField
        key={field}
        {...props}
        inputRef={ref}
        label={label}
        type="number"
        required={expiry.granularity === 'day'}
        error={Boolean(message || totalError)}
        helperText={message}
        slotProps={{
          // Only then: otherwise the field keeps the description TextField gives it (its own helper text).
          htmlInput: {
            min: expiry.granularity === 'day' ? 1 : 0,
            max: max(expiry.maxMs),
            step: 1,
            inputMode: 'numeric',
            ...(totalError ? { 'aria-describedby': totalErrorId } : {}),
          },
        }}
        sx={{ flex: 1, minWidth: 0 }}
      />
    );
  };

  return (
    <Box role="group" aria-label="Custom duration">
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        {fields.map((field) => field !== 'expirationDate' && numberField(field))}
      </Stack>
      {totalError && (
        <FormHelperText id={totalErrorId} error sx={{ mx: 1.75 }}>
          {totalError}
        </FormHelperText>
      )}
    </Box>
  );
}
