import type { z } from 'zod';
import { TfeError } from './tfeErrors';

/**
 * Reading JSON:API request documents strictly: the document's shape is a 400 naming where it is wrong, an
 * attribute's value a 422 pointing at the attribute.
 */
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const badDocument = (pointer: string, detail: string) => new TfeError(400, detail, { pointer });

function documentOf(body: unknown): Json {
  if (!isObject(body)) {
    throw badDocument('', 'The request body must be a JSON:API document, {"data": …}, sent with Content-Type: application/vnd.api+json.');
  }
  const unknown = Object.keys(body).find((key) => key !== 'data');
  if (unknown !== undefined) throw badDocument(`/${unknown}`, `Unknown member "${unknown}": the document takes only "data".`);
  return body;
}

/**
 * The attributes of a resource object `{"data": {"type", "attributes"}}` being created, whose type must be one of
 * `types`. No attributes member means no attributes.
 */
export function attributesOf(body: unknown, types: readonly string[]): Json {
  const { data } = documentOf(body);
  if (!isObject(data)) throw badDocument('/data', 'data must be a resource object: {"type": …, "attributes": {…}}.');
  const unknown = Object.keys(data).find((key) => key !== 'type' && key !== 'attributes');
  if (unknown === 'id') throw badDocument('/data/id', 'The server makes the ids of new resources: leave out data.id.');
  if (unknown !== undefined) {
    throw badDocument(`/data/${unknown}`, `Unknown member "${unknown}": data takes "type" and "attributes".`);
  }
  if (typeof data.type !== 'string' || !types.includes(data.type)) {
    throw badDocument('/data/type', `data.type must be ${types.map((type) => `"${type}"`).join(' or ')}.`);
  }
  if (data.attributes === undefined) return {};
  if (!isObject(data.attributes)) throw badDocument('/data/attributes', 'data.attributes must be an object.');
  return data.attributes;
}

/** Validates attributes; the first problem becomes a 422 whose pointer names the attribute. */
export function parseAttributes<Schema extends z.ZodType>(schema: Schema, attributes: Json): z.output<Schema> {
  const result = schema.safeParse(attributes);
  if (result.success) return result.data;
  const { issues } = result.error;
  const issue = issues.find((candidate) => candidate.code === 'unrecognized_keys') ?? issues[0]!;
  const attribute = issue.code === 'unrecognized_keys' ? issue.keys[0] : issue.path[0];
  const pointer = attribute === undefined ? '/data/attributes' : `/data/attributes/${String(attribute)}`;
  throw new TfeError(422, issue.message, { pointer });
}

/** An attribute's value that is well-formed but not acceptable (a past expiry, a taken description). */
export const invalidAttribute = (attribute: string, detail: string): TfeError =>
  new TfeError(422, detail, { pointer: `/data/attributes/${attribute}` });

/** The ids of `{"data": [{"type", "id"}, …]}`, one to `max` of them, each of `type`; repeats count once. */
export function identifiersOf(body: unknown, type: string, max: number): string[] {
  const { data } = documentOf(body);
  if (!Array.isArray(data)) throw badDocument('/data', `data must be a list of {"type": "${type}", "id": …}.`);
  if (data.length === 0) throw badDocument('/data', 'data must name at least one resource.');
  if (data.length > max) throw badDocument('/data', `data may name at most ${max} resources in one request, got ${data.length}.`);
  const ids = data.map((identifier: unknown, index) => {
    const at = `/data/${index}`;
    if (!isObject(identifier)) throw badDocument(at, `data[${index}] must be {"type": "${type}", "id": …}.`);
    const unknown = Object.keys(identifier).find((key) => key !== 'type' && key !== 'id');
    if (unknown !== undefined) throw badDocument(`${at}/${unknown}`, `Unknown member "${unknown}": data[${index}] takes "type" and "id".`);
    if (identifier.type !== type) throw badDocument(`${at}/type`, `data[${index}].type must be "${type}".`);
    if (typeof identifier.id !== 'string' || identifier.id === '') {
      throw badDocument(`${at}/id`, `data[${index}].id must be a ${type} id.`);
    }
    return identifier.id;
  });
  return [...new Set(ids)];
}
