import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { AuthContext, type Auth, type SignedInUser } from './AuthContext';
import { ApiTokenSignInPage, type SignInNotice } from './ApiTokenSignInPage';

/**
 * The signed-in token, in memory only. An object rather than state, so that `getAccessToken` stays the same
 * function while signed in and answers `null` as soon as the token is forgotten, even to a request in flight.
 */
class TokenHolder {
  private token: string | null = null;
  get = (): string | null => this.token;
  set = (token: string | null): void => {
    this.token = token;
  };
}

export interface ApiTokenAuthProviderProps {
  /** The HCP Terraform / Terraform Enterprise `/api/v2/` base. */
  apiUrl: string;
  children: ReactNode;
}

/**
 * Signs in with a user API token, for platforms whose API takes only its own tokens. The token lives in this
 * component's memory only, never in storage, cookies, the URL or the query cache: a reload asks for it again.
 * `children` mount once signed in and unmount when the token is forgotten; the URL is never touched, so they
 * come back on the same route.
 */
export function ApiTokenAuthProvider({ apiUrl, children }: ApiTokenAuthProviderProps) {
  const [user, setUser] = useState<SignedInUser | null>(null);
  const [notice, setNotice] = useState<SignInNotice | null>(null);
  const [holder] = useState(() => new TokenHolder());

  const signIn = useCallback(
    (token: string, signedIn: SignedInUser) => {
      holder.set(token);
      setNotice(null);
      setUser(signedIn);
    },
    [holder],
  );

  const forgetToken = useCallback(
    (reason: SignInNotice) => {
      holder.set(null);
      setUser(null);
      setNotice(reason);
    },
    [holder],
  );

  const getAccessToken = useCallback(async () => holder.get(), [holder]);
  const signInAgain = useCallback(() => forgetToken('token-refused'), [forgetToken]);
  const signOut = useCallback(async () => forgetToken('signed-out'), [forgetToken]);

  const auth = useMemo<Auth | null>(
    () => (user ? { user, getAccessToken, signInAgain, signOut } : null),
    [user, getAccessToken, signInAgain, signOut],
  );

  if (!auth) return <ApiTokenSignInPage apiUrl={apiUrl} notice={notice} onSignedIn={signIn} />;
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}
