import { createHttpClient, isApiError } from '../api';
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
 * Asks HCP Terraform / Terraform Enterprise who a user API token belongs to (`GET account/details`), through an
 * HTTP client of its own: the app's needs a signed-in session, and this is how one starts.
 */
export async function checkUserToken(apiUrl: string, token: string): Promise<UserTokenCheck> {
  const url = new URL('account/details', apiUrl);
  const platform = terraformPlatformName(apiUrl);
  const http = createHttpClient({ getAccessToken: () => token });
  let body: AccountDetails | undefined;
  try {
    body = await http.request<AccountDetails>(url, { accept: 'application/vnd.api+json' });
  } catch (error) {
    if (!isApiError(error)) throw error;
    if (error.status === 401 || error.status === 404) return { kind: 'refused' };
    if (error.status === 0) {
      return {
        kind: 'failed',
        reason: `Could not reach ${platform} at ${url.origin} to check the token. Check your connection and try again.`,
      };
    }
    if (error.status >= 300) {
      return { kind: 'failed', reason: `${platform} answered ${error.status} while checking the token: ${error.message}` };
    }
  }
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
