import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../test/signIn';
import { BACKENDS, useTestServer } from '../test/testServer';
import { errorOf, ORGANIZATION_ID } from './graphqlTestCalls';

/** `{ organization(ARGS) { edges { node { FIELDS } } } }` */
const organization = (fields: string, args = '') => `{ organization${args ? `(${args})` : ''} { edges { node { ${fields} } } } }`;
const team = (fields: string, args = '') => organization(`team${args ? `(${args})` : ''} { edges { node { ${fields} } } }`);
const manyIds = Array.from({ length: 101 }, (_, index) => `"${index}"`).join(', ');

/** [what is wrong, query, the message (exact, or a pattern)], each answered 400 with that one message. */
const REFUSED: [string, string, string | RegExp][] = [
  ['a syntax error', '{ organization { edges { node { id }', /^Syntax Error: Expected Name, found <EOF>\.$/],
  ['a mutation', 'mutation { organization(op: UPSERT, data: {name: "x"}) { edges { node { id } } } }', 'The embedded server answers queries only; this is a mutation.'],
  ['a subscription', 'subscription { organization { edges { node { id } } } }', 'The embedded server answers queries only; this is a subscription.'],
  ['a type definition', 'type Query { x: String }', 'The document may only hold queries and fragments; it has a type system definition (ObjectTypeDefinition).'],
  ['an unknown root', '{ workspace { edges { node { id } } } }', "Field 'workspace' in type 'Query' is undefined: the embedded server answers the root field 'organization' only."],
  ['introspection', '{ __schema { types { name } } }', 'Introspection (__schema) is not answered by the embedded server.'],
  ['an unknown organization field', organization('id foo'), "Field 'foo' in type 'Organization' is undefined."],
  ['an unknown team field', team('id owner'), "Field 'owner' in type 'Team' is undefined."],
  ["a team's organization", team('organization { edges { node { id } } }'), /^Field 'organization' in type 'Team' is not answered by the embedded server/],
  ['an edge field Elide does not have', '{ organization { edges { cursor } } }', "Field 'cursor' in type 'OrganizationEdge' is undefined."],
  ['pageInfo.hasPreviousPage, which Elide does not have', '{ organization { pageInfo { hasPreviousPage } } }', "Field 'hasPreviousPage' in type 'PageInfo' is undefined."],
  ['an unknown field of an empty relationship', organization('workspace { nodes { id } }'), "Field 'nodes' in type 'WorkspaceConnection' is undefined."],
  ['a selection on a scalar', organization('name { first }'), "Field 'name' of type 'String' must not have a selection since type 'String' has no subfields."],
  ['no selection on an object', '{ organization }', /^Field 'organization' of type 'OrganizationConnection' must have a selection of subfields/],
  ['no selection on an empty relationship', organization('workspace'), /^Field 'workspace' of type 'WorkspaceConnection' must have a selection/],
  ['an unknown argument', organization('id', 'name: "simple"'), "Unknown argument 'name' on field 'organization' in type 'Query'."],
  ['an argument on a scalar', organization('name(format: "x")'), "Unknown argument 'format' on field 'name' in type 'Organization'."],
  ['a repeated argument', organization('id', 'sort: "name", sort: "id"'), "There can be only one argument named 'sort' on field 'organization'."],
  ['a filter', organization('id', 'filter: "name==simple"'), /^Argument 'filter' of field 'organization' in type 'Query' is not supported by the embedded server/],
  ['a filter on teams', team('id', 'filter: "name==x"'), /^Argument 'filter' of field 'team' in type 'Organization' is not supported/],
  ['data', organization('id', 'data: {name: "x"}'), "Argument 'data' of field 'organization' in type 'Query' is for changing data; the embedded server answers queries only."],
  ['op: DELETE', organization('id', 'op: DELETE'), /^Argument 'op' of field 'organization' in type 'Query' is DELETE: the embedded server answers queries only/],
  ['an op that Elide does not have', organization('id', 'op: DROP'), 'Argument \'op\' of field \'organization\' in type \'Query\' has the invalid value DROP: expected type "RelationshipOp".'],
  ['ids: []', organization('id', 'ids: []'), /^Argument 'ids' of field 'organization' in type 'Query' is an empty list/],
  ['101 ids', organization('id', `ids: [${manyIds}]`), "Argument 'ids' of field 'organization' in type 'Query' names 101 ids; the embedded server takes at most 100."],
  ['an id that is a number', organization('id', 'ids: [5]'), 'Argument \'ids\' of field \'organization\' in type \'Query\' has the invalid value 5: expected type "String".'],
  ['first as an Int, not a String', organization('id', 'first: 2'), 'Argument \'first\' of field \'organization\' in type \'Query\' has the invalid value 2: expected type "String".'],
  ['first: "0"', team('id', 'first: "0"'), /^Argument 'first' of field 'team' in type 'Organization' is "0"; it must be a whole number from 1 to 10000/],
  ['after: "-1"', team('id', 'after: "-1"'), /^Argument 'after' of field 'team' in type 'Organization' is "-1"; it must be a whole number from 0/],
  ['sort by an unknown field', team('id', 'sort: "owner"'), /^Argument 'sort' of field 'team' in type 'Organization' names 'owner', which is not a field of Team to sort by; sort by id, name, manageState/],
  ['sort by a relationship', organization('id', 'sort: "team"'), /names 'team', which is not a field of Organization to sort by/],
  ['a malformed sort', organization('id', 'sort: "name,"'), /^Argument 'sort' of field 'organization' in type 'Query' has "", which is not a field name/],
  ['an unknown directive', organization('id @deprecated'), 'Unknown directive "@deprecated".'],
  ['@skip without if', organization('id @skip'), 'Directive "@skip" argument "if" of type "Boolean!" is required, but it was not provided.'],
  ['@include with a String', organization('id @include(if: "yes")'), /^Argument 'if' of directive "@include" has the invalid value "yes": expected type "Boolean"/],
  ['a directive on the query', 'query Q @skip(if: true) { organization { edges { node { id } } } }', 'Directive "@skip" may not be used on a query.'],
  ['an unknown fragment', '{ organization { ...Missing } }', 'Unknown fragment "Missing".'],
  ['an unused fragment', '{ organization { edges { node { id } } } } fragment F on Team { id }', 'Fragment "F" is never used.'],
  ['a fragment spread within itself', '{ organization { edges { node { ...A } } } } fragment A on Organization { team { edges { node { ...B } } } } fragment B on Team { ...A }', /^Cannot spread fragment "[AB]" within itself\.$/],
  ['a fragment on the wrong type', '{ organization { edges { node { ...T } } } } fragment T on Team { id }', 'Fragment "T" cannot be spread here as objects of type "Organization" can never be of type "Team".'],
  ['a fragment on an unknown type', '{ organization { edges { node { ... on Workspaces { id } } } } }', 'Unknown type "Workspaces".'],
  ['one alias for two fields', organization('x: id x: name'), 'Fields "x" conflict because "id" and "name" are different fields. Use different aliases on the fields to fetch both.'],
  ['one field with two arguments', `{ organization(ids: ["${ORGANIZATION_ID}"]) { edges { node { id } } } organization { pageInfo { totalRecords } } }`, /^Fields "organization" conflict because they have differing arguments/],
  ['two operations without operationName', 'query A { organization { edges { node { id } } } } query B { organization { edges { node { name } } } }', 'Must provide operation name if query contains multiple operations.'],
  ['an anonymous operation among others', '{ organization { edges { node { id } } } } query B { organization { edges { node { name } } } }', 'This anonymous operation must be the only defined operation.'],
  ['two operations of one name', 'query A { organization { edges { node { id } } } } query A { organization { edges { node { name } } } }', 'There can be only one operation named "A".'],
  ['only fragments', 'fragment F on Organization { id }', /^Fragment "F" is never used\.$/],
  ['selections nested 17 deep', `{ organization { edges { node { workspace { edges { node { ${'a { '.repeat(10)}b${' }'.repeat(10)} } } } } } } }`, /^The query nests selections more than 16 deep/],
  ['brackets nested 33 deep', organization('id', `ids: ${'['.repeat(33)}"x"${']'.repeat(33)}`), /^The query nests brackets more than 32 deep/],
  ['brackets left open 2000 deep', `{ organization(ids: ${'['.repeat(1990)}`, /^The query nests brackets more than 32 deep/],
  ['more than 2000 tokens', `{ ${'organization { pageInfo { totalRecords } } '.repeat(300)}}`, 'The query has more than 2000 tokens; the embedded server reads at most 2000.'],
];

