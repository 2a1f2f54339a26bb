import { describe, expect, it } from 'vitest';
import { parseRuntimeConfig } from './runtimeConfig';

const PAGE = 'https://tokens.example.com/settings/tokens?sort=expiry';

const oidcVariables = {
  REACT_APP_AUTHORITY: 'https://dex.example.com/dex',
  REACT_APP_CLIENT_ID: 'example-app',
  REACT_APP_REDIRECT_URI: 'https://ui.example.com/',
  REACT_APP_SCOPE: 'email openid profile offline_access groups',
};
const oidc = {
  authority: 'https://dex.example.com/dex',
  clientId: 'example-app',
  redirectUri: 'https://ui.example.com/',
  scope: 'email openid profile offline_access groups',
};

const terrakube = { REACT_APP_TERRAKUBE_API_URL: 'https://api.example.com/api/v1/', ...oidcVariables };
const tfe = { REACT_APP_TOKEN_BACKEND: 'tfe', REACT_APP_TFE_API_URL: 'https://app.terraform.io/api/v2/' };

function configOf(env: unknown) {
  const result = parseRuntimeConfig(env, PAGE);
  if (!result.ok) throw new Error(`expected a config, got ${JSON.stringify(result.problems)}`);
  return result.config;
}

function problemsOf(env: unknown) {
  const result = parseRuntimeConfig(env, PAGE);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('parseRuntimeConfig: terrakube', () => {
  it('accepts a complete Terrakube configuration', () => {
    expect(configOf(terrakube)).toEqual({
      tokenBackend: 'terrakube',
      apiUrl: 'https://api.example.com/api/v1/',
      apiOrigin: 'https://api.example.com',
      apiHost: 'api.example.com',
      oidc,
    });
  });

  it('adds the trailing slash to the API URL, drops query and fragment, and keeps the port in the host', () => {
    expect(configOf({ ...terrakube, REACT_APP_TERRAKUBE_API_URL: ' http://localhost:8080/api/v1?x=1#top ' })).toMatchObject({
      apiUrl: 'http://localhost:8080/api/v1/',
      apiOrigin: 'http://localhost:8080',
      apiHost: 'localhost:8080',
    });
  });

  it('trims values and collapses the spaces in the scope', () => {
    const config = configOf({ ...terrakube, REACT_APP_CLIENT_ID: ' example-app\n', REACT_APP_SCOPE: ' openid   email ' });
    expect(config.oidc).toMatchObject({ clientId: 'example-app', scope: 'openid email' });
  });

  it.each(['terrakube', ' terrakube ', '', '  ', undefined, null])('takes the token backend %j as terrakube', (backend) => {
    expect(configOf({ ...terrakube, REACT_APP_TOKEN_BACKEND: backend }).tokenBackend).toBe('terrakube');
  });

  it.each(['gitlab', 'TFE', 'Terrakube', 'hcp'])('rejects the token backend %j, and only says that', (backend) => {
    expect(problemsOf({ ...terrakube, REACT_APP_TOKEN_BACKEND: backend })).toEqual([
      { variable: 'REACT_APP_TOKEN_BACKEND', message: 'must be "terrakube" or "tfe".' },
    ]);
    expect(problemsOf({ REACT_APP_TOKEN_BACKEND: backend })).toHaveLength(1);
  });

  it('rejects a token backend that is not a string', () => {
    expect(problemsOf({ ...terrakube, REACT_APP_TOKEN_BACKEND: 1 })).toEqual([
      { variable: 'REACT_APP_TOKEN_BACKEND', message: 'must be a string.' },
    ]);
  });

  it.each(Object.keys(terrakube))('names %s when it is missing, blank or not a string', (variable) => {
    const missing: Record<string, unknown> = { ...terrakube };
    delete missing[variable];
    const expected = [{ variable, message: 'is missing or empty.' }];
    expect(problemsOf(missing)).toEqual(expected);
    expect(problemsOf({ ...terrakube, [variable]: '   ' })).toEqual(expected);
    expect(problemsOf({ ...terrakube, [variable]: 42 })).toEqual(expected);
  });

  it.each(['REACT_APP_TERRAKUBE_API_URL', 'REACT_APP_AUTHORITY', 'REACT_APP_REDIRECT_URI'])(
    'names %s when it is not an absolute http(s) URL',
    (variable) => {
      for (const bad of ['api/v1', 'ftp://example.com/', 'not a url', '/relative/path', 'javascript:alert(1)']) {
        const problems = problemsOf({ ...terrakube, [variable]: bad });
        expect(problems).toHaveLength(1);
        expect(problems[0]?.variable).toBe(variable);
        expect(problems[0]?.message).toMatch(/^must be an absolute http\(s\) URL, for example https:\/\//);
      }
    },
  );

  it('requires the openid scope', () => {
    expect(problemsOf({ ...terrakube, REACT_APP_SCOPE: 'email profile groups' })).toEqual([
      { variable: 'REACT_APP_SCOPE', message: 'must include "openid", for example "email openid profile offline_access groups".' },
    ]);
    expect(problemsOf({ ...terrakube, REACT_APP_SCOPE: 'openidx email' })[0]?.variable).toBe('REACT_APP_SCOPE');
  });

  it('ignores the HCP Terraform variables', () => {
    const config = configOf({ ...terrakube, REACT_APP_TFE_API_URL: 'nope', REACT_APP_TFE_TEAM_TOKENS: 'some' });
    expect(config.tokenBackend).toBe('terrakube');
  });

  it('lists every problem at once, one per variable, in a stable order', () => {
    const problems = problemsOf({ REACT_APP_TERRAKUBE_API_URL: 'nope', REACT_APP_SCOPE: 'email' });
    expect(problems.map((problem) => problem.variable)).toEqual([
      'REACT_APP_TERRAKUBE_API_URL',
      'REACT_APP_AUTHORITY',
      'REACT_APP_CLIENT_ID',
      'REACT_APP_REDIRECT_URI',
      'REACT_APP_SCOPE',
    ]);
  });

  it.each([undefined, null, 'REACT_APP_CLIENT_ID=x'])('explains a missing window._env_ (%j)', (env) => {
    const problems = problemsOf(env);
    expect(problems[0]).toEqual({
      variable: 'window._env_',
      message: 'is not defined: /env-config.js did not load or does not set window._env_.',
    });
    expect(problems.map((problem) => problem.variable)).toContain('REACT_APP_CLIENT_ID');
  });
});

describe('parseRuntimeConfig: tfe', () => {
  it('accepts HCP Terraform with only the API URL, signing in with an API token', () => {
    expect(configOf(tfe)).toEqual({
      tokenBackend: 'tfe',
      apiUrl: 'https://app.terraform.io/api/v2/',
      apiHost: 'app.terraform.io',
      organization: null,
      teamTokens: null,
      oidc: null,
    });
  });

  it('accepts every optional variable', () => {
    const config = configOf({
      ...tfe,
      ...oidcVariables,
      REACT_APP_TOKEN_BACKEND: ' tfe ',
      REACT_APP_TFE_ORGANIZATION: ' my-org_2 ',
      REACT_APP_TFE_TEAM_TOKENS: 'single',
    });
    expect(config).toEqual({
      tokenBackend: 'tfe',
      apiUrl: 'https://app.terraform.io/api/v2/',
      apiHost: 'app.terraform.io',
      organization: 'my-org_2',
      teamTokens: 'single',
      oidc,
    });
    expect(configOf({ ...tfe, REACT_APP_TFE_TEAM_TOKENS: 'multiple' })).toMatchObject({ teamTokens: 'multiple' });
  });

  it.each([
    ['/api/v2/', 'https://tokens.example.com/api/v2/', 'tokens.example.com'],
    ['/api/v2', 'https://tokens.example.com/api/v2/', 'tokens.example.com'],
    ['/tfe/api/v2/?x#y', 'https://tokens.example.com/tfe/api/v2/', 'tokens.example.com'],
    ['https://tfe.example.com:8443/api/v2', 'https://tfe.example.com:8443/api/v2/', 'tfe.example.com:8443'],
    ['http://localhost:3000/api/v2/', 'http://localhost:3000/api/v2/', 'localhost:3000'],
  ])('takes the API URL %j as %s, host %s', (value, apiUrl, apiHost) => {
    expect(configOf({ ...tfe, REACT_APP_TFE_API_URL: value })).toMatchObject({ apiUrl, apiHost });
  });

  it('resolves a path against the page it is served on', () => {
    const result = parseRuntimeConfig({ ...tfe, REACT_APP_TFE_API_URL: '/api/v2/' }, 'http://127.0.0.1:3000/teams');
    expect(result.ok && result.config.apiUrl).toBe('http://127.0.0.1:3000/api/v2/');
  });

  it.each(['api/v2/', 'app.terraform.io/api/v2', 'ftp://app.terraform.io/api/v2/', '//evil.example.com/api/v2/', '/\\evil.example.com/api/v2/', 'not a url'])(
    'rejects the API URL %j',
    (value) => {
      expect(problemsOf({ ...tfe, REACT_APP_TFE_API_URL: value })).toEqual([
        {
          variable: 'REACT_APP_TFE_API_URL',
          message:
            'must be an absolute http(s) URL or a path starting with "/", for example https://app.terraform.io/api/v2/, or /api/v2/ behind a same-origin proxy.',
        },
      ]);
    },
  );

  it.each(['https://app.terraform.io', 'https://app.terraform.io/api/v1/', '/'])('says %j is not the /api/v2/ base', (value) => {
    const [problem, ...others] = problemsOf({ ...tfe, REACT_APP_TFE_API_URL: value });
    expect(others).toEqual([]);
    expect(problem?.variable).toBe('REACT_APP_TFE_API_URL');
    expect(problem?.message).toMatch(/^must end in \/api\/v2\/, the API's base path, for example https?:\/\/[^ ]+\/api\/v2\/\.$/);
  });

  it('requires the API URL, not the Terrakube one', () => {
    expect(problemsOf({ ...terrakube, REACT_APP_TOKEN_BACKEND: 'tfe' })).toEqual([
      { variable: 'REACT_APP_TFE_API_URL', message: 'is missing or empty.' },
    ]);
    expect(problemsOf({ ...tfe, REACT_APP_TFE_API_URL: ' ' })).toEqual([
      { variable: 'REACT_APP_TFE_API_URL', message: 'is missing or empty.' },
    ]);
  });

  it.each(['my org', 'org/other', 'org.name', 'ünïcode', '../admin'])('rejects the organization %j', (organization) => {
    expect(problemsOf({ ...tfe, REACT_APP_TFE_ORGANIZATION: organization })).toEqual([
      {
        variable: 'REACT_APP_TFE_ORGANIZATION',
        message: 'must be an organization name: letters, digits, "-" and "_" only, for example "my-org".',
      },
    ]);
  });

  it.each(['', '  ', undefined])('takes the organization %j as none', (organization) => {
    expect(configOf({ ...tfe, REACT_APP_TFE_ORGANIZATION: organization })).toMatchObject({ organization: null });
  });

  it.each(['legacy', 'Multiple', 'many', '1'])('rejects the team-token mode %j', (mode) => {
    expect(problemsOf({ ...tfe, REACT_APP_TFE_TEAM_TOKENS: mode })).toEqual([
      { variable: 'REACT_APP_TFE_TEAM_TOKENS', message: 'must be "multiple" or "single".' },
    ]);
  });

  it.each(['', ' ', undefined])('detects the team-token mode when it is %j', (mode) => {
    expect(configOf({ ...tfe, REACT_APP_TFE_TEAM_TOKENS: mode })).toMatchObject({ teamTokens: null });
  });

  it('takes a blank authority as no identity provider', () => {
    expect(configOf({ ...tfe, REACT_APP_AUTHORITY: '  ', REACT_APP_CLIENT_ID: '' })).toMatchObject({ oidc: null });
  });

  it('with an authority, requires and checks the other OIDC variables as for Terrakube', () => {
    const problems = problemsOf({ ...tfe, REACT_APP_AUTHORITY: 'dex', REACT_APP_SCOPE: 'email' });
    expect(problems.map((problem) => problem.variable)).toEqual([
      'REACT_APP_AUTHORITY',
      'REACT_APP_CLIENT_ID',
      'REACT_APP_REDIRECT_URI',
      'REACT_APP_SCOPE',
    ]);
    expect(problems[0]?.message).toMatch(/absolute http\(s\) URL/);
    expect(problems[3]?.message).toMatch(/openid/);
  });

  it('lists every problem at once', () => {
    const problems = problemsOf({
      REACT_APP_TOKEN_BACKEND: 'tfe',
      REACT_APP_TFE_ORGANIZATION: 'a b',
      REACT_APP_TFE_TEAM_TOKENS: 'all',
      REACT_APP_AUTHORITY: 'https://dex.example.com/dex',
    });
    expect(problems.map((problem) => problem.variable)).toEqual([
      'REACT_APP_TFE_API_URL',
      'REACT_APP_TFE_ORGANIZATION',
      'REACT_APP_TFE_TEAM_TOKENS',
      'REACT_APP_CLIENT_ID',
      'REACT_APP_REDIRECT_URI',
      'REACT_APP_SCOPE',
    ]);
  });

  it('rejects an optional value that is not a string', () => {
    expect(problemsOf({ ...tfe, REACT_APP_TFE_ORGANIZATION: 7 })).toEqual([
      { variable: 'REACT_APP_TFE_ORGANIZATION', message: 'must be a string.' },
    ]);
  });
});
