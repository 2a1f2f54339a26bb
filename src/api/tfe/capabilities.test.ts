import { describe, expect, it } from 'vitest';
import { isHcpTerraform, PERSONAL_CAPABILITIES, platformNameOf, TEAM_CAPABILITIES } from './capabilities';

describe('platform name', () => {
  it.each([
    ['https://app.terraform.io/api/v2/', 'app.terraform.io', 'HCP Terraform'],
    ['https://app.eu.terraform.io/api/v2/', 'app.eu.terraform.io', 'HCP Terraform'],
    ['https://tokens.example.com/api/v2/', 'app.terraform.io', 'HCP Terraform'],
    ['https://tfe.example.com/api/v2/', 'tfe.example.com', 'Terraform Enterprise'],
    ['https://terraform.io.example.com/api/v2/', 'terraform.io.example.com', 'Terraform Enterprise'],
  ])('%s (CLI host %s) is %s', (apiUrl, cliHost, name) => {
    expect(platformNameOf(apiUrl, cliHost)).toBe(name);
    expect(isHcpTerraform(apiUrl, cliHost)).toBe(name === 'HCP Terraform');
  });
});

describe('capabilities', () => {
  it('takes any instant up to ten years ahead, or never, for every collection', () => {
    for (const collection of [PERSONAL_CAPABILITIES, TEAM_CAPABILITIES.multiple, TEAM_CAPABILITIES.single]) {
      expect(collection.expiry.granularity).toBe('instant');
      expect(collection.expiry.allowsNever).toBe(true);
      expect(collection.expiry.maxMs / (365.25 * 24 * 3600 * 1000)).toBeCloseTo(10, 1);
    }
  });

  it('says what differs: unique team descriptions and bulk delete with many tokens, one descriptionless token without', () => {
    expect(PERSONAL_CAPABILITIES).toMatchObject({ takesDescription: true, uniqueDescriptions: false, tokensPerCollection: 'many', bulkDelete: false });
    expect(TEAM_CAPABILITIES.multiple).toMatchObject({ takesDescription: true, uniqueDescriptions: true, tokensPerCollection: 'many', bulkDelete: true });
    expect(TEAM_CAPABILITIES.single).toMatchObject({ takesDescription: false, uniqueDescriptions: false, tokensPerCollection: 'one', bulkDelete: false });
  });
});
