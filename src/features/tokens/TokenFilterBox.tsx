import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import OutlinedInput from '@mui/material/OutlinedInput';
import { useId, type Ref } from 'react';

export interface TokenFilterBoxProps {
  value: string;
  onChange: (value: string) => void;
  inputRef: Ref<HTMLInputElement>;
}

/**
 * "Filter by description". A module of its own, loaded once a list is long enough to need it: the text field's
 * code is the largest part of the list's toolbar.
 */
export default function TokenFilterBox({ value, onChange, inputRef }: TokenFilterBoxProps) {
  const id = useId();
  return (
    <FormControl size="small" sx={{ flexGrow: 1, maxWidth: { sm: '24rem' } }}>
      <InputLabel htmlFor={id}>Filter by description</InputLabel>
      <OutlinedInput
        id={id}
        type="search"
        label="Filter by description"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        inputRef={inputRef}
      />
    </FormControl>
  );
}
