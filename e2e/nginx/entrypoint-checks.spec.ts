import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parseRuntimeConfig } from '../../src/config/runtimeConfig';
import { renderSettings } from './nginxServer';

// The page's address for the app's checks: the one the entrypoint's messages use as their example.
const PAGE_URL = 'https://app.terraform.io/settings/tokens';

const TERRAKUBE = {
  REACT_APP_TERRAKUBE_API_URL: 'https://terrakube-api.example.com/api/v1/',
  REACT_APP_AUTHORITY: 'https://terrakube-api.example.com/dex',
  REACT_APP_CLIENT_ID: 'example-app',
  REACT_APP_REDIRECT_URI: 'https://terrakube-ui.example.com',
  REACT_APP_SCOPE: 'email openid profile offline_access groups',
};
const TFE = { REACT_APP_TOKEN_BACKEND: 'tfe', REACT_APP_TFE_API_URL: '/api/v2/' };
const OIDC = { REACT_APP_AUTHORITY: 'https://idp.example.com/', REACT_APP_CLIENT_ID: 'ui', REACT_APP_REDIRECT_URI: 'https://ui.example.com/', REACT_APP_SCOPE: 'openid' };

type Env = Record<string, string>;
const without = (env: Env, ...names: string[]): Env => Object.fromEntries(Object.entries(env).filter(([name]) => !names.includes(name)));

/** Settings the app and the entrypoint must both take, or both refuse with the same problems. */
const CASES: [string, Env][] = [
  ['Terrakube, as its Helm chart writes it', TERRAKUBE],
  ['the backend named', { ...TERRAKUBE, REACT_APP_TOKEN_BACKEND: ' terrakube ' }],
  ['an unknown backend is the one problem', { REACT_APP_TOKEN_BACKEND: 'Terrakube' }],
  ['nothing set', {}],
  ...Object.keys(TERRAKUBE).map((name): [string, Env] => [`${name} missing`, without(TERRAKUBE, name)]),
  ['blank values', { ...TERRAKUBE, REACT_APP_CLIENT_ID: '   ', REACT_APP_SCOPE: '\t\n' }],
  ['an API URL without a scheme', { ...TERRAKUBE, REACT_APP_TERRAKUBE_API_URL: 'terrakube-api.example.com/api/v1/' }],
  ['an ftp API URL', { ...TERRAKUBE, REACT_APP_TERRAKUBE_API_URL: 'ftp://terrakube-api.example.com/api/v1/' }],
  ['URLs the way people write them', { ...TERRAKUBE, REACT_APP_TERRAKUBE_API_URL: 'HTTPS://API.example.com:443/api/v1', REACT_APP_AUTHORITY: 'http://[::1]:5556/dex?x=1#y' }],
  ['a URL with a user, a port and a query', { ...TERRAKUBE, REACT_APP_AUTHORITY: 'https://user:secret@idp.example.com:8443/?a=b' }],
  ['a path with what the parser encodes', { ...TERRAKUBE, REACT_APP_AUTHORITY: 'https://idp.example.com/"; add_header X y;' }],
  ['not URLs at all', { ...TERRAKUBE, REACT_APP_AUTHORITY: 'javascript:alert(1)', REACT_APP_REDIRECT_URI: 'https://' }],
  ['a port out of range', { ...TERRAKUBE, REACT_APP_REDIRECT_URI: 'https://ui.example.com:65536/' }],
  ['a host with a space', { ...TERRAKUBE, REACT_APP_REDIRECT_URI: 'https://ui example.com/' }],
  ['a scope without openid', { ...TERRAKUBE, REACT_APP_SCOPE: 'email profile OPENID' }],
  ['openid alone, tab-separated', { ...TERRAKUBE, REACT_APP_SCOPE: 'email\topenid' }],
  ['any client id text', { ...TERRAKUBE, REACT_APP_CLIENT_ID: 'a "quoted"\\ id </script>' }],
  ['HCP Terraform behind a proxy', TFE],
  ['HCP Terraform, absolute, with everything', { ...TFE, REACT_APP_TFE_API_URL: 'https://app.terraform.io/api/v2', REACT_APP_TFE_ORGANIZATION: 'my_org-1', REACT_APP_TFE_TEAM_TOKENS: 'single', ...OIDC }],
  ['a TFE API URL without /api/v2/', { ...TFE, REACT_APP_TFE_API_URL: 'https://app.terraform.io' }],
  ['a TFE API URL leaving the origin', { ...TFE, REACT_APP_TFE_API_URL: '//evil.example.com/api/v2/' }],
  ['a TFE API URL with a backslash', { ...TFE, REACT_APP_TFE_API_URL: '/\\evil.example.com/api/v2/' }],
  ['a relative TFE API URL', { ...TFE, REACT_APP_TFE_API_URL: 'api/v2/' }],
  ['a TFE API path with a query', { ...TFE, REACT_APP_TFE_API_URL: '/api/v2?page=1' }],
  ['no TFE API URL', without(TFE, 'REACT_APP_TFE_API_URL')],
  ['bad organization and team tokens', { ...TFE, REACT_APP_TFE_ORGANIZATION: 'my org', REACT_APP_TFE_TEAM_TOKENS: 'both' }],
  ['an identity provider half configured', { ...TFE, REACT_APP_AUTHORITY: 'https://idp.example.com/' }],
  ['a blank authority means no identity provider', { ...TFE, REACT_APP_AUTHORITY: ' ' }],
  ['Terrakube variables do not matter to tfe', { ...TFE, REACT_APP_TERRAKUBE_API_URL: 'nonsense' }],
];

