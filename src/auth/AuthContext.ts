import { createContext, useContext } from 'react';

export interface SignedInUser {
  /** What to call the user: the `name` claim, else `preferred_username`, else the email; or the platform username. */
  name: string;
  email: string;
  /** The identity-provider groups (Terrakube team names); none when signed in with an API token. */
  groups: string[];
}

export interface Auth {
  user: SignedInUser;
  /** The API's `Authorization: Bearer` token: the current OIDC access token, or the user API token signed in with. */
  getAccessToken(): Promise<string | null>;
  /** Signs in again (after a 401 or an expired session), coming back to the current route. */
  signInAgain(): void;
  signOut(): Promise<void>;
}

export const AuthContext = createContext<Auth | null>(null);

/**
 * The signed-in user and session actions, the same whichever way the user signed in. Only available below
 * `<AuthProvider>` or `<ApiTokenAuthProvider>`, once signed in.
 */
export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth must be used inside <AuthProvider> or <ApiTokenAuthProvider>.');
  return auth;
}
