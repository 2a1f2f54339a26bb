/** The embedded servers the end-to-end tests run against: one per flavor of the app, each with its own database. */
export const E2E_SERVERS = {
  terrakube: { env: {}, urlVariable: 'E2E_BASE_URL' },
  tfe: { env: { TOKEN_BACKEND: 'tfe' }, urlVariable: 'E2E_TFE_URL' },
  'tfe-single': { env: { TOKEN_BACKEND: 'tfe', TFE_TEAM_TOKENS: 'single' }, urlVariable: 'E2E_TFE_SINGLE_URL' },
  'tfe-token-sign-in': { env: { TOKEN_BACKEND: 'tfe', TFE_SIGN_IN: 'token' }, urlVariable: 'E2E_TFE_TOKEN_URL' },
} as const;

export type E2eServer = keyof typeof E2E_SERVERS;
