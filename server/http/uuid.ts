import { ApiError } from './apiError';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}

/** Ids are UUIDs; anything else is the caller's mistake (400), not a lookup that can fail later. */
export function parseUuid(value: string | string[] | undefined): string {
  if (!isUuid(value)) throw new ApiError(400, `"${String(value)}" is not a valid id: ids are UUIDs.`);
  return value.toLowerCase();
}
