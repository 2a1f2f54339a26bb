import { describe, expect, it } from 'vitest';
import { terraformPlatformName, userTokenSettingsUrl } from './terraformPlatform';

describe('terraformPlatformName', () => {
  it.each([
    ['https://app.terraform.io/api/v2/', 'HCP Terraform'],
    ['https://app.eu.terraform.io/api/v2/', 'HCP Terraform'],
    ['https://tfe.example.com/api/v2/', 'Terraform Enterprise'],
    ['https://terraform.io.example.com/api/v2/', 'Terraform Enterprise'],
    ['https://myterraform.io/api/v2/', 'Terraform Enterprise'],
    ['http://localhost:3000/api/v2/', 'Terraform Enterprise'],
  ])('calls %s %s', (apiUrl, name) => {
    expect(terraformPlatformName(apiUrl)).toBe(name);
  });
});

describe('userTokenSettingsUrl', () => {
  it('is the tokens page on the API host, with its scheme and port', () => {
    expect(userTokenSettingsUrl('https://app.terraform.io/api/v2/')).toBe('https://app.terraform.io/app/settings/tokens');
    expect(userTokenSettingsUrl('https://tfe.example.com:8443/api/v2/')).toBe('https://tfe.example.com:8443/app/settings/tokens');
  });
});
