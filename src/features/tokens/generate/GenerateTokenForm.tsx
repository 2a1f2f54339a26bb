import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { visuallyHidden } from '@mui/utils';
import { useEffect, useId, useRef, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { isApiError } from '../../../api/ApiError';
import { expiryOf, isNever } from '../../../../contracts/tokenDuration';
import { useAuth } from '../../../auth';
import { DESCRIPTION_MAX_LENGTH, descriptionSchema, MAX_DAYS, MAX_HOURS, MAX_MINUTES } from '../../../../contracts/terrakubeRequests';
import {
  AT_LEAST_ONE_MINUTE_MESSAGE,
  DEFAULT_EXPIRY_PRESET,
  durationOf,
  expiryPresetsFor,
  parseCustomDuration,
  type CustomDurationInput,
  type ExpiryPresetId,
  type TokenVariant,
} from './durationPresets';
import { useNow } from '../useNow';
import { expirySentence } from './expiryText';
import { generateErrorMessage } from './generateErrorMessage';
import type { GenerateTokenRequest } from './useGenerateToken';

/** From this many characters on, the description shows how many of the allowed characters are used. */
export const DESCRIPTION_COUNTER_FROM = 200;

/** The live expiry preview follows the clock this often while the dialog is open. */
const PREVIEW_REFRESH_MS = 15_000;

export const INVALID_DURATION_TEXT = 'Enter a valid duration to see when the token expires.';

export const NEVER_EXPIRES_WARNING =
  'A token that never expires is a standing risk: if it leaks, it works until someone deletes it. Prefer an expiry, and generate a new token when it runs out.';

interface GenerateTokenFormValues extends CustomDurationInput {
  description: string;
  expiresIn: ExpiryPresetId;
}

const DEFAULT_VALUES: GenerateTokenFormValues = {
  description: '',
  expiresIn: DEFAULT_EXPIRY_PRESET,
  days: '30',
  hours: '0',
  minutes: '0',
};

export interface GenerateTokenFormProps {
  variant: TokenVariant;
  pending: boolean;
  /** The last failure of a generate request, shown above the fields; the input stays as it was. */
  error: unknown;
  onSubmit: (request: GenerateTokenRequest) => void;
  onCancel: () => void;
}

function firstIssue(result: { success: boolean; error?: { issues: { message: string }[] } }): true | string {
  return result.success || (result.error?.issues[0]?.message ?? 'Invalid value.');
}

/** The first step of the generate dialog: description, expiry preset or custom duration, live expiry preview. */
export function GenerateTokenForm({ variant, pending, error, onSubmit, onCancel }: GenerateTokenFormProps) {
  const ids = useId();
  const legendId = `${ids}-expires-in`;
  const previewId = `${ids}-preview`;
  const submitRef = useRef<HTMLButtonElement>(null);
  const { signInAgain } = useAuth();
  const tickingNow = useNow(PREVIEW_REFRESH_MS);
  // A change counts from the moment it is made, not from the last tick.
  const [durationChangedAt, setDurationChangedAt] = useState(() => Date.now());
  // eslint-disable-next-line react-hooks/purity -- called by change events, never while rendering
  const markDurationChanged = () => setDurationChangedAt(Date.now());

  const { control, register, handleSubmit, formState } = useForm<GenerateTokenFormValues>({
    defaultValues: DEFAULT_VALUES,
    // Errors appear on Generate, then follow each change. Never on blur: an error appearing as focus leaves a
    // field moves the layout under the pointer, and the click that caused the blur would miss its target.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { errors } = formState;
  const [description, expiresIn, days, hours, minutes] = useWatch({
    control,
    name: ['description', 'expiresIn', 'days', 'hours', 'minutes'],
  });
  const custom = { days, hours, minutes };
  const duration = durationOf(variant, expiresIn, custom);
  const isCustom = expiresIn === 'custom';
  const previewNote = expiryPresetsFor(variant).find((preset) => preset.id === expiresIn)?.previewNote;
  const preview =
    duration === null
      ? INVALID_DURATION_TEXT
      : `${expirySentence(expiryOf(new Date(Math.max(tickingNow, durationChangedAt)), duration))}${previewNote ? ` (${previewNote})` : ''}`;
  // Screen readers hear the preview when the user changes the duration, not each time the clock moves it on.
  const durationInput = [expiresIn, days, hours, minutes].join('|');
  const [announced, setAnnounced] = useState({ durationInput, text: preview });
  if (announced.durationInput !== durationInput) setAnnounced({ durationInput, text: preview });

  useEffect(() => {
    // A failed request disabled the focused Generate button; give focus back so the user can try again.
    const active = document.activeElement;
    if (error && (active === null || active === document.body || active.getAttribute('role') === 'dialog')) {
      submitRef.current?.focus();
    }
  }, [error]);

  const customRule = (field: keyof CustomDurationInput) => ({
    validate: (_value: string, values: GenerateTokenFormValues) => {
      if (values.expiresIn !== 'custom') return true;
      const result = parseCustomDuration(variant, values);
      return result.ok || (result.errors[field] ?? true);
    },
    onChange: markDurationChanged,
    // The team's "at least one minute in total" error sits on Days; a change to Hours or Minutes re-checks it.
    ...(field === 'days' ? {} : { deps: ['days' as const] }),
  });

  const onValid = (values: GenerateTokenFormValues) => {
    const parsedDescription = descriptionSchema.safeParse(values.description);
    const chosen = durationOf(variant, values.expiresIn, values);
    if (!parsedDescription.success || chosen === null) return;
    onSubmit({ description: parsedDescription.data, duration: chosen });
  };

  const descriptionField = register('description', {
    validate: (value) => firstIssue(descriptionSchema.safeParse(value)),
  });
  const { ref: descriptionRef, ...descriptionProps } = descriptionField;
  // The description is sent trimmed, and validated so: the counter counts the same characters.
  const descriptionLength = description.trim().length;
  const showCounter = descriptionLength >= DESCRIPTION_COUNTER_FROM;
  const descriptionHelp =
    errors.description?.message || showCounter ? (
      <Box component="span" sx={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', columnGap: 2 }}>
        <span>{errors.description?.message}</span>
        {showCounter && (
          <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
            {descriptionLength} of {DESCRIPTION_MAX_LENGTH} characters
          </Box>
        )}
      </Box>
    ) : undefined;

  // "At least one minute in total" is about all three fields: it stands under them, and marks each.
  const totalError = errors.days?.message === AT_LEAST_ONE_MINUTE_MESSAGE ? AT_LEAST_ONE_MINUTE_MESSAGE : undefined;
  const totalErrorId = `${ids}-total-error`;
  const numberField = (field: keyof CustomDurationInput, label: string, max: number, min: number) => {
    const { ref, ...props } = register(field, customRule(field));
    const message = totalError ? undefined : errors[field]?.message;
    return (
      <TextField
        {...props}
        inputRef={ref}
        label={label}
        type="number"
        required={variant === 'personal'}
        error={Boolean(message || totalError)}
        helperText={message}
        slotProps={{
          // Only then: otherwise the field keeps the description TextField gives it (its own helper text).
          htmlInput: { min, max, step: 1, inputMode: 'numeric', ...(totalError ? { 'aria-describedby': totalErrorId } : {}) },
        }}
        sx={{ flex: 1, minWidth: 0 }}
      />
    );
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
          {Boolean(error) && (
            <Alert
              severity="error"
              action={
                // Signing in leaves the page: offered, not forced, so the user can copy what they typed first.
                isApiError(error) && error.status === 401 ? (
                  <Button color="inherit" size="small" onClick={signInAgain}>
                    Sign in again
                  </Button>
                ) : undefined
              }
            >
              <AlertTitle>The token was not generated</AlertTitle>
              {generateErrorMessage(error)}
            </Alert>
          )}
          <TextField
            {...descriptionProps}
            inputRef={descriptionRef}
            label="Description"
            required
            autoFocus
            fullWidth
            autoComplete="off"
            error={Boolean(errors.description)}
            helperText={descriptionHelp}
            slotProps={{ formHelperText: { component: 'div' } }}
          />
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
                  sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(8rem, 1fr))', columnGap: 1 }}
                  aria-describedby={previewId}
                  onChange={(event) => {
                    field.onChange(event);
                    markDurationChanged();
                  }}
                >
                  {expiryPresetsFor(variant).map((preset) => (
                    <FormControlLabel key={preset.id} value={preset.id} control={<Radio />} label={preset.label} />
                  ))}
                </RadioGroup>
              )}
            />
          </FormControl>
          {isCustom && (
            <Box role="group" aria-label="Custom duration">
              <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                {numberField('days', 'Days', MAX_DAYS, variant === 'personal' ? 1 : 0)}
                {variant === 'team' && numberField('hours', 'Hours', MAX_HOURS, 0)}
                {variant === 'team' && numberField('minutes', 'Minutes', MAX_MINUTES, 0)}
              </Stack>
              {totalError && (
                <FormHelperText id={totalErrorId} error sx={{ mx: 1.75 }}>
                  {totalError}
                </FormHelperText>
              )}
            </Box>
          )}
          {/* Hidden from the reading order, which has the announcement below; still the group's description. */}
          <Typography id={previewId} aria-hidden="true">
            {preview}
          </Typography>
          <Box role="status" aria-live="polite" sx={visuallyHidden}>
            {announced.text}
          </Box>
          {duration !== null && isNever(duration) && <Alert severity="warning">{NEVER_EXPIRES_WARNING}</Alert>}
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
