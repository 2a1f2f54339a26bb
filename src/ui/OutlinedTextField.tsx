import FormControl from '@mui/material/FormControl';
import FormHelperText, { type FormHelperTextProps } from '@mui/material/FormHelperText';
import InputLabel from '@mui/material/InputLabel';
import OutlinedInput, { type OutlinedInputProps } from '@mui/material/OutlinedInput';
import type { ReactNode } from 'react';

export interface OutlinedTextFieldProps
  extends Pick<OutlinedInputProps, 'type' | 'autoComplete' | 'autoFocus' | 'value' | 'onChange' | 'inputRef' | 'inputProps'> {
  id: string;
  label: string;
  error?: boolean;
  helperText?: ReactNode;
  helperTextProps?: Partial<FormHelperTextProps>;
  fullWidth?: boolean;
}

/**
 * An outlined text field, made of the parts MUI's `TextField` makes it of, with the same ids and labelling: the
 * label names the input, the helper text (`{id}-helper-text`) describes it. `TextField` always brings its select
 * mode along (Select, Menu, Popover, Modal), which a page with one text box does not need to download.
 */
export function OutlinedTextField({ id, label, error, helperText, helperTextProps, fullWidth, ...input }: OutlinedTextFieldProps) {
  const helperTextId = helperText ? `${id}-helper-text` : undefined;
  return (
    <FormControl className="MuiTextField-root" variant="outlined" error={error} fullWidth={fullWidth}>
      <InputLabel htmlFor={id} id={`${id}-label`}>
        {label}
      </InputLabel>
      <OutlinedInput id={id} label={label} aria-describedby={helperTextId} fullWidth={fullWidth} {...input} />
      {helperText && (
        <FormHelperText id={helperTextId} {...helperTextProps}>
          {helperText}
        </FormHelperText>
      )}
    </FormControl>
  );
}
