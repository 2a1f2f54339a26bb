/**
 * Ready-to-paste Terraform CLI credentials for a token. `host` is the API host as Terraform names
 * it: lower-case, Punycode for international names, with the port when there is one (as `URL.host` gives it).
 */

/**
 * `TF_TOKEN_<host>`: Terraform reads a token for a host from this variable, with the host's dots written as
 * underscores and its hyphens as double underscores (shells do not allow either in names). A host with a port
 * (or an IPv6 address) cannot be written as a variable name: `null`, and the credentials block is the way.
 */
export function terraformTokenVariableName(host: string): string | null {
  const name = host.toLowerCase();
  if (!/^[a-z0-9.-]+$/.test(name)) return null;
  return `TF_TOKEN_${name.replace(/-/g, '__').replace(/\./g, '_')}`;
}

/** `export TF_TOKEN_api_example_com="…"`, or `null` when the host cannot be a variable name. */
export function terraformEnvironmentLine(host: string, token: string): string | null {
  const name = terraformTokenVariableName(host);
  return name === null ? null : `export ${name}="${token}"`;
}

/** The `credentials` block for the CLI configuration file (`.terraformrc`, or `terraform.rc` on Windows). */
export function terraformCredentialsBlock(host: string, token: string): string {
  return `credentials "${host.toLowerCase()}" {\n  token = "${token}"\n}`;
}
