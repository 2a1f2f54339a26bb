import { describe, expect, it } from 'vitest';
import { parseRuntimeConfig } from '../config';
import { forgetTokenApiFactory, tokenApiFactory } from './createTokenApi';

const PAGE = 'https://tokens.example.com/settings/tokens';

function configOf(env: Record<string, string>) {
  const result = parseRuntimeConfig(env, PAGE);
  if (!result.ok) throw new Error(`expected a config, got ${JSON.stringify(result.problems)}`);
  return result.config;
}

describe('tokenApiFactory', () => {
  it("answers Terrakube's adapter at once: it comes with the app", () => {
    const config = configOf({
      REACT_APP_TERRAKUBE_API_URL: 'https://api.example.com/api/v1/',
      REACT_APP_AUTHORITY: 'https://dex.example.com/dex',
      REACT_APP_CLIENT_ID: 'example-app',
      REACT_APP_REDIRECT_URI: 'https://ui.example.com/',
      REACT_APP_SCOPE: 'openid email',
    });
    expect(tokenApiFactory(config)).toBeTypeOf('function');
  });

  it("answers HCP Terraform's adapter as a promise while it loads, then the adapter itself, so a render need not wait", async () => {
    const config = configOf({ REACT_APP_TOKEN_BACKEND: 'tfe', REACT_APP_TFE_API_URL: 'https://app.terraform.io/api/v2/' });
    const loading = tokenApiFactory(config);
    expect(loading).toBeInstanceOf(Promise);
    expect(tokenApiFactory(config)).toBe(loading);
    const loaded = await loading;
    expect(tokenApiFactory(config)).toBe(loaded);

    forgetTokenApiFactory(config);
    expect(tokenApiFactory(config)).toBeInstanceOf(Promise);
  });
});
