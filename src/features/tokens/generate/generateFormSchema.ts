import { z } from 'zod';
import { descriptionSchema } from '../../../../contracts/terrakubeRequests';
import type { CollectionCapabilities } from '../../../api';
import { expiryPresetsFor, parseCustomExpiry, type CustomExpiryInput, type ExpiryPresetId } from './expiryChoices';

export interface GenerateFormValues extends CustomExpiryInput {
  description: string;
  expiresIn: ExpiryPresetId;
}

/**
 * The generate form's one schema, made from what the collection's backend accepts: the description (trimmed,
 * one line, at most 255 characters) where it takes one, a preset it offers, and Custom's fields checked for its
 * granularity and longest lifetime at the moment of checking.
 */
export function generateFormSchema(capabilities: CollectionCapabilities, now: () => number) {
  const presetIds = expiryPresetsFor(capabilities.expiry).map((preset) => preset.id);
  return z
    .object({
      description: capabilities.takesDescription ? descriptionSchema : z.string().transform(() => ''),
      expiresIn: z.enum(presetIds as [ExpiryPresetId, ...ExpiryPresetId[]], { error: 'Choose when the token expires.' }),
      days: z.string(),
      hours: z.string(),
      minutes: z.string(),
      expirationDate: z.string(),
    })
    .superRefine((values, context) => {
      if (values.expiresIn !== 'custom') return;
      const result = parseCustomExpiry(values, capabilities.expiry, now());
      if (result.ok) return;
      for (const [field, message] of Object.entries(result.errors)) {
        context.addIssue({ code: 'custom', path: [field], message });
      }
    });
}
