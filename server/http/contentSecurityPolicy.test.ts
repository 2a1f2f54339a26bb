import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../app';
import { directivesOf, expectInlineCodeAllowed } from '../test/contentSecurityPolicy';
import { freePort } from '../test/freePort';
import { rawRequest } from '../test/rawHttp';
import { OidcBrowser } from '../test/signIn';
import { signOut } from '../test/signOut';
import { BACKENDS, createTestStorage, startTestServer, type TestStorage, useTestServer } from '../test/testServer';

const html = { accept: 'text/html' };

describe('the Content-Security-Policy of each kind of page', () => {
  const server = useTestServer(BACKENDS[0]!);

  it('lets the app reach its API and provider and nothing else', async () => {
    const response = await fetch(`${server.url}/`, { headers: html });
    const policy = directivesOf(response.headers.get('content-security-policy'));
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('connect-src')).toEqual(["'self'", new URL(server.url).origin]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
  });

  it('allows the sign-in page’s inline style by hash, and its form to post back only', async () => {
    const { response, html: page } = await new OidcBrowser(server.url).openSignInPage();
    expectInlineCodeAllowed(page, response.headers.get('content-security-policy'));
    const policy = directivesOf(response.headers.get('content-security-policy'));
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'self'", new URL(server.url).origin]);
  });

  it('allows the sign-out page’s inline script by hash, and signing out still ends at the app', async () => {
    const browser = new OidcBrowser(server.url);
    const { action } = await browser.openSignInPage();
    const { idToken } = await browser.finishSignIn(await browser.submitSignIn(action, 'admin@example.com', 'admin'));
    const { page: signOutPage, html: page, confirmed } = await signOut(browser, idToken);
    expect(signOutPage.status).toBe(200);
    expect(page).toContain('<script>');
    expectInlineCodeAllowed(page, signOutPage.headers.get('content-security-policy'));
    expect(signOutPage.headers.get('cache-control')).toContain('no-store');
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe(`${server.url}/`);
  });

  it('answers the app-not-built page with the strict page policy', async () => {
    await rm(path.join(server.storage.staticDir, 'index.html'));
    try {
      const response = await fetch(`${server.url}/settings/tokens`, { headers: html });
      expect(response.status).toBe(503);
      expectInlineCodeAllowed(await response.text(), response.headers.get('content-security-policy'));
    } finally {
      await writeFile(path.join(server.storage.staticDir, 'index.html'), '<!DOCTYPE html><title>Token settings app</title>');
    }
  });
});

describe('security headers with an https PUBLIC_URL', () => {
  let storage: TestStorage;
  let server: RunningServer;
  let bound: string;

  beforeAll(async () => {
    storage = await createTestStorage();
    const port = await freePort();
    bound = `http://127.0.0.1:${port}`;
    server = await startTestServer(storage, undefined, { port, publicUrl: 'https://tokens.example.com' });
  });
  afterAll(async () => {
    await server?.close();
    await storage?.cleanup();
  });

  it.each(['/', '/env-config.js', '/pat/v1', '/oidc/.well-known/openid-configuration'])(
    'tells browsers to use https only, on %s',
    async (route) => {
      const response = await rawRequest(bound, { path: route, headers: html });
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000');
    },
  );

  it('lets the app reach the public origin, whatever host it was loaded from', async () => {
    const response = await rawRequest(bound, { path: '/', headers: html });
    const policy = directivesOf(String(response.headers['content-security-policy']));
    expect(policy.get('connect-src')).toEqual(["'self'", 'https://tokens.example.com']);
  });
});
