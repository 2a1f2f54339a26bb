import type { ReactNode } from 'react';
import { AuthContext, type Auth } from '../AuthContext';

/** A signed-in session for component tests: never imported by the app. */
export function FakeAuthProvider({ signInAgain = () => undefined, children }: { signInAgain?: () => void; children: ReactNode }) {
  const auth: Auth = {
    user: { name: 'Admin User', email: 'admin@example.com', groups: ['TERRAKUBE_ADMIN', 'TERRAKUBE_DEVELOPERS'] },
    getAccessToken: async () => 'access-token',
    signInAgain,
    signOut: async () => undefined,
  };
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}
