import { describe, expect, it } from 'vitest';
import { terraformCredentialsBlock, terraformEnvironmentLine, terraformTokenVariableName } from './terraformCredentials';

describe('terraformTokenVariableName', () => {
  it('writes dots as underscores and hyphens as double underscores, as Terraform reads them', () => {
    expect(terraformTokenVariableName('app.terraform.io')).toBe('TF_TOKEN_app_terraform_io');
    expect(terraformTokenVariableName('terrakube-api.example.com')).toBe('TF_TOKEN_terrakube__api_example_com');
    expect(terraformTokenVariableName('xn--caf-dma.fr')).toBe('TF_TOKEN_xn____caf__dma_fr');
    expect(terraformTokenVariableName('localhost')).toBe('TF_TOKEN_localhost');
    expect(terraformTokenVariableName('10.0.0.1')).toBe('TF_TOKEN_10_0_0_1');
  });

  it('lower-cases the host', () => {
    expect(terraformTokenVariableName('API.Example.COM')).toBe('TF_TOKEN_api_example_com');
  });

  it('round-trips through the decoding Terraform applies', () => {
    const decode = (name: string) => name.slice('TF_TOKEN_'.length).replace(/__/g, '-').replace(/_/g, '.');
    for (const host of ['a-b.c-d.example', 'terrakube-api.my-company.io', 'x.y']) {
      expect(decode(terraformTokenVariableName(host)!)).toBe(host);
    }
  });

  it('has no name for a host with a port or an IPv6 address', () => {
    expect(terraformTokenVariableName('localhost:8080')).toBeNull();
    expect(terraformTokenVariableName('[::1]:3000')).toBeNull();
  });
});

describe('the snippets', () => {
  it('export the variable with the token', () => {
    expect(terraformEnvironmentLine('api.example.com', 'aaa.bbb.ccc')).toBe('export TF_TOKEN_api_example_com="aaa.bbb.ccc"');
    expect(terraformEnvironmentLine('localhost:8080', 'aaa.bbb.ccc')).toBeNull();
  });

  it('write a credentials block for the CLI configuration file', () => {
    expect(terraformCredentialsBlock('localhost:8080', 'aaa.bbb.ccc')).toBe(
      'credentials "localhost:8080" {\n  token = "aaa.bbb.ccc"\n}',
    );
  });
});
