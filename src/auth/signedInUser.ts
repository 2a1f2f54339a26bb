import type { User } from 'oidc-client-ts';
import type { SignedInUser } from './AuthContext';

const stringClaim = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** The user as the app shows them, from the ID token and userinfo claims (Dex: `name`, `email`, `groups`). */
export function signedInUserOf(user: Pick<User, 'profile'>): SignedInUser {
  const profile = user.profile as Record<string, unknown>;
  const email = stringClaim(profile.email);
  const name = stringClaim(profile.name) || stringClaim(profile.preferred_username) || email || 'Signed-in user';
  const groups = Array.isArray(profile.groups)
    ? profile.groups.filter((group): group is string => typeof group === 'string')
    : [];
  return { name, email, groups };
}
