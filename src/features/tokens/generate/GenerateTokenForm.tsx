import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import Stack from '@mui/material/Stack';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { isApiError, type CollectionCapabilities, type GenerateTokenInput } from '../../../api';
import { useNow } from '../useNow';
import { CustomExpiryFields } from './CustomExpiryFields';
import { DescriptionField } from './DescriptionField';
import { dateTimeLocalValue, DAY_MS, DEFAULT_EXPIRY_PRESET, expiryOfChoice, expiryPresetsFor } from './expiryChoices';
import { ExpiryPresetField } from './ExpiryPresetField';
import { ExpiryPreview } from './ExpiryPreview';
import { GenerateFailedAlert } from './GenerateFailedAlert';
import { generateFormSchema, type GenerateFormValues } from './generateFormSchema';

/** The live expiry preview follows the clock this often while the dialog is open. */
const PREVIEW_REFRESH_MS = 15_000;

export const NEVER_EXPIRES_WARNING =
  'A token that never expires is a standing risk: if it leaks, it works until someone deletes it. Prefer an expiry, and generate a new token when it runs out.';

export interface GenerateTokenFormProps {
  capabilities: CollectionCapabilities;
  pending: boolean;
  /** The last failure of a generate request; the input stays as it was. */
  error: unknown;
  /** `chosenAt`: the moment the expiry was counted from, so the reveal step can say "in 30 days" for 30 days. */
  onSubmit: (input: GenerateTokenInput, chosenAt: number) => void;
  onCancel: () => void;
}

const defaultValues = (): GenerateFormValues => ({
  description: '',
  expiresIn: DEFAULT_EXPIRY_PRESET,
  days: '30',
  hours: '0',
  minutes: '0',
  // The field holds whole minutes: the next one 30 days on, so the preview says "in 30 days".
  expirationDate: dateTimeLocalValue(new Date(Date.now() + 30 * DAY_MS + 60_000)),
});

/** The first step of the generate dialog: description, expiry preset or custom expiry, live expiry preview. */
export function GenerateTokenForm({ capabilities, pending, error, onSubmit, onCancel }: GenerateTokenFormProps) {
  const previewId = useId();
  const submitRef = useRef<HTMLButtonElement>(null);
  const tickingNow = useNow(PREVIEW_REFRESH_MS);
  // A change counts from the moment it is made, not from the last tick.
  const [changedAt, setChangedAt] = useState(() => Date.now());
  const markChanged = () => setChangedAt(Date.now());
  const now = Math.max(tickingNow, changedAt);

  const resolver = useMemo(() => zodResolver(generateFormSchema(capabilities, Date.now)), [capabilities]);
  const [initialValues] = useState(defaultValues);
  const { control, register, handleSubmit, formState, setError } = useForm<GenerateFormValues>({
    defaultValues: initialValues,
    resolver,
    // Errors appear on Generate, then follow each change. Never on blur: an error appearing as focus leaves a
    // field moves the layout under the pointer, and the click that caused the blur would miss its target.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { errors } = formState;
  const [expiresIn, days, hours, minutes, expirationDate] = useWatch({
    control,
    name: ['expiresIn', 'days', 'hours', 'minutes', 'expirationDate'],
  });
  const presets = expiryPresetsFor(capabilities.expiry);
  const expiresAt = expiryOfChoice(expiresIn, { days, hours, minutes, expirationDate }, capabilities.expiry, now);

  // The server refused a field (a description already taken): say so under it, where the user will fix it.
  const fieldError = isApiError(error) && error.field === 'description' && capabilities.takesDescription ? error : undefined;
  useEffect(() => {
    if (fieldError) setError('description', { message: fieldError.message }, { shouldFocus: true });
  }, [fieldError, setError]);

  useEffect(() => {
    // A failed request disabled the focused Generate button; give focus back so the user can try again.
    const active = document.activeElement;
    if (error && !fieldError && (active === null || active === document.body || active.getAttribute('role') === 'dialog')) {
      submitRef.current?.focus();
    }
  }, [error, fieldError]);

  const onValid = (values: GenerateFormValues) => {
    const chosenAt = Date.now();
    const chosen = expiryOfChoice(values.expiresIn, values, capabilities.expiry, chosenAt);
    if (chosen === undefined) return;
    onSubmit({ description: values.description, expiresAt: chosen }, chosenAt);
  };

  return (
    <Box
      component="form"
      noValidate
      onSubmit={(event) => void handleSubmit(onValid)(event)}
      sx={{ display: 'flex', flexDirection: 'column', flex: '1 1 auto', minHeight: 0 }}
    >
      <DialogContent sx={{ pt: 1 }}>
        <Stack spacing={3} sx={{ pt: 1 }}>
          {Boolean(error) && !fieldError && <GenerateFailedAlert error={error} title="The token was not generated" />}
          {capabilities.takesDescription && (
            <DescriptionField register={register} control={control} error={errors.description?.message} />
          )}
          <ExpiryPresetField control={control} presets={presets} describedBy={previewId} onChange={markChanged} />
          {expiresIn === 'custom' && (
            <CustomExpiryFields expiry={capabilities.expiry} register={register} errors={errors} now={now} onChange={markChanged} />
          )}
          <ExpiryPreview
            id={previewId}
            expiresAt={expiresAt}
            now={now}
            note={presets.find((preset) => preset.id === expiresIn)?.previewNote}
            choiceKey={[expiresIn, days, hours, minutes, expirationDate].join('|')}
          />
          {expiresAt === null && <Alert severity="warning">{NEVER_EXPIRES_WARNING}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button ref={submitRef} type="submit" variant="contained" loading={pending}>
          Generate
        </Button>
      </DialogActions>
    </Box>
  );
}
