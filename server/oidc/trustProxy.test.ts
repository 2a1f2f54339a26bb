import { describe, expect, it } from 'vitest';
import { startServer } from '../app';
import { createTestStorage, testConfig } from '../test/testServer';

/** The provider's authorization endpoint as discovery advertises it to a request with X-Forwarded-* headers. */
async function advertisedAuthorizationEndpoint(trustProxy: boolean): Promise<{ advertised: string; serverUrl: string }> {
  const storage = await createTestStorage();
  const server = await startServer(testConfig(storage, { trustProxy }));
  try {
    const response = await fetch(`${server.url}/oidc/.well-known/openid-configuration`, {
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'forwarded.example' },
    });
    expect(response.status).toBe(200);
    const { authorization_endpoint: advertised } = (await response.json()) as { authorization_endpoint: string };
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
});