/** Forms the browser's URL parser repairs or rewrites, which the entrypoint refuses, as nginx's settings hold origins. */
const REFUSED_BY_THE_ENTRYPOINT_ONLY: [string, string][] = [
  ['a missing "//"', 'http:/ui.example.com/'],
  ['a non-ASCII host', 'https://exämple.com/'],
  ['a host read as an IPv4 address', 'http://1.2.3/'],
  ['a quote in the host', 'https://ui"x.example.com/'],
  ['a backslash', 'https://ui.example.com\\path'],
];

function appProblems(env: Env): string[] {
  const result = parseRuntimeConfig(env, PAGE_URL);
  return result.ok ? [] : result.problems.map(({ variable, message }) => `${variable} ${message}`);
}

let htmlDir: string;
test.beforeAll(() => {
  htmlDir = mkdtempSync(join(tmpdir(), 'token-settings-html-'));
  writeFileSync(join(htmlDir, 'index.html'), '<!doctype html>');
});
test.afterAll(() => rmSync(htmlDir, { recursive: true, force: true }));

function entrypointProblems(env: Env, shell = 'sh'): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'token-settings-render-'));
  try {
    // The proxy's own setting is given, so only the REACT_APP_* variables can be wrong.
    const proxied = env.REACT_APP_TFE_API_URL?.trim().startsWith('/') && env.REACT_APP_TOKEN_BACKEND === 'tfe';
    const proxy: Env = proxied ? { TFE_PROXY_URL: 'http://127.0.0.1:9' } : {};
    const { status, stderr } = renderSettings(dir, { HTML_DIR: htmlDir, ...proxy, ...env }, shell);
    const problems = [...stderr.matchAll(/^Configuration error: (.*)$/gm)].map((match) => match[1]!);
    expect(status === 0, stderr).toBe(problems.length === 0);
    return problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test.describe('the entrypoint checks REACT_APP_* as the app does', () => {
  for (const [name, env] of CASES) {
    test(name, () => {
      const expected = appProblems(env);
      expect(entrypointProblems(env, 'sh')).toEqual(expected);
      expect(entrypointProblems(env, 'dash')).toEqual(expected);
    });
  }

  for (const [name, url] of REFUSED_BY_THE_ENTRYPOINT_ONLY) {
    test(`and refuses ${name}, which the browser would rewrite`, () => {
      const env = { ...TERRAKUBE, REACT_APP_REDIRECT_URI: url };
      expect(appProblems(env)).toEqual([]);
      expect(entrypointProblems(env)).toEqual(['REACT_APP_REDIRECT_URI must be an absolute http(s) URL, for example https://terrakube-ui.example.com/.']);
    });
  }
});
