import type { SignedInUser } from './AuthContext';
import { terraformPlatformName } from './terraformPlatform';

export type UserTokenCheck =
  | { kind: 'accepted'; user: SignedInUser }
  /** 401 or 404: not a token of this platform, revoked, expired, or a team or organization token. */
  | { kind: 'refused' }
  | { kind: 'failed'; reason: string };

interface AccountDetails {
  data?: { id?: unknown; attributes?: { username?: unknown; email?: unknown } };
}

const textOf = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * Asks HCP Terraform / Terraform Enterprise who a user API token belongs to (`GET account/details`). It runs
 * before the app's HTTP client exists, which needs a signed-in session, so it calls `fetch` itself.
 */
export async function checkUserToken(apiUrl: string, token: string): Promise<UserTokenCheck> {
  const url = new URL('account/details', apiUrl);
  const platform = terraformPlatformName(apiUrl);
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/vnd.api+json' },
      cache: 'no-store',
    });
  } catch {
    return {
      kind: 'failed',
      reason: `Could not reach ${platform} at ${url.origin} to check the token. Check your connection and try again.`,
    };
  }
  if (response.status === 401 || response.status === 404) return { kind: 'refused' };
  if (!response.ok) {
    const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    return { kind: 'failed', reason: `${platform} answered ${status} while checking the token. Try again in a moment.` };
  }

  const body = (await response.json().catch(() => null)) as AccountDetails | null;
  if (!textOf(body?.data?.id)) {
    // Typically a proxy that sends this page (HTML) back instead of reaching the API.
    return {
      kind: 'failed',
      reason: `${url.href} did not answer with account details. Check that REACT_APP_TFE_API_URL is the API's address.`,
    };
  }
  const attributes = body?.data?.attributes;
  const email = textOf(attributes?.email);
  const name = textOf(attributes?.username) || email || 'Signed-in user';
  return { kind: 'accepted', user: { name, email, groups: [] } };
}
