import { ApiError } from '../ApiError';

/**
 * Reading HCP Terraform's JSON:API documents defensively: an answer of the wrong shape becomes an {@link ApiError}
 * that says what could not be read, never a crash deeper in the app.
 */

export type Json = Record<string, unknown>;

/** A JSON:API resource object: at least a type and an id. */
export interface Resource {
  type: string;
  id: string;
  attributes: Json;
  relationships: Json;
}

/** A reference to another resource (`relationships.team.data`). */
export interface ResourceRef {
  type: string;
  id: string;
}

export const JSON_API_MEDIA_TYPE = 'application/vnd.api+json';

export const isRecord = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The status of an error about a success answer that cannot be used: the request itself succeeded, so it is a 2xx.
 * Asking again gets the same answer, and the query retry policy retries only 0 and 5xx.
 */
export const UNUSABLE_ANSWER_STATUS = 200;

export function unexpectedAnswer(what: string): ApiError {
  return new ApiError(UNUSABLE_ANSWER_STATUS, `The server sent an unexpected answer for ${what}.`);
}

function toResource(value: unknown): Resource | undefined {
  if (!isRecord(value) || typeof value.id !== 'string' || value.id === '') return undefined;
  return {
    type: typeof value.type === 'string' ? value.type : '',
    id: value.id,
    attributes: isRecord(value.attributes) ? value.attributes : {},
    relationships: isRecord(value.relationships) ? value.relationships : {},
  };
}

/** The one resource of a document (`{data: {…}}`). */
export function resourceOf(body: unknown, what: string): Resource {
  const resource = isRecord(body) ? toResource(body.data) : undefined;
  if (!resource) throw unexpectedAnswer(what);
  return resource;
}

/** The resources of a list document (`{data: […]}`). Items without an id cannot be shown or deleted: left out. */
export function resourcesOf(body: unknown, what: string): Resource[] {
  if (!isRecord(body) || !Array.isArray(body.data)) throw unexpectedAnswer(what);
  return body.data.map(toResource).filter((resource) => resource !== undefined);
}

/** The side-loaded resources of a document (`included`), or none. */
export function includedOf(body: unknown): Resource[] {
  if (!isRecord(body) || !Array.isArray(body.included)) return [];
  return body.included.map(toResource).filter((resource) => resource !== undefined);
}

export function relationshipRef(resource: Resource, name: string): ResourceRef | undefined {
  const relationship = resource.relationships[name];
  const data = isRecord(relationship) ? relationship.data : undefined;
  if (!isRecord(data) || typeof data.id !== 'string' || data.id === '') return undefined;
  return { type: typeof data.type === 'string' ? data.type : '', id: data.id };
}

export const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');

/** An ISO date, or `null` for anything that is not a readable date. */
export function isoDateOf(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** A document of one new resource, as HCP Terraform's POST bodies are. */
export function resourceDocument(type: string, attributes: Json): Json {
  return { data: { type, attributes } };
}
