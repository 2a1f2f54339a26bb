import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import { useWatch, type Control, type UseFormRegister } from 'react-hook-form';
import { DESCRIPTION_MAX_LENGTH } from '../../../../contracts/terrakubeLimits';
import type { GenerateFormValues } from './generateFormSchema';

/** From this many characters on, the description shows how many of the allowed characters are used. */
export const DESCRIPTION_COUNTER_FROM = 200;

interface DescriptionFieldProps {
  register: UseFormRegister<GenerateFormValues>;
  control: Control<GenerateFormValues>;
  error: string | undefined;
}

/** The required description, with its error and, near the limit, a counter of the characters that are sent. */
export function DescriptionField({ register, control, error }: DescriptionFieldProps) {
  const { ref, ...props } = register('description');
  // The description is sent trimmed, and validated so: the counter counts the same characters.
  const length = useWatch({ control, name: 'description' }).trim().length;
  const showCounter = length >= DESCRIPTION_COUNTER_FROM;
  const help =
    error || showCounter ? (
      <Box component="span" sx={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', columnGap: 2 }}>
        <span>{error}</span>
        {showCounter && (
          <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
            {length} of {DESCRIPTION_MAX_LENGTH} characters
          </Box>
        )}
      </Box>
    ) : undefined;
  return (
    <TextField
      {...props}
      inputRef={ref}
      label="Description"
      required
      autoFocus
      fullWidth
      autoComplete="off"
      error={Boolean(error)}
      helperText={help}
      slotProps={{ formHelperText: { component: 'div' } }}
    />
  );
}
