import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { envConfigOf, htmlFolder, readRendered, render, runEntrypoint, SHELLS, tempFolder } from './entrypointRun';

const TERRAKUBE = {
  REACT_APP_TERRAKUBE_API_URL: 'https://terrakube-api.example.com/api/v1/',
  REACT_APP_AUTHORITY: 'https://terrakube-api.example.com/dex',
  REACT_APP_CLIENT_ID: 'example-app',
  REACT_APP_REDIRECT_URI: 'https://terrakube-ui.example.com',
  REACT_APP_SCOPE: 'email openid profile offline_access groups',
};

describe.each(SHELLS)('the image entrypoint under %s', (shell) => {
  it('refuses to start when a variable is missing, naming it, and writes nothing', () => {
    const { REACT_APP_AUTHORITY: _left, ...withoutAuthority } = TERRAKUBE;
    // The container's own start (no arguments): it stops before writing anything or starting nginx.
    const run = runEntrypoint([], { ...withoutAuthority, HTML_DIR: htmlFolder() }, shell);
    expect(run.status).toBe(1);
    expect(run.problems).toEqual(['REACT_APP_AUTHORITY is missing or empty.']);
    expect(run.stderr).toContain('The container did not start');
    expect(run.stdout).toBe('');

    const rendered = render({ ...withoutAuthority, HTML_DIR: htmlFolder() }, shell);
    expect(rendered.status).toBe(1);
    expect(existsSync(rendered.dir)).toBe(false);
  });

  it('refuses malformed values, one line per variable, in the app’s words', () => {
    const run = render({
      ...TERRAKUBE,
      REACT_APP_TERRAKUBE_API_URL: 'terrakube-api.example.com',
      REACT_APP_SCOPE: 'email profile',
      HTML_DIR: htmlFolder(),
    }, shell);
    expect(run.status).toBe(1);
    expect(run.problems).toEqual([
      'REACT_APP_TERRAKUBE_API_URL must be an absolute http(s) URL, for example https://terrakube-api.example.com/api/v1/.',
      'REACT_APP_SCOPE must include "openid", for example "email openid profile offline_access groups".',
    ]);
  });

  it('refuses an unknown backend as the one problem', () => {
    const run = render({ REACT_APP_TOKEN_BACKEND: 'hcp', HTML_DIR: htmlFolder() }, shell);
    expect(run.status).toBe(1);
    expect(run.problems).toEqual(['REACT_APP_TOKEN_BACKEND must be "terrakube" or "tfe".']);
  });

  it('refuses its own settings when wrong: address, port, the build’s folder', () => {
    const run = render({ ...TERRAKUBE, HOST: 'localhost', PORT: '80808', HTML_DIR: tempFolder() }, shell);
    expect(run.status).toBe(1);
    expect(run.problems.map((problem) => problem.split(' ')[0])).toEqual(['HOST', 'PORT', 'HTML_DIR']);
    for (const [name, value] of [['HOST', '0.0.0.0; include /etc/passwd'], ['PORT', '0'], ['PORT', '8080 ssl'], ['HOST', '1.2.3.256']]) {
      expect(render({ ...TERRAKUBE, HTML_DIR: htmlFolder(), [name!]: value! }, shell).problems, `${name}=${value}`).toEqual([
        expect.stringMatching(new RegExp(`^${name} must be`)),
      ]);
    }
  });

  it('for tfe with a same-origin path, needs TFE_PROXY_URL, an address without a path', () => {
    const tfe = { REACT_APP_TOKEN_BACKEND: 'tfe', REACT_APP_TFE_API_URL: '/api/v2/', HTML_DIR: htmlFolder() };
    expect(render(tfe, shell).problems).toEqual([expect.stringMatching(/^TFE_PROXY_URL is missing: REACT_APP_TFE_API_URL is a path/)]);
    for (const url of ['https://app.terraform.io/api/v2/', 'app.terraform.io', 'https://user@app.terraform.io', 'https://app.terraform.io?x']) {
      expect(render({ ...tfe, TFE_PROXY_URL: url }, shell).problems, url).toEqual([
        'TFE_PROXY_URL must be the http(s) address of HCP Terraform or Terraform Enterprise without a path, for example https://app.terraform.io.',
      ]);
    }
    expect(render({ ...tfe, REACT_APP_TFE_API_URL: '/a.b/api/v2/', TFE_PROXY_URL: 'https://app.terraform.io' }, shell).problems).toEqual([
      expect.stringMatching(/^REACT_APP_TFE_API_URL behind this proxy must be/),
    ]);
    expect(render({ ...tfe, TFE_PROXY_URL: 'https://app.terraform.io', TFE_PROXY_CA_FILE: '/no/such/ca.pem' }, shell).problems).toEqual([
      'TFE_PROXY_CA_FILE must be a readable file of trusted CA certificates: /no/such/ca.pem is not.',
    ]);
    // Set where nothing is proxied, it would be silently unused.
    expect(render({ ...TERRAKUBE, TFE_PROXY_URL: 'https://app.terraform.io', HTML_DIR: htmlFolder() }, shell).problems).toEqual([
      expect.stringMatching(/^TFE_PROXY_URL is set, but only a path/),
    ]);
  });

  it('writes every REACT_APP_* value into /env-config.js as the browser reads it back, whatever it holds', () => {
    const hostile = 'a "quoted" \\ value\nwith </script><script>alert(1)</script>, ünïcödé and \u2028 a separator';
    const env = { ...TERRAKUBE, REACT_APP_CLIENT_ID: hostile, REACT_APP_TERRAKUBE_VERSION: 'v2.22.0', REACT_APP_REGISTRY_URI: 'https://registry.example.com' };
    const run = render({ ...env, HTML_DIR: htmlFolder(), OTHER: 'not passed on' }, shell);
    expect(run.status, run.stderr).toBe(0);
    expect(envConfigOf(run.dir)).toEqual(env);
    expect(readRendered(run.dir, 'runtime/env-config.js')).not.toContain('</script>');
  });

  it('writes the security headers, connect-src naming the API and identity provider, HSTS for an https UI', () => {
    const run = render({ ...TERRAKUBE, REACT_APP_AUTHORITY: 'https://dex.example.com:8443/dex', HTML_DIR: htmlFolder() }, shell);
    expect(run.status, run.stderr).toBe(0);
    const headers = readRendered(run.dir, 'app-headers.conf');
    expect(headers).toContain(
      `add_header Content-Security-Policy "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self' https://terrakube-api.example.com https://dex.example.com:8443 https://terrakube-ui.example.com; img-src 'self'; font-src 'self'; manifest-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'" always;`,
    );
    expect(headers).toContain('add_header Strict-Transport-Security "max-age=31536000" always;');
    expect(readRendered(run.dir, 'listen.conf')).toBe('listen 0.0.0.0:8080;\n');
    expect(readRendered(run.dir, 'tfe-proxy.conf')).toBe('');

    const plain = render({ ...TERRAKUBE, REACT_APP_REDIRECT_URI: 'http://localhost:8080/', HOST: '::', PORT: '3001', HTML_DIR: htmlFolder() }, shell);
    expect(readRendered(plain.dir, 'app-headers.conf')).not.toContain('Strict-Transport-Security');
    expect(readRendered(plain.dir, 'listen.conf')).toBe('listen [::]:3001;\n');
  });

  it('proxies a prefixed API path to the host’s /api/v2/, checking its certificate', () => {
    const run = render({
      REACT_APP_TOKEN_BACKEND: 'tfe',
      REACT_APP_TFE_API_URL: '/tfe/api/v2',
      TFE_PROXY_URL: 'HTTPS://TFE.example.com:443/',
      TFE_PROXY_CA_FILE: '/dev/null',
      HTML_DIR: htmlFolder(),
    }, shell);
    expect(run.status, run.stderr).toBe(0);
    const proxy = readRendered(run.dir, 'tfe-proxy.conf');
    expect(proxy).toMatch(/^location \/tfe\/api\/v2\/ \{\n {2}rewrite \^\/tfe\/\(api\/v2\/\.\*\)\$ \/\$1 break;\n {2}proxy_pass https:\/\/tfe\.example\.com;\n/);
    for (const line of ['proxy_set_header Host tfe.example.com;', 'proxy_ssl_name tfe.example.com;', 'proxy_ssl_verify on;', 'proxy_ssl_trusted_certificate /dev/null;', 'add_header Cache-Control "no-store" always;']) {
      expect(proxy).toContain(line);
    }
    expect(run.stdout).toContain('the HCP Terraform flavor, /tfe/api/v2/ proxied to https://tfe.example.com');
  });

  it('reads a mounted env-config.js in the shape Terrakube’s Helm chart writes, and checks it the same way', () => {
    const chart = (redirect: string) =>
      `window._env_ = {\n  REACT_APP_TERRAKUBE_API_URL: "https://terrakube-api.example.com/api/v1/",\n  REACT_APP_CLIENT_ID: "example-app",\n  REACT_APP_AUTHORITY: "https://terrakube-api.example.com/dex",\n  REACT_APP_REDIRECT_URI: "${redirect}",\n  REACT_APP_REGISTRY_URI: "https://terrakube-reg.example.com",\n  REACT_APP_SCOPE: "email openid profile offline_access groups",\n  REACT_APP_TERRAKUBE_VERSION: "2.22.0",\n}\n`;
    const run = render({ HTML_DIR: htmlFolder(chart('https://terrakube-ui.example.com')) }, shell);
    expect(run.status, run.stderr).toBe(0);
    expect(envConfigOf(run.dir)).toMatchObject({ REACT_APP_REDIRECT_URI: 'https://terrakube-ui.example.com', REACT_APP_TERRAKUBE_VERSION: '2.22.0' });
    expect(run.stdout).toContain('with settings from');

    const bad = render({ HTML_DIR: htmlFolder(chart('terrakube-ui.example.com')) }, shell);
    expect(bad.status).toBe(1);
    expect(bad.problems).toEqual(['REACT_APP_REDIRECT_URI must be an absolute http(s) URL, for example https://terrakube-ui.example.com/.']);
    expect(bad.stderr).toContain('env-config.js');

    // JavaScript it cannot read without running it is refused by line, not guessed at.
    const computed = render({ HTML_DIR: htmlFolder('window._env_ = {\n  REACT_APP_SCOPE: "a" + "b",\n}\n') }, shell);
    expect(computed.status).toBe(1);
    expect(computed.stderr).toMatch(/env-config\.js, line 2, is not a `NAME: "value",` line/);

    // The environment's REACT_APP_* variables win over a mounted file.
    const both = render({ ...TERRAKUBE, HTML_DIR: htmlFolder(chart('nonsense')) }, shell);
    expect(both.status, both.stderr).toBe(0);
    expect(envConfigOf(both.dir).REACT_APP_REDIRECT_URI).toBe(TERRAKUBE.REACT_APP_REDIRECT_URI);
  });

  it('takes no other arguments', () => {
    const run = runEntrypoint(['nginx', '-g', 'daemon off;'], { ...TERRAKUBE, HTML_DIR: htmlFolder() }, shell);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^usage: /);
  });
});

it('leaves a folder it renders into with only its own files', () => {
  const run = render({ ...TERRAKUBE, HTML_DIR: htmlFolder() });
  expect(readdirSync(run.dir).sort()).toEqual(['app-headers.conf', 'html', 'listen.conf', 'nginx.conf', 'runtime', 'temp', 'tfe-proxy.conf']);
});
