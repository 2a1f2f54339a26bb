import type { CollectionCapabilities, TokenApiCapabilities } from '../tokenApi';

/** How an HCP Terraform / Terraform Enterprise server keeps team tokens. */
export type TeamTokenMode =
  /** Current HCP Terraform: any number of tokens per team, each with a unique description. */
  | 'multiple'
  /** Older Terraform Enterprise: one descriptionless token per team; generating revokes and replaces it. */
  | 'single';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * HCP Terraform takes any future `expired-at`, to the second, and `null` for never (an organization's token
 * policy may allow less; the server then refuses with a 422 that points at the expiry). Ten years (3650 days, as the embedded server allows) is offered as
 * the longest choice: anything longer is "never" in all but name.
 */
const EXPIRY: CollectionCapabilities['expiry'] = { granularity: 'instant', maxMs: 3650 * DAY_MS, allowsNever: true };

export const PERSONAL_CAPABILITIES: CollectionCapabilities = {
  expiry: EXPIRY,
  takesDescription: true,
  uniqueDescriptions: false,
  tokensPerCollection: 'many',
  bulkDelete: false,
};

export const TEAM_CAPABILITIES: Record<TeamTokenMode, CollectionCapabilities> = {
  multiple: {
    expiry: EXPIRY,
    takesDescription: true,
    uniqueDescriptions: true,
    tokensPerCollection: 'many',
    bulkDelete: true,
  },
  single: {
    expiry: EXPIRY,
    takesDescription: false,
    uniqueDescriptions: false,
    tokensPerCollection: 'one',
    bulkDelete: false,
  },
};

/** One object per mode, so that the capabilities a screen reads only change identity when the mode is learnt. */
export function capabilitiesFor(cliHost: string): Record<TeamTokenMode, TokenApiCapabilities> {
  return {
    multiple: Object.freeze({ personal: PERSONAL_CAPABILITIES, team: TEAM_CAPABILITIES.multiple, cliHost }),
    single: Object.freeze({ personal: PERSONAL_CAPABILITIES, team: TEAM_CAPABILITIES.single, cliHost }),
  };
}

const hostOf = (url: string): string => {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return url.split(/[/:]/)[0]?.toLowerCase() ?? '';
  }
};

const isTerraformIoHost = (host: string) => host === 'terraform.io' || host.endsWith('.terraform.io');

/**
 * Whether the server is HCP Terraform (`app.terraform.io` and its other `*.terraform.io` regions) rather than a
 * Terraform Enterprise install. Behind a same-origin proxy the API URL names the proxy, so the CLI host, which is
 * the real API host, counts too.
 */
export function isHcpTerraform(apiUrl: string, cliHost: string): boolean {
  return isTerraformIoHost(hostOf(apiUrl)) || isTerraformIoHost(hostOf(`https://${cliHost}`));
}

export const platformNameOf = (apiUrl: string, cliHost: string): string =>
  isHcpTerraform(apiUrl, cliHost) ? 'HCP Terraform' : 'Terraform Enterprise';
