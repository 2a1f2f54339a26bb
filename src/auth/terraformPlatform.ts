export type TerraformPlatformName = 'HCP Terraform' | 'Terraform Enterprise';

/** What to call the platform behind an `/api/v2/` URL: HCP Terraform on terraform.io, else Terraform Enterprise. */
export function terraformPlatformName(apiUrl: string): TerraformPlatformName {
  const { hostname } = new URL(apiUrl);
  return hostname === 'app.terraform.io' || hostname.endsWith('.terraform.io') ? 'HCP Terraform' : 'Terraform Enterprise';
}

/** The platform's page where a person creates user API tokens. */
export function userTokenSettingsUrl(apiUrl: string): string {
  return new URL('/app/settings/tokens', apiUrl).href;
}
