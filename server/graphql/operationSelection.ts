import { visit, type ASTNode, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type VariableNode } from 'graphql';
import { GraphQLRequestError, queryError } from './graphqlError';

/** The operation a request runs, and the document's fragments by name. */
export interface SelectedOperation {
  operation: OperationDefinitionNode;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
}

/**
 * The operation to run, as the GraphQL spec picks it (by `operationName`, or the only one), after the checks that
 * hold for the whole document: only operations and fragments, unique names, every fragment used and known and
 * none spread within itself, and every variable the operation uses declared by it and every one it declares used.
 */
export function selectOperation(document: DocumentNode, operationName: string | undefined): SelectedOperation {
  const operations: OperationDefinitionNode[] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === 'OperationDefinition') {
      const name = definition.name?.value;
      if (name !== undefined && operations.some((operation) => operation.name?.value === name)) {
        throw queryError(`There can be only one operation named "${name}".`, definition);
      }
      operations.push(definition);
    } else if (definition.kind === 'FragmentDefinition') {
      const name = definition.name.value;
      if (fragments.has(name)) throw queryError(`There can be only one fragment named "${name}".`, definition);
      if (definition.directives?.length) throw queryError(`Fragment "${name}" may not have directives.`, definition.directives[0]);
      fragments.set(name, definition);
    } else {
      throw queryError(`The document may only hold queries and fragments; it has a type system definition (${definition.kind}).`, definition);
    }
  }
  const anonymous = operations.find((operation) => !operation.name);
  if (anonymous && operations.length > 1) throw queryError('This anonymous operation must be the only defined operation.', anonymous);
  checkFragments(document, fragments);

  const operation = pickOperation(operations, operationName);
  if (operation.operation !== 'query') {
    throw queryError(`The embedded server answers queries only; this is a ${operation.operation}.`, operation);
  }
  const [directive] = operation.directives ?? [];
  if (directive) throw queryError(`Directive "@${directive.name.value}" may not be used on a query.`, directive);
  checkVariableUse(operation, fragments);
  return { operation, fragments };
}

function pickOperation(operations: OperationDefinitionNode[], operationName: string | undefined): OperationDefinitionNode {
  if (operationName !== undefined) {
    const named = operations.find((operation) => operation.name?.value === operationName);
    if (!named) throw new GraphQLRequestError(`Unknown operation named "${operationName.slice(0, 100)}".`);
    return named;
  }
  const [only, ...others] = operations;
  if (!only) throw new GraphQLRequestError('The document has no operation: send a query such as { organization { edges { node { id name } } } }.');
  if (others.length > 0) throw new GraphQLRequestError('Must provide operation name if query contains multiple operations.');
  return only;
}

/** The fragments `node` spreads, by name, with the first spread of each. */
function spreadsIn(node: ASTNode): Map<string, ASTNode> {
  const spreads = new Map<string, ASTNode>();
  visit(node, {
    FragmentSpread(spread) {
      if (!spreads.has(spread.name.value)) spreads.set(spread.name.value, spread);
    },
  });
  return spreads;
}

function checkFragments(document: DocumentNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): void {
  const used = spreadsIn(document);
  for (const [name, spread] of used) if (!fragments.has(name)) throw queryError(`Unknown fragment "${name}".`, spread);
  for (const [name, fragment] of fragments) if (!used.has(name)) throw queryError(`Fragment "${name}" is never used.`, fragment);
  // Depth-first through the spreads: a fragment met again on the path spreads within itself.
  const spreadsOf = new Map([...fragments].map(([name, fragment]) => [name, spreadsIn(fragment.selectionSet)]));
  const done = new Set<string>();
  const visitFragment = (name: string, path: string[]) => {
    if (done.has(name)) return;
    if (path.includes(name)) throw queryError(`Cannot spread fragment "${name}" within itself.`, fragments.get(name));
    for (const next of spreadsOf.get(name)!.keys()) visitFragment(next, [...path, name]);
    done.add(name);
  };
  for (const name of fragments.keys()) visitFragment(name, []);
}

function checkVariableUse(operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): void {
  // The operation's selections and every fragment they reach, however indirectly.
  const reached = new Set<string>();
  const pending = [...spreadsIn(operation.selectionSet).keys()];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (reached.has(name)) continue;
    reached.add(name);
    pending.push(...spreadsIn(fragments.get(name)!.selectionSet).keys());
  }
  const uses: VariableNode[] = [];
  for (const node of [operation.selectionSet, ...[...reached].map((name) => fragments.get(name)!.selectionSet)]) {
    visit(node, { Variable: (variable) => void uses.push(variable) });
  }
  const declared = new Set((operation.variableDefinitions ?? []).map((definition) => definition.variable.name.value));
  const operationName = operation.name?.value;
  for (const use of uses) {
    const by = operationName ? ` by operation "${operationName}"` : '';
    if (!declared.has(use.name.value)) throw queryError(`Variable "$${use.name.value}" is not defined${by}.`, use);
  }
  const used = new Set(uses.map((use) => use.name.value));
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const inOperation = operationName ? ` in operation "${operationName}"` : '';
    if (!used.has(name)) throw queryError(`Variable "$${name}" is never used${inOperation}.`, definition);
  }
}