/** [what is wrong, query, variables, the message]. */
const REFUSED_VARIABLES: [string, string, unknown, string | RegExp][] = [
  ['an undeclared variable', organization('id', 'ids: $ids'), {}, 'Variable "$ids" is not defined.'],
  ['an unused variable', 'query Q($ids: [String]) { organization { edges { node { id } } } }', {}, 'Variable "$ids" is never used in operation "Q".'],
  ['a variable of an unknown type', 'query ($ids: [Uuid]) { organization(ids: $ids) { edges { node { id } } } }', {}, /^Variable "\$ids" has the unknown input type "Uuid"/],
  ['a variable of the wrong type', 'query ($first: Int) { organization(first: $first) { edges { node { id } } } }', { first: 1 }, 'Variable "$first" of type "Int" used in position expecting type "String".'],
  ['a String variable for ids', 'query ($id: String) { organization(ids: $id) { edges { node { id } } } }', { id: ORGANIZATION_ID }, 'Variable "$id" of type "String" used in position expecting type "[String]".'],
  ['a required variable not given', 'query ($ids: [String]!) { organization(ids: $ids) { edges { node { id } } } }', {}, 'Variable "$ids" of required type "[String]!" was not provided.'],
  ['a value of the wrong type', 'query ($ids: [String]) { organization(ids: $ids) { edges { node { id } } } }', { ids: [1] }, 'Variable "$ids" got the invalid value 1: it is not a String.'],
  ['a variable declared twice', 'query ($a: String, $a: String) { organization(sort: $a) { edges { node { id } } } }', {}, 'There can be only one variable named "$a".'],
  ['a nullable variable for @skip', 'query ($s: Boolean) { organization { edges { node { id @skip(if: $s) } } } }', { s: true }, 'Variable "$s" of type "Boolean" used in position expecting type "Boolean!".'],
];

