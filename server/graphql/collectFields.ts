import {
  parseType,
  print,
  type DirectiveNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type NamedTypeNode,
  type SelectionSetNode,
} from 'graphql';
import { queryError } from './graphqlError';
import { valueFromAst, type Variables } from './inputValues';
import { TYPES, type ObjectType } from './terrakubeTypes';

/** What the fields of a selection need beside the selection: the variables' values and the named fragments. */
export interface SelectionContext {
  variables: Variables;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
}

const BOOLEAN = parseType('Boolean!');

/**
 * The fields that `selectionSets` (one or more, when a field is asked for twice under one name) select on `type`,
 * by response name (alias or name), in order: fragments spread, @skip and @include applied, and each name's fields
 * checked to be one field with the same arguments, so that their selections merge into one answer.
 */
export function collectFields(type: ObjectType, selectionSets: readonly SelectionSetNode[], context: SelectionContext): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const collect = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (!isIncluded(selection.directives ?? [], context.variables)) continue;
      if (selection.kind === 'Field') {
        const key = selection.alias?.value ?? selection.name.value;
        fields.set(key, [...(fields.get(key) ?? []), selection]);
      } else if (selection.kind === 'InlineFragment') {
        if (selection.typeCondition) checkTypeCondition(selection.typeCondition, type, 'An inline fragment');
        collect(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const fragment = context.fragments.get(name);
        if (!fragment) throw queryError(`Unknown fragment "${name}".`, selection);
        checkTypeCondition(fragment.typeCondition, type, `Fragment "${name}"`);
        collect(fragment.selectionSet);
      }
    }
  };
  selectionSets.forEach(collect);
  for (const [key, nodes] of fields) checkMergeable(key, nodes);
  return fields;
}

/** The types here are all object types: a fragment applies on exactly its own type. */
function checkTypeCondition(condition: NamedTypeNode, type: ObjectType, what: string): void {
  const name = condition.name.value;
  if (name === type.name) return;
  if (!TYPES.has(name)) throw queryError(`Unknown type "${name}".`, condition);
  throw queryError(`${what} cannot be spread here as objects of type "${type.name}" can never be of type "${name}".`, condition);
}

/** One response name, one field: asked twice, it must be the same field with the same arguments. */
function checkMergeable(key: string, nodes: FieldNode[]): void {
  const [first, ...others] = nodes;
  if (!first) return;
  const argumentsOf = (node: FieldNode) =>
    (node.arguments ?? [])
      .map(print)
      .sort()
      .join(', ');
  for (const other of others) {
    if (other.name.value !== first.name.value) {
      throw queryError(
        `Fields "${key}" conflict because "${first.name.value}" and "${other.name.value}" are different fields. Use different aliases on the fields to fetch both.`,
        other,
      );
    }
    if (argumentsOf(other) !== argumentsOf(first)) {
      throw queryError(`Fields "${key}" conflict because they have differing arguments. Use different aliases on the fields to fetch both.`, other);
    }
  }
}

/** @skip(if:) and @include(if:), the directives GraphQL defines for selections; any other is refused. */
function isIncluded(directives: readonly DirectiveNode[], variables: Variables): boolean {
  let included = true;
  const seen = new Set<string>();
  for (const directive of directives) {
    const name = directive.name.value;
    if (name !== 'skip' && name !== 'include') throw queryError(`Unknown directive "@${name}".`, directive);
    if (seen.has(name)) throw queryError(`The directive "@${name}" can only be used once at this location.`, directive);
    seen.add(name);
    const [argument, ...extra] = directive.arguments ?? [];
    const unknown = [argument, ...extra].find((arg) => arg && arg.name.value !== 'if');
    if (unknown) throw queryError(`Unknown argument '${unknown.name.value}' on directive "@${name}".`, unknown);
    if (!argument) throw queryError(`Directive "@${name}" argument "if" of type "Boolean!" is required, but it was not provided.`, directive);
    if (extra.length > 0) throw queryError(`There can be only one argument named 'if' on directive "@${name}".`, extra[0]);
    const condition = valueFromAst(argument.value, BOOLEAN, variables, `Argument 'if' of directive "@${name}"`);
    if ((name === 'skip') === condition) included = false;
  }
  return included;
}
