import { createHttpClient, isApiError } from '../api';
import type { SignedInUser } from './AuthContext';
import { terraformPlatformName } from './terraformPlatform';

export type UserTokenCheck =
  | { kind: 'accepted'; user: SignedInUser }
  /** 401 or 404: not a token of this platform, revoked, expired, or a team or organization token. */
  | { kind: 'refused' }
  | { kind: 'failed'; reason: string };

interface AccountDetails {
  data?: { id?: unknown; attributes?: { username?: unknown; email?: unknown; 'is-service-account'?: unknown } };
}

/** API tokens are printable ASCII: a space, line break or other character inside means it was copied wrongly. */
const TOKEN_CHARACTERS = /^[\x21-\x7e]+$/;

const textOf = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * Asks HCP Terraform / Terraform Enterprise who a user API token belongs to (`GET account/details`), through an
 * HTTP client of its own: the app's needs a signed-in session, and this is how one starts.
 */
export async function checkUserToken(apiUrl: string, token: string): Promise<UserTokenCheck> {
  const url = new URL('account/details', apiUrl);
  const platform = terraformPlatformName(apiUrl);
  if (!TOKEN_CHARACTERS.test(token)) {
    return { kind: 'failed', reason: 'This is not a whole token: it holds spaces, line breaks or other characters a token has not. Copy it again.' };
  }
  const http = createHttpClient({ getAccessToken: () => token });
  let body: AccountDetails | undefined;
  try {
    body = await http.request<AccountDetails>(url, { accept: 'application/vnd.api+json' });
  } catch (error) {
    // Never the error itself: a browser's message about a request may quote its Authorization header.
    if (!isApiError(error)) return { kind: 'failed', reason: `The token could not be checked with ${platform}. Try again.` };
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
  // A team's or an organization's token answers as its service account: this page wants a person's.
  if (attributes?.['is-service-account'] === true) return { kind: 'refused' };
  const email = textOf(attributes?.email);
  const name = textOf(attributes?.username) || email || 'Signed-in user';
  return { kind: 'accepted', user: { name, email, groups: [] } };
}
