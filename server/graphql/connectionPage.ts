import { isUuid } from '../http/uuid';
import type { ConnectionArguments, SortKey } from './connectionArguments';
import type { ObjectType } from './terrakubeTypes';

/** The rows of one page of a relationship, how many match in all, and where the page starts. */
export interface ConnectionPage {
  rows: unknown[];
  total: number;
  offset: number;
}

export const EMPTY_PAGE: ConnectionPage = { rows: [], total: 0, offset: 0 };

/**
 * The page the arguments ask for, as Elide's database lookup gives it: the rows with one of the `ids` (an id that
 * is no UUID matches none, as no row has it), in `sort` order (else by name), `first` of them from offset `after`.
 */
export function pageOf(rows: readonly unknown[], args: ConnectionArguments, type: ObjectType): ConnectionPage {
  let selected = [...rows];
  if (args.ids) {
    const wanted = new Set(args.ids.filter(isUuid).map((id) => id.toLowerCase()));
    selected = selected.filter((row) => wanted.has(String(leafValue(type, 'id', row))));
  }
  if (args.sort) selected.sort(compareBy(args.sort, type));
  const offset = args.after ?? 0;
  const end = args.first === undefined ? undefined : offset + args.first;
  return { rows: selected.slice(offset, end), total: selected.length, offset };
}

/** A scalar field of a row; the arguments were checked to name only scalar fields of `type`. */
function leafValue(type: ObjectType, field: string, row: unknown): unknown {
  const definition = Object.hasOwn(type.fields, field) ? type.fields[field] : undefined;
  if (!definition || !('value' in definition)) throw new Error(`${type.name} has no scalar field ${field}.`);
  return definition.value(row);
}

/** Rows by each key in turn; null first, false before true, strings by code unit. */
function compareBy(keys: readonly SortKey[], type: ObjectType): (a: unknown, b: unknown) => number {
  const valueOf = (row: unknown, field: string) => leafValue(type, field, row) as string | boolean | null;
  return (a, b) => {
    for (const { field, descending } of keys) {
      const x = valueOf(a, field);
      const y = valueOf(b, field);
      if (x === y) continue;
      const order = x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
      return descending ? -order : order;
    }
    return 0;
  };
}
