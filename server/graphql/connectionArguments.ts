import { parseType, type FieldNode, type TypeNode } from 'graphql';
import { queryError } from './graphqlError';
import { valueFromAst, type Variables } from './inputValues';
import type { FieldDefinition, ObjectType } from './terrakubeTypes';

export interface SortKey {
  field: string;
  descending: boolean;
}

/** Elide's arguments of a relationship, read and checked; absent (or null) ones are left out. */
export interface ConnectionArguments {
  ids?: string[];
  sort?: SortKey[];
  first?: number;
  after?: number;
}

/** The most ids one relationship may name: each is looked up. */
export const MAX_IDS = 100;
/** Elide's largest page by default. */
export const MAX_PAGE_SIZE = 10_000;
const MAX_OFFSET = 1_000_000_000;
const MAX_SORT_KEYS = 20;

/** Elide's types for them: ids are Strings, and so are its page size and offset. */
const ARGUMENT_TYPES: Record<string, TypeNode> = {
  op: parseType('RelationshipOp'),
  ids: parseType('[String]'),
  filter: parseType('String'),
  sort: parseType('String'),
  first: parseType('String'),
  after: parseType('String'),
};

/** The arguments of `field` (a field of `parent` defined by `definition`), or a 400 that names the one that is wrong. */
export function readArguments(field: FieldNode, parent: ObjectType, definition: FieldDefinition, variables: Variables): ConnectionArguments {
  const fieldName = field.name.value;
  const connection = 'connection' in definition ? definition.connection : undefined;
  const args: ConnectionArguments = {};
  const seen = new Set<string>();
  for (const argument of field.arguments ?? []) {
    const name = argument.name.value;
    const what = `Argument '${name}' of field '${fieldName}' in type '${parent.name}'`;
    if (seen.has(name)) throw queryError(`There can be only one argument named '${name}' on field '${fieldName}'.`, argument);
    seen.add(name);
    if (connection && name === 'data') {
      throw queryError(`${what} is for changing data; the embedded server answers queries only.`, argument);
    }
    const type = Object.hasOwn(ARGUMENT_TYPES, name) ? ARGUMENT_TYPES[name] : undefined;
    if (!connection || !type) throw queryError(`Unknown argument '${name}' on field '${fieldName}' in type '${parent.name}'.`, argument);
    const value = valueFromAst(argument.value, type, variables, what);
    if (value === null) continue;
    const fail = (problem: string) => queryError(`${what} ${problem}`, argument);
    if (name === 'op' && value !== 'FETCH') throw fail(`is ${String(value)}: the embedded server answers queries only, so op may only be FETCH.`);
    if (name === 'ids') args.ids = readIds(value as (string | null)[], fail);
    if (name === 'filter' && !connection.node.opaque) {
      throw fail('is not supported by the embedded server: ask by ids, and use sort, first and after.');
    }
    if (name === 'sort') args.sort = readSort(value as string, connection.node, fail);
    if (name === 'first') args.first = readWholeNumber(value as string, 1, MAX_PAGE_SIZE, fail);
    if (name === 'after') args.after = readWholeNumber(value as string, 0, MAX_OFFSET, fail);
  }
  return args;
}

type Fail = (problem: string) => Error;

function readIds(ids: (string | null)[], fail: Fail): string[] {
  if (ids.length === 0) throw fail('is an empty list: leave it out to ask for all, or name at least one id.');
  if (ids.length > MAX_IDS) throw fail(`names ${ids.length} ids; the embedded server takes at most ${MAX_IDS}.`);
  return ids.filter((id): id is string => id !== null);
}

/** Elide's sort: fields separated by commas, each ascending, or descending with a leading `-`. */
function readSort(sort: string, node: ObjectType, fail: Fail): SortKey[] {
  const terms = sort.split(',').map((term) => term.trim());
  if (terms.length > MAX_SORT_KEYS) throw fail(`names ${terms.length} fields; sort by at most ${MAX_SORT_KEYS}.`);
  const sortable = Object.keys(node.fields).filter((field) => 'value' in node.fields[field]!);
  return terms.map((term) => {
    const match = /^([+-]?)([_A-Za-z][_0-9A-Za-z]*)$/.exec(term);
    if (!match) throw fail(`has "${term.slice(0, 40)}", which is not a field name (such as "name" or "-name").`);
    const [, sign, field = ''] = match;
    if (!node.opaque && !sortable.includes(field)) {
      throw fail(`names '${field}', which is not a field of ${node.name} to sort by; sort by ${sortable.join(', ')}.`);
    }
    return { field, descending: sign === '-' };
  });
}

/** Elide's page size and offset are whole numbers written as Strings. */
function readWholeNumber(text: string, min: number, max: number, fail: Fail): number {
  const value = /^\d{1,10}$/.test(text) ? Number(text) : NaN;
  if (!(value >= min && value <= max)) throw fail(`is "${text.slice(0, 40)}"; it must be a whole number from ${min} to ${max}, written as a String.`);
  return value;
}
