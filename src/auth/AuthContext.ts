import { createContext, useContext } from 'react';

export interface SignedInUser {
  /** What to call the user: the `name` claim, else `preferred_username`, else the email. */
  name: string;
  email: string;
  /** The identity-provider groups (Terrakube team names). */
  groups: string[];
}

export interface Auth {
  user: SignedInUser;
  /** The current OIDC access token, for the API's `Authorization: Bearer`. */
  getAccessToken(): Promise<string | null>;
  /** Signs in again (after a 401 or an expired session), coming back to the current route. */
  signInAgain(): void;
  signOut(): Promise<void>;
}

export const AuthContext = createContext<Auth | null>(null);

/** The signed-in user and session actions. Only available below `<AuthProvider>`, once signed in. */
export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth must be used inside <AuthProvider>.');
  return auth;
}
