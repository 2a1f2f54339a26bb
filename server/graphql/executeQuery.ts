import type { FieldNode, SelectionSetNode } from 'graphql';
import { collectFields, type SelectionContext } from './collectFields';
import { readArguments } from './connectionArguments';
import { queryError } from './graphqlError';
import type { OrganizationData } from './organizationData';
import { QUERY, type ObjectType } from './terrakubeTypes';

/** How many fields one query may ask to answer or check, each alias and each list item counted. */
export const MAX_FIELDS = 10_000;

export interface ExecutionContext extends SelectionContext {
  data: OrganizationData;
}

/** Stands for the object of a list the data has no item of: its selections are checked, not answered. */
const NO_OBJECT = Symbol('no object');

/** The `data` of the answer to a query operation's selections. */
export async function executeQuery(selectionSet: SelectionSetNode, context: ExecutionContext): Promise<Record<string, unknown>> {
  const budget = { fields: 0 };
  return (await selectFields(QUERY, [selectionSet], null, { ...context, budget }))!;
}

type Run = ExecutionContext & { budget: { fields: number } };

/**
 * The answer to `selectionSets` on `source`, an object of `type`, or (for NO_OBJECT) only the check that they are
 * valid on `type`: an empty list still checks what it would have asked of each item, as a schema would.
 */
async function selectFields(
  type: ObjectType,
  selectionSets: readonly SelectionSetNode[],
  source: unknown,
  run: Run,
): Promise<Record<string, unknown> | undefined> {
  if (type.opaque) return undefined; // no data of this type, so nothing of it is ever answered
  const answer: Record<string, unknown> = {};
  for (const [key, nodes] of collectFields(type, selectionSets, run)) {
    const node = nodes[0]!;
    if (++run.budget.fields > MAX_FIELDS) {
      const message = `The query asks for more than ${MAX_FIELDS} fields in all (each alias and each item counted); ask for fewer, or page with first and after.`;
      throw queryError(message, node);
    }
    const value = await selectField(type, node, nodes, source, run);
    if (source !== NO_OBJECT) answer[key] = value;
  }
  return source === NO_OBJECT ? undefined : answer;
}

async function selectField(type: ObjectType, node: FieldNode, nodes: FieldNode[], source: unknown, run: Run): Promise<unknown> {
  const name = node.name.value;
  const subSelections = nodes.flatMap((field) => (field.selectionSet ? [field.selectionSet] : []));
  const definition = Object.hasOwn(type.fields, name) ? type.fields[name] : undefined;
  if (name === '__typename' || !definition) {
    if (name !== '__typename') throw queryError(undefinedField(type, name), node);
    if (node.arguments?.length) throw queryError(`Unknown argument '${node.arguments[0]!.name.value}' on field '__typename'.`, node.arguments[0]);
    if (subSelections.length) {
      throw queryError("Field '__typename' of type 'String' must not have a selection since it has no subfields.", subSelections[0]);
    }
    return type.name;
  }
  const args = readArguments(node, type, definition, run.variables);
  if ('value' in definition) {
    if (subSelections.length) {
      const message = `Field '${name}' of type '${definition.type}' must not have a selection since type '${definition.type}' has no subfields.`;
      throw queryError(message, subSelections[0]);
    }
    return source === NO_OBJECT ? undefined : definition.value(source);
  }
  if (!subSelections.length) {
    const message = `Field '${name}' of type '${definition.type.name}' must have a selection of subfields, such as { edges { node { id } } }.`;
    throw queryError(message, node);
  }
  if (source === NO_OBJECT) return selectFields(definition.type, subSelections, NO_OBJECT, run);
  const value = await definition.resolve(source, args, run.data);
  if (!definition.list) return selectFields(definition.type, subSelections, value, run);
  const items = value as unknown[];
  if (items.length === 0) await selectFields(definition.type, subSelections, NO_OBJECT, run);
  const answers: unknown[] = [];
  for (const item of items) answers.push(await selectFields(definition.type, subSelections, item, run));
  return answers;
}

function undefinedField(type: ObjectType, name: string): string {
  if (type.unanswered && Object.hasOwn(type.unanswered, name)) return type.unanswered[name]!;
  const message = `Field '${name.slice(0, 100)}' in type '${type.name}' is undefined`;
  return type === QUERY ? `${message}: the embedded server answers the root field 'organization' only.` : `${message}.`;
}
