/** Query-key factories: every cached resource has exactly one key, built here and nowhere else. */
export const tokenKeys = {
  all: ['tokens'] as const,
  personal: () => [...tokenKeys.all, 'personal'] as const,
  /** Every team token of one organization that the signed-in person may see. */
  team: (organizationId: string) => [...tokenKeys.all, 'team', organizationId] as const,
};

export const teamKeys = {
  all: ['organizations'] as const,
  organizations: () => [...teamKeys.all, 'list'] as const,
  list: (organizationId: string) => [...teamKeys.all, organizationId, 'teams'] as const,
  detail: (organizationId: string, teamId: string) => [...teamKeys.all, organizationId, 'teams', teamId] as const,
  access: (organizationId: string) => [...teamKeys.all, organizationId, 'access'] as const,
};
