import { print, type TypeNode, type ValueNode, type VariableDefinitionNode } from 'graphql';
import { queryError } from './graphqlError';

/** Elide's relationship operations; a query may only FETCH. */
export const RELATIONSHIP_OPS = ['FETCH', 'UPSERT', 'UPDATE', 'REPLACE', 'REMOVE', 'DELETE'];

/** The input types a variable may have: GraphQL's scalars and Elide's operation enum. */
const INPUT_TYPES = new Set(['String', 'ID', 'Int', 'Float', 'Boolean', 'RelationshipOp']);

/** A declared variable and its value from the request's `variables`, already checked against its type. */
export interface Variable {
  definition: VariableDefinitionNode;
  value: unknown;
}

export type Variables = ReadonlyMap<string, Variable>;

const shown = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
};

const namedTypeOf = (type: TypeNode): string => (type.kind === 'NamedType' ? type.name.value : namedTypeOf(type.type));

/** The operation's variables: each declared type known, each value (or default) of that type. */
export function readVariables(definitions: readonly VariableDefinitionNode[], values: Record<string, unknown>): Variables {
  const variables = new Map<string, Variable>();
  for (const definition of definitions) {
    const name = definition.variable.name.value;
    if (variables.has(name)) throw queryError(`There can be only one variable named "$${name}".`, definition);
    const typeName = namedTypeOf(definition.type);
    if (!INPUT_TYPES.has(typeName)) {
      throw queryError(`Variable "$${name}" has the unknown input type "${typeName}"; use String, ID, Int, Float or Boolean.`, definition.type);
    }
    if (definition.directives?.length) throw queryError(`Variable "$${name}" may not have directives.`, definition.directives[0]);
    const given = Object.hasOwn(values, name) ? values[name] : undefined;
    let value: unknown;
    if (given === undefined && definition.defaultValue) {
      value = valueFromAst(definition.defaultValue, definition.type, new Map(), `The default value of "$${name}"`);
    } else {
      value = coerceVariable(given, definition.type, name);
    }
    variables.set(name, { definition, value });
  }
  return variables;
}

/** A JSON value from `variables`, read as its declared type; a single value where a list is declared is a list of one. */
function coerceVariable(value: unknown, type: TypeNode, name: string): unknown {
  if (type.kind === 'NonNullType') {
    if (value === undefined || value === null) throw queryError(`Variable "$${name}" of required type "${print(type)}" was not provided.`, type);
    return coerceVariable(value, type.type, name);
  }
  if (value === undefined || value === null) return null;
  if (type.kind === 'ListType') {
    return Array.isArray(value) ? value.map((item) => coerceVariable(item, type.type, name)) : [coerceVariable(value, type.type, name)];
  }
  const typeName = type.name.value;
  const fits =
    (typeName === 'String' && typeof value === 'string') ||
    (typeName === 'ID' && (typeof value === 'string' || Number.isSafeInteger(value))) ||
    (typeName === 'Int' && Number.isInteger(value) && Math.abs(value as number) <= 2 ** 31 - 1) ||
    (typeName === 'Float' && typeof value === 'number') ||
    (typeName === 'Boolean' && typeof value === 'boolean') ||
    (typeName === 'RelationshipOp' && typeof value === 'string' && RELATIONSHIP_OPS.includes(value));
  if (!fits) throw queryError(`Variable "$${name}" got the invalid value ${shown(value)}: it is not a ${typeName}.`, type);
  return typeName === 'ID' ? String(value) : value;
}

/** String and ID are one for this API: Elide's ids are Strings, and clients write them as either. */
const sameNamedType = (a: string, b: string) => a === b || (['String', 'ID'].includes(a) && ['String', 'ID'].includes(b));

/** Whether a variable of type `variable` may be used where `location` is expected (the spec's rule). */
function fitsLocation(variable: TypeNode, location: TypeNode, hasDefault: boolean): boolean {
  if (location.kind === 'NonNullType') {
    if (variable.kind === 'NonNullType') return fitsLocation(variable.type, location.type, false);
    return hasDefault && fitsLocation(variable, location.type, false);
  }
  if (variable.kind === 'NonNullType') return fitsLocation(variable.type, location, false);
  if (location.kind === 'ListType') return variable.kind === 'ListType' && fitsLocation(variable.type, location.type, false);
  return variable.kind === 'NamedType' && sameNamedType(variable.name.value, location.name.value);
}

/**
 * An argument's value written in the query (a literal, or a variable), read as `type`. `what` names the argument in
 * messages, such as "Argument 'ids' of field 'organization'".
 */
export function valueFromAst(node: ValueNode, type: TypeNode, variables: Variables, what: string): unknown {
  if (node.kind === 'Variable') {
    const name = node.name.value;
    const variable = variables.get(name);
    if (!variable) throw queryError(`Variable "$${name}" is not defined.`, node);
    const hasDefault = variable.definition.defaultValue !== undefined && variable.definition.defaultValue.kind !== 'NullValue';
    if (!fitsLocation(variable.definition.type, type, hasDefault)) {
      throw queryError(`Variable "$${name}" of type "${print(variable.definition.type)}" used in position expecting type "${print(type)}".`, node);
    }
    if (type.kind === 'NonNullType' && variable.value === null) throw queryError(`${what} may not be null.`, node);
    return variable.value;
  }
  if (type.kind === 'NonNullType') {
    if (node.kind === 'NullValue') throw queryError(`${what} may not be null.`, node);
    return valueFromAst(node, type.type, variables, what);
  }
  if (node.kind === 'NullValue') return null;
  if (type.kind === 'ListType') {
    const items = node.kind === 'ListValue' ? node.values : [node];
    return items.map((item) => valueFromAst(item, type.type, variables, what));
  }
  const typeName = type.name.value;
  if (typeName === 'String' && node.kind === 'StringValue') return node.value;
  if (typeName === 'ID' && (node.kind === 'StringValue' || node.kind === 'IntValue')) return node.value;
  if (typeName === 'Int' && node.kind === 'IntValue' && Math.abs(Number(node.value)) <= 2 ** 31 - 1) return Number(node.value);
  const isNumber = node.kind === 'FloatValue' || node.kind === 'IntValue';
  if (typeName === 'Float' && isNumber && Number.isFinite(Number(node.value))) return Number(node.value);
  if (typeName === 'Boolean' && node.kind === 'BooleanValue') return node.value;
  if (typeName === 'RelationshipOp' && node.kind === 'EnumValue' && RELATIONSHIP_OPS.includes(node.value)) return node.value;
  const written = print(node);
  const shownValue = written.length > 40 ? `${written.slice(0, 37)}…` : written;
  throw queryError(`${what} has the invalid value ${shownValue}: expected type "${typeName}".`, node);
}
