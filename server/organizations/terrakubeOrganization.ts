/** Terrakube's values for the organization attributes the embedded server does not keep. */
export const UNKEPT_ORGANIZATION_ATTRIBUTES = { executionMode: 'remote', icon: null, disabled: false } as const;

/**
 * Terrakube's other relationships of an organization (JSON:API path segment and GraphQL field → its type): the
 * embedded server keeps none of them, so each is an empty collection.
 */
export const UNKEPT_RELATIONSHIPS: Readonly<Record<string, string>> = {
  workspace: 'Workspace',
  module: 'Module',
  provider: 'Provider',
  job: 'Job',
  vcs: 'Vcs',
  ssh: 'Ssh',
  agent: 'Agent',
  template: 'Template',
  globalvar: 'Globalvar',
  tag: 'Tag',
  collection: 'Collection',
};

export const isUnkeptRelationship = (segment: string): boolean => Object.hasOwn(UNKEPT_RELATIONSHIPS, segment);
