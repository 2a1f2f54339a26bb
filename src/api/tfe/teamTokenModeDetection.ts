import { isApiError } from '../ApiError';
import type { TeamTokenMode } from './capabilities';
import { pageQuery } from './pagination';
import { sharedLookup } from './sharedLookup';
import { segment, type TfeClient } from './tfeClient';

/**
 * Which {@link TeamTokenMode} the server has, decided once per adapter.
 *
 * The rule: a configured mode wins; HCP Terraform always has `multiple`. Otherwise the organization's team-token
 * list (`GET organizations/:org/team-tokens`, which only releases with many tokens per team are taken to have) is
 * asked for its first page:
 * - 2xx → `multiple`, and that page is the first page of the list being shown, so detecting costs no request;
 * - 404 → the list is missing, or the organization is: `GET organizations/:org` tells which. If the organization
 *   is there the server is a `single` release; if not, that 404 is the answer and nothing is decided;
 * - any other failure (401, 429, 5xx, no network) decides nothing and is thrown; the next call asks again.
 * Concurrent callers share one detection. Terraform Enterprise releases that list team tokens yet keep one per team
 * are taken for `multiple`; such a deployment sets the mode in its configuration.
 */
export interface TeamTokenModeDetector {
  /** The mode once known: configured, implied by the host, or detected. */
  readonly mode: TeamTokenMode | undefined;
  /** Whether the mode was guessed from the server's answers rather than configured or implied. */
  readonly guessed: boolean;
  detect(organizationId: string): Promise<Detection>;
}

export interface Detection {
  mode: TeamTokenMode;
  organizationId: string;
  /** The organization's first page of team tokens, read while detecting. */
  firstPage?: unknown;
}

export function createTeamTokenModeDetector(
  client: TfeClient,
  known: TeamTokenMode | undefined,
): TeamTokenModeDetector {
  let mode = known;

  const probe = sharedLookup(async (organizationId: string): Promise<Detection> => {
    const organizationPath = `organizations/${segment(organizationId)}`;
    try {
      const firstPage = await client.get(`${organizationPath}/team-tokens`, { query: pageQuery(1) });
      return { mode: 'multiple', organizationId, firstPage };
    } catch (error) {
      if (!isApiError(error) || error.status !== 404) throw error;
      await client.get(organizationPath, { notFound: 'This organization does not exist, or you may not see it.' });
      return { mode: 'single', organizationId };
    }
  });

  return {
    get mode() {
      return mode;
    },
    guessed: known === undefined,
    async detect(organizationId) {
      if (mode !== undefined) return { mode, organizationId };
      const detection = await probe(organizationId);
      mode = detection.mode;
      return detection;
    },
  };
}
