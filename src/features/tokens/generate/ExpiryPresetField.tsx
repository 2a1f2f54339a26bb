import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import { useId } from 'react';
import { Controller, type Control } from 'react-hook-form';
import type { ExpiryPreset } from './expiryChoices';
import type { GenerateFormValues } from './generateFormSchema';

interface ExpiryPresetFieldProps {
  control: Control<GenerateFormValues>;
  presets: readonly ExpiryPreset[];
  /** The element that says when the chosen preset expires. */
  describedBy: string;
  onChange: () => void;
}

/** "Expires in": the presets the backend takes, Custom and (where allowed) Never, as radio buttons. */
export function ExpiryPresetField({ control, presets, describedBy, onChange }: ExpiryPresetFieldProps) {
  const legendId = useId();
  return (
    <FormControl component="fieldset">
      <FormLabel component="legend" id={legendId}>
        Expires in
      </FormLabel>
      <Controller
        control={control}
        name="expiresIn"
        render={({ field }) => (
          <RadioGroup
            {...field}
            aria-labelledby={legendId}
            aria-describedby={describedBy}
            sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(8rem, 1fr))', columnGap: 1 }}
            onChange={(event) => {
              field.onChange(event);
              onChange();
            }}
          >
            {presets.map((preset) => (
              <FormControlLabel key={preset.id} value={preset.id} control={<Radio />} label={preset.label} />
            ))}
          </RadioGroup>
        )}
      />
    </FormControl>
  );
}
