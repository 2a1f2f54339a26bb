/**
 * Terrakube's answers, read defensively into the port's types: token JSON (`Pat`, `Group`), the organization and
 * team JSON:API resources, and the `{"token": …}` of a generate. A body of the wrong shape becomes an
 * {@link ApiError}, never a crash.
 */
import { expiryOf, type TokenDuration } from '../../../contracts/tokenDuration';
import { ApiError } from '../ApiError';
import type { ApiToken, Organization, TeamPermission } from '../tokenApi';

export type Json = Record<string, unknown>;

export const isRecord = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

export const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

const wholeNumber = (value: unknown): number => {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number > 0 ? Math.trunc(number) : 0;
};

function isoDate(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/**
 * The status of an error about a success answer this client cannot use (a body of the wrong shape, an empty
 * token): the request itself succeeded, so it is a 2xx. Asking again gets the same answer, and the query retry
 * policy only retries 0 and 5xx.
 */
export const UNUSABLE_ANSWER_STATUS = 200;

export function unexpectedAnswer(what: string): ApiError {
  return new ApiError(UNUSABLE_ANSWER_STATUS, `The server sent an unexpected answer for ${what}.`);
}

export function listOf(body: unknown, what: string): Json[] {
  if (body === undefined) return [];
  if (!Array.isArray(body)) throw unexpectedAnswer(what);
  return body.filter(isRecord);
}

/**
 * Terrakube keeps a duration, not an expiry: the token expires at its creation plus the duration, and no
 * duration means never. Without a readable creation date the expiry is unknown, shown as such.
 */
export function tokenOf(json: Json): ApiToken {
  const createdAt = isoDate(json.createdDate);
  const duration: TokenDuration = { days: wholeNumber(json.days), hours: wholeNumber(json.hours), minutes: wholeNumber(json.minutes) };
  const expiry = createdAt === null ? null : expiryOf(new Date(createdAt), duration);
  const createdBy = text(json.createdBy);
  return {
    id: text(json.id),
    description: text(json.description),
    createdAt,
    createdBy: createdBy === '' ? null : createdBy,
    expiresAt: expiry?.toISOString() ?? null,
    ...lastUseOf(json.lastUsedDate),
  };
}

/**
 * `lastUsedDate` is the embedded server's, not Terrakube's: a real Terrakube sends none, and then the token says
 * nothing about its use. `null` means never used; an unreadable date is as good as absent.
 */
function lastUseOf(value: unknown): Pick<ApiToken, 'lastUsedAt'> {
  if (value === null) return { lastUsedAt: null };
  const at = isoDate(value);
  return at === null ? {} : { lastUsedAt: at };
}

function jsonApiData(body: unknown, what: string): unknown {
  if (!isRecord(body) || !('data' in body)) throw unexpectedAnswer(what);
  return body.data;
}

export function jsonApiList(body: unknown, what: string): Json[] {
  const data = jsonApiData(body, what);
  if (!Array.isArray(data)) throw unexpectedAnswer(what);
  return data.filter(isRecord);
}

/** The one resource of a JSON:API answer, or `undefined` for `data: null` (Terrakube's "no such thing"). */
export function jsonApiResource(body: unknown, what: string): Json | undefined {
  const data = jsonApiData(body, what);
  return isRecord(data) ? data : undefined;
}

export const attributesOf = (resource: Json): Json => (isRecord(resource.attributes) ? resource.attributes : {});

export function organizationOf(resource: Json): Organization {
  const attributes = attributesOf(resource);
  return { id: text(resource.id), name: text(attributes.name), description: text(attributes.description) };
}

/** A Terrakube team's `manage*` attributes, in words; a missing attribute counts as not granted. */
const PERMISSION_LABELS: [attribute: string, label: string][] = [
  ['manageState', 'Manage state'],
  ['manageWorkspace', 'Manage workspaces'],
  ['manageModule', 'Manage modules'],
  ['manageProvider', 'Manage providers'],
  ['manageVcs', 'Manage VCS connections'],
  ['manageTemplate', 'Manage templates'],
  ['manageCollection', 'Manage collections'],
  ['manageJob', 'Manage jobs'],
];

export function permissionsOf(attributes: Json): TeamPermission[] {
  return PERMISSION_LABELS.map(([attribute, label]) => ({ label, granted: attributes[attribute] === true }));
}

/** The secret of a generate answer; `whenEmpty` is the error for an answer without one. */
export function secretOf(body: unknown, what: string, whenEmpty: () => ApiError): string {
  if (!isRecord(body) || typeof body.token !== 'string') throw unexpectedAnswer(what);
  if (body.token.trim() === '') throw whenEmpty();
  return body.token;
}
