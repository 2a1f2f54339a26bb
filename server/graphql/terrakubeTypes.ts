import { TEAM_PERMISSIONS } from '../organizations/callerPermissions';
import type { OrganizationRow, TeamRow } from '../organizations/organizationRepository';
import { UNKEPT_ORGANIZATION_ATTRIBUTES, UNKEPT_RELATIONSHIPS } from '../organizations/terrakubeOrganization';
import { EMPTY_PAGE, pageOf, type ConnectionPage } from './connectionPage';
import type { ConnectionArguments } from './connectionArguments';
import type { OrganizationData } from './organizationData';

/** The scalars of Terrakube's GraphQL schema that these types answer (Elide's ids are its DeferredID). */
export type LeafTypeName = 'String' | 'Boolean' | 'DeferredID' | 'Long';

/** An object type of the part of Terrakube's Elide schema the embedded server answers. */
export interface ObjectType {
  name: string;
  /** A type the embedded server has no data of: selections on it are accepted as written, never evaluated. */
  opaque?: boolean;
  fields: Record<string, FieldDefinition>;
  /** Terrakube's fields of this type that the embedded server does not answer, with why. */
  unanswered?: Record<string, string>;
}

export type FieldDefinition = LeafField | ObjectField;

/** A scalar: its value, read from the row (or page) of the object it is a field of. */
export interface LeafField {
  type: LeafTypeName;
  value(source: unknown): unknown;
}

export interface ObjectField {
  type: ObjectType;
  list?: boolean;
  /** A relationship to `node`s: it takes Elide's connection arguments (ids, sort, first, after…). */
  connection?: { node: ObjectType };
  resolve(source: unknown, args: ConnectionArguments, data: OrganizationData): unknown;
}

function leaf<Source>(type: LeafTypeName, value: (source: Source) => unknown): LeafField {
  return { type, value: (source) => value(source as Source) };
}

const PAGE_INFO: ObjectType = {
  name: 'PageInfo',
  fields: {
    hasNextPage: leaf('Boolean', (page: ConnectionPage) => page.offset + page.rows.length < page.total),
    startCursor: leaf('String', (page: ConnectionPage) => String(page.offset)),
    endCursor: leaf('String', (page: ConnectionPage) => String(page.offset + page.rows.length)),
    totalRecords: leaf('Long', (page: ConnectionPage) => page.total),
  },
};

/** Elide's Relay shape: `XConnection { edges: [XEdge { node: X }], pageInfo }`. */
function connectionOf(node: ObjectType): ObjectType {
  const edge: ObjectType = { name: `${node.name}Edge`, fields: { node: { type: node, resolve: (row) => row } } };
  return {
    name: `${node.name}Connection`,
    fields: {
      edges: { type: edge, list: true, resolve: (page) => (page as ConnectionPage).rows },
      pageInfo: { type: PAGE_INFO, resolve: (page) => page },
    },
  };
}

const TEAM: ObjectType = {
  name: 'Team',
  fields: {
    id: leaf('DeferredID', (team: TeamRow) => team.id),
    name: leaf('String', (team: TeamRow) => team.name),
    ...Object.fromEntries(TEAM_PERMISSIONS.map(([name, column]) => [name, leaf('Boolean', (team: TeamRow) => team[column])])),
  },
  unanswered: {
    organization: "Field 'organization' in type 'Team' is not answered by the embedded server: ask for an organization's team instead.",
  },
};

function relationship(node: ObjectType, resolve: ObjectField['resolve']): ObjectField {
  return { type: connectionOf(node), connection: { node }, resolve };
}

const emptyRelationship = (typeName: string) => relationship({ name: typeName, opaque: true, fields: {} }, () => EMPTY_PAGE);

const ORGANIZATION: ObjectType = {
  name: 'Organization',
  fields: {
    id: leaf('DeferredID', (organization: OrganizationRow) => organization.id),
    name: leaf('String', (organization: OrganizationRow) => organization.name),
    description: leaf('String', (organization: OrganizationRow) => organization.description),
    executionMode: leaf('String', () => UNKEPT_ORGANIZATION_ATTRIBUTES.executionMode),
    icon: leaf('String', () => UNKEPT_ORGANIZATION_ATTRIBUTES.icon),
    disabled: leaf('Boolean', () => UNKEPT_ORGANIZATION_ATTRIBUTES.disabled),
    team: relationship(TEAM, async (organization, args, data) => pageOf(await data.teams((organization as OrganizationRow).id), args, TEAM)),
    ...Object.fromEntries(Object.entries(UNKEPT_RELATIONSHIPS).map(([field, typeName]) => [field, emptyRelationship(typeName)])),
  },
};

/** The root: `organization`, as Terrakube's UI asks for it. */
export const QUERY: ObjectType = {
  name: 'Query',
  fields: {
    organization: relationship(ORGANIZATION, async (_root, args, data) => pageOf(await data.organizations(), args, ORGANIZATION)),
  },
  unanswered: {
    __schema: 'Introspection (__schema) is not answered by the embedded server.',
    __type: 'Introspection (__type) is not answered by the embedded server.',
  },
};

/** Every type reachable from the root, by name, for fragments' type conditions. */
export const TYPES: ReadonlyMap<string, ObjectType> = (() => {
  const types = new Map<string, ObjectType>();
  const add = (type: ObjectType) => {
    if (types.has(type.name)) return;
    types.set(type.name, type);
    for (const field of Object.values(type.fields)) if (!('value' in field)) add(field.type);
  };
  add(QUERY);
  return types;
})();
