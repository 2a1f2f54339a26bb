import { describe, expect, it } from 'vitest';
import { startServer } from '../app';
import { rawRequest } from '../test/rawHttp';
import { freePort } from '../test/freePort';
import { createTestStorage, testConfig } from '../test/testServer';

/** The provider's authorization endpoint as discovery advertises it to a request with X-Forwarded-* headers. */
async function advertisedAuthorizationEndpoint(
  trustProxy: boolean,
  publicUrl?: string,
): Promise<{ advertised: string; serverUrl: string }> {
  const storage = await createTestStorage();
  const port = publicUrl ? await freePort() : 0;
  const server = await startServer(testConfig(storage, { trustProxy, publicUrl, port }));
  const bound = publicUrl ? `http://127.0.0.1:${port}` : server.url;
  try {
    const response = await rawRequest(bound, {
      path: '/oidc/.well-known/openid-configuration',
      headers: { host: 'client-chosen.example', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'forwarded.example' },
    });
    expect(response.status).toBe(200);
    const { authorization_endpoint: advertised } = JSON.parse(response.body) as { authorization_endpoint: string };
    return { advertised, serverUrl: server.url };
  } finally {
    await server.close();
    await storage.cleanup();
  }
}

describe('X-Forwarded-* headers', () => {
  it('are ignored by default, since any client can send them', async () => {
    const { advertised, serverUrl } = await advertisedAuthorizationEndpoint(false);
    expect(advertised).toBe(`${serverUrl}/oidc/auth`);
  });

  it('decide the provider’s URLs with TRUST_PROXY=true, for a proxy in front of the server', async () => {
    const { advertised } = await advertisedAuthorizationEndpoint(true);
    expect(advertised).toBe('https://forwarded.example/oidc/auth');
  });

  it('never outrank PUBLIC_URL, even with TRUST_PROXY=true', async () => {
    const { advertised } = await advertisedAuthorizationEndpoint(true, 'http://tokens.example.com');
    expect(advertised).toBe('http://tokens.example.com/oidc/auth');
  });
});