describe('the GraphQL endpoint refuses a query it cannot answer, saying why', () => {
  const server = useTestServer(BACKENDS[0]!);
  let token: string;

  beforeAll(async () => {
    token = (await signIn(server.url, 'gcp@example.com')).accessToken;
  });

  it.each(REFUSED)('answers %s with 400', async (_title, query, message) => {
    expect(await errorOf(server.url, token, query)).toEqual({ status: 400, message: typeof message === 'string' ? message : expect.stringMatching(message), count: 1, data: undefined });
  });

  it.each(REFUSED_VARIABLES)('answers %s with 400', async (_title, query, variables, message) => {
    expect(await errorOf(server.url, token, query, { variables })).toEqual({ status: 400, message: typeof message === 'string' ? message : expect.stringMatching(message), count: 1, data: undefined });
  });

  it('answers an unknown operationName with 400', async () => {
    const result = await errorOf(server.url, token, 'query A { organization { edges { node { id } } } }', { operationName: 'B' });
    expect(result).toMatchObject({ status: 400, message: 'Unknown operation named "B".' });
  });

  it('refuses a query whose answer would hold more than 10,000 fields, before reading them all', async () => {
    const names = Array.from({ length: 300 }, (_, index) => `n${index}: name`).join(' ');
    const roots = Array.from({ length: 150 }, (_, index) => `o${index}: organization { ...O }`).join(' ');
    const query = `{ ${roots} } fragment O on OrganizationConnection { edges { node { team { edges { node { ...F } } } } } } fragment F on Team { ${names} }`;
    const started = Date.now();
    const result = await errorOf(server.url, token, query);
    expect(result).toMatchObject({ status: 400, message: expect.stringMatching(/^The query asks for more than 10000 fields in all/) });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
