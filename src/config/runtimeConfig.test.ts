import { describe, expect, it } from 'vitest';
import { parseRuntimeConfig } from './runtimeConfig';

const valid = {
  REACT_APP_TERRAKUBE_API_URL: 'https://api.example.com/api/v1/',
  REACT_APP_AUTHORITY: 'https://dex.example.com/dex',
  REACT_APP_CLIENT_ID: 'example-app',
  REACT_APP_REDIRECT_URI: 'https://ui.example.com/',
  REACT_APP_SCOPE: 'email openid profile offline_access groups',
};

function problemsOf(env: unknown) {
  const result = parseRuntimeConfig(env);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('parseRuntimeConfig', () => {
  it('accepts a complete Terrakube configuration', () => {
    const result = parseRuntimeConfig(valid);
    expect(result).toEqual({
      ok: true,
      config: {
        apiUrl: 'https://api.example.com/api/v1/',
        apiOrigin: 'https://api.example.com',
        apiHost: 'api.example.com',
        authority: 'https://dex.example.com/dex',
        clientId: 'example-app',
        redirectUri: 'https://ui.example.com/',
        scope: 'email openid profile offline_access groups',
        tokenBackend: 'terrakube',
      },
    });
  });

  it('adds the trailing slash to the API URL and keeps the port in the host', () => {
    const result = parseRuntimeConfig({ ...valid, REACT_APP_TERRAKUBE_API_URL: 'http://localhost:8080/api/v1' });
    expect(result.ok && result.config).toMatchObject({
      apiUrl: 'http://localhost:8080/api/v1/',
      apiOrigin: 'http://localhost:8080',
      apiHost: 'localhost:8080',
    });
  });

  it.each(['terrakube', '', '  ', undefined])('accepts the token backend %j as terrakube', (backend) => {
    const result = parseRuntimeConfig({ ...valid, REACT_APP_TOKEN_BACKEND: backend });
    expect(result.ok && result.config.tokenBackend).toBe('terrakube');
  });

  it('says the tfe backend is not available yet', () => {
    const problems = problemsOf({ ...valid, REACT_APP_TOKEN_BACKEND: 'tfe' });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.variable).toBe('REACT_APP_TOKEN_BACKEND');
    expect(problems[0]?.message).toMatch(/not available yet/);
  });

  it('rejects an unknown token backend', () => {
    const problems = problemsOf({ ...valid, REACT_APP_TOKEN_BACKEND: 'gitlab' });
    expect(problems).toEqual([{ variable: 'REACT_APP_TOKEN_BACKEND', message: 'must be "terrakube" or "tfe".' }]);
  });

  it.each([
    'REACT_APP_TERRAKUBE_API_URL',
    'REACT_APP_AUTHORITY',
    'REACT_APP_CLIENT_ID',
    'REACT_APP_REDIRECT_URI',
    'REACT_APP_SCOPE',
  ])('names %s when it is missing or blank', (variable) => {
    const missing: Record<string, unknown> = { ...valid };
    delete missing[variable];
    expect(problemsOf(missing)).toEqual([{ variable, message: 'is missing or empty.' }]);
    expect(problemsOf({ ...valid, [variable]: '   ' })).toEqual([{ variable, message: 'is missing or empty.' }]);
  });

  it.each(['REACT_APP_TERRAKUBE_API_URL', 'REACT_APP_AUTHORITY', 'REACT_APP_REDIRECT_URI'])(
    'names %s when it is not an absolute http(s) URL',
    (variable) => {
      for (const bad of ['api/v1', 'ftp://example.com/', 'not a url', '/relative/path']) {
        const problems = problemsOf({ ...valid, [variable]: bad });
        expect(problems).toHaveLength(1);
        expect(problems[0]?.variable).toBe(variable);
        expect(problems[0]?.message).toMatch(/absolute http\(s\) URL/);
      }
    },
  );

  it('requires the openid scope', () => {
    const problems = problemsOf({ ...valid, REACT_APP_SCOPE: 'email profile groups' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ variable: 'REACT_APP_SCOPE', message: expect.stringMatching(/openid/) });
    expect(problemsOf({ ...valid, REACT_APP_SCOPE: 'openidx email' })[0]?.variable).toBe('REACT_APP_SCOPE');
  });

  it('rejects a value that is not a string', () => {
    expect(problemsOf({ ...valid, REACT_APP_CLIENT_ID: 42 })).toEqual([
      { variable: 'REACT_APP_CLIENT_ID', message: 'is missing or empty.' },
    ]);
  });

  it('lists every problem at once, one per variable', () => {
    const problems = problemsOf({ REACT_APP_TERRAKUBE_API_URL: 'nope', REACT_APP_SCOPE: 'email' });
    expect(problems.map((problem) => problem.variable)).toEqual([
      'REACT_APP_TERRAKUBE_API_URL',
      'REACT_APP_AUTHORITY',
      'REACT_APP_CLIENT_ID',
      'REACT_APP_REDIRECT_URI',
      'REACT_APP_SCOPE',
    ]);
  });

  it('explains a missing window._env_', () => {
    const problems = problemsOf(undefined);
    expect(problems[0]).toMatchObject({ variable: 'window._env_' });
    expect(problems.map((problem) => problem.variable)).toContain('REACT_APP_CLIENT_ID');
  });
});
